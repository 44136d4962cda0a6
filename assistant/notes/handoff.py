"""The escalation handoff: what the next tier must read so the customer never has to
repeat themselves, composed from the call record.

The handbooks' shape: customer background, problem details, steps already taken;
and for a cross-department sync, current progress, owner, expected resolution
time and departments needed. Written in Simplified Chinese or English (the
record's language), one labelled line per part; a part with nothing recorded says
so rather than disappearing, so the reader sees what is not known.

The expected resolution time is the level clock's resolution deadline when the
record has a level and a start time, else the last open follow-up's due time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any, Literal

from assistant.notes.clocks import Deadlines
from assistant.notes.drafting import has_cjk

Language = Literal["zh-Hans", "en"]

_HEADINGS: dict[Language, dict[str, str]] = {
    "zh-Hans": {
        "background": "客户背景",
        "problem": "问题详情",
        "steps": "已采取的措施",
        "progress": "当前进展",
        "owner": "负责人",
        "expected": "预计解决时间",
        "departments": "需协同部门",
    },
    "en": {
        "background": "Customer background",
        "problem": "Problem details",
        "steps": "Steps already taken",
        "progress": "Current progress",
        "owner": "Owner",
        "expected": "Expected resolution",
        "departments": "Departments needed",
    },
}

_WORDS: dict[Language, dict[str, str]] = {
    "zh-Hans": {
        "none": "（未记录）",
        "no_department": "无",
        "unset": "未定，请负责人确认后告知客户",
        "account": "账户",
        "contact": "联系方式",
        "level": "问题等级",
        "emotion": "客户情绪",
        "emotion_from": "来电时",
        "request": "诉求",
        "key_problem": "关键问题",
        "facts": "客户陈述",
        "notes": "备注",
        "todo": "待办",
        "by": "前",
        "level_clock": "{level}解决时限",
        "followup_due": "跟进时间",
        "sep": "；",
        "end": "。",
        "colon": "：",
    },
    "en": {
        "none": "(not recorded)",
        "no_department": "none",
        "unset": "not set yet; the owner confirms it with the customer",
        "account": "account",
        "contact": "contact",
        "level": "level",
        "emotion": "emotion",
        "emotion_from": "at the start",
        "request": "Request",
        "key_problem": "Key problem",
        "facts": "The customer says",
        "notes": "Notes",
        "todo": "To do",
        "by": "by",
        "level_clock": "{level} resolution deadline",
        "followup_due": "follow-up due",
        "sep": "; ",
        "end": ".",
        "colon": ": ",
    },
}

_CHOICES: dict[Language, dict[str, str]] = {
    "zh-Hans": {
        "rational": "理性型客户",
        "emotional": "感性型客户",
        "direct": "直接型客户",
        "calm": "平静",
        "dissatisfied": "不满",
        "angry": "愤怒",
        "confrontational": "对抗",
        "resolved": "已解决",
        "partial": "部分解决",
        "unresolved": "未解决",
        "final": "记录已定稿",
        "draft": "记录未定稿",
    },
    "en": {
        "rational": "rational customer (wants data)",
        "emotional": "emotional customer (wants to be heard)",
        "direct": "direct customer (point first)",
        "calm": "calm",
        "dissatisfied": "dissatisfied",
        "angry": "angry",
        "confrontational": "confrontational",
        "resolved": "resolved",
        "partial": "partly resolved",
        "unresolved": "unresolved",
        "final": "record final",
        "draft": "record still a draft",
    },
}

_ZH_WEEKDAYS = "一二三四五六日"
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def record_language(values: Mapping[str, Any], preferred: str = "") -> Language:
    """The record's language: Chinese if its text has any, English if it has other
    text; with no text yet, ``preferred`` (the UI language)."""
    text = " ".join(str(v) for v in values.values() if isinstance(v, str) and v.strip())
    if has_cjk(text):
        return "zh-Hans"
    if any(ch.isalpha() for ch in text):
        return "en"
    return "zh-Hans" if preferred.lower().startswith("zh") else "en"


def when_text(value: datetime, language: Language, tz: tzinfo | None = None) -> str:
    local = value.astimezone(tz)
    if language == "zh-Hans":
        return f"{local:%Y-%m-%d}（周{_ZH_WEEKDAYS[local.weekday()]}）{local:%H:%M}"
    return f"{local:%Y-%m-%d} ({_EN_WEEKDAYS[local.weekday()]}) {local:%H:%M}"


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _open(followups: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [f for f in followups if f.get("status", "open") == "open"]


def compose_handoff(
    call: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]] = (),
    *,
    deadlines: Deadlines | None = None,
    language: Language = "zh-Hans",
    tz: tzinfo | None = None,
) -> str:
    """The handoff text for ``call`` (stored values: datetimes, strings, lists)."""
    heads, words, choices = _HEADINGS[language], _WORDS[language], _CHOICES[language]
    sep, end, colon = words["sep"], words["end"], words["colon"]

    def labelled(key: str, value: Any) -> str:
        text = _text(value)
        return f"{words[key]}{colon}{text.rstrip(end)}" if text else ""

    def join(parts: Sequence[str]) -> str:
        kept = [p for p in parts if p]
        return sep.join(kept) + end if kept else words["none"]

    # Customer background.
    name, title = _text(call.get("customer_name")), _text(call.get("customer_title"))
    who = f"{name}（{title}）" if language == "zh-Hans" and name and title else name or title
    if language == "en" and name and title:
        who = f"{name} ({title})"
    emotion = ""
    stage_now = call.get("emotion_end") or call.get("emotion_start")
    if stage_now in choices:
        emotion = f"{words['emotion']}{colon}{choices[stage_now]}"
        start = call.get("emotion_start")
        if call.get("emotion_end") and start in choices and start != stage_now:
            opener = "（" if language == "zh-Hans" else " ("
            closer = "）" if language == "zh-Hans" else ")"
            emotion += f"{opener}{words['emotion_from']}{colon}{choices[start]}{closer}"
    background = join(
        [
            who,
            labelled("account", call.get("account_ref")),
            labelled("contact", call.get("customer_contact")),
            choices.get(str(call.get("customer_type")), ""),
            labelled("level", call.get("level")),
            emotion,
        ]
    )

    problem = join(
        [
            labelled("request", call.get("request")),
            labelled("key_problem", call.get("key_problem")),
            labelled("facts", call.get("facts")),
        ]
    )
    steps = join([_text(call.get("outcome")).rstrip(end), labelled("notes", call.get("notes"))])

    # Current progress: the resolution, where the record stands, the open to-dos.
    todos = []
    for item in _open(followups):
        due = item.get("due_at")
        owner, plan = _text(item.get("owner")), _text(item.get("plan"))
        due_text = when_text(due, language, tz) if isinstance(due, datetime) else ""
        if language == "zh-Hans":
            todo = f"{owner}{due_text + words['by'] if due_text else ''}{plan}"
        else:
            todo = " ".join(p for p in (owner, plan, f"by {due_text}" if due_text else "") if p)
        if todo:
            todos.append(f"{words['todo']}{colon}{todo}")
    progress = join(
        [
            choices.get(str(call.get("resolution")), ""),
            *todos,
            choices.get(str(call.get("status")), "") if call.get("resolution") else "",
        ]
    )

    # Owner: whoever holds the first open to-do, else the agent who took the call.
    owners = [_text(f.get("owner")) for f in _open(followups) if _text(f.get("owner"))]
    agent = _text(call.get("agent_name"))
    agent_id = _text(call.get("agent_id"))
    if agent and agent_id:
        agent = f"{agent}（{agent_id}）" if language == "zh-Hans" else f"{agent} ({agent_id})"
    owner = owners[0] if owners else agent or words["none"]

    if deadlines is not None:
        clock = words["level_clock"].format(level=call.get("level") or "")
        expected = f"{when_text(deadlines.resolution, language, tz)}"
        expected += f"（{clock}）" if language == "zh-Hans" else f" ({clock})"
    else:
        dues = [f["due_at"] for f in _open(followups) if isinstance(f.get("due_at"), datetime)]
        if dues:
            expected = when_text(max(dues), language, tz)
            label = words["followup_due"]
            expected += f"（{label}）" if language == "zh-Hans" else f" ({label})"
        else:
            expected = words["unset"]

    departments = _text(call.get("escalated_to")) or words["no_department"]

    lines = [
        ("background", background),
        ("problem", problem),
        ("steps", steps),
        ("progress", progress),
        ("owner", owner),
        ("expected", expected),
        ("departments", departments),
    ]
    if language == "zh-Hans":
        return "\n".join(f"【{heads[key]}】{text}" for key, text in lines)
    return "\n".join(f"{heads[key]}: {text}" for key, text in lines)
