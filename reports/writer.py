"""Writers behind one small interface, chosen by format; files written atomically, owner-only (0600).

(Minimal version: JSON only until the other writers land.)
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from reports.json import render_json
from reports.model import ScanResult


class Format(StrEnum):
    """Report formats."""

    JSON = "json"
    HTML = "html"
    MARKDOWN = "markdown"
    CSV = "csv"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a 0600 temp file in the same folder and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_reports(result: ScanResult, formats: Iterable[Format | str], out_dir: Path, redaction: str = "full") -> list[Path]:
    """Write one file per format into ``out_dir``; return the paths written."""
    written = []
    for fmt in formats:
        if Format(fmt) is Format.JSON:
            path = out_dir / "boundary-audit-report.json"
            write_atomic(path, render_json(result))
            written.append(path)
    return written
