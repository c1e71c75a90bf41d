"""LinkedIn export reader (placeholder until implemented)."""

from __future__ import annotations

from collections.abc import Iterator

from scanner.archive import Archive
from scanner.readers.base import Detection, ReadContext
from scanner.records import AnyRecord


class LinkedInReader:
    """Reads LinkedIn exports."""

    platform = "linkedin"

    def detect(self, archive: Archive) -> Detection | None:
        return None

    def read(self, archive: Archive, detection: Detection, ctx: ReadContext) -> Iterator[AnyRecord]:
        return iter(())
