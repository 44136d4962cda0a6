"""The escalation handoff text, in Simplified and Traditional Chinese and English."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from assistant.notes.clocks import Deadlines
from assistant.notes.handoff import Promise, compose_handoff, record_language
from assistant.notes.validation import coerce_call, coerce_followup

CST = timezone(timedelta(hours=8))
# When the 2024 sample record's handoff is written.
MARCH_2024 = datetime(2024, 3, 15, 16, 0, tzinfo=CST)


def _record(make_record: Any, **changes: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    record = make_record(**changes)
    followups = [coerce_followup(f)[0] for f in record.pop("followups")]
    values, problems = coerce_call(record)
    assert problems == []
    return values, followups


def test_chinese_handoff_has_every_part_and_uses_the_level_deadline(make_record: Any) -> None:
    values, followups = _record(make_record)
    deadline = Deadlines(
        first_response=datetime(2024, 3, 15, 7, 0, tzinfo=UTC),
        resolution=datetime(2024, 3, 19, 6, 0, tzinfo=UTC),
    )
    text = compose_handoff(
        values, followups, deadlines=deadline, language="zh-Hans", tz=CST, now=MARCH_2024
    )
    assert text.splitlines() == [
        "【客户背景】李明（李总）；账户：ENT-2024-0042；联系方式：+86 138 0013 8000；"
        "理性型客户；问题等级：L2；客户情绪：平静（来电时：不满）。",
        "【问题详情】诉求：如何升级到企业版；关键问题：希望下月1日前完成，升级需要3个工作日；"
        "客户陈述：3月14日提交升级申请, 未收到回复。",
        "【已采取的措施】告知需3个工作日，建议提前5天申请；"
        '备注：客户说"务必"在月底前, 多行 第二行。',
        "【当前进展】部分解决；待办：技术支持3月20日（周三）下午6:00前提交升级申请；"
        "待办：工程部3月25日（周一）下午6:00前完成配置；记录已定稿。",
        "【负责人】技术支持",
        "【预计解决时间】3月19日（周二）下午2:00（L2解决时限）",
        "【需协同部门】技术支持二线",
    ]


def test_english_handoff_without_a_level_uses_the_last_follow_up(make_record: Any) -> None:
    values, followups = _record(
        make_record,
        customer_name="Li Ming",
        customer_title="Director Li",
        level=None,
        facts=None,
        notes=None,
        request="upgrade to the enterprise plan",
        key_problem="needs it before the 1st",
        outcome="explained it takes 3 working days.",
        escalated_to=None,
        status="draft",
    )
    text = compose_handoff(values, followups, language="en", tz=CST, now=MARCH_2024)
    lines = text.splitlines()
    assert lines[0] == (
        "Customer background: Li Ming (Director Li); account: ENT-2024-0042; "
        "contact: +86 138 0013 8000; rational customer (wants data); "
        "emotion: calm (at the start: dissatisfied)."
    )
    assert lines[1] == (
        "Problem details: Request: upgrade to the enterprise plan; "
        "Key problem: needs it before the 1st."
    )
    assert lines[2] == "Steps already taken: explained it takes 3 working days."
    progress = "Current progress: partly resolved; To do: 技术支持 提交升级申请 by "
    assert lines[3].startswith(progress)
    assert lines[3].endswith("record still a draft.")
    assert lines[4] == "Owner: 技术支持"
    assert lines[5] == "Expected resolution: Monday 25 March at 18:00 (follow-up due)"
    assert lines[6] == "Departments needed: none"


def test_an_empty_record_says_what_is_not_recorded() -> None:
    text = compose_handoff({"agent_name": "王芳", "agent_id": "A1024"}, language="zh-Hans")
    assert text.splitlines() == [
        "【客户背景】（未记录）",
        "【问题详情】（未记录）",
        "【已采取的措施】（未记录）",
        "【当前进展】（未记录）",
        "【负责人】王芳（A1024）",
        "【预计解决时间】未定，请负责人确认后告知客户",
        "【需协同部门】无",
    ]


def test_the_record_language_follows_its_text_then_the_ui() -> None:
    assert record_language({"request": "退款"}, "en") == "zh-Hans"
    assert record_language({"request": "refund"}, "zh_CN") == "en"
    assert record_language({"request": ""}, "zh_CN") == "zh-Hans"
    assert record_language({}, "") == "en"


def test_a_traditional_chinese_centre_gets_its_chinese_in_traditional() -> None:
    assert record_language({"request": "退款"}, "zh-Hant") == "zh-Hant"
    assert record_language({"request": "寬頻斷線"}, "zh_TW") == "zh-Hant"
    assert record_language({"request": ""}, "zh_HK") == "zh-Hant"
    assert record_language({"request": "refund"}, "zh-Hant") == "en"
    assert record_language({"request": "退款"}, "zh_CN") == "zh-Hans"


# An L3 fault call on Friday 2026-12-04: the agent promised resolution in 3 working
# days (Wednesday 12-09 10:00); the level clock's 72 business hours run to 12-16.
CALLED = datetime(2026, 12, 4, 10, 0, tzinfo=CST)
L3_CALL = {"level": "L3", "request": "宽带故障", "agent_name": "王芳"}
L3_CLOCK = Deadlines(
    first_response=datetime(2026, 12, 4, 12, 0, tzinfo=CST),
    resolution=datetime(2026, 12, 16, 10, 0, tzinfo=CST),
)
CONTACT = Promise(datetime(2026, 12, 4, 12, 0, tzinfo=CST), "技术故障：二线2小时内联系", "zh.c.a")
RESOLVE = Promise(datetime(2026, 12, 9, 10, 0, tzinfo=CST), "技术故障：解决时限", "zh.c.b")


def expected_line(text: str) -> str:
    heads = ("【预计解决时间】", "【預計解決時間】", "Expected")
    [line] = [row for row in text.splitlines() if row.startswith(heads)]
    return line


def test_the_promise_given_is_the_one_expected_time_and_says_so() -> None:
    later_followup = {"owner": "二线", "due_at": datetime(2026, 12, 18, 10, 0, tzinfo=CST)}
    text = compose_handoff(
        L3_CALL,
        [later_followup],
        deadlines=L3_CLOCK,
        promises=[RESOLVE, CONTACT],  # the first contact comes first: the latest is resolution
        language="zh-Hans",
        tz=CST,
        now=CALLED,
    )
    assert expected_line(text) == "【预计解决时间】12月9日（周三）上午10:00（已向客户承诺）"
    assert "12月16日" not in text

    english = compose_handoff(
        {**L3_CALL, "request": "line down"},
        deadlines=L3_CLOCK,
        promises=[CONTACT, RESOLVE],
        language="en",
        tz=CST,
        now=CALLED,
    )
    assert expected_line(english) == (
        "Expected resolution: Wednesday 9 December at 10:00 (promised to the customer)"
    )


def test_a_promise_past_the_level_clock_says_so_without_a_second_date() -> None:
    early_clock = Deadlines(L3_CLOCK.first_response, datetime(2026, 12, 8, 10, 0, tzinfo=CST))
    zh = compose_handoff(L3_CALL, deadlines=early_clock, promises=[RESOLVE], tz=CST, now=CALLED)
    assert expected_line(zh) == (
        "【预计解决时间】12月9日（周三）上午10:00（已向客户承诺；晚于L3解决时限）"
    )
    en = compose_handoff(
        L3_CALL, deadlines=early_clock, promises=[RESOLVE], language="en", tz=CST, now=CALLED
    )
    assert expected_line(en) == (
        "Expected resolution: Wednesday 9 December at 10:00 "
        "(promised to the customer; later than the L3 resolution deadline)"
    )


def test_without_a_promise_the_commitment_follow_up_then_the_level_clock() -> None:
    from_promise = {"owner": "王芳", "plan": "技术故障：解决时限", "due_at": RESOLVE.due}
    other = {"owner": "二线", "plan": "回电", "due_at": datetime(2026, 12, 18, 10, 0, tzinfo=CST)}
    reopened = compose_handoff(
        L3_CALL,
        [from_promise, other],
        deadlines=L3_CLOCK,
        commitments={"技术故障：解决时限"},
        tz=CST,
        now=CALLED,
    )
    assert expected_line(reopened) == (
        "【预计解决时间】12月9日（周三）上午10:00（按向客户的承诺跟进）"
    )
    no_commitment = compose_handoff(L3_CALL, [other], deadlines=L3_CLOCK, tz=CST, now=CALLED)
    assert expected_line(no_commitment) == "【预计解决时间】12月16日（周三）上午10:00（L3解决时限）"


def test_a_handoff_read_later_names_the_day_and_the_year_when_it_changes() -> None:
    # Promised for tomorrow: the handoff says the date, since "tomorrow" is wrong by then.
    tomorrow = Promise(datetime(2026, 12, 5, 10, 0, tzinfo=CST), "回电")
    text = compose_handoff(L3_CALL, promises=[tomorrow], tz=CST, now=CALLED)
    assert expected_line(text) == "【预计解决时间】12月5日（周六）上午10:00（已向客户承诺）"
    assert "明天" not in text
    new_year = Promise(datetime(2027, 1, 4, 15, 30, tzinfo=CST), "回电")
    english = compose_handoff(L3_CALL, promises=[new_year], language="en", tz=CST, now=CALLED)
    assert expected_line(english) == (
        "Expected resolution: Monday 4 January 2027 at 15:30 (promised to the customer)"
    )


def test_a_traditional_handoff_is_traditional_throughout() -> None:
    import opencc

    call = {
        "customer_name": "陳先生",
        "customer_title": "經理",
        "account_ref": "TW-0042",
        "customer_type": "emotional",
        "level": "L3",
        "emotion_start": "angry",
        "emotion_end": "dissatisfied",
        "request": "寬頻斷線，要求儘快修復",
        "outcome": "已派工程師",
        "resolution": "partial",
        "status": "draft",
        "agent_name": "林美玲",
        "agent_id": "T0815",
    }
    followup = {"owner": "二線", "plan": "到府檢修", "due_at": RESOLVE.due}
    text = compose_handoff(
        call,
        [followup],
        deadlines=L3_CLOCK,
        promises=[RESOLVE],
        language="zh-Hant",
        tz=CST,
        now=CALLED,
    )
    assert text.splitlines() == [
        "【客戶背景】陳先生（經理）；帳戶：TW-0042；感性型客戶；問題等級：L3；"
        "客戶情緒：不滿（來電時：憤怒）。",
        "【問題詳情】訴求：寬頻斷線，要求儘快修復。",
        "【已採取的措施】已派工程師。",
        "【目前進度】部分解決；待辦：二線12月9日（週三）上午10:00前到府檢修；記錄未定稿。",
        "【負責人】二線",
        "【預計解決時間】12月9日（週三）上午10:00（已向客戶承諾）",
        "【需協同部門】無",
    ]
    # Nothing in it reads as Simplified: converting to Traditional changes nothing.
    assert opencc.OpenCC("s2t").convert(text) == text
    empty = compose_handoff({"agent_name": "林美玲"}, language="zh-Hant", now=CALLED)
    assert opencc.OpenCC("s2t").convert(empty) == empty
    assert "【預計解決時間】未定，請負責人確認後告知客戶" in empty.splitlines()


def test_a_promise_comes_back_from_a_draft_or_is_dropped() -> None:
    kept = {
        "due_at": "2026-12-09T10:00:00+08:00",
        "title": "技术故障：解决时限",
        "entry_id": "zh.c.b",
    }
    assert Promise.from_draft(kept) == RESOLVE
    assert Promise.from_draft({"due_at": "soon"}) is None
    assert Promise.from_draft("2026-12-09") is None
