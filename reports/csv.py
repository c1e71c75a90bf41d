"""The CSV report: one row per finding, fixed columns, for spreadsheets.

Cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) get a leading apostrophe: post text is untrusted (CSV injection).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from checks.base import Finding, sort_findings
from reports.model import ScanResult
from reports.view import iso_time

COLUMNS: tuple[str, ...] = (
    "id",
    "severity",
    "category",
    "check",
    "platform",
    "confidence",
    "title",
    "record_kind",
    "record_time",
    "record_name",
    "record_handle",
    "record_url",
    "client_ids",
    "status",
    "excerpt",
    "remediation_summary",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str | None) -> str:
    """``value`` as a cell no spreadsheet will evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def row(finding: Finding) -> list[str]:
    """One finding as the CSV columns."""
    rec = finding.record
    return [
        finding.fingerprint,
        finding.severity.value,
        finding.category.value,
        finding.check,
        finding.platform,
        f"{finding.confidence:.2f}",
        safe_cell(finding.title),
        rec.kind,
        iso_time(rec.timestamp),
        safe_cell(rec.name),
        safe_cell(rec.handle),
        safe_cell(rec.url),
        ";".join(c.id for c in finding.clients),
        finding.status.value,
        safe_cell(rec.excerpt),
        safe_cell(finding.remediation.summary),
    ]


class _Pieces:
    """A file-like sink for :mod:`csv` that keeps what was written until taken."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


def iter_csv(result: ScanResult) -> Iterator[str]:
    """The CSV report (see :func:`render_csv`) in pieces: the byte-order mark and header, then one row each."""
    sink = _Pieces()
    writer = csv.writer(sink, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    yield "\ufeff" + sink.take()
    for finding in sort_findings(result.findings):
        writer.writerow(row(finding))
        yield sink.take()


def render_csv(result: ScanResult) -> str:
    """The CSV report: a header and one row per finding, most severe first (reviewed findings included).

    Starts with a UTF-8 byte-order mark so that spreadsheet programs read accents and emoji correctly.
    """
    return "".join(iter_csv(result))
