from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar.dates import parse_spec
from assistant.calendar.workcalendar import WorkCalendar
from assistant.notes.clocks import deadlines
from assistant.settings import DEFAULT_LEVEL_CLOCKS, LevelClock

SHANGHAI = ZoneInfo("Asia/Shanghai")
CALENDAR = WorkCalendar("CN", tz=SHANGHAI)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("level", "started", "first", "resolved"),
    [
        # Monday 10:00: 30 office minutes; 24 office hours = 8 + 9 + 7 → Wednesday 16:00.
        ("L1", at(23, 10), at(23, 10, 30), at(25, 16)),
        # Monday 17:50: the first response rolls into Tuesday morning.
        ("L1", at(23, 17, 50), at(24, 9, 20), at(26, 14, 50)),
        # Friday 16:00, L3: 2 office hours end at closing; 72 hours skip two weekends.
        ("L3", at(27, 16), at(27, 18), at(9, 16, month=12)),
    ],
)
def test_level_clocks_count_business_time(
    level: str, started: datetime, first: datetime, resolved: datetime
) -> None:
    result = deadlines(started, level, DEFAULT_LEVEL_CLOCKS, CALENDAR)
    assert result is not None
    assert result.first_response == first
    assert result.resolution == resolved


def test_public_holidays_are_skipped() -> None:
    # 2026-09-30 is the last working day before 国庆 (Oct 1-7).
    result = deadlines(at(30, 17, 45, month=9), "L1", DEFAULT_LEVEL_CLOCKS, CALENDAR)
    assert result is not None
    assert result.first_response == at(8, 9, 15, month=10)


def test_centre_can_change_the_clocks() -> None:
    clocks = {**DEFAULT_LEVEL_CLOCKS, "L2": LevelClock("+10 business minutes", "+1 business day")}
    result = deadlines(at(23, 10), "L2", clocks, CALENDAR)
    assert result is not None
    assert result.first_response == at(23, 10, 10)
    assert result.resolution == at(24, 10)


def test_no_deadline_without_start_or_level() -> None:
    assert deadlines(None, "L1", DEFAULT_LEVEL_CLOCKS, CALENDAR) is None
    assert deadlines(at(23, 10), None, DEFAULT_LEVEL_CLOCKS, CALENDAR) is None


def test_default_clocks_are_valid_specs() -> None:
    for clock in DEFAULT_LEVEL_CLOCKS.values():
        parse_spec(clock.first_response)
        parse_spec(clock.resolution)
