"""The writer interface: pick formats from an enum, redact once, write each report atomically.

Reports hold sensitive material, so every file is written owner-only through
:func:`scanner.output.write_atomic` (a reader never sees half a report), and a warning is raised when the
output folder is synced to a cloud service.

Each writer produces its report as a stream of text pieces (:func:`render_stream`) that are written into
the temporary file as they come: a report of tens of thousands of findings is never held in memory as one
string.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import assert_never

from reports.redact import Masker, redact
from scanner.output import cloud_sync_service, write_atomic
from scanner.redaction import Redaction
from scanner.result import ScanResult

REPORT_STEM = "boundary-audit-report"


class Format(StrEnum):
    """The report formats."""

    JSON = "json"
    HTML = "html"
    MARKDOWN = "markdown"
    CSV = "csv"

    @property
    def extension(self) -> str:
        """The file extension, without the dot."""
        return {"json": "json", "html": "html", "markdown": "md", "csv": "csv"}[self.value]


class CloudSyncWarning(UserWarning):
    """The report folder is inside a folder that a cloud service copies off this computer."""


Writer = Callable[[ScanResult], Iterator[str]]
"""A report writer: the (already redacted) result in, the report's text out, piece by piece."""


def writer_for(fmt: Format) -> Writer:
    """The writer of ``fmt`` (imported when first needed); every format has one, checked by mypy."""
    match fmt:
        case Format.JSON:
            from reports.json import iter_json

            return iter_json
        case Format.HTML:
            from reports.html import iter_html

            return iter_html
        case Format.MARKDOWN:
            from reports.markdown import iter_markdown

            return iter_markdown
        case Format.CSV:
            from reports.csv import iter_csv

            return iter_csv
        case _:
            assert_never(fmt)


def render_stream(result: ScanResult, fmt: Format) -> Iterator[str]:
    """One report as consecutive pieces of text (``result`` already redacted as wanted)."""
    return writer_for(Format(fmt))(result)


def render(result: ScanResult, fmt: Format) -> str:
    """One report as text (``result`` already redacted as wanted)."""
    return "".join(render_stream(result, fmt))


def report_name(fmt: Format, redaction: Redaction | str = Redaction.FULL) -> str:
    """The file name of a report: ``boundary-audit-report.html``, ``…-supervision.html`` for a redacted copy."""
    return f"{REPORT_STEM}{Redaction.parse(redaction).shows.file_suffix}.{fmt.extension}"


def write_reports(
    result: ScanResult,
    formats: Iterable[Format | str],
    out_dir: str | Path,
    redaction: Redaction | str = Redaction.FULL,
    *,
    masker: Masker | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write ``result`` in each format into ``out_dir`` at the ``redaction`` level; the paths written.

    ``masker`` (a :class:`~checks.analysis.masking.ClientMasker` built from the scan's client list and
    ``result``'s findings) masks clients in supervision and agency copies. A cloud-synced ``out_dir``
    produces a warning through ``on_warning`` (default: :class:`CloudSyncWarning` via :mod:`warnings`);
    the reports are still written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    service = cloud_sync_service(out)
    if service:
        message = (
            f"The report folder {out} is inside {service}: the reports will be copied to that service. "
            "Consider writing them to a local folder instead (--out)."
        )
        if on_warning is not None:
            on_warning(message)
        else:
            warnings.warn(message, CloudSyncWarning, stacklevel=2)
    view = redact(result, redaction, masker)
    written: list[Path] = []
    for item in dict.fromkeys(Format(f) for f in formats):
        path = out / report_name(item, view.redaction)
        write_atomic(path, render_stream(view, item))
        written.append(path)
    return written
