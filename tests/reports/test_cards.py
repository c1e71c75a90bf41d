"""One card per record in the HTML report: several reasons on one card, check-ins listed as post and place
once, local times labelled, plain words for how a client was matched, links that need no script."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from checks.base import Category, ClientMatch, Remediation, Severity, sort_findings
from reports import html as html_report
from reports.cards import group_by_record, safe_url
from reports.html import render_html
from reports.json import render_json
from scanner.result import ScanResult
from tests.reports.conftest import finding

WHEN = datetime(2023, 8, 12, 16, 10, tzinfo=UTC)


def _post(category: Category, severity: Severity, **kw: object) -> object:
    return finding(
        category,
        "facebook",
        severity=severity,
        rid="p1",
        when=WHEN,
        source="your_facebook_activity/posts/your_posts_1.json#57",
        excerpt="Session day at Riverbend",
        **kw,
    )  # type: ignore[arg-type]


def _result(*findings: object, timezone: str = "UTC") -> ScanResult:
    return ScanResult(findings=tuple(findings), sources=(), timezone=timezone)  # type: ignore[arg-type]


def _cards(html: str) -> list[str]:
    return re.findall(r'<article class="card[^"]*" id="(r-[0-9a-f]+)"', html)


def test_findings_about_one_post_are_one_card_and_json_keeps_each_finding() -> None:
    mention = _post(
        Category.CLIENT_MENTION,
        Severity.CRITICAL,
        title="Post names a client",
        clients=(ClientMatch("C001", "first_initial+initial", 0.85, name="Jane Doe"),),
    )
    work = _post(Category.WORK_RELATED_POST, Severity.MEDIUM, title="Work-related post")
    place = finding(
        Category.WORKPLACE_LOCATION,
        "facebook",
        severity=Severity.HIGH,
        rid="place-9",
        kind="place",
        when=WHEN,
        source="your_facebook_activity/posts/your_posts_1.json#57",
        title="Check-in",
    )
    other = finding(Category.WORK_RELATED_POST, "facebook", rid="p2", when=WHEN, title="Another post")
    result = _result(mention, work, place, other)
    html = render_html(result)
    assert len(_cards(html)) == 2
    assert "3 reasons" in html
    assert "2</strong> items to review (4 findings" in html
    doc = json.loads(render_json(result))
    assert len(doc["findings"]) == 4  # the JSON contract: one finding per (category, record)
    groups = group_by_record(result.findings)
    assert [len(g.findings) for g in groups] == [3, 1] and groups[0].severity == Severity.CRITICAL


def test_a_place_with_another_time_is_its_own_item() -> None:
    post = _post(Category.WORK_RELATED_POST, Severity.MEDIUM)
    place = finding(
        Category.WORKPLACE_LOCATION,
        "facebook",
        rid="pl",
        kind="place",
        when=datetime(2020, 1, 1, tzinfo=UTC),
        source="your_facebook_activity/posts/your_posts_1.json#57",
    )
    assert len(group_by_record([post, place])) == 2


def test_times_are_local_and_labelled() -> None:
    html = render_html(_result(_post(Category.WORK_RELATED_POST, Severity.MEDIUM), timezone="America/Chicago"))
    assert "2023-08-12 11:10 CDT" in html and "16:10" not in html.split('id="details"', 1)[1]
    assert "shown in the America/Chicago time zone" in html
    utc = render_html(_result(_post(Category.WORK_RELATED_POST, Severity.MEDIUM)))
    assert "2023-08-12 16:10 UTC" in utc and "timezone" in utc


def test_match_codes_become_plain_words() -> None:
    mention = _post(
        Category.CLIENT_MENTION,
        Severity.HIGH,
        clients=(
            ClientMatch("C001", "first_initial+initial", 0.85, name="Jane Doe"),
            ClientMatch("C002", "first_name+cue", 0.85, name="Bob Roe"),
        ),
    )
    html = render_html(_result(mention))
    assert "matched by first name and surname initial" in html
    assert "matched by first name next to a word such as client or session" in html
    for code in ("first_initial", "first_name+cue", "full_name", "title_surname"):
        assert code not in html


def test_checklist_links_to_cards_and_cards_link_to_the_post() -> None:
    post = _post(Category.WORK_RELATED_POST, Severity.MEDIUM, url="https://www.facebook.com/me/posts/1")
    hostile = finding(Category.WORK_RELATED_POST, "facebook", rid="p3", url="javascript:alert(1)")
    html = render_html(_result(post, hostile))
    [first, second] = _cards(html)
    checklist = html.split('id="checklist"', 1)[1].split('id="details"', 1)[0]
    assert f'href="#{first}"' in checklist and f'href="#{second}"' in checklist
    assert '<a href="https://www.facebook.com/me/posts/1" rel="noreferrer noopener"' in html
    assert 'href="javascript' not in html
    assert safe_url("javascript:alert(1)") is None and safe_url("https://x.com/a") == "https://x.com/a"


def test_filters_are_css_only_and_one_platform_hides_the_platform_chart() -> None:
    one = render_html(_result(_post(Category.WORK_RELATED_POST, Severity.MEDIUM)))
    assert "Findings by platform" not in one and "<script" not in one
    assert 'id="fs-medium"' in one and "#fs-medium:checked ~ #cards .card:not(.s-medium)" in one
    two = render_html(
        _result(
            _post(Category.WORK_RELATED_POST, Severity.MEDIUM),
            replace(_post(Category.WORK_RELATED_POST, Severity.LOW), platform="x"),
        )
    )
    assert "Findings by platform" in two and 'for="fp-x"' in two and 'for="fp-facebook"' in two


def test_csv_rows_of_one_record_share_an_item_with_local_time_and_plain_match() -> None:
    import csv
    import io

    from reports.csv import render_csv

    mention = _post(
        Category.CLIENT_MENTION,
        Severity.HIGH,
        clients=(ClientMatch("C001", "first_initial+initial", 0.85, name="Jane Doe"),),
    )
    work = _post(Category.WORK_RELATED_POST, Severity.MEDIUM)
    other = finding(Category.WORK_RELATED_POST, "facebook", rid="p2", when=WHEN)
    rows = list(csv.DictReader(io.StringIO(render_csv(_result(mention, work, other, timezone="Europe/Paris"))[1:])))
    items = {r["id"]: r["item"] for r in rows}
    assert items[mention.fingerprint] == items[work.fingerprint] != items[other.fingerprint]  # type: ignore[attr-defined]
    assert {r["record_local_time"] for r in rows} == {"2023-08-12 18:10 CEST"}
    assert "C001: first name and surname initial" in {r["client_match"] for r in rows}


def test_sort_findings_uses_the_documented_order(result: ScanResult) -> None:
    """The key worked out once per finding orders as the explicit key it replaces (severity, confidence,
    category, time, id), including findings without a time."""
    undated = [replace(f, record=replace(f.record, timestamp=None)) for f in result.findings[:5]]
    findings = [*reversed(result.findings), *undated]
    expected = sorted(
        findings,
        key=lambda f: (
            list(Severity).index(f.severity),
            -f.confidence,
            f.category,
            f.record.timestamp.isoformat() if f.record.timestamp else "",
            f.fingerprint,
        ),
    )
    assert list(sort_findings(findings)) == expected


def test_card_steps_rendered_once_are_the_macro_s_output(result: ScanResult, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each distinct remediation's steps block is rendered once per report and reused on every card: the page
    is the one the macro called on each card writes, for shared, distinct and unhashable remediations."""
    shared = Remediation("Do it", ("one <b>", "two"), ("ref",), "say 'this'", ("why?",))
    unhashable = Remediation("Other", ["a", "b & c"], [], None, [])  # type: ignore[arg-type]
    findings = tuple(
        replace(f, remediation=(shared, unhashable, f.remediation)[i % 3]) for i, f in enumerate(result.findings)
    )
    view = replace(result, findings=findings)
    reused = render_html(view)
    macro = html_report._environment().get_template("steps.html.j2").module.steps_list  # type: ignore[attr-defined]
    monkeypatch.setattr(html_report, "_card_steps", lambda: macro)
    assert render_html(view) == reused
    assert reused.count("one &lt;b&gt;") >= 2
