"""Date specs of ``date`` placeholders: parse, resolve against a work calendar, render.

A spec such as ``+1 business day at 10:00`` says when a commitment falls due
relative to now; the rendered text is what the agent says on the phone, e.g.
``明天（11月24日 周二）上午10:00`` or ``tomorrow, Tuesday 24 November, at 10:00``.
See docs/playbook-format.md, "Date specs".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import cache
from typing import Literal

from assistant.calendar.workcalendar import WorkCalendar
from assistant.languages import pack_language

__all__ = [
    "ACCEPTED_FORMS",
    "EN_RELATIVE",
    "DateSpec",
    "DateSpecError",
    "day_words",
    "parse_spec",
    "render_due",
    "resolve",
]

ACCEPTED_FORMS = (
    "+2h, +30m, +1d, +2 business hours, +30 business minutes, "
    "+1 business day at 10:00, +3 working days, today 18:00, tomorrow 10:00, "
    "next monday 10:00, 今天 18:00, 明天 10:00, 后天 下午3点, +1个工作日 10:00, +2小时"
)

# Keep a typo such as "+1000000 business days" from scanning the calendar for ages.
_MAX_DAYS = 3660
_MAX_MINUTES = _MAX_DAYS * 24 * 60
_MAX_BUSINESS_DAYS = 2500
_MAX_BUSINESS_MINUTES = 366 * 24 * 60

# The least time a promise leaves the agent. A spec that names a time of day
# ("today 17:30") said too close to it, or after it, cannot be kept: the promise
# moves to the next quarter hour past this lead (or the next opening). An offset
# ("+10 business minutes") is kept as written, but never shorter than the offset lead.
CLOCK_LEAD = timedelta(minutes=30)
OFFSET_LEAD = timedelta(minutes=10)


class DateSpecError(ValueError):
    """A date spec that cannot be read; the message shows the accepted forms."""

    def __init__(self, text: str, problem: str) -> None:
        super().__init__(f"date spec {text!r}: {problem}. Accepted forms: {ACCEPTED_FORMS}")
        self.text = text
        self.problem = problem


SpecKind = Literal["elapsed", "days", "business_minutes", "business_days", "weekday"]


@dataclass(frozen=True, slots=True)
class DateSpec:
    """A parsed spec.

    ``amount`` means, by ``kind``:

    - ``elapsed``: minutes of real elapsed time (``+2h``, ``+30m``);
    - ``days``: calendar days from today (``+1d``, ``today``=0, ``tomorrow``=1);
    - ``business_minutes``: minutes counted inside office hours;
    - ``business_days``: working days after today;
    - ``weekday``: 0 (Monday) to 6 (Sunday), the next such day after today.

    ``at`` is the time of day; ``None`` keeps the current time of day.
    ``str(spec)`` gives the canonical English spec text, which parses back to ``spec``.
    """

    kind: SpecKind
    amount: int
    at: time | None = None

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise ValueError(f"a date spec cannot point into the past, got {self.amount}")
        if self.kind == "weekday" and (self.amount > 6 or self.at is None):
            raise ValueError("a weekday spec needs a weekday 0..6 and a time of day")

    def __str__(self) -> str:
        at = f" at {self.at:%H:%M}" if self.at is not None else ""
        if self.kind == "elapsed":
            return f"+{self.amount}m" if self.amount % 60 else f"+{self.amount // 60}h"
        if self.kind == "days":
            if self.at is not None and self.amount <= 1:
                return f"{('today', 'tomorrow')[self.amount]} {self.at:%H:%M}"
            return f"+{self.amount}d{at}"
        if self.kind == "business_minutes":
            if self.amount % 60:
                return f"+{self.amount} business minutes"
            return f"+{self.amount // 60} business hours"
        if self.kind == "business_days":
            return f"+{self.amount} business day{'s' if self.amount != 1 else ''}{at}"
        return f"next {_EN_WEEKDAYS[self.amount].lower()}{at}"


# --- parsing -----------------------------------------------------------------------

_WEEKDAY_WORDS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    )
):
    for _name in _names:
        _WEEKDAY_WORDS[_name] = _i

_DAY_WORDS = {
    "today": 0,
    "tomorrow": 1,
    "今天": 0,
    "今日": 0,
    "明天": 1,
    "明日": 1,
    "后天": 2,
    "後天": 2,
}

# Chinese day parts: the offset turns a 12-hour clock number into 24-hour time.
_ZH_PARTS = {
    "凌晨": 0,
    "早上": 0,
    "早晨": 0,
    "上午": 0,
    "中午": 12,
    "下午": 12,
    "傍晚": 12,
    "晚上": 12,
}

_TIME = (
    r"(?:at\s*)?"
    r"(?:(?P<part>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上)\s*)?"
    r"(?P<hh>\d{1,2})"
    r"(?:\s*:\s*(?P<mm>\d{2})|\s*[点點时時]\s*(?:(?P<zmm>\d{1,2})\s*分?|(?P<half>半))?)?"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?"
)
_OPT_TIME = r"(?:\s*" + _TIME + r")?"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Compiled on first use: keeps importing this module cheap.
    n = r"\+\s*(?P<n>\d+)\s*"
    biz = r"(?:business|working|work)\s*"
    forms = (
        ("hours", n + r"(?:h|hr|hrs|hours?|[个個]?小[时時]|钟头|鐘頭)"),
        ("minutes", n + r"(?:m|mins?|minutes?|分钟|分鐘)"),
        ("days", n + r"(?:d|days?|天)" + _OPT_TIME),
        ("biz_hours", n + r"(?:" + biz + r"(?:hours?|hrs?)|[个個]?工作小[时時])"),
        ("biz_minutes", n + r"(?:" + biz + r"(?:minutes?|mins?)|工作分[钟鐘])"),
        ("biz_days", n + r"(?:" + biz + r"days?|[个個]?工作[日天])" + _OPT_TIME),
        ("day_word", r"(?P<word>today|tomorrow|今天|今日|明天|明日|后天|後天)\s*" + _TIME),
        ("weekday", r"next\s+(?P<wd>[a-z]+)\s*" + _TIME),
    )
    return tuple((kind, re.compile(p)) for kind, p in forms)


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, colons and plus signs typed through an IME.
    folded = unicodedata.normalize("NFKC", text).lower().replace(",", " ").replace("、", " ")
    return re.sub(r"\s+", " ", folded).strip()


def _time_of(m: re.Match[str], text: str) -> time | None:
    groups = m.groupdict()
    if groups.get("hh") is None:
        return None
    hour = int(groups["hh"])
    if groups["mm"] is not None:
        minute = int(groups["mm"])
    elif groups["zmm"] is not None:
        minute = int(groups["zmm"])
    else:
        minute = 30 if groups["half"] else 0
    part, ampm = groups["part"], groups["ampm"]
    if part or ampm:
        pm = bool(part and _ZH_PARTS[part]) or bool(ampm and ampm.startswith("p"))
        if 1 <= hour <= 12:
            # 中午12点 and 12pm are noon, 12am is midnight.
            hour = hour % 12 + (12 if pm else 0)
        elif not (part and pm and 13 <= hour <= 23):
            raise DateSpecError(text, f"{hour} is not an hour on a 12-hour clock")
    if hour > 23 or minute > 59:
        raise DateSpecError(text, f"{hour:02d}:{minute:02d} is not a time of day")
    return time(hour, minute)


def parse_spec(text: str) -> DateSpec:
    """Read a spec; raises :class:`DateSpecError` saying what is wrong."""
    if not text.strip():
        raise DateSpecError(text, "the spec is empty")
    norm = _normalise(text)
    for form, pattern in _patterns():
        m = pattern.fullmatch(norm)
        if m is None:
            continue
        at = _time_of(m, text)
        groups = m.groupdict()
        digits = groups.get("n") or "0"
        # Bounded before int(): a pasted run of digits must not cost anything.
        n = int(digits) if len(digits) <= 9 else _MAX_MINUTES + 1
        kind: SpecKind
        if form == "day_word":
            return DateSpec("days", _DAY_WORDS[groups["word"]], at)
        if form == "weekday":
            wd = _WEEKDAY_WORDS.get(groups["wd"])
            if wd is None:
                raise DateSpecError(text, f"{groups['wd']!r} is not an English weekday name")
            return DateSpec("weekday", wd, at)
        if form == "hours":
            kind, amount, limit = "elapsed", n * 60, _MAX_MINUTES
        elif form == "minutes":
            kind, amount, limit = "elapsed", n, _MAX_MINUTES
        elif form == "days":
            kind, amount, limit = "days", n, _MAX_DAYS
        elif form == "biz_hours":
            kind, amount, limit = "business_minutes", n * 60, _MAX_BUSINESS_MINUTES
        elif form == "biz_minutes":
            kind, amount, limit = "business_minutes", n, _MAX_BUSINESS_MINUTES
        else:
            kind, amount, limit = "business_days", n, _MAX_BUSINESS_DAYS
        if amount > limit:
            raise DateSpecError(text, "the offset is too far ahead for a commitment")
        return DateSpec(kind, amount, at)
    if re.fullmatch(r"today|tomorrow|今天|今日|明天|明日|后天|後天|next [a-z]+", norm):
        raise DateSpecError(text, "say at what time, e.g. 'tomorrow 10:00'")
    raise DateSpecError(text, "not a form this app can read")


# --- resolving ---------------------------------------------------------------------


def resolve(spec: DateSpec | str, now: datetime, calendar: WorkCalendar) -> datetime:
    """When ``spec`` falls due, counted from ``now``, in the calendar's zone.

    The result is always a working day within office hours (closing time itself
    counts: "by 18:00 today") and leaves the agent at least ``OFFSET_LEAD``, or
    ``CLOCK_LEAD`` for a spec that names a time of day.
    """
    if isinstance(spec, str):
        spec = parse_spec(spec)
    # Promises are made to the minute; seconds would only make the deadline odd.
    base = calendar.to_local(now).replace(second=0, microsecond=0)
    due = _due(spec, base, calendar)
    if spec.at is None:
        earliest = base + OFFSET_LEAD
        return due if due >= earliest else calendar.clamp(earliest)
    earliest = base + CLOCK_LEAD
    if due >= earliest:
        return due
    # "today 17:30" said at 17:45 (or at 17:20) cannot be kept: a quarter hour past
    # the lead instead, or the next opening when that is after closing time.
    rounded = earliest + timedelta(minutes=-earliest.minute % 15)
    return calendar.clamp(rounded)


def _due(spec: DateSpec, base: datetime, calendar: WorkCalendar) -> datetime:
    if spec.kind == "elapsed":
        # Elapsed time is physical time: add in UTC so a DST change is not skipped.
        target = calendar.to_local(base.astimezone(UTC) + timedelta(minutes=spec.amount))
        return calendar.clamp(target)
    if spec.kind == "business_minutes":
        return calendar.add_business_minutes(base, spec.amount)
    if spec.kind == "business_days":
        return calendar.add_business_days(base, spec.amount, spec.at)
    if spec.kind == "days":
        day = base.date() + timedelta(days=spec.amount)
    else:
        day = base.date() + timedelta(days=(spec.amount - base.weekday() - 1) % 7 + 1)
    target = calendar.combine(day, spec.at if spec.at is not None else base.time())
    # "today 18:00" said at 19:00 cannot be met today: it becomes the next opening.
    return calendar.clamp(max(target, base))


# --- rendering ---------------------------------------------------------------------

_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ZH_WEEKDAYS = "一二三四五六日"
# Relative day words, by days from today: today, tomorrow, the day after tomorrow.
_ZH_HANS_REL = ("今天", "明天", "后天")
_ZH_HANT_REL = ("今天", "明天", "後天")
EN_RELATIVE = ("today", "tomorrow")


def _zh_clock(t: time) -> str:
    # How times are said on the phone: 12-hour number after a day part.
    h = t.hour
    if h < 5:
        part, shown = "凌晨", h
    elif h < 12:
        part, shown = "上午", h
    elif h == 12:
        part, shown = "中午", 12
    elif h < 19:
        part, shown = "下午", h - 12
    else:
        part, shown = "晚上", h - 12
    return f"{part}{shown}:{t.minute:02d}"


def _language(language: str) -> Literal["zh-Hans", "zh-Hant", "en"]:
    lang = pack_language(language)
    if lang in ("zh-Hans", "zh-Hant", "en"):
        return lang  # type: ignore[return-value]  # narrowed by the check
    raise ValueError(f"cannot render dates in language {language!r}; use zh-Hans, zh-Hant or en")


def render_due(due: datetime, now: datetime, language: str, *, relative: bool = True) -> str:
    """Say ``due`` the way an agent says it on the phone, in ``language``.

    "today"/"tomorrow" (and 后天 in Chinese) are used only where true, judged in
    ``due``'s time zone, and never with ``relative=False`` (for a text read later);
    the weekday is always given; the year only when it is not ``now``'s year.
    """
    if due.tzinfo is None or due.utcoffset() is None:
        raise ValueError(f"due time {due.isoformat()} has no time zone")
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now {now.isoformat()} has no time zone")
    lang = _language(language)
    today = now.astimezone(due.tzinfo).date()
    day = due.date()
    ahead = (day - today).days
    show_year = day.year != today.year
    if lang == "en":
        date_text = f"{_EN_WEEKDAYS[day.weekday()]} {day.day} {_EN_MONTHS[day.month - 1]}"
        if show_year:
            date_text += f" {day.year}"
        clock = f"{due:%H:%M}"
        if relative and 0 <= ahead < len(EN_RELATIVE):
            return f"{EN_RELATIVE[ahead]}, {date_text}, at {clock}"
        return f"{date_text} at {clock}"
    week = "周" if lang == "zh-Hans" else "週"
    rel = _ZH_HANS_REL if lang == "zh-Hans" else _ZH_HANT_REL
    date_text = f"{day.year}年" if show_year else ""
    date_text += f"{day.month}月{day.day}日"
    weekday = f"{week}{_ZH_WEEKDAYS[day.weekday()]}"
    clock = _zh_clock(due.time())
    if relative and 0 <= ahead < len(rel):
        return f"{rel[ahead]}（{date_text} {weekday}）{clock}"
    return f"{date_text}（{weekday}）{clock}"


# The words an agent types for the day a promise falls on, in every pack language.
_TODAY = ("今天", "今日", "today")
_TOMORROW = ("明天", "明日", "tomorrow")
_DAY_AFTER = ("后天", "後天", "day after tomorrow")
_THIS_WEEK = ("本周", "这周", "本週", "這週", "this week")
_NEXT_WEEK = ("下周", "下週", "next week")


def day_words(spec: DateSpec) -> tuple[str, ...]:
    """The words for the day ``spec`` usually falls on (said on a working morning), so
    that a search for 明天 or tomorrow finds the promises made for tomorrow."""
    if spec.kind in ("elapsed", "business_minutes"):
        return _TODAY if spec.amount < 8 * 60 else _TOMORROW
    if spec.kind == "weekday":
        day = spec.amount
        names = (f"周{_ZH_WEEKDAYS[day]}", f"星期{_ZH_WEEKDAYS[day]}", _EN_WEEKDAYS[day].lower())
        return (*_NEXT_WEEK, *names, f"下周{_ZH_WEEKDAYS[day]}", f"next {names[2]}")
    if spec.kind == "days":
        return (_TODAY, _TOMORROW, _DAY_AFTER)[spec.amount] if spec.amount < 3 else _THIS_WEEK
    if spec.amount <= 2:  # business days
        return (_TODAY, _TOMORROW, _DAY_AFTER)[spec.amount]
    return _THIS_WEEK if spec.amount < 5 else _NEXT_WEEK
