"""Writing files that hold sensitive material: atomic owner-only (0600) writes, and whether a folder is
synced to a cloud service (reports, triage files and client lists should stay on this computer).

Every package may import this module; it imports nothing of the project.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

_BATCH = 512  # pieces joined per write: writers yield many small strings

# (pattern over the lower-cased, "/"-separated path, service)
_CLOUD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"/mobile documents/com~apple~clouddocs(/|$)|/icloud ?drive(/|$)"), "iCloud Drive"),
    (re.compile(r"/dropbox( \([^/]*\)|-[^/]*)?(/|$)"), "Dropbox"),
    (re.compile(r"/onedrive( - [^/]*|-[^/]*)?(/|$)"), "OneDrive"),
    (re.compile(r"/(google ?drive|googledrive-[^/]*|my drive)(/|$)"), "Google Drive"),
    (re.compile(r"/library/cloudstorage/"), "a cloud-storage service"),
)


def cloud_sync_service(path: str | Path) -> str | None:
    """The cloud service whose synced folder holds ``path`` (Dropbox, OneDrive, iCloud Drive, Google Drive).

    Recognised by the folder names those services use (``Dropbox (Team)``, ``OneDrive - Agency``,
    ``Mobile Documents/com~apple~CloudDocs``, ``GoogleDrive-me@…``); ``None`` when none matches.
    """
    text = "/" + str(Path(path).expanduser().resolve()).replace("\\", "/").strip("/").lower() + "/"
    for pattern, service in _CLOUD_PATTERNS:
        if pattern.search(text):
            return service
    return None


def write_atomic(path: Path, content: str | Iterable[str]) -> None:
    """Write ``content`` (a string, or pieces of text written as they come) to ``path`` owner-only (0600)
    via a temporary file in the same folder; the temporary file is removed if anything fails."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # errors="replace": a character UTF-8 cannot hold (a lone surrogate) becomes "?" instead of costing
        # the whole report; the pipeline already replaces them as records are read.
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="") as fh:
            if isinstance(content, str):
                fh.write(content)
            else:
                pieces = iter(content)
                while batch := list(islice(pieces, _BATCH)):
                    fh.write("".join(batch))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
