"""Platform readers. ``ALL_READERS`` is the explicit registry used by detection."""

from __future__ import annotations

from scanner.readers.base import Account, Detection, ReadContext, Reader, Skipped
from scanner.readers.bluesky.reader import BlueskyReader
from scanner.readers.facebook.reader import FacebookReader
from scanner.readers.instagram.reader import InstagramReader
from scanner.readers.linkedin.reader import LinkedInReader
from scanner.readers.mastodon.reader import MastodonReader
from scanner.readers.x.reader import XReader

ALL_READERS: tuple[Reader, ...] = (
    XReader(),
    FacebookReader(),
    InstagramReader(),
    LinkedInReader(),
    MastodonReader(),
    BlueskyReader(),
)

__all__ = ["ALL_READERS", "Account", "Detection", "ReadContext", "Reader", "Skipped"]
