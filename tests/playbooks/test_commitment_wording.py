"""Every built-in dated promise reads as a sentence an agent can say, at any time of day.

Each wording of every entry with a date placeholder is rendered at the opening of the
day, at noon, just before and at the last minute of office hours, and on the Friday
evening before a public holiday. The text must not name the day twice (我今天今天…)
nor put a preposition before today or tomorrow
("call you back on today"), and no promise may fall due sooner than the agent can keep it.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar.dates import CLOCK_LEAD, OFFSET_LEAD, parse_spec, resolve
from assistant.calendar.workcalendar import OfficeHours, WorkCalendar
from assistant.playbooks.loader import load_pack_file, load_pack_text
from assistant.playbooks.model import Entry
from assistant.playbooks.template import render

PACK_DIR = Path(__file__).resolve().parents[2] / "resources" / "playbooks"
SH = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar("CN", OfficeHours(time(9), time(18)), SH)

# Friday 3 April 2026: Qingming makes the Monday after it a day off.
HOLIDAY_EVE = datetime(2026, 4, 3, 19, 0, tzinfo=SH)
MOMENTS = {
    "09:00": datetime(2026, 12, 3, 9, 0, tzinfo=SH),
    "12:00": datetime(2026, 12, 3, 12, 0, tzinfo=SH),
    "17:45": datetime(2026, 12, 3, 17, 45, tzinfo=SH),
    "17:59": datetime(2026, 12, 3, 17, 59, tzinfo=SH),
    "Friday 19:00 before a holiday": HOLIDAY_EVE,
}

_ZH_DAY = r"今天|今日|明天|明日|后天|後天"
_EN_DAY = r"\b(?:today|tomorrow|tonight)\b"
# A day word, then another day word or a date that is not its own: rendered dates say
# "今天（12月3日 周四）" and "today, Thursday 3 December, at", with the bracket or comma.
WRONG_DAYS = (
    re.compile(rf"(?:{_ZH_DAY})\s*(?:{_ZH_DAY}|\d{{4}}年|\d{{1,2}}月\d{{1,2}}日)"),
    re.compile(
        rf"{_EN_DAY}[\s,]*(?:{_EN_DAY}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d+ \w+ at)",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:on|at|in) (?:today|tomorrow)\b", re.IGNORECASE),
)


def dated_entries() -> list[Entry]:
    found = []
    for path in sorted(PACK_DIR.glob("*.yaml")):
        pack, problems = load_pack_file(path, "builtin")
        assert pack is not None
        assert not problems
        found += [e for e in pack.entries if any(p.kind == "date" for p in e.placeholders)]
    return found


DATED = dated_entries()


def test_the_fixed_moments_are_what_they_say() -> None:
    assert HOLIDAY_EVE.weekday() == 4
    assert not CAL.is_working_day(HOLIDAY_EVE.date() + timedelta(days=3))
    assert MOMENTS["09:00"].weekday() == 3
    # Every language has dated promises, and commitments are among them.
    assert {e.language for e in DATED} == {"zh-Hans", "zh-Hant", "en"}
    assert sum(e.category == "commitment" for e in DATED) >= 45


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("entry", DATED, ids=lambda e: e.id)
def test_every_dated_wording_reads_well_and_can_be_kept(entry: Entry, moment: str) -> None:
    now = MOMENTS[moment]
    fills = {p.name: "X" for p in entry.placeholders if p.kind != "date"}
    fills |= {name: "X" for name in ("customer_title", "customer_name", "agent_name")}
    fills |= {"agent_id": "1024", "account_ref": "X", "customer_contact": "X"}
    for wording in (entry.body, *entry.alternatives):
        rendered = render(entry, fills, now=now, calendar=CAL, body=wording)
        for wrong in WRONG_DAYS:
            found = wrong.search(rendered.text)
            assert found is None, f"{found.group(0)!r} in: {rendered.text}"
        for name, due in rendered.dues.items():
            spec = parse_spec(entry.placeholder(name).spec)  # type: ignore[union-attr]
            lead = CLOCK_LEAD if spec.at is not None else OFFSET_LEAD
            assert due - now >= lead, f"{name} due {due:%a %H:%M}, said at {moment}"
            assert CAL.is_due_time(due)


def test_callback_today_said_after_its_time_moves_to_the_next_opening() -> None:
    # Said at 17:45, "today 17:30" used to promise 17:45, due the moment it was said.
    due = resolve("today 17:30", MOMENTS["17:45"], CAL)
    assert due == datetime(2026, 12, 4, 9, 0, tzinfo=SH)


def test_callback_today_said_just_before_its_time_gets_a_keepable_quarter_hour() -> None:
    assert resolve("today 17:30", datetime(2026, 12, 3, 17, 10, tzinfo=SH), CAL) == datetime(
        2026, 12, 3, 17, 45, tzinfo=SH
    )
    assert resolve("today 17:30", datetime(2026, 12, 3, 17, 29, tzinfo=SH), CAL) == datetime(
        2026, 12, 3, 18, 0, tzinfo=SH
    )


def test_an_offset_promise_keeps_its_own_length() -> None:
    now = MOMENTS["12:00"]
    assert resolve("+10 business minutes", now, CAL) == now + timedelta(minutes=10)
    assert resolve("+0m", now, CAL) == now + OFFSET_LEAD


def test_a_pack_that_writes_a_day_word_beside_a_date_is_refused_naming_the_line() -> None:
    text = """\
pack: {id: p, name: P, language: zh-Hans, version: "1"}
entries:
  - id: p.ok
    title: 好的
    category: commitment
    body: "我{at}之前回电。今天的结果我发短信给您。"
    placeholders: {at: {kind: date, spec: "today 17:30"}}
  - id: p.twice
    title: 重复
    category: commitment
    body: "我今天{at}之前回电。"
    placeholders: {at: {kind: date, spec: "today 17:30"}}
  - id: p.after
    title: after
    category: commitment
    alternatives: ["I'll call by {at} tomorrow."]
    body: "I'll call by {at}."
    placeholders: {at: {kind: date, spec: "tomorrow 10:00"}}
"""
    pack, problems = load_pack_text(text, "mine.yaml", "user")
    assert pack is not None
    assert [e.id for e in pack.entries] == ["p.ok"]
    messages = {p.entry_id: (p.line, p.message) for p in problems}
    assert messages["p.twice"][0] == 11
    assert "'今天' beside {at}" in messages["p.twice"][1]
    assert messages["p.after"][0] == 16
    assert "'tomorrow' beside {at}" in messages["p.after"][1]
