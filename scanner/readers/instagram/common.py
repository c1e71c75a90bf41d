"""Small helpers for Meta exports that the Instagram reader needs besides :mod:`scanner.readers.meta`.

* :func:`unwrap_list` -- Meta files hold a bare list, a ``{"some_key": [...]}`` wrapper, or a single bare record;
* :func:`parse_display_date` -- the date strings of HTML exports (``Jun 04, 2025 6:46:10 pm``), also in a few
  other languages;
* :func:`parse_iso` -- the ISO times of the oldest (<= 2020) Instagram exports.

Times without a zone are taken as UTC (HTML exports show the account's local time; readers say so in a note).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from dateutil import parser as date_parser

from checks.analysis.normalize import fold

_RECORD_MARKERS = ("string_map_data", "string_list_data", "label_values", "media", "uri", "messages")


def unwrap_list(data: Any, keys: Iterable[str] = ()) -> list[Any] | None:
    """The list of records in a parsed Meta JSON file, or ``None`` when the shape is not recognized.

    Tries, in order: a bare list; the first of ``keys`` present in a dict; a single bare record (a dict
    carrying one of the usual record fields); a dict whose only list-valued entry is the record list.
    """
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    for key in keys:
        value = data.get(key)
        if isinstance(value, list):
            return value
    if any(marker in data for marker in _RECORD_MARKERS):
        return [data]
    lists = [v for v in data.values() if isinstance(v, list)]
    if len(lists) == 1:
        return lists[0]
    if not data:
        return []
    return None


# Month names in the languages Meta renders HTML exports in most often (abbreviations are prefixes).
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("jan", "gen", "ene", "janv", "janeiro", "januar", "januari", "enero", "gennaio", "janvier", "sty"),
        ("feb", "febr", "fev", "fevr", "febbraio", "febrero", "fevrier", "februar", "februari", "fevereiro", "lut"),
        ("mar", "marz", "maerz", "mars", "marzo", "maart", "marco", "mrt", "mär"),
        ("apr", "abr", "avr", "april", "aprile", "abril", "avril", "kwi"),
        ("may", "mag", "mai", "mayo", "maggio", "mei", "maio", "maj"),
        ("jun", "giu", "juin", "juni", "junio", "giugno", "junho", "cze"),
        ("jul", "lug", "juil", "juli", "julio", "luglio", "juillet", "julho", "lip"),
        ("aug", "ago", "aout", "août", "august", "augustus", "agosto", "sie"),
        ("sep", "sept", "set", "september", "settembre", "septiembre", "septembre", "setembro", "wrz"),
        ("oct", "ott", "okt", "out", "october", "oktober", "ottobre", "octubre", "octobre", "outubro", "paz"),
        ("nov", "november", "novembre", "noviembre", "novembro", "lis"),
        ("dec", "dic", "dez", "des", "december", "dicembre", "diciembre", "decembre", "dezember", "dezembro", "gru"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_DATE_HINT = re.compile(r"\d{1,4}")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?\s?m\.?)?", re.IGNORECASE)


def parse_display_date(text: str | None) -> datetime | None:
    """Parse an HTML export's display date (``Jun 04, 2025 6:46:10 pm``, ``25 juli 2026 13:28``) as UTC.

    Returns ``None`` for text that is not a date. Seconds are kept when the export shows them.
    """
    if not text:
        return None
    raw = " ".join(text.split())
    if len(raw) > 64 or not _DATE_HINT.search(raw):
        return None
    for fmt in ("%b %d, %Y %I:%M:%S %p", "%b %d, %Y %I:%M %p", "%b %d, %Y, %I:%M:%S %p", "%b %d, %Y, %I:%M %p"):
        try:
            return datetime.strptime(raw, fmt).replace(tzinfo=UTC)
        except ValueError:
            pass
    parsed = _parse_localized(raw)
    if parsed is not None:
        return parsed
    try:
        value = date_parser.parse(raw, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if not re.search(r"\d{4}", raw):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _parse_localized(raw: str) -> datetime | None:
    """Day / month-name / year in any order plus an optional clock, e.g. ``25. Juli 2026 um 13:28``."""
    folded = fold(raw)
    clock = _CLOCK.search(folded)
    rest = folded[: clock.start()] + " " + folded[clock.end() :] if clock else folded
    words = re.findall(r"[^\W\d_]+", rest)
    numbers = [int(n) for n in re.findall(r"\d+", rest)]
    month = next((_MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in _MONTHS), None)
    if month is None or len(numbers) < 2:
        return None
    years = [n for n in numbers if n > 31]
    days = [n for n in numbers if 1 <= n <= 31]
    if len(years) != 1 or not days:
        return None
    hour = minute = second = 0
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        second = int(clock.group(3) or 0)
        meridiem = (clock.group(4) or "").replace(".", "").replace(" ", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    try:
        return datetime(years[0], month, days[0], hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None


def parse_iso(text: Any) -> datetime | None:
    """An ISO-8601 time (``2018-12-31T08:05:13``, optionally with an offset) as aware UTC; else ``None``."""
    if not isinstance(text, str) or not text.strip():
        return None
    value = text.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
