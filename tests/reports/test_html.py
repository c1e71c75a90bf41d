"""The HTML report: self-contained, escaped, highlighted, complete."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from checks.base import Category, Evidence
from reports.html import CSP, render_html
from reports.redact import redact
from reports.view import highlight
from scanner.result import ScanResult
from tests.reports.conftest import XSS_IMG, XSS_SCRIPT, ev, finding, masker_for


class Tags(HTMLParser):
    """Collects start tags with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture
def html(result: ScanResult) -> str:
    return render_html(result)


def test_self_contained_with_csp(html: str) -> None:
    tags = parse(html)
    names = {t for t, _ in tags}
    assert not names & {"script", "link", "iframe", "object", "embed", "img", "form", "base"}
    assert ("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}) in tags
    for tag, attrs in tags:
        for key, value in attrs.items():
            assert not key.startswith("on"), key
            if key in ("src", "action", "xlink:href"):
                assert (value or "").startswith("#"), value
            if key == "href" and not (value or "").startswith("#"):
                # a plain link to the record on its platform: never loaded, never a script
                assert tag == "a" and (value or "").startswith(("https://", "http://")), value
                assert "noreferrer" in (attrs.get("rel") or ""), attrs
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "url(" not in style and "@import" not in style
    assert html.count("<style>") == 1


def test_post_text_is_escaped(html: str) -> None:
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;" in html
    assert "&lt;img src=x onerror=" in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html


def test_evidence_is_marked(html: str) -> None:
    assert '<mark title="phone number">555-0134</mark>' in html
    assert '<mark title="work context">Thursday&#39;s session</mark>' in html


@pytest.mark.parametrize(
    ("text", "evidence", "expected"),
    [
        ("no evidence", [], [("no evidence", None)]),
        ("Call Bo now", [ev("bo", "name")], [("Call ", None), ("Bo", "name"), (" now", None)]),
        ("a b a", [ev("a", "x")], [("a", "x"), (" b ", None), ("a", "x")]),
        ("abcdef", [ev("abcd", "p"), ev("cdef", "q")], [("abcdef", "p; q")]),
        ("text", [ev("missing", "x")], [("text", None)]),
        ("spread  out", [ev("spread\nout", "ws")], [("spread  out", None)]),
        ("", [ev("x", "y")], []),
        # offsets refer to the full text, not the excerpt: they are ignored
        ("short excerpt", [Evidence(500, 505, "short", "far away")], [("short", "far away"), (" excerpt", None)]),
    ],
)
def test_highlight(text: str, evidence: list[Evidence], expected: list[tuple[str, str | None]]) -> None:
    assert highlight(text, evidence) == expected


def test_sections_checklist_and_reviewed(result: ScanResult, html: str) -> None:
    for category in result.by_category:
        assert f'id="cat-{category}"' in html
    # the checklist is ordered by severity: the first item is critical, the last is info
    pills = re.findall(r'<li id="fix-[^"]+">\s*<label><input type="checkbox">\s*<span><span class="pill (\w+)"', html)
    assert pills[0] == "critical" and pills[-1] == "info"
    assert pills == sorted(pills, key=["critical", "high", "medium", "low", "info"].index)
    reviewed_part = html.split('id="reviewed"', 1)[1]
    assert "Same name, not my client" in reviewed_part
    assert 'id="f-' not in reviewed_part  # reviewed items are not repeated as cards
    assert "Follower @someone_else" not in html.split('id="reviewed"', 1)[0]


def test_why_it_matters_steps_and_references(html: str) -> None:
    assert "Why it matters." in html
    assert "What you might say" in html
    assert "Questions to take to supervision" in html
    assert "Who can send you friend requests?" in html
    for ref in ("H.6", "A.5.e", "1.06", "1.07", "NCSBN", "164.514(b)(2)"):
        assert ref in html


def test_scan_coverage_is_shown(html: str) -> None:
    assert "not valid JSON; download the export again" in html
    assert "12 follower ids could not be resolved to handles." in html
    assert "The scan is incomplete." in html
    assert "not a zip file" in html


def test_charts_are_inline_svg(html: str) -> None:
    assert html.count("<svg") == 3
    assert "Posts about clinical work, per year" in html
    # every year between the first and last work post has a column, also years without any
    assert [y for y in ("2018", "2019", "2020", "2021", "2022", "2023") if f">{y}</text>" in html] == [
        "2018", "2019", "2020", "2021", "2022", "2023",
    ]  # fmt: skip


def test_empty_result_renders() -> None:
    html = render_html(ScanResult(findings=(), sources=()))
    assert "Nothing to review." in html and "No archive could be read." in html
    assert "<svg" not in html


def test_agency_copy_has_status_table_and_no_cards(result: ScanResult) -> None:
    html = render_html(redact(result, "agency", masker_for(result)))
    assert 'id="status"' in html and '<article class="card' not in html
    assert "Agency copy" in html


def test_missing_remediation_falls_back_to_the_library(result: ScanResult) -> None:
    from checks.base import Remediation

    bare = replace(finding(Category.CLIENT_MESSAGE, "x", rid="bare"), remediation=Remediation(summary=""))
    html = render_html(replace(result, findings=(bare,)))
    assert "Allow message requests from" in html


def test_unknown_category_text_cannot_break_out(result: ScanResult) -> None:
    evil = finding(
        Category.WORK_RELATED_POST,
        "facebook",
        rid="e",
        title='"><svg onload=alert(1)>',
        excerpt="x",
        evidence=(ev("x", '"><script>alert(1)</script>'),),
    )
    html = render_html(replace(result, findings=(evil,)))
    assert "<svg onload" not in html and "<script>alert" not in html
    assert not any(k.startswith("on") for _, attrs in parse(html) for k in attrs)
