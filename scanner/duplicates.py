"""Inputs given twice: the same path, or two files with the same bytes (a download saved twice).

Reading the same export twice would read every file twice and refuse the second copy of each as a
duplicate member; instead the second input is dropped and the user is told, in one line.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_CHUNK = 1 << 20


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def drop_duplicates(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """``paths`` without repeats, and one notice per input dropped.

    Two inputs are the same when they resolve to the same path, or when they are files of the same size
    with the same SHA-256 (only files of equal size are hashed).
    """
    kept: list[Path] = []
    notices: list[str] = []
    seen_paths: dict[Path, Path] = {}
    by_size: dict[int, list[Path]] = {}
    digests: dict[Path, str] = {}
    for path in paths:
        try:
            resolved = path.resolve()
            size = path.stat().st_size if path.is_file() else None
        except OSError:
            kept.append(path)  # the archive layer reports what is wrong with it
            continue
        twin = seen_paths.get(resolved)
        if twin is None and size is not None:
            twin = next((other for other in by_size.get(size, []) if _same(other, path, digests)), None)
        if twin is not None:
            what = "was given twice" if twin.resolve() == resolved else f"is a copy of {twin}"
            notices.append(f"{path} {what}; it was read once")
            continue
        seen_paths[resolved] = path
        if size is not None:
            by_size.setdefault(size, []).append(path)
        kept.append(path)
    return kept, notices


def _same(a: Path, b: Path, digests: dict[Path, str]) -> bool:
    try:
        for p in (a, b):
            if p not in digests:
                digests[p] = _digest(p)
    except OSError:
        return False
    return digests[a] == digests[b]
