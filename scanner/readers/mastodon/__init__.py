"""Mastodon account archives and CSV exports: ActivityPub activities (``activity``) and the reading pass
(``reader``)."""

from scanner.readers.mastodon.reader import MastodonReader

__all__ = ["MastodonReader"]
