"""Bluesky repository exports (CAR): lexicon records, shared with the online check (``records``), and the reading pass
(``reader``).
"""

from scanner.readers.bluesky.reader import BlueskyReader

__all__ = ["BlueskyReader"]
