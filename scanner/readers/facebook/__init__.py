"""Facebook exports: paths (``layout``), JSON and HTML parsers (``json_files``, ``html_pages``, ``media``,
``security``), the legacy downloads (``legacy``), records (``records``) and the reading pass (``reader``). Code
shared with Instagram is in :mod:`scanner.readers.meta`.
"""

from scanner.readers.facebook.reader import FacebookReader

__all__ = ["FacebookReader"]
