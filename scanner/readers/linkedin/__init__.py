"""LinkedIn data exports (CSV): the files (``files``), their dates (``dates``) and the reading pass (``reader``)."""

from scanner.readers.linkedin.reader import LinkedInReader

__all__ = ["LinkedInReader"]
