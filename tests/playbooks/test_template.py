from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.calendar.workcalendar import WorkCalendar
from assistant.playbooks.model import Entry, Placeholder
from assistant.playbooks.template import (
    MissingValues,
    TemplateSyntaxError,
    parse,
    placeholder_names,
    render,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=SHANGHAI)  # a Monday
CALENDAR = WorkCalendar("CN", tz=SHANGHAI)

COMMIT = Entry(
    id="c",
    title="回电承诺",
    category="commitment",
    body="{customer_title}，我和同事确认后，{reply_by}之前给您回电。订单{order_id}。",
    placeholders=(
        Placeholder("reply_by", kind="date", spec="+1 business day at 10:00"),
        Placeholder("order_id", label="订单号", default="（见短信）"),
    ),
    language="zh-Hans",
)


def test_render_fills_values_dates_and_defaults() -> None:
    rendered = render(COMMIT, {"customer_title": "李总"}, now=NOW, calendar=CALENDAR)
    assert (
        rendered.text
        == "李总，我和同事确认后，明天（11月24日 周二）上午10:00之前给您回电。订单（见短信）。"
    )
    assert rendered.dues == {"reply_by": datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)}


def test_agent_can_move_the_due_time() -> None:
    moved = datetime(2026, 11, 25, 15, 30, tzinfo=SHANGHAI)
    rendered = render(
        COMMIT, {"customer_title": "李总", "reply_by": moved}, now=NOW, calendar=CALENDAR
    )
    assert "后天（11月25日 周三）下午3:30之前" in rendered.text
    assert rendered.dues["reply_by"] == moved


def test_english_commitment_renders_in_english() -> None:
    entry = Entry(
        id="e",
        title="Call back",
        category="commitment",
        body="I'll call you back {reply_by}.",
        placeholders=(Placeholder("reply_by", kind="date", spec="tomorrow 10:00"),),
        language="en",
    )
    text = render(entry, {}, now=NOW, calendar=CALENDAR).text
    assert text == "I'll call you back tomorrow, Tuesday 24 November, at 10:00."


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_missing_values_are_named_and_never_left_as_holes(blank: str | None) -> None:
    values = {} if blank is None else {"customer_title": blank}
    with pytest.raises(MissingValues) as info:
        render(COMMIT, values, now=NOW, calendar=CALENDAR)
    assert info.value.names == ["customer_title"]


def test_alternative_wording_renders_with_the_same_placeholders() -> None:
    alternative = "{reply_by}之前我一定回复{customer_title}。"
    text = render(
        COMMIT, {"customer_title": "王女士"}, now=NOW, calendar=CALENDAR, body=alternative
    )
    assert text.text == "明天（11月24日 周二）上午10:00之前我一定回复王女士。"


def test_braces() -> None:
    assert parse("a {{b}} {c}") == ["a {b} ", ("c",)]
    assert placeholder_names("{x}{y}{x}") == ["x", "y"]
    with pytest.raises(TemplateSyntaxError):
        parse("unclosed {name")
    with pytest.raises(TemplateSyntaxError):
        parse("{not a name}")


@given(
    st.text(max_size=200),
    st.dictionaries(
        st.from_regex(r"[a-z_]{1,8}", fullmatch=True),
        st.text(min_size=1, max_size=20).filter(str.strip),
    ),
)
def test_rendered_text_never_holds_a_raw_placeholder(body: str, values: dict[str, str]) -> None:
    try:
        names = placeholder_names(body)
    except TemplateSyntaxError:
        return
    entry = Entry(id="x", title="x", category="opening", body=body)
    missing = {n for n in names if n not in values}
    if missing:
        with pytest.raises(MissingValues) as info:
            render(entry, values, now=NOW, calendar=CALENDAR)
        assert set(info.value.names) == missing
        return
    text = render(entry, values, now=NOW, calendar=CALENDAR).text
    for name in names:
        assert values[name] in text
