"""Platform readers. ``ALL_READERS`` is the explicit registry used by detection."""

from __future__ import annotations

from scanner.readers.base import Account, Detection, ReadContext, Reader, Skipped
from scanner.readers.bluesky import BlueskyReader
from scanner.readers.facebook import FacebookReader
from scanner.readers.instagram import InstagramReader
from scanner.readers.linkedin import LinkedInReader
from scanner.readers.mastodon import MastodonReader
from scanner.readers.x import XReader

ALL_READERS: tuple[Reader, ...] = (
    XReader(),
    FacebookReader(),
    InstagramReader(),
    LinkedInReader(),
    MastodonReader(),
    BlueskyReader(),
)

__all__ = ["ALL_READERS", "Account", "Detection", "ReadContext", "Reader", "Skipped"]
