"""Business calendar: working days (with China's 调休), office hours, arithmetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.calendar.workcalendar import OfficeHours, WorkCalendar

SH = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar("CN", OfficeHours(time(9), time(18)), SH)

# Real 2025/2026 schedules from the State Council notices, as the holidays package has them.
MAKEUP_DAYS = (
    date(2025, 1, 26),  # Sunday, for Spring Festival
    date(2025, 2, 8),  # Saturday, for Spring Festival
    date(2025, 9, 28),  # Sunday, for National Day
    date(2025, 10, 11),  # Saturday, for National Day
    date(2026, 2, 14),  # Saturday, for Spring Festival
    date(2026, 2, 28),  # Saturday, for Spring Festival
    date(2026, 9, 20),  # Sunday, for National Day
    date(2026, 10, 10),  # Saturday, for National Day
)
NATIONAL_DAY_2026 = tuple(date(2026, 10, d) for d in range(1, 8))
SPRING_FESTIVAL_2026 = tuple(date(2026, 2, d) for d in range(15, 24))

# No deadline: the first lookup of a year builds its holiday table.
FAST = settings(max_examples=150, deadline=None)

minutes = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2026, 12, 20),
    timezones=st.just(SH),
).map(lambda d: d.replace(second=0, microsecond=0))


def sh(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SH)


def in_office_hours(dt: datetime, *, closing_ok: bool) -> bool:
    local = dt.astimezone(SH)
    t = local.time()
    upper_ok = t <= time(18) if closing_ok else t < time(18)
    return CAL.is_working_day(local.date()) and time(9) <= t and upper_ok


# --- OfficeHours -------------------------------------------------------------------


def test_office_hours_parse_and_str() -> None:
    assert OfficeHours.parse("09:00-18:00") == OfficeHours()
    assert OfficeHours.parse(" 8:30 - 17:45 ") == OfficeHours(time(8, 30), time(17, 45))
    assert OfficeHours.parse("08:30～17:45") == OfficeHours(time(8, 30), time(17, 45))
    assert str(OfficeHours(time(8, 30), time(17, 45))) == "08:30-17:45"


@pytest.mark.parametrize("text", ["9-18", "09:00", "18:00-09:00", "09:00-09:00", "25:00-26:00", ""])
def test_office_hours_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="office hours"):
        OfficeHours.parse(text)


# --- construction ------------------------------------------------------------------


def test_unknown_country_is_named() -> None:
    with pytest.raises(ValueError, match="XX"):
        WorkCalendar("XX")


def test_country_code_is_normalised() -> None:
    assert WorkCalendar(" cn ", tz=SH).country == "CN"


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        CAL.is_open(datetime(2026, 11, 23, 10, 0))


# --- working days ------------------------------------------------------------------


@pytest.mark.parametrize("d", MAKEUP_DAYS)
def test_makeup_weekend_days_are_working_days(d: date) -> None:
    assert d.weekday() >= 5  # the point: a weekend day that China makes a working day
    assert CAL.is_working_day(d)


@pytest.mark.parametrize("d", NATIONAL_DAY_2026 + SPRING_FESTIVAL_2026)
def test_public_holidays_are_off(d: date) -> None:
    assert not CAL.is_working_day(d)


def test_cross_year_makeup_day() -> None:
    # 2001-12-29 (Saturday) was worked for the 2002 New Year holiday.
    assert CAL.is_working_day(date(2001, 12, 29))


def test_plain_weekend_and_weekday() -> None:
    assert not CAL.is_working_day(date(2026, 11, 28))  # Saturday
    assert not CAL.is_working_day(date(2026, 11, 29))  # Sunday
    assert CAL.is_working_day(date(2026, 11, 23))  # Monday
    assert CAL.is_working_day(date(2026, 10, 8))  # first day back after National Day


def test_other_country() -> None:
    us = WorkCalendar("US", tz=ZoneInfo("America/New_York"))
    assert not us.is_working_day(date(2026, 7, 3))  # Independence Day observed (Friday)
    assert not us.is_working_day(date(2026, 10, 10))  # no 调休 in the US
    assert us.is_working_day(date(2026, 10, 1))


# --- office hours ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dt", "expected"),
    [
        (sh(2026, 11, 23, 8, 59), False),
        (sh(2026, 11, 23, 9, 0), True),
        (sh(2026, 11, 23, 17, 59), True),
        (sh(2026, 11, 23, 18, 0), False),
        (sh(2026, 11, 28, 10, 0), False),  # Saturday
        (sh(2026, 10, 10, 10, 0), True),  # make-up Saturday
        (sh(2026, 10, 2, 10, 0), False),  # National Day
    ],
)
def test_is_open(dt: datetime, expected: bool) -> None:
    assert CAL.is_open(dt) is expected


def test_is_open_converts_to_calendar_zone() -> None:
    # 01:30 UTC is 09:30 in Shanghai.
    assert CAL.is_open(datetime(2026, 11, 23, 1, 30, tzinfo=UTC))
    assert not CAL.is_open(datetime(2026, 11, 23, 10, 30, tzinfo=UTC))  # 18:30 Shanghai


def test_custom_office_hours() -> None:
    cal = WorkCalendar("CN", OfficeHours.parse("08:30-17:00"), SH)
    assert cal.is_open(sh(2026, 11, 23, 8, 30))
    assert not cal.is_open(sh(2026, 11, 23, 17, 0))
    assert cal.next_opening(sh(2026, 11, 23, 17, 0)) == sh(2026, 11, 24, 8, 30)


@pytest.mark.parametrize(
    ("dt", "expected"),
    [
        (sh(2026, 11, 23, 10, 15), sh(2026, 11, 23, 10, 15)),  # open: itself
        (sh(2026, 11, 23, 7, 0), sh(2026, 11, 23, 9, 0)),  # before opening
        (sh(2026, 11, 27, 18, 0), sh(2026, 11, 30, 9, 0)),  # Friday close -> Monday
        (sh(2026, 11, 28, 12, 0), sh(2026, 11, 30, 9, 0)),  # Saturday
        (sh(2026, 9, 30, 18, 30), sh(2026, 10, 8, 9, 0)),  # eve of National Day
        (sh(2026, 10, 9, 19, 0), sh(2026, 10, 10, 9, 0)),  # Friday -> make-up Saturday
        (sh(2026, 2, 13, 19, 0), sh(2026, 2, 14, 9, 0)),  # make-up Saturday before 春节
        (sh(2026, 2, 14, 18, 0), sh(2026, 2, 24, 9, 0)),  # all of 春节 skipped
    ],
)
def test_next_opening(dt: datetime, expected: datetime) -> None:
    assert CAL.next_opening(dt) == expected


def test_results_are_in_calendar_zone() -> None:
    result = CAL.next_opening(datetime(2026, 11, 23, 0, 30, tzinfo=UTC))  # 08:30 Shanghai
    assert result == sh(2026, 11, 23, 9, 0)
    assert result.utcoffset() == timedelta(hours=8)
    assert result.tzinfo is SH


def test_system_zone_when_tz_is_none() -> None:
    cal = WorkCalendar("CN")
    result = cal.next_opening(sh(2026, 11, 23, 12, 0))
    assert result.tzinfo is not None
    assert result == result.astimezone()  # same instant
    assert result.utcoffset() == result.astimezone().utcoffset()  # in the system's zone
    assert cal.is_open(result)


# --- business days -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("dt", "days", "at", "expected"),
    [
        (sh(2026, 11, 23, 9, 30), 1, None, sh(2026, 11, 24, 9, 30)),
        (sh(2026, 11, 23, 9, 30), 1, time(10), sh(2026, 11, 24, 10, 0)),
        (sh(2026, 11, 27, 15, 0), 1, None, sh(2026, 11, 30, 15, 0)),  # Friday -> Monday
        (sh(2026, 11, 23, 9, 30), 3, None, sh(2026, 11, 26, 9, 30)),
        (sh(2026, 11, 23, 9, 30), 0, time(20), sh(2026, 11, 24, 9, 0)),  # clamped
        (sh(2026, 11, 23, 9, 30), 1, time(7), sh(2026, 11, 24, 9, 0)),  # clamped
        (sh(2026, 11, 23, 9, 30), 1, time(18), sh(2026, 11, 24, 18, 0)),  # closing is a due time
        (sh(2026, 9, 30, 10, 0), 1, None, sh(2026, 10, 8, 10, 0)),  # over National Day
        (sh(2026, 10, 9, 10, 0), 1, None, sh(2026, 10, 10, 10, 0)),  # onto make-up Saturday
        (sh(2026, 11, 28, 11, 0), 1, None, sh(2026, 11, 30, 11, 0)),  # from a Saturday
        (sh(2026, 11, 23, 15, 0), 0, time(10), sh(2026, 11, 23, 15, 0)),  # never before dt
    ],
)
def test_add_business_days(dt: datetime, days: int, at: time | None, expected: datetime) -> None:
    assert CAL.add_business_days(dt, days, at) == expected


def test_add_business_days_negative_refused() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        CAL.add_business_days(sh(2026, 11, 23, 10), -1)


# --- business minutes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("dt", "mins", "expected"),
    [
        (sh(2026, 11, 23, 9, 30), 120, sh(2026, 11, 23, 11, 30)),
        (sh(2026, 11, 23, 17, 30), 60, sh(2026, 11, 24, 9, 30)),
        (sh(2026, 11, 23, 9, 0), 540, sh(2026, 11, 23, 18, 0)),  # a full day ends at closing
        (sh(2026, 11, 23, 9, 0), 541, sh(2026, 11, 24, 9, 1)),
        (sh(2026, 11, 23, 20, 0), 30, sh(2026, 11, 24, 9, 30)),
        (sh(2026, 11, 28, 10, 0), 30, sh(2026, 11, 30, 9, 30)),  # Saturday
        (sh(2026, 11, 23, 20, 0), 0, sh(2026, 11, 24, 9, 0)),
        (sh(2026, 9, 30, 17, 0), 120, sh(2026, 10, 8, 10, 0)),  # over National Day
        (sh(2026, 10, 9, 17, 30), 60, sh(2026, 10, 10, 9, 30)),  # onto make-up Saturday
    ],
)
def test_add_business_minutes(dt: datetime, mins: int, expected: datetime) -> None:
    assert CAL.add_business_minutes(dt, mins) == expected


def test_add_business_minutes_negative_refused() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        CAL.add_business_minutes(sh(2026, 11, 23, 10), -5)


# --- properties --------------------------------------------------------------------


@FAST
@given(minutes)
def test_next_opening_is_the_first_open_moment(dt: datetime) -> None:
    result = CAL.next_opening(dt)
    assert result >= dt
    assert CAL.is_open(result)
    assert in_office_hours(result, closing_ok=False)
    if CAL.is_open(dt):
        assert result == dt
    else:
        # Nothing open between dt and the result: the minute before is closed or before dt.
        before = result - timedelta(minutes=1)
        assert before < dt or not CAL.is_open(before)


@FAST
@given(
    minutes,
    st.integers(0, 30),
    st.integers(0, 30),
    st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)),
)
def test_add_business_days_properties(dt: datetime, n: int, k: int, at: time | None) -> None:
    a = CAL.add_business_days(dt, n, at)
    b = CAL.add_business_days(dt, n + k, at)
    assert in_office_hours(a, closing_ok=True)
    assert in_office_hours(b, closing_ok=True)
    assert a >= dt
    assert a <= b  # more days never give an earlier time
    if k > 0 and n > 0:
        # (n == 0 on a day off clamps to the same opening as n == 1.)
        assert a.date() < b.date()
    if n > 0:
        assert a.date() > dt.astimezone(SH).date()


def _step_minutes(dt: datetime, n: int) -> datetime:
    # Oracle: walk one open minute at a time.
    t = CAL.clamp(dt)
    for _ in range(n):
        t = CAL.next_opening(t) + timedelta(minutes=1)
    return t


@FAST
@given(minutes, st.integers(0, 1500), st.integers(0, 1500))
def test_add_business_minutes_properties(dt: datetime, n: int, k: int) -> None:
    a = CAL.add_business_minutes(dt, n)
    b = CAL.add_business_minutes(dt, n + k)
    assert in_office_hours(a, closing_ok=True)
    assert a >= dt
    assert a <= b
    assert a == _step_minutes(dt, n)
