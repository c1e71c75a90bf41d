"""The HTML report: one self-contained, printable page (DESIGN.md section 8).

Rendered with Jinja2 and autoescaping from ``reports/templates/report.html.j2``: every field is escaped,
because post text is untrusted. The page makes no external request (inline CSS and SVG, no script) and
carries a Content-Security-Policy that forbids any. Evidence is highlighted by splitting the excerpt into
plain-text segments (:func:`reports.view.highlight`) that the template wraps in ``<mark>``.

The page is rendered in pieces (:func:`iter_html`, Jinja's ``generate``) and the finding cards are built
one at a time as the template reaches them, so a report of tens of thousands of findings is never held
in memory whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, cached_property
from typing import Any

import jinja2
from markupsafe import Markup

from checks.base import Finding, Remediation, Severity
from checks.remediation import remediation_for, why_it_matters
from reports.cards import RecordGroup, anchors_by_finding, group_by_record, safe_url
from reports.view import (
    CATEGORY_LABELS,
    CATEGORY_SINGULAR,
    NO_CLIENT_LIST,
    PLATFORM_LABELS,
    SEVERITY_HINTS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    Bar,
    ChecklistItem,
    bars,
    by_platform,
    category_label,
    checklist,
    client_label,
    format_time,
    highlight,
    match_label,
    reviewed,
    work_posts_per_year,
)
from scanner.platforms import platform_label
from scanner.result import ScanResult

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["category"] = category_label
    env.filters["platform"] = platform_label
    env.filters["when"] = format_time
    env.filters["singular"] = lambda c: CATEGORY_SINGULAR.get(c, category_label(c))
    env.globals.update(
        SEVERITY_LABELS=SEVERITY_LABELS,
        SEVERITY_HINTS=SEVERITY_HINTS,
        STATUS_LABELS=STATUS_LABELS,
    )
    return env


@dataclass(frozen=True)
class Reason:
    """One finding on a card: why the record was flagged and what to do about that."""

    finding: Finding
    remediation: Remediation
    fix_anchor: str  # the checklist line with the steps for this kind on this platform


@dataclass(frozen=True)
class Card:
    """What one record's card shows: every finding about the record, most severe first."""

    group: RecordGroup
    segments: list[tuple[str, str | None]]
    evidence: list[tuple[str, str]]
    clients: list[tuple[str, str]]  # (label, how it was matched, in plain words)
    reasons: list[Reason]
    when: str
    url: str | None

    @property
    def finding(self) -> Finding:
        """The most severe finding: its record, platform and title lead the card."""
        return self.group.first

    @property
    def anchor(self) -> str:
        """The card's HTML id."""
        return self.group.anchor

    @property
    def who(self) -> str:
        """The person the record is about: ``Name (@handle)``."""
        rec = self.finding.record
        handle = ("@" + rec.handle.lstrip("@")) if rec.handle else ""
        if rec.name and handle:
            return f"{rec.name} ({handle})"
        return rec.name or handle

    @cached_property
    def references(self) -> list[str]:
        """The references of every reason, each once."""
        return list(dict.fromkeys(r for reason in self.reasons for r in reason.remediation.references))

    @cached_property
    def steps(self) -> list[Reason]:
        """The reasons whose guidance differs (steps shown once each on screen)."""
        seen: set[str] = set()
        out = []
        for reason in self.reasons:
            if reason.remediation.steps and reason.remediation.summary not in seen:
                seen.add(reason.remediation.summary)
                out.append(reason)
        return out

    @property
    def ids(self) -> str:
        """The ids of the card's findings, joined (escaping the joined text escapes each id: the same HTML
        as joining them in the template)."""
        return ", ".join(f.fingerprint for f in self.group.findings)


@dataclass(frozen=True)
class Section:
    """The cards whose most severe finding is of one category; cards are built as they are read."""

    category: str
    severity: Severity
    why: str
    groups: list[RecordGroup]
    show_names: bool = True
    timezone: str = "UTC"

    @property
    def count(self) -> int:
        """How many cards the section has."""
        return len(self.groups)

    @property
    def cards(self) -> Iterator[Card]:
        """The cards, each built when the template reaches it (one pass)."""
        return (_card(g, show_names=self.show_names, tz=self.timezone) for g in self.groups)


def _remediation(f: Finding) -> Remediation:
    """The finding's guidance, or the library's when a check left it empty."""
    rem = f.remediation
    if rem.summary or rem.steps:
        return rem
    return remediation_for(f.category, f.platform)


def _card(group: RecordGroup, *, show_names: bool, tz: str) -> Card:
    findings = group.findings
    evidence = [e for f in findings for e in f.evidence]
    clients: dict[str, str] = {}
    for f in findings:
        for c in f.clients:
            clients.setdefault(client_label(c, with_name=show_names), match_label(c.match))
    first = group.first
    excerpt = next((f.record.excerpt for f in findings if f.record.excerpt), "")
    return Card(
        group=group,
        segments=highlight(excerpt, evidence),
        evidence=list(dict.fromkeys((e.text, e.reason) for e in evidence if e.reason)),
        clients=list(clients.items()),
        reasons=[Reason(f, _remediation(f), f"fix-{f.category}-{f.platform}") for f in findings],
        when=format_time(first.record.timestamp, tz),
        url=next((u for f in findings if (u := safe_url(f.record.url))), None),
    )


def _card_steps() -> Callable[[Remediation], Markup]:
    """The steps block of a remediation on a card (``steps.html.j2``), rendered once per distinct
    remediation of a report: thousands of cards share a few dozen."""
    macro = _environment().get_template("steps.html.j2").module.steps_list  # type: ignore[attr-defined]
    done: dict[Remediation, Markup] = {}

    def steps(rem: Remediation) -> Markup:
        try:
            block = done.get(rem)
        except TypeError:  # built with lists instead of tuples: not hashable, rendered each time
            return macro(rem)
        if block is None:
            block = done[rem] = macro(rem)
        return block

    return steps


def _sections(groups: list[RecordGroup], *, show_names: bool, tz: str) -> list[Section]:
    grouped: dict[str, list[RecordGroup]] = {}
    for group in groups:
        grouped.setdefault(str(group.first.category), []).append(group)
    sections = [Section(cat, gs[0].severity, why_it_matters(cat), gs, show_names, tz) for cat, gs in grouped.items()]
    return sorted(sections, key=lambda s: (s.severity.rank, -s.count, s.category))


def _status_table(result: ScanResult) -> list[tuple[str, dict[str, int]]]:
    """Per category: how many findings are open, fixed, accepted or false positives."""
    table: dict[str, Counter[str]] = {}
    for f in result.findings:
        table.setdefault(str(f.category), Counter())[f.status.value] += 1
    return [(cat, dict(c)) for cat, c in sorted(table.items())]


def _chart(items: list[Bar], *, row: int = 34, bar_w: int = 300) -> dict[str, Any]:
    """Geometry of a horizontal bar chart, each label on its own line above its bar, so that the chart stays
    narrow (360 units) and its text readable on a phone (the template draws it as inline SVG)."""
    return {
        "bars": [
            {"bar": b, "y": i * row, "w": max(2.0, round(b.share * bar_w, 1)) if b.value else 0.0}
            for i, b in enumerate(items)
        ],
        "height": max(len(items) * row, row),
        "bar_w": bar_w,
        "width": bar_w + 60,
        "row": row,
    }


def _columns(items: list[Bar], *, height: int = 120, width: int = 400) -> dict[str, Any]:
    """Geometry of a vertical bar chart (years along the bottom)."""
    n = max(len(items), 1)
    step = width / n
    col_w = min(46.0, step * 0.7)
    return {
        "cols": [
            {
                "bar": b,
                "x": round(i * step + (step - col_w) / 2, 1),
                "h": round(b.share * height, 1),
                "cx": round(i * step + step / 2, 1),
                "labelled": n <= 10 or i % 2 == 0,
            }
            for i, b in enumerate(items)
        ],
        "height": height,
        "width": width,
        "col_w": round(col_w, 1),
    }


def context(result: ScanResult) -> dict[str, Any]:
    """Everything the template needs, computed from ``result`` (no formatting decisions here)."""
    open_findings = list(result.open_findings)
    shows = result.redaction.shows
    show_names = shows.client_names
    items: list[ChecklistItem] = checklist(open_findings)
    groups = group_by_record(open_findings)
    sections = [] if not shows.finding_details else _sections(groups, show_names=show_names, tz=result.timezone)
    anchors = anchors_by_finding(g for section in sections for g in section.groups)
    platforms = by_platform(open_findings)
    years = work_posts_per_year(f for f in result.findings if f.status != "false-positive")
    generated = result.generated_at or datetime.now(UTC)
    return {
        "result": result,
        "csp": CSP,
        "shows": shows,
        "generated": format_time(generated, result.timezone),
        "timezone": result.timezone,
        "open_count": len(open_findings),
        "item_count": len(groups),
        "reviewed": reviewed(result),
        "severity_counts": {sev.value: sum(1 for g in groups if g.severity == sev) for sev in Severity},
        "category_chart": _chart(bars(result.by_category, CATEGORY_LABELS)),
        "platform_chart": _chart(bars(platforms, PLATFORM_LABELS)),
        "platforms": sorted(platforms),
        "severities_present": [s.value for s in Severity if any(g.severity == s for g in groups)],
        "card_links": {i.anchor: _card_links(i, anchors) for i in items},
        "year_chart": _columns(bars(years, keep_order=True)) if years else None,
        "checklist": items,
        "checklist_why": {i.category: why_it_matters(i.category) for i in items},
        "checklist_rem": {i.anchor: _remediation(i.findings[0]) for i in items},
        "card_steps": _card_steps(),
        "sections": sections,
        "status_table": _status_table(result),
        "skipped_total": sum(len(s.skipped) for s in result.sources),
        "no_client_list": NO_CLIENT_LIST,
    }


def _card_links(item: ChecklistItem, anchors: dict[str, str]) -> list[str]:
    """The anchors of the cards a checklist line covers, each once, in the line's order."""
    return list(dict.fromkeys(anchors[f.fingerprint] for f in item.findings if f.fingerprint in anchors))


def iter_html(result: ScanResult) -> Iterator[str]:
    """The HTML report (see :func:`render_html`) in pieces, as Jinja renders them."""
    return _environment().get_template("report.html.j2").generate(context(result))


def render_html(result: ScanResult) -> str:
    """The HTML report as one self-contained page."""
    return "".join(iter_html(result))
