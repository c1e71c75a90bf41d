"""The per-policy span table of ``within_work_hours`` decides every moment as the direct reading does."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.analysis.work_hours import local_time, within_work_hours
from checks.policy import DAYS, WorkHours


def reference(moment: datetime, hours: WorkHours, slack: timedelta = timedelta(0)) -> bool | None:
    """The reading before the table: timedeltas compared shift by shift."""
    if not hours.known:
        return None
    local = local_time(moment, hours)
    clock = timedelta(hours=local.hour, minutes=local.minute, seconds=local.second)
    for start, end in hours.days.get(DAYS[local.weekday()], ()):
        lo = timedelta(hours=start.hour, minutes=start.minute) - slack
        hi = timedelta(hours=end.hour, minutes=end.minute) + slack
        if end < start:
            hi += timedelta(days=1)
        if lo <= clock <= hi:
            return True
    for start, end in hours.days.get(DAYS[(local.weekday() - 1) % 7], ()):
        if end < start and clock <= timedelta(hours=end.hour, minutes=end.minute) + slack:
            return True
    return False


clocks = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 59]))
shifts = st.lists(st.tuples(clocks, clocks), max_size=2).map(tuple)
hours_st = st.builds(
    WorkHours,
    timezone=st.sampled_from(["UTC", "America/Chicago", "Europe/Paris", "Asia/Kolkata", "Nowhere/Else"]),
    days=st.dictionaries(st.sampled_from(DAYS), shifts, max_size=7),
)
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC))
slacks = st.sampled_from([timedelta(0), timedelta(minutes=60), timedelta(minutes=7, microseconds=5)])


@settings(max_examples=400, deadline=None)
@given(hours_st, st.lists(moments, min_size=1, max_size=20), slacks)
def test_table_agrees_with_reference(hours: WorkHours, instants: list[datetime], slack: timedelta) -> None:
    for moment in instants:
        assert within_work_hours(moment, hours, slack) is reference(moment, hours, slack)


def test_night_shift_tail_and_edges() -> None:
    hours = WorkHours(timezone="UTC", days={"mon": ((time(22, 0), time(6, 0)),)})
    assert within_work_hours(datetime(2024, 4, 16, 5, 59, 59, tzinfo=UTC), hours) is True  # Tue morning tail
    assert within_work_hours(datetime(2024, 4, 16, 6, 0, 1, tzinfo=UTC), hours) is False
    assert within_work_hours(datetime(2024, 4, 15, 21, 59, 59, tzinfo=UTC), hours) is False
    assert within_work_hours(datetime(2024, 4, 15, 21, 0, 0, tzinfo=UTC), hours, timedelta(hours=1)) is True
