"""Which field of an entry a query matched (title, term, tags, plain, when_to_use,
body), and a hit's explanation in words. Worked out for the hits shown, from the
entry's text, after the index has ranked them."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.playbooks.model import Entry
from assistant.playbooks.search.hit import SearchContext
from assistant.playbooks.search.pinyin import Syllables
from assistant.playbooks.search.ranking import STAGE, TYPE
from assistant.playbooks.search.terms import HEAD_LEVELS, LEVEL_WORDS, PINYIN_LEVELS, Levels, Term
from assistant.playbooks.textfold import JOINERS, atoms, fold, is_han

__all__ = ["Fields"]

_JOINED = re.compile(f"\\w[{JOINERS}]\\w")
_HEAD_ORDER = ("title", "term", "tags")
_TAIL_ORDER = ("plain", "when_to_use", "body")
_FOLDED_CAP = 8192


class Fields:
    """Field attribution over the entries of one index, with their folded texts cached."""

    __slots__ = ("_entry", "_folded", "_pinyin")

    def __init__(self, entry: Callable[[int], Entry], pinyin: Syllables) -> None:
        self._entry = entry  # rank -> entry
        self._pinyin = pinyin
        self._folded: dict[tuple[int, str], str] = {}

    def field_for(self, rank: int, terms: list[Term], levels: list[Levels]) -> str:
        """The field where the entry's best-matching term matched."""
        best_term, best_level = terms[0], 0
        bit = 1 << rank
        for term, term_levels in zip(terms, levels, strict=True):
            for level, mask in term_levels:
                if mask & bit:
                    if level > best_level:
                        best_term, best_level = term, level
                    break
        group = _HEAD_ORDER if best_level in HEAD_LEVELS else _TAIL_ORDER
        pinyin = best_level in PINYIN_LEVELS
        entry = self._entry(rank)
        # Most entries match as written (Simplified Chinese, plain English): look
        # at the raw text first and fold only when that finds nothing.
        for name in group:
            raw = _raw_field(entry, name)
            if raw and self._matches(
                best_term, raw if best_term.han or pinyin else raw.lower(), pinyin
            ):
                return name
        first = ""
        for name in group:
            text = self._field_text(rank, name)
            if text:
                first = first or name
                if self._matches(best_term, text, pinyin):
                    return name
        return first or group[0]

    def explain(
        self,
        rank: int,
        terms: list[Term],
        levels: list[Levels],
        ctx: SearchContext,
        bonus: float | None,
    ) -> list[str]:
        """Each term's best match in the entry, then the bonuses (``bonus``: the
        favourite and use bonus of the entry, if any)."""
        lines = []
        bit = 1 << rank
        for term, term_levels in zip(terms, levels, strict=True):
            found = next(((lv, m) for lv, m in term_levels if m & bit), None)
            if found is None:
                lines.append(f"{term.text!r}: not in this entry")
                continue
            field = self.field_for(rank, [term], [[found]])
            lines.append(f"{term.text!r}: {LEVEL_WORDS[found[0]]} in {field} (+{found[0]})")
        if bonus:
            lines.append(f"starred or used before: +{bonus:.2f}")
        entry = self._entry(rank)
        if ctx.emotion_stage and ctx.emotion_stage in entry.emotion_stages:
            lines.append(f"suits the {ctx.emotion_stage} stage: +{STAGE}")
        if ctx.customer_type and ctx.customer_type in entry.customer_types:
            lines.append(f"suits a {ctx.customer_type} customer: +{TYPE}")
        return lines

    def _field_text(self, rank: int, name: str) -> str:
        key = (rank, name)
        text = self._folded.get(key)
        if text is None:
            entry = self._entry(rank)
            raw = _raw_field(entry, name)
            text = fold(raw) if raw else ""
            if len(self._folded) >= _FOLDED_CAP:
                self._folded.clear()
            self._folded[key] = text
        return text

    def _matches(self, term: Term, text: str, pinyin: bool) -> bool:
        return self._pinyin.found_in(term, text) if pinyin else _text_level(term, text) > 0


def _raw_field(entry: Entry, name: str) -> str:
    if name == "tags":  # the words an entry is also found by count as its tags
        return "\n".join((*entry.tags, *entry.keywords))
    text: str = getattr(entry, name)
    return text


def _is_word_char(char: str) -> bool:
    return char.isalnum() and not is_han(char)


def _word_in(text: str, word: str, whole: bool) -> bool:
    """Whether ``word`` starts a word of ``text`` (and ends it when ``whole``)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and (
            not whole or end == len(text) or not _is_word_char(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _words_of(text: str) -> set[str]:
    out: set[str] = set()
    for han, word, parts in atoms(text):
        if not han:
            out.add(word)
            out.update(parts)
    return out


def _text_level(term: Term, text: str) -> int:
    """How well one term matches one folded field text: 3 directly, 2 nearly (no pinyin)."""
    if term.han:
        if term.text in text:
            return 3
        if term.loose and all(piece in text for piece in term.loose):
            return 2
        return 0
    word = term.text
    if _word_in(text, word, whole=True):
        return 3
    if term.prefix_key and _word_in(text, word, whole=False):
        return 2
    if any(w in text and _word_in(text, w, whole=True) for w in term.words):
        return 2
    if _JOINED.search(text):  # joined words ("de-escalate") appear without their joiner
        words = _words_of(text)
        if word in words:
            return 3
        if term.words & words:
            return 2
    return 0
