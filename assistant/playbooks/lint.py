"""Lint what an agent is about to say or send: vague promises and unexplained jargon.

Runs on every keystroke, so all patterns are compiled once (lazily, to keep
importing this module cheap) and a text is scanned a fixed number of times
whatever the number of jargon entries.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from assistant.playbooks.model import Entry

__all__ = ["Finding", "lint_text"]

FindingKind = Literal["vague", "jargon"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A span of ``text`` to underline; ``start``/``end`` are character indexes."""

    kind: FindingKind
    start: int
    end: int
    text: str
    message: str
    entry_id: str | None = None


# Latin letters and digits (accented too). CJK characters are \w in Python, so \b
# would miss "ASAP" in "我ASAP处理"; these lookarounds do not.
_LATIN = r"0-9A-Za-z\u00c0-\u024f"
_LB = rf"(?<![{_LATIN}])"
_RB = rf"(?![{_LATIN}])"

# Chinese words that defer without saying when. Lookarounds drop the common
# words that merely contain them (不可能 "impossible", 回头客 "repeat customer",
# 很快乐 "very happy").
_VAGUE_ZH = (
    "尽快",
    "盡快",
    "尽早",
    "盡早",
    "(?<!不)可能",
    "也许",
    "也許",
    "或许",
    "或許",
    "大概",
    "稍后",
    "稍後",
    "马上",
    "馬上",
    "回头(?!客)",
    "回頭(?!客)",
    "过一会儿",
    "過一會兒",
    "过会儿",
    "過會兒",
    "一会儿",
    "一會兒",
    "待会儿",
    "待會兒",
    "待会",
    "待會",
    "晚点",
    "晚點",
    "晚些时候",
    "晚些時候",
    "迟些",
    "遲些",
    "改天",
    "近期",
    "不久",
    "很快(?!乐|樂)",
    "过几天",
    "過幾天",
    "过两天",
    "過兩天",
    "这几天",
    "這幾天",
    "以后再",
    "以後再",
    "有空",
)
_VAGUE_EN = (
    "as soon as possible",
    "as soon as (?:i|we) can",
    r"a\.s\.a\.p\.?",
    "asap",
    "soon",
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "hopefully",
    "shortly",
    "later on",
    "later",
    "at some point",
    "some ?time",
    "in a (?:while|bit)",
    "eventually",
    "in due course",
    "before long",
    "in the near future",
    "when (?:i|we) get (?:a|the) chance",
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# What makes a promise concrete: a clock time, a date, a named day, or a counted
# span ("3个工作日", "within 2 hours").
_CONCRETE = (
    r"\d{1,2}\s*[:：]\s*\d{2}",
    r"\d{1,2}\s*(?:点|點|时|時)",
    r"(?:十[一二]?|[二三四五六七八九两兩])\s*(?:点|點)",
    r"\d{1,2}\s*月\s*\d{1,2}\s*(?:日|号|號)?",
    r"\d{1,2}\s*(?:日|号|號)",
    r"\d{4}\s*[-/.年]\s*\d{1,2}",
    r"\d{1,2}/\d{1,2}",
    "今天|今日|今晚|明天|明日|明早|明晚|后天|後天|大后天|大後天",
    "(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]",
    r"(?:\d+|[一二两兩三四五六七八九十半]+)\s*(?:个|個)?\s*"
    r"(?:小时|小時|钟头|鐘頭|分钟|分鐘|工作日|工作天|天|日)\s*(?:内|內|之内|之內|以内|以內)",
    r"\d+\s*(?:个|個)?\s*(?:小时|小時|钟头|鐘頭|分钟|分鐘|工作日|工作天|天)",
    r"(?:[一二两兩三四五六七八九十]+)\s*(?:个|個)\s*(?:小时|小時|工作日)",
    _LB + r"\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)",
    _LB + r"(?:at|by|before|until|till)\s+\d{1,2}" + _RB,
    _LB + r"(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|noon|midday|midnight|eod|end of (?:the )?day|this (?:morning|afternoon|evening))" + _RB,
    _LB + _MONTH + r"\.?\s+\d{1,2}" + _RB,
    _LB + r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + _RB,
    _LB + r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty-four)"
    r"\s+(?:business |working )?(?:hours?|hrs?|minutes?|mins?|days?)" + _RB,
)

# Sentence ends; a "." only when followed by a space or the end, so "10.30" stays whole.
_SENTENCE_END = r"[。！？!?；;\n]|\.(?=\s|$)"


def _lead_class(first_chars: Iterable[str]) -> str:
    """A lookahead on the possible first characters: lets the regex engine skip most
    positions at once instead of trying every alternative there (about 10x faster)."""
    chars = {c for ch in first_chars for c in (ch, ch.lower(), ch.upper())}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    latin = sorted(_VAGUE_EN, key=len, reverse=True)
    # Every vague pattern starts with a literal character, after an optional lookbehind.
    leads = (re.sub(r"^\(\?<![^)]*\)", "", w)[0] for w in (*_VAGUE_ZH, *latin))
    vague = (
        _lead_class(leads) + "(?:" + "|".join([*_VAGUE_ZH, *(_LB + w + _RB for w in latin)]) + ")"
    )
    return (
        re.compile(vague, re.IGNORECASE),
        re.compile("|".join(_CONCRETE), re.IGNORECASE),
        re.compile(_SENTENCE_END),
    )


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _vague_message(word: str) -> str:
    if _has_cjk(word):
        return f"“{word}”没有说具体时间：请给出日期和时间，例如“明天（11月24日）上午10:00前”。"
    return (
        f"'{word}' promises no concrete time: give a date and time, "
        "e.g. 'by 10:00 tomorrow, Tuesday 24 November'."
    )


# A jargon entry as the cache key needs it: id, term, plain meaning, language.
_JargonKey = tuple[tuple[str, str, str, str], ...]


@lru_cache(maxsize=16)
def _jargon_matcher(key: _JargonKey) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """One pattern for all terms, group name -> index into ``key``.

    Terms are grouped by first character behind a lookahead, longest first within a
    group, so "API gateway" wins over "API" and most positions fail fast.
    """
    by_lead: dict[str, list[str]] = {}
    groups: dict[str, int] = {}
    seen: set[str] = set()
    order = sorted(range(len(key)), key=lambda i: len(key[i][1]), reverse=True)
    for i in order:
        term = key[i][1]
        folded = term.casefold()
        if folded in seen:
            continue
        seen.add(folded)
        body = r"\s+".join(re.escape(w) for w in term.split())
        if re.match(rf"[{_LATIN}]", term):
            body = _LB + body
        if re.search(rf"[{_LATIN}]$", term):
            # Plurals ("SLAs", "APIs") are the same jargon.
            body += "s?" + _RB if re.search("[A-Za-z]$", term) else _RB
        name = f"j{i}"
        groups[name] = i
        by_lead.setdefault(folded[0], []).append(f"(?P<{name}>{body})")
    if not by_lead:
        return None, groups
    parts = [_lead_class(lead) + "(?:" + "|".join(alts) + ")" for lead, alts in by_lead.items()]
    return re.compile(_lead_class(by_lead) + "(?:" + "|".join(parts) + ")", re.IGNORECASE), groups


def _jargon_key(jargon: Sequence[Entry], text: str) -> _JargonKey:
    # Same term in several packs: prefer the entry in the text's language.
    zh_text = _has_cjk(text)
    rows = [
        (e.id, term, e.plain.strip(), e.language)
        for e in jargon
        if e.category == "jargon" and (term := _spoken_term(e.term))
    ]
    rows.sort(key=lambda r: r[3].startswith("zh") != zh_text)
    return tuple(rows)


def _spoken_term(term: str) -> str:
    """The word itself: "SLA（服务等级协议）" is said, and typed, as "SLA"."""
    return _GLOSS.sub("", term).strip()


_GLOSS = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")


def _jargon_message(term: str, plain: str, language: str) -> str:
    if language.startswith("zh"):
        if plain:
            return f"“{term}”是术语，客户可能听不懂：可以说“{plain}”。"
        return f"“{term}”是术语，客户可能听不懂：请换成大白话。"
    if plain:
        return f"'{term}' is jargon the customer may not know: say '{plain}'."
    return f"'{term}' is jargon the customer may not know: say it in plain words."


def lint_text(text: str, jargon: Sequence[Entry] = ()) -> list[Finding]:
    """Findings in ``text``, ordered by position.

    A vague word is flagged only when its sentence has no concrete date or time.
    Jargon: every occurrence of the ``term`` of a ``jargon`` entry in ``jargon``.
    """
    if not text:
        return []
    vague_re, concrete_re, end_re = _compiled()
    findings: list[Finding] = []

    matches = list(vague_re.finditer(text))
    if matches:
        ends = [m.end() for m in end_re.finditer(text)]
        concrete: dict[int, bool] = {}  # sentence index -> has a concrete time
        for m in matches:
            i = bisect_right(ends, m.start())
            if i not in concrete:
                start = ends[i - 1] if i else 0
                stop = ends[i] if i < len(ends) else len(text)
                concrete[i] = concrete_re.search(text, start, stop) is not None
            if not concrete[i]:
                word = m.group(0)
                findings.append(Finding("vague", m.start(), m.end(), word, _vague_message(word)))

    key = _jargon_key(jargon, text)
    pattern, groups = _jargon_matcher(key)
    if pattern is not None:
        for m in pattern.finditer(text):
            entry_id, term, plain, language = key[groups[m.lastgroup or ""]]
            findings.append(
                Finding(
                    "jargon",
                    m.start(),
                    m.end(),
                    m.group(0),
                    _jargon_message(term, plain, language),
                    entry_id,
                )
            )

    findings.sort(key=lambda f: (f.start, f.end, f.kind))
    return findings
