"""Work hours: whether a moment falls inside the policy's work hours, in the policy's time zone."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checks.policy import DAYS, WorkHours


def local_time(moment: datetime, hours: WorkHours) -> datetime:
    """``moment`` in the policy's timezone (UTC when the timezone is unknown)."""
    try:
        zone = ZoneInfo(hours.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return moment.astimezone(zone)


def within_work_hours(moment: datetime, hours: WorkHours, slack: timedelta = timedelta(0)) -> bool | None:
    """Whether ``moment`` falls in the work hours (widened by ``slack`` on both ends); ``None`` if unknown."""
    if not hours.known:
        return None
    local = local_time(moment, hours)
    day = DAYS[local.weekday()]
    clock = timedelta(hours=local.hour, minutes=local.minute, seconds=local.second)
    for start, end in hours.days.get(day, ()):
        lo = timedelta(hours=start.hour, minutes=start.minute) - slack
        hi = timedelta(hours=end.hour, minutes=end.minute) + slack
        if end < start:  # a night shift: from ``start`` to midnight here, the rest the next morning
            hi += timedelta(days=1)
        if lo <= clock <= hi:
            return True
    previous = DAYS[(local.weekday() - 1) % 7]
    for start, end in hours.days.get(previous, ()):
        if end < start and clock <= timedelta(hours=end.hour, minutes=end.minute) + slack:
            return True  # the morning tail of yesterday's night shift
    return False
