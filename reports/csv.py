"""The CSV report: one row per finding, fixed columns, for spreadsheets.

The ``item`` column is the same for every finding about one record (the HTML report's card), so that a
spreadsheet can group them; ``record_local_time`` is the record's time in the policy's time zone, labelled,
and ``client_match`` says in plain words how each client was matched.

Cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) get a leading apostrophe: post text is untrusted (CSV injection).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence

from checks.base import Finding, sort_findings
from reports.cards import anchors_by_finding, group_by_record
from reports.view import format_time, iso_time, match_label
from scanner.result import ScanResult

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
    "item",
    "record_local_time",
    "client_match",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str | None) -> str:
    """``value`` as a cell no spreadsheet will evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def row(finding: Finding, item: str = "", tz: str = "UTC") -> list[str]:
    """One finding as the CSV columns (``item``: its record's card id; ``tz``: the time zone for local times)."""
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
        item,
        format_time(rec.timestamp, tz),
        "; ".join(f"{c.id}: {match_label(c.match)}" for c in finding.clients),
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


def iter_rows(header: Sequence[str], rows: Iterable[Sequence[str]], *, bom: bool = True) -> Iterator[str]:
    """A CSV file in pieces: the header (after a UTF-8 byte-order mark when ``bom``), then one row each.

    Rows are written as they are: make untrusted cells safe with :func:`safe_cell` first."""
    sink = _Pieces()
    writer = csv.writer(sink, lineterminator="\r\n")
    writer.writerow(header)
    yield ("\ufeff" if bom else "") + sink.take()
    for cells in rows:
        writer.writerow(cells)
        yield sink.take()


def iter_csv(result: ScanResult) -> Iterator[str]:
    """The CSV report (see :func:`render_csv`) in pieces: the byte-order mark and header, then one row each."""
    items = anchors_by_finding(group_by_record(result.findings))
    rows = (row(f, items.get(f.fingerprint, ""), result.timezone) for f in sort_findings(result.findings))
    return iter_rows(COLUMNS, rows)


def render_csv(result: ScanResult) -> str:
    """The CSV report: a header and one row per finding, most severe first (reviewed findings included).

    Starts with a UTF-8 byte-order mark so that spreadsheet programs read accents and emoji correctly.
    """
    return "".join(iter_csv(result))
