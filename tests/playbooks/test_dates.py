"""Date specs: parsing, resolving against the work calendar, rendering for the phone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.calendar.dates import DateSpec, DateSpecError, parse_spec, render_due, resolve
from assistant.calendar.workcalendar import OfficeHours, WorkCalendar

SH = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar("CN", OfficeHours(time(9), time(18)), SH)
FAST = settings(max_examples=150, deadline=None)


def sh(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=SH)


# Monday 23 November 2026, 09:30 in Shanghai.
NOW = sh(2026, 11, 23, 9, 30)


def test_fixed_now_is_a_monday() -> None:
    assert NOW.weekday() == 0
    assert CAL.is_working_day(NOW.date())


# --- parsing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+2h", DateSpec("elapsed", 120)),
        ("+30m", DateSpec("elapsed", 30)),
        ("+1d", DateSpec("days", 1)),
        ("+2 hours", DateSpec("elapsed", 120)),
        ("+2 business hours", DateSpec("business_minutes", 120)),
        ("+1 business hour", DateSpec("business_minutes", 60)),
        ("+30 business minutes", DateSpec("business_minutes", 30)),
        ("+1 business day at 10:00", DateSpec("business_days", 1, time(10))),
        ("+1 working day at 10:00", DateSpec("business_days", 1, time(10))),
        ("+3 working days", DateSpec("business_days", 3)),
        ("+3 business days", DateSpec("business_days", 3)),
        ("+2 business days 14:30", DateSpec("business_days", 2, time(14, 30))),
        ("today 18:00", DateSpec("days", 0, time(18))),
        ("tomorrow 10:00", DateSpec("days", 1, time(10))),
        ("tomorrow at 9:05", DateSpec("days", 1, time(9, 5))),
        ("tomorrow at 3pm", DateSpec("days", 1, time(15))),
        ("next monday 10:00", DateSpec("weekday", 0, time(10))),
        ("next Friday at 16:00", DateSpec("weekday", 4, time(16))),
        ("next sun 10:00", DateSpec("weekday", 6, time(10))),
        # case and spacing
        ("  +1   Business   Day   AT   10:00 ", DateSpec("business_days", 1, time(10))),
        ("TOMORROW 10:00", DateSpec("days", 1, time(10))),
        ("+ 2H", DateSpec("elapsed", 120)),
        # Chinese forms, full-width characters from an IME included
        ("明天 10:00", DateSpec("days", 1, time(10))),
        ("今天 18:00", DateSpec("days", 0, time(18))),
        ("后天 下午3点", DateSpec("days", 2, time(15))),
        ("明天上午10点半", DateSpec("days", 1, time(10, 30))),
        ("明天中午12点", DateSpec("days", 1, time(12))),
        ("+1个工作日 10:00", DateSpec("business_days", 1, time(10))),
        ("+2小时", DateSpec("elapsed", 120)),
        ("＋２小时", DateSpec("elapsed", 120)),
        ("明天 10：00", DateSpec("days", 1, time(10))),
        ("+30分钟", DateSpec("elapsed", 30)),
        ("+3个工作日", DateSpec("business_days", 3)),
    ],
)
def test_parse_spec(text: str, expected: DateSpec) -> None:
    assert parse_spec(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("soon", "not a form"),
        ("ASAP", "not a form"),
        ("+1 fortnight", "not a form"),
        ("tomorrow", "at what time"),
        ("next monday", "at what time"),
        ("next funday 10:00", "'funday' is not an English weekday"),
        ("tomorrow 25:00", "25:00 is not a time of day"),
        ("tomorrow 10:75", "is not a time of day"),
        ("tomorrow 13pm", "12-hour"),
        ("+99999 business days", "too far"),
        ("+9999999999999999999999h", "too far"),
    ],
)
def test_parse_spec_errors_say_what_and_show_forms(text: str, problem: str) -> None:
    with pytest.raises(DateSpecError) as info:
        parse_spec(text)
    message = str(info.value)
    assert problem in message
    assert "+1 business day at 10:00" in message  # the accepted forms are shown
    assert "next monday 10:00" in message
    assert isinstance(info.value, ValueError)


# --- resolving ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("+2h", sh(2026, 11, 23, 11, 30)),
        ("+30m", sh(2026, 11, 23, 10, 0)),
        ("+1d", sh(2026, 11, 24, 9, 30)),
        ("+2 business hours", sh(2026, 11, 23, 11, 30)),
        ("+30 business minutes", sh(2026, 11, 23, 10, 0)),
        ("+10 business hours", sh(2026, 11, 24, 10, 30)),
        ("+1 business day at 10:00", sh(2026, 11, 24, 10, 0)),
        ("+3 working days", sh(2026, 11, 26, 9, 30)),
        ("+5 working days", sh(2026, 11, 30, 9, 30)),  # over the weekend
        ("today 18:00", sh(2026, 11, 23, 18, 0)),  # closing time is a valid due time
        ("today 19:00", sh(2026, 11, 24, 9, 0)),  # after hours: next opening
        ("tomorrow 10:00", sh(2026, 11, 24, 10, 0)),
        ("tomorrow 07:00", sh(2026, 11, 24, 9, 0)),  # before opening
        ("next monday 10:00", sh(2026, 11, 30, 10, 0)),  # today is Monday: a week on
        ("next friday 10:00", sh(2026, 11, 27, 10, 0)),
        ("next saturday 10:00", sh(2026, 11, 30, 9, 0)),  # not a working day
        ("明天 10:00", sh(2026, 11, 24, 10, 0)),
        ("今天 18:00", sh(2026, 11, 23, 18, 0)),
        ("+1个工作日 10:00", sh(2026, 11, 24, 10, 0)),
        ("+2小时", sh(2026, 11, 23, 11, 30)),
    ],
)
def test_resolve_from_monday_morning(spec: str, expected: datetime) -> None:
    assert resolve(spec, NOW, CAL) == expected


@pytest.mark.parametrize(
    ("spec", "now", "expected"),
    [
        # +1d on a Friday lands on Saturday, which moves to Monday's opening.
        ("+1d", sh(2026, 11, 27, 10, 0), sh(2026, 11, 30, 9, 0)),
        ("+1 business day", sh(2026, 11, 27, 10, 0), sh(2026, 11, 30, 10, 0)),
        ("+1h", sh(2026, 11, 23, 17, 0), sh(2026, 11, 23, 18, 0)),
        ("+2h", sh(2026, 11, 23, 17, 0), sh(2026, 11, 24, 9, 0)),
        ("today 18:00", sh(2026, 11, 23, 19, 0), sh(2026, 11, 24, 9, 0)),  # already past
        ("+1 business day at 10:00", sh(2026, 9, 30, 15, 0), sh(2026, 10, 8, 10, 0)),  # 国庆
        ("+1 business day at 10:00", sh(2026, 10, 9, 15, 0), sh(2026, 10, 10, 10, 0)),  # 调休
        ("+2 business hours", sh(2026, 10, 9, 17, 0), sh(2026, 10, 10, 10, 0)),  # 调休
        ("tomorrow 10:00", sh(2026, 2, 13, 15, 0), sh(2026, 2, 14, 10, 0)),  # 调休 Saturday
        ("next thursday 10:00", sh(2026, 9, 28, 10, 0), sh(2026, 10, 8, 9, 0)),  # 国庆
        ("+30m", sh(2026, 11, 23, 9, 30, 45), sh(2026, 11, 23, 10, 0)),  # to the minute
    ],
)
def test_resolve_edge_cases(spec: str, now: datetime, expected: datetime) -> None:
    assert resolve(spec, now, CAL) == expected


def test_resolve_accepts_parsed_spec_and_converts_zone() -> None:
    now_utc = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
    result = resolve(DateSpec("days", 1, time(10)), now_utc, CAL)
    assert result == sh(2026, 11, 24, 10, 0)
    assert result.tzinfo is SH


def test_resolve_rejects_bad_spec_and_naive_now() -> None:
    with pytest.raises(DateSpecError):
        resolve("whenever", NOW, CAL)
    with pytest.raises(ValueError, match="time zone"):
        resolve("+2h", datetime(2026, 11, 23, 9, 30), CAL)


# --- rendering ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "zh_hans", "zh_hant", "en"),
    [
        (
            sh(2026, 11, 24, 10, 0),
            "明天（11月24日 周二）上午10:00",
            "明天（11月24日 週二）上午10:00",
            "tomorrow, Tuesday 24 November, at 10:00",
        ),
        (
            sh(2026, 11, 23, 15, 30),
            "今天（11月23日 周一）下午3:30",
            "今天（11月23日 週一）下午3:30",
            "today, Monday 23 November, at 15:30",
        ),
        (
            sh(2026, 11, 27, 10, 0),
            "11月27日（周五）上午10:00",
            "11月27日（週五）上午10:00",
            "Friday 27 November at 10:00",
        ),
        (
            sh(2026, 11, 25, 9, 5),
            "后天（11月25日 周三）上午9:05",
            "後天（11月25日 週三）上午9:05",
            "Wednesday 25 November at 09:05",
        ),
        (
            sh(2027, 1, 5, 10, 0),
            "2027年1月5日（周二）上午10:00",
            "2027年1月5日（週二）上午10:00",
            "Tuesday 5 January 2027 at 10:00",
        ),
    ],
)
def test_render_golden(due: datetime, zh_hans: str, zh_hant: str, en: str) -> None:
    assert render_due(due, NOW, "zh-Hans") == zh_hans
    assert render_due(due, NOW, "zh-Hant") == zh_hant
    assert render_due(due, NOW, "en") == en


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        (9, 0, "上午9:00"),
        (11, 59, "上午11:59"),
        (12, 0, "中午12:00"),
        (12, 30, "中午12:30"),
        (13, 0, "下午1:00"),
        (18, 45, "下午6:45"),
        (19, 0, "晚上7:00"),
        (21, 15, "晚上9:15"),
    ],
)
def test_render_zh_day_parts(hour: int, minute: int, expected: str) -> None:
    text = render_due(sh(2026, 11, 27, hour, minute), NOW, "zh-Hans")
    assert text == f"11月27日（周五）{expected}"


def test_render_across_new_year() -> None:
    now = sh(2026, 12, 31, 10, 0)
    assert render_due(sh(2027, 1, 1, 10, 0), now, "zh-Hans") == "明天（2027年1月1日 周五）上午10:00"
    assert render_due(sh(2027, 1, 1, 10, 0), now, "en") == (
        "tomorrow, Friday 1 January 2027, at 10:00"
    )


def test_render_today_is_judged_in_the_due_zone() -> None:
    # 20:00 UTC on the 23rd is already 04:00 on the 24th in Shanghai.
    now_utc = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
    due = sh(2026, 11, 24, 10, 0)
    assert render_due(due, now_utc, "en") == "today, Tuesday 24 November, at 10:00"
    assert render_due(due, now_utc, "zh-Hans") == "今天（11月24日 周二）上午10:00"


def test_render_past_due_has_no_relative_word() -> None:
    assert render_due(sh(2026, 11, 22, 10, 0), NOW, "en") == "Sunday 22 November at 10:00"


def test_render_language_tags() -> None:
    due = sh(2026, 11, 24, 10, 0)
    assert render_due(due, NOW, "zh-TW") == render_due(due, NOW, "zh-Hant")
    assert render_due(due, NOW, "zh-CN") == render_due(due, NOW, "zh-Hans")
    assert render_due(due, NOW, "en-GB") == render_due(due, NOW, "en")
    with pytest.raises(ValueError, match="fr"):
        render_due(due, NOW, "fr")
    with pytest.raises(ValueError, match="time zone"):
        render_due(datetime(2026, 11, 24, 10, 0), NOW, "en")


# --- properties --------------------------------------------------------------------

nows = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2026, 12, 15), timezones=st.just(SH)
)
clock_times = st.times().map(lambda t: t.replace(second=0, microsecond=0))
specs = st.one_of(
    st.builds(DateSpec, st.just("elapsed"), st.integers(0, 5000)),
    st.builds(DateSpec, st.just("days"), st.integers(0, 20), st.none() | clock_times),
    st.builds(DateSpec, st.just("business_minutes"), st.integers(0, 5000)),
    st.builds(DateSpec, st.just("business_days"), st.integers(0, 20), st.none() | clock_times),
    st.builds(DateSpec, st.just("weekday"), st.integers(0, 6), clock_times),
)


def _due_ok(due: datetime) -> bool:
    local = due.astimezone(SH)
    return CAL.is_working_day(local.date()) and time(9) <= local.time() <= time(18)


@FAST
@given(specs, nows)
def test_resolved_due_is_a_working_time_and_not_in_the_past(spec: DateSpec, now: datetime) -> None:
    due = resolve(spec, now, CAL)
    assert _due_ok(due)
    assert due.tzinfo is SH
    assert due >= now.replace(second=0, microsecond=0)


@FAST
@given(
    st.sampled_from(["elapsed", "days", "business_minutes", "business_days"]),
    st.integers(0, 3000),
    st.integers(0, 3000),
    nows,
)
def test_later_offsets_never_resolve_earlier(kind: str, n: int, k: int, now: datetime) -> None:
    if kind in ("days", "business_days"):
        n, k = n % 30, k % 30
    a = resolve(DateSpec(kind, n), now, CAL)  # type: ignore[arg-type]
    b = resolve(DateSpec(kind, n + k), now, CAL)  # type: ignore[arg-type]
    assert a <= b


@FAST
@given(specs)
def test_spec_text_round_trips(spec: DateSpec) -> None:
    assert parse_spec(str(spec)) == spec


@FAST
@given(nows, st.integers(-3, 400), clock_times)
def test_render_relative_words_only_where_true(now: datetime, ahead: int, at: time) -> None:
    day = now.date() + timedelta(days=ahead)
    due = datetime.combine(day, at, tzinfo=SH)
    en = render_due(due, now, "en")
    zh = render_due(due, now, "zh-Hans")
    weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    assert weekday[day.weekday()] in en
    assert f"周{'一二三四五六日'[day.weekday()]}" in zh
    assert en.startswith("today, ") == (ahead == 0)
    assert en.startswith("tomorrow, ") == (ahead == 1)
    assert zh.startswith("今天") == (ahead == 0)
    assert zh.startswith("明天") == (ahead == 1)
    assert zh.startswith("后天") == (ahead == 2)
    assert (str(day.year) in en) == (day.year != now.year)
    assert f"{day.month}月{day.day}日" in zh
    assert f"{at:%H:%M}" in en


def test_makeup_saturday_is_used_by_resolve() -> None:
    # Friday 2026-10-09 after hours: the next opening is the 调休 Saturday, not Monday.
    assert date(2026, 10, 10).weekday() == 5
    assert resolve("+30 business minutes", sh(2026, 10, 9, 18, 30), CAL) == sh(2026, 10, 10, 9, 30)
