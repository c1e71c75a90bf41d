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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

import jinja2

from checks.base import Finding, Remediation, Severity, sort_findings
from checks.remediation import remediation_for, why_it_matters
from reports.model import ScanResult
from reports.view import (
    CATEGORY_LABELS,
    NO_CLIENT_LIST,
    PLATFORM_LABELS,
    REDACTION_LABELS,
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
    platform_label,
    reviewed,
    severity_counts,
    work_posts_per_year,
)

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
    env.globals.update(
        SEVERITY_LABELS=SEVERITY_LABELS,
        SEVERITY_HINTS=SEVERITY_HINTS,
        STATUS_LABELS=STATUS_LABELS,
    )
    return env


@dataclass(frozen=True)
class Card:
    """What one finding card shows."""

    finding: Finding
    segments: list[tuple[str, str | None]]
    reasons: list[tuple[str, str]]
    clients: list[str]
    remediation: Remediation
    why: str
    anchor: str

    @property
    def who(self) -> str:
        rec = self.finding.record
        handle = ("@" + rec.handle.lstrip("@")) if rec.handle else ""
        if rec.name and handle:
            return f"{rec.name} ({handle})"
        return rec.name or handle


@dataclass(frozen=True)
class Section:
    """The findings of one category, most severe first; their cards are built as they are read."""

    category: str
    severity: Severity
    why: str
    findings: list[Finding]
    show_names: bool = True

    @property
    def count(self) -> int:
        """How many cards the section has."""
        return len(self.findings)

    @property
    def cards(self) -> Iterator[Card]:
        """The cards, each built when the template reaches it (one pass)."""
        return (_card(f, show_names=self.show_names) for f in self.findings)


def _remediation(f: Finding) -> Remediation:
    """The finding's guidance, or the library's when a check left it empty."""
    rem = f.remediation
    if rem.summary or rem.steps:
        return rem
    return remediation_for(f.category, f.platform)


def _card(f: Finding, *, show_names: bool) -> Card:
    reasons = list(dict.fromkeys((e.text, e.reason) for e in f.evidence if e.reason))
    return Card(
        finding=f,
        segments=highlight(f.record.excerpt, f.evidence),
        reasons=reasons,
        clients=[client_label(c, with_name=show_names) for c in f.clients],
        remediation=_remediation(f),
        why=why_it_matters(f.category),
        anchor=f"fix-{f.category}-{f.platform}",
    )


def _sections(findings: list[Finding], *, show_names: bool) -> list[Section]:
    grouped: dict[str, list[Finding]] = {}
    for f in sort_findings(findings):
        grouped.setdefault(str(f.category), []).append(f)
    sections = [Section(cat, fs[0].severity, why_it_matters(cat), fs, show_names) for cat, fs in grouped.items()]
    return sorted(sections, key=lambda s: (s.severity.rank, -s.count, s.category))


def _status_table(result: ScanResult) -> list[tuple[str, dict[str, int]]]:
    """Per category: how many findings are open, fixed, accepted or false positives."""
    table: dict[str, Counter[str]] = {}
    for f in result.findings:
        table.setdefault(str(f.category), Counter())[f.status.value] += 1
    return [(cat, dict(c)) for cat, c in sorted(table.items())]


def _chart(items: list[Bar], *, row: int = 26, label_w: int = 330, bar_w: int = 330) -> dict[str, Any]:
    """Geometry of a horizontal bar chart (the template draws it as inline SVG)."""
    return {
        "bars": [
            {"bar": b, "y": i * row, "w": max(2.0, round(b.share * bar_w, 1)) if b.value else 0.0}
            for i, b in enumerate(items)
        ],
        "height": max(len(items) * row, row),
        "label_w": label_w,
        "bar_w": bar_w,
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
    show_names = result.redaction == "full"
    items: list[ChecklistItem] = checklist(open_findings)
    years = work_posts_per_year(f for f in result.findings if f.status != "false-positive")
    generated = result.generated_at or datetime.now(UTC)
    return {
        "result": result,
        "csp": CSP,
        "redaction": result.redaction,
        "redaction_label": REDACTION_LABELS.get(result.redaction, result.redaction),
        "generated": generated.astimezone(UTC).strftime("%d %B %Y, %H:%M UTC"),
        "open_count": len(open_findings),
        "reviewed": reviewed(result),
        "severity_counts": severity_counts(open_findings),
        "category_chart": _chart(bars(result.by_category, CATEGORY_LABELS), label_w=300, bar_w=390),
        "platform_chart": _chart(bars(by_platform(open_findings), PLATFORM_LABELS), label_w=100, bar_w=260),
        "year_chart": _columns(bars(years, keep_order=True)) if years else None,
        "checklist": items,
        "checklist_why": {i.category: why_it_matters(i.category) for i in items},
        "checklist_rem": {i.anchor: _remediation(i.findings[0]) for i in items},
        "sections": [] if result.redaction == "agency" else _sections(open_findings, show_names=show_names),
        "status_table": _status_table(result),
        "skipped_total": sum(len(s.skipped) for s in result.sources),
        "no_client_list": NO_CLIENT_LIST,
    }


def iter_html(result: ScanResult) -> Iterator[str]:
    """The HTML report (see :func:`render_html`) in pieces, as Jinja renders them."""
    return _environment().get_template("report.html.j2").generate(context(result))


def render_html(result: ScanResult) -> str:
    """The HTML report as one self-contained page."""
    return "".join(iter_html(result))
