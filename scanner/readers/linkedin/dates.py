"""The date formats LinkedIn writes, which differ by file and by export year.

Every value becomes an aware UTC datetime. LinkedIn's files either say ``UTC`` or give no zone; values
without a zone are taken as UTC (the times LinkedIn shows in its exports are server times). A value with
only a date (``12 Mar 2021``, ``Jun 2018``, ``2004``) becomes midnight UTC of that day (the first of the
month / year).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

_FORMATS = (
    "%d %b %Y",  # Connections.csv 2020+: 09 Oct 2024
    "%d %B %Y",
    "%m/%d/%y, %I:%M %p",  # 2018 files, Invitations.csv: 1/8/18, 6:14 PM
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y, %H:%M",
    "%m/%d/%y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%Y/%m/%d %H:%M:%S",  # 2018 UTF-16 files: 2017/06/08 08:15:44 UTC (zone removed first)
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%a %b %d %H:%M:%S %Y",  # Company Follows: Sat Sep 05 08:12:14 UTC 2026 (zone removed first)
    "%b %d, %Y, %I:%M %p",
    "%b %d, %Y",  # Profile.csv Birth Date: Feb 17, 1998
    "%B %d, %Y",
    "%b %Y",  # Positions.csv: Jun 2018
    "%B %Y",
    "%m/%Y",
    "%Y-%m",
    "%Y",  # Education.csv: 2004
)

_ZONE = re.compile(r"\s*\b(?:UTC|GMT)\b\s*")


def parse_when(value: str | None) -> datetime | None:
    """Parse any LinkedIn date/time into an aware UTC datetime; ``None`` when empty or unrecognised."""
    if not value:
        return None
    text = " ".join(value.replace("\u202f", " ").replace("\xa0", " ").split())
    if not text:
        return None
    text = _ZONE.sub(" ", text).strip()
    try:
        parsed = datetime.fromisoformat(text.replace(" Z", "Z"))
    except ValueError:
        parsed = None
    if parsed is None:
        for fmt in _FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    parsed = parsed.replace(microsecond=0)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
