"""The CSV report: one row per finding, fixed columns, for spreadsheets.

Cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) get a leading apostrophe: post text is untrusted (CSV injection).
"""

from __future__ import annotations

import csv
import io

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


def render_csv(result: ScanResult) -> str:
    """The CSV report: a header and one row per finding, most severe first (reviewed findings included).

    Starts with a UTF-8 byte-order mark so that spreadsheet programs read accents and emoji correctly.
    """
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for finding in sort_findings(result.findings):
        writer.writerow(row(finding))
    return buf.getvalue()
