"""Work hours: whether a moment falls inside the policy's work hours, in the policy's time zone."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checks.policy import DAYS, WorkHours

_US = timedelta(microseconds=1)
_DAY_US = 86_400_000_000

# Per weekday: the (lo, hi) spans of the clock in microseconds that are inside the hours (that day's shifts,
# widened by the slack, a night shift running past midnight), then the ends of the previous day's night shifts.
_Spans = tuple[tuple[tuple[tuple[int, int], ...], tuple[int, ...]], ...]
_TABLES: dict[tuple[int, timedelta], tuple[WorkHours, _Spans]] = {}


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_time(moment: datetime, hours: WorkHours) -> datetime:
    """``moment`` in the policy's timezone (UTC when the timezone is unknown)."""
    return moment.astimezone(_zone(hours.timezone))


def _us(clock: time) -> int:
    return (clock.hour * 60 + clock.minute) * 60_000_000


def _spans(hours: WorkHours, slack: timedelta) -> _Spans:
    """The clock spans of each weekday, built once per policy and slack (the policy is frozen)."""
    key = (id(hours), slack)
    cached = _TABLES.get(key)
    if cached is not None and cached[0] is hours:
        return cached[1]
    pad = slack // _US
    table = []
    for weekday, day in enumerate(DAYS):
        spans = []
        for start, end in hours.days.get(day, ()):
            # a night shift: from ``start`` to midnight here, the rest the next morning
            spans.append((_us(start) - pad, _us(end) + pad + (_DAY_US if end < start else 0)))
        previous = DAYS[(weekday - 1) % 7]
        tails = tuple(_us(end) + pad for start, end in hours.days.get(previous, ()) if end < start)
        table.append((tuple(spans), tails))
    if len(_TABLES) > 64:
        _TABLES.clear()
    _TABLES[key] = (hours, tuple(table))
    return _TABLES[key][1]


def within_work_hours(moment: datetime, hours: WorkHours, slack: timedelta = timedelta(0)) -> bool | None:
    """Whether ``moment`` falls in the work hours (widened by ``slack`` on both ends); ``None`` if unknown."""
    if not hours.known:
        return None
    local = local_time(moment, hours)
    spans, tails = _spans(hours, slack)[local.weekday()]
    clock = ((local.hour * 60 + local.minute) * 60 + local.second) * 1_000_000
    for lo, hi in spans:
        if lo <= clock <= hi:
            return True
    return any(clock <= tail for tail in tails)  # the morning tail of yesterday's night shift
