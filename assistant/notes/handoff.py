"""The escalation handoff: what the next tier must read so the customer never has to
repeat themselves, composed from the call record.

The handbooks' shape: customer background, problem details, steps already taken;
and for a cross-department sync, current progress, owner, expected resolution
time and departments needed. Written in Simplified Chinese or English (the
record's language), one labelled line per part; a part with nothing recorded says
so rather than disappearing, so the reader sees what is not known.

One deadline per call: the expected resolution time is, first of these that exists,

1. the promise given: the latest due time among the dated commitments the agent
   read to the customer in this call (a first-contact promise comes before the
   resolution one, so the latest is the resolution the customer now expects),
   labelled as promised; when the level clock's resolution deadline is earlier,
   the label says the promise is later than it (no second date on the line);
2. the latest open follow-up made from a copied commitment (Ctrl+T gives it the
   commitment's title as its plan): the promise when the record was reopened;
3. the level clock's resolution deadline (the record has a level and a start);
4. the latest open follow-up's due time.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Literal

from assistant.notes.clocks import Deadlines
from assistant.notes.drafting import has_cjk
from assistant.notes.timefmt import parse_time

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
        "promised": "已向客户承诺",
        "past_clock": "晚于{level}解决时限",
        "promise_followup": "按向客户的承诺跟进",
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
        "promised": "promised to the customer",
        "past_clock": "later than the {level} resolution deadline",
        "promise_followup": "follow-up on the promise to the customer",
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


@dataclass(frozen=True, slots=True)
class Promise:
    """A dated commitment the agent read to the customer: when, and which phrase."""

    due: datetime
    title: str = ""
    entry_id: str = ""

    def as_draft(self) -> dict[str, Any]:
        return {"due_at": self.due, "title": self.title, "entry_id": self.entry_id}

    @classmethod
    def from_draft(cls, item: Any) -> Promise | None:
        """A promise as a draft kept it (times as ISO text), or None if unreadable."""
        if not isinstance(item, Mapping):
            return None
        due = item.get("due_at")
        try:
            due = parse_time(due) if isinstance(due, str) else due
        except ValueError:
            return None
        if not isinstance(due, datetime):
            return None
        return cls(due, str(item.get("title") or ""), str(item.get("entry_id") or ""))


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
    promises: Sequence[Promise] = (),
    commitments: Collection[str] = (),
    language: Language = "zh-Hans",
    tz: tzinfo | None = None,
) -> str:
    """The handoff text for ``call`` (stored values: datetimes, strings, lists).

    ``promises`` are the dated commitments given in this call; ``commitments`` the
    titles of the commitment phrases copied in it (a follow-up made from one has
    its title as plan).
    """
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

    expected = _expected(call, _open(followups), deadlines, promises, commitments, language, tz)
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


def _expected(
    call: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]],
    deadlines: Deadlines | None,
    promises: Sequence[Promise],
    commitments: Collection[str],
    language: Language,
    tz: tzinfo | None,
) -> str:
    """The one expected resolution time and where it comes from (module docstring)."""
    words = _WORDS[language]
    level = str(call.get("level") or "")

    def dues(items: Sequence[Mapping[str, Any]]) -> list[datetime]:
        return [f["due_at"] for f in items if isinstance(f.get("due_at"), datetime)]

    promised = dues([f for f in followups if _text(f.get("plan")) in commitments])
    if promises:
        due = max(p.due for p in promises)
        label = words["promised"]
        if deadlines is not None and deadlines.resolution < due:
            label += words["sep"] + words["past_clock"].format(level=level)
    elif promised:
        due, label = max(promised), words["promise_followup"]
    elif deadlines is not None:
        due, label = deadlines.resolution, words["level_clock"].format(level=level)
    elif dues(followups):
        due, label = max(dues(followups)), words["followup_due"]
    else:
        return words["unset"]
    if language == "zh-Hans":
        return f"{when_text(due, language, tz)}（{label}）"
    return f"{when_text(due, language, tz)} ({label})"
