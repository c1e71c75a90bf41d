"""Which platform, layout generation and format an archive is."""

from __future__ import annotations

from dataclasses import dataclass

from scanner.archive import Archive
from scanner.platforms import PLATFORMS, supported_exports
from scanner.readers import ALL_READERS, Detection, Reader

SUPPORTED = supported_exports()

# Paths that give away platforms we do not read, for a helpful message.
_OTHER_PLATFORMS = {p.label: p.export_markers for p in PLATFORMS if p.export_markers and not p.readable}


class UnknownArchiveError(Exception):
    """An archive no reader recognizes; ``str()`` is a one-line message saying what it looks like."""


@dataclass(frozen=True)
class Detected:
    """A reader together with what it recognized."""

    reader: Reader
    detection: Detection


def detect(archive: Archive) -> Detected:
    """The best reader for ``archive``; raises :class:`UnknownArchiveError` when none fits."""
    candidates: list[Detected] = []
    for reader in ALL_READERS:
        found = reader.detect(archive)
        if found is not None:
            candidates.append(Detected(reader, found))
    if candidates:
        return max(candidates, key=lambda d: d.detection.score)
    raise UnknownArchiveError(f"{archive.label}: {describe_unknown(archive)}")


def describe_unknown(archive: Archive) -> str:
    """A one-line explanation of what an unrecognized archive looks like."""
    refused = "; ".join(f"{u.path} {u.reason}" for u in archive.unsafe[:3])
    refused += f" (and {len(archive.unsafe) - 3} more)" if len(archive.unsafe) > 3 else ""
    if not archive.members and archive.unsafe:
        return f"holds no file that can be read: {refused}"
    if archive.unsafe:  # what could not be read may be what would have told the platform
        return f"{_unrecognized(archive)}; besides, {refused}"
    return _unrecognized(archive)


def _unrecognized(archive: Archive) -> str:
    if not archive.members:
        return "is empty (no files to read); give the archive you downloaded from the platform"
    for name, markers in _OTHER_PLATFORMS.items():
        if archive.has(*markers):
            return f"this looks like a {name} export; boundary-audit reads {SUPPORTED}"
    sample = ", ".join(m.path for m in archive.members[:3])
    return (
        f"this does not look like a social-media export (it holds {len(archive.members)} files such as {sample}); "
        f"boundary-audit reads {SUPPORTED}"
    )
