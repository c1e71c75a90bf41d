"""Instagram exports: routes (``files``), keys (``keys``), JSON and HTML entries (``records``, ``html_pages``), the <=
2020 root files (``legacy``), threads (``messages``), dates and list unwrapping (``common``) and the reading pass
(``reader``). Code shared with Facebook is in :mod:`scanner.readers.meta`.
"""

from scanner.readers.instagram.reader import InstagramReader

__all__ = ["InstagramReader"]
