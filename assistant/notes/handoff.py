"""The escalation handoff: what the next tier must read so the customer never has to
repeat themselves, composed from the call record.

The handbooks' shape: customer background, problem details, steps already taken;
and for a cross-department sync, current progress, owner, expected resolution
time and departments needed. Written in Simplified or Traditional Chinese or in
English (the record's language; Chinese in the centre's script), one labelled line
per part; a part with nothing recorded says so rather than disappearing, so the
reader sees what is not known. Times are worded as the playbook's dated phrases
word them (``assistant.calendar.dates``), with the date always spelled out: the
handoff is read later, when "tomorrow" would no longer be true.

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
from datetime import UTC, datetime, tzinfo
from typing import Any, Literal

from assistant.calendar.dates import render_due
from assistant.languages import chinese_script, pack_language
from assistant.notes.clocks import Deadlines
from assistant.notes.drafting import has_cjk
from assistant.store.timefmt import parse_time

Language = Literal["zh-Hans", "zh-Hant", "en"]

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
    "zh-Hant": {
        "background": "客戶背景",
        "problem": "問題詳情",
        "steps": "已採取的措施",
        "progress": "目前進度",
        "owner": "負責人",
        "expected": "預計解決時間",
        "departments": "需協同部門",
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
    "zh-Hant": {
        "none": "（未記錄）",
        "no_department": "無",
        "unset": "未定，請負責人確認後告知客戶",
        "account": "帳戶",
        "contact": "聯絡方式",
        "level": "問題等級",
        "emotion": "客戶情緒",
        "emotion_from": "來電時",
        "request": "訴求",
        "key_problem": "關鍵問題",
        "facts": "客戶陳述",
        "notes": "備註",
        "todo": "待辦",
        "by": "前",
        "level_clock": "{level}解決時限",
        "followup_due": "跟進時間",
        "promised": "已向客戶承諾",
        "past_clock": "晚於{level}解決時限",
        "promise_followup": "按向客戶的承諾跟進",
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
    "zh-Hant": {
        "rational": "理性型客戶",
        "emotional": "感性型客戶",
        "direct": "直接型客戶",
        "calm": "平靜",
        "dissatisfied": "不滿",
        "angry": "憤怒",
        "confrontational": "對抗",
        "resolved": "已解決",
        "partial": "部分解決",
        "unresolved": "未解決",
        "final": "記錄已定稿",
        "draft": "記錄未定稿",
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


def record_language(values: Mapping[str, Any], preferred: str = "") -> Language:
    """The record's language: Chinese if its text has any, English if it has other
    text; with no text yet, ``preferred`` (the centre's language, e.g. zh-Hant or
    zh_TW). Chinese is in the centre's script: Traditional for a zh-Hant centre."""
    centre = pack_language(preferred)
    chinese: Language = chinese_script(preferred)
    text = " ".join(str(v) for v in values.values() if isinstance(v, str) and v.strip())
    if has_cjk(text):
        return chinese
    if any(ch.isalpha() for ch in text):
        return "en"
    return chinese if centre.startswith("zh") else "en"


def when_text(
    value: datetime, language: Language, tz: tzinfo | None = None, now: datetime | None = None
) -> str:
    """``value`` as the handoff says it, in ``tz`` (default: this computer's zone): the
    playbook's wording with the date spelled out, the year only when not ``now``'s."""
    local = value.astimezone(tz)
    return render_due(local, now or datetime.now(UTC), language, relative=False)


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _open(followups: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [f for f in followups if f.get("status", "open") == "open"]


@dataclass(frozen=True, slots=True)
class _Writer:
    """How one handoff is worded: its language's labels and punctuation, its time zone
    and the time it is written at."""

    language: Language
    tz: tzinfo | None
    now: datetime

    @property
    def words(self) -> dict[str, str]:
        return _WORDS[self.language]

    @property
    def choices(self) -> dict[str, str]:
        return _CHOICES[self.language]

    @property
    def chinese(self) -> bool:
        return self.language != "en"

    def bracket(self, text: str) -> str:
        """``text`` in brackets after what precedes it: ``（…）`` or `` (…)``."""
        return f"（{text}）" if self.chinese else f" ({text})"

    def labelled(self, key: str, value: Any) -> str:
        text = _text(value)
        if not text:
            return ""
        return f"{self.words[key]}{self.words['colon']}{text.rstrip(self.words['end'])}"

    def join(self, parts: Sequence[str]) -> str:
        """One line of parts; the words for "not recorded" when there are none."""
        kept = [p for p in parts if p]
        return self.words["sep"].join(kept) + self.words["end"] if kept else self.words["none"]

    def when(self, value: datetime) -> str:
        return when_text(value, self.language, self.tz, self.now)

    def line(self, key: str, text: str) -> str:
        heading = _HEADINGS[self.language][key]
        return f"【{heading}】{text}" if self.chinese else f"{heading}: {text}"


def compose_handoff(
    call: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]] = (),
    *,
    deadlines: Deadlines | None = None,
    promises: Sequence[Promise] = (),
    commitments: Collection[str] = (),
    language: Language = "zh-Hans",
    tz: tzinfo | None = None,
    now: datetime | None = None,
) -> str:
    """The handoff text for ``call`` (stored values: datetimes, strings, lists).

    ``promises`` are the dated commitments given in this call; ``commitments`` the
    titles of the commitment phrases copied in it (a follow-up made from one has
    its title as plan). ``now`` (default: the current time) decides only whether a
    date needs its year.
    """
    writer = _Writer(language, tz, now or datetime.now(UTC))
    pending = _open(followups)
    lines = [
        ("background", _background(call, writer)),
        ("problem", _problem(call, writer)),
        ("steps", _steps(call, writer)),
        ("progress", _progress(call, pending, writer)),
        ("owner", _owner(call, pending, writer)),
        ("expected", _expected(call, pending, deadlines, promises, commitments, writer)),
        ("departments", _text(call.get("escalated_to")) or writer.words["no_department"]),
    ]
    return "\n".join(writer.line(key, text) for key, text in lines)


def _background(call: Mapping[str, Any], writer: _Writer) -> str:
    """Who the customer is: name and title, account, contact, type, level, emotion."""
    words, choices = writer.words, writer.choices
    name, title = _text(call.get("customer_name")), _text(call.get("customer_title"))
    who = name + writer.bracket(title) if name and title else name or title
    emotion = ""
    stage_now = call.get("emotion_end") or call.get("emotion_start")
    if stage_now in choices:
        emotion = f"{words['emotion']}{words['colon']}{choices[stage_now]}"
        start = call.get("emotion_start")
        if call.get("emotion_end") and start in choices and start != stage_now:
            emotion += writer.bracket(f"{words['emotion_from']}{words['colon']}{choices[start]}")
    return writer.join(
        [
            who,
            writer.labelled("account", call.get("account_ref")),
            writer.labelled("contact", call.get("customer_contact")),
            choices.get(str(call.get("customer_type")), ""),
            writer.labelled("level", call.get("level")),
            emotion,
        ]
    )


def _problem(call: Mapping[str, Any], writer: _Writer) -> str:
    return writer.join(
        [
            writer.labelled("request", call.get("request")),
            writer.labelled("key_problem", call.get("key_problem")),
            writer.labelled("facts", call.get("facts")),
        ]
    )


def _steps(call: Mapping[str, Any], writer: _Writer) -> str:
    outcome = _text(call.get("outcome")).rstrip(writer.words["end"])
    return writer.join([outcome, writer.labelled("notes", call.get("notes"))])


def _todo(item: Mapping[str, Any], writer: _Writer) -> str:
    """One open follow-up: who does what by when ("" when it says nothing)."""
    due = item.get("due_at")
    owner, plan = _text(item.get("owner")), _text(item.get("plan"))
    due_text = writer.when(due) if isinstance(due, datetime) else ""
    if writer.chinese:
        todo = f"{owner}{due_text + writer.words['by'] if due_text else ''}{plan}"
    else:
        todo = " ".join(p for p in (owner, plan, f"by {due_text}" if due_text else "") if p)
    return f"{writer.words['todo']}{writer.words['colon']}{todo}" if todo else ""


def _progress(
    call: Mapping[str, Any], pending: Sequence[Mapping[str, Any]], writer: _Writer
) -> str:
    """Current progress: the resolution, the open to-dos, where the record stands."""
    resolution = writer.choices.get(str(call.get("resolution")), "")
    status = writer.choices.get(str(call.get("status")), "") if call.get("resolution") else ""
    return writer.join([resolution, *(_todo(item, writer) for item in pending), status])


def _owner(call: Mapping[str, Any], pending: Sequence[Mapping[str, Any]], writer: _Writer) -> str:
    """Whoever holds the first open to-do, else the agent who took the call."""
    owners = [_text(f.get("owner")) for f in pending if _text(f.get("owner"))]
    if owners:
        return owners[0]
    agent, agent_id = _text(call.get("agent_name")), _text(call.get("agent_id"))
    if agent and agent_id:
        agent += writer.bracket(agent_id)
    return agent or writer.words["none"]


def _expected(
    call: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]],
    deadlines: Deadlines | None,
    promises: Sequence[Promise],
    commitments: Collection[str],
    writer: _Writer,
) -> str:
    """The one expected resolution time and where it comes from (module docstring)."""
    words = writer.words
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
    return writer.when(due) + writer.bracket(label)
