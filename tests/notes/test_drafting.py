"""Drafting request and key problem from the facts, emotions and demands."""

from __future__ import annotations

from assistant.notes.drafting import Drafted, draft_from_listening, items


def test_items_split_on_lines_and_semicolons_and_drop_bullets() -> None:
    assert items("- 3月14日提交申请；\n• 未收到回复，\n2. 电话打不通") == [
        "3月14日提交申请",
        "未收到回复",
        "电话打不通",
    ]
    assert items("  ") == []
    assert items(None) == []


def test_chinese_notes_become_chinese_sentences() -> None:
    drafted = draft_from_listening(
        facts="3月14日提交升级申请\n至今未收到回复",
        emotions="着急; 担心影响月底结算",
        demands="下月1日前完成企业版升级",
    )
    assert drafted == Drafted(
        request="下月1日前完成企业版升级。",
        key_problem="3月14日提交升级申请；至今未收到回复。（客户情绪：着急、担心影响月底结算）",
    )


def test_english_notes_become_english_sentences() -> None:
    drafted = draft_from_listening(
        facts="refund filed Wednesday; not received yet.",
        emotions="frustrated",
        demands="money back by Friday",
    )
    assert drafted.request == "Money back by Friday."
    assert drafted.key_problem == (
        "Refund filed Wednesday; not received yet. (The customer feels: frustrated.)"
    )


def test_nothing_to_draft_from_gives_none() -> None:
    assert draft_from_listening("", None, "  ") == Drafted(None, None)
    # Emotions alone are no problem statement.
    assert draft_from_listening(None, "angry", None) == Drafted(None, None)
    assert draft_from_listening("line drops at night", None, None) == Drafted(
        None, "Line drops at night."
    )
