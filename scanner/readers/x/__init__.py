"""X (Twitter) archives: layout (``layout``), the JS wrapper (``js``), tweets (``tweets``), everything else
(``records``) and the reading order (``reader``).
"""

from scanner.readers.x.reader import XReader

__all__ = ["XReader"]
