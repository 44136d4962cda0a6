"""Latin letters read as pinyin: the ways to parse them and the entries they find.

The index knows, per pinyin syllable, the Han characters read that way somewhere
in the entries. A typed word is read as full syllables (F), a syllable's start
(P) or initials (I) — "tousu", "tous", "ts", "tsu" — and matched through the
pinyin keys of adjacent characters (see tables: INITIALS, FULL_INITIAL) or the
characters themselves.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from assistant.playbooks.search.postings import Postings
from assistant.playbooks.search.tables import FULL_INITIAL, HEAD, INITIALS, TAIL
from assistant.playbooks.search.terms import Term

__all__ = ["MAX_PINYIN", "Syllables"]

MAX_PINYIN = 24  # longer words are not read as pinyin
_MAX_PARSES = 12
_MAX_INITIALS = 6
_MAX_PAIRS = 3000

# One unit of a reading: ("F", full syllable), ("P", a syllable's start) or ("I", initial).
Unit = tuple[str, str]


class Syllables:
    """The pinyin syllables of an index and the characters each stands for."""

    __slots__ = ("_initial_chars", "_syl_chars", "_syllables", "_sylset")

    def __init__(self, syl_chars: dict[str, str]) -> None:
        self._syl_chars = syl_chars
        self._syllables = sorted(syl_chars)
        self._sylset = frozenset(syl_chars)
        self._initial_chars: dict[str, str] | None = None

    def _is_prefix(self, text: str) -> bool:
        i = bisect_left(self._syllables, text)
        return i < len(self._syllables) and self._syllables[i].startswith(text)

    def _completions(self, text: str) -> list[str]:
        syllables = self._syllables
        i = bisect_left(syllables, text)
        out: list[str] = []
        while i < len(syllables) and syllables[i].startswith(text):
            out.append(syllables[i])
            i += 1
        return out

    def parses(self, atom: str, initials: bool) -> list[list[Unit]]:
        """Ways to read ``atom`` as pinyin: full syllables (F) ending in a partial
        one (P), full syllables then initials (I), or initials only."""
        n = len(atom)
        sylset = self._sylset
        allow_initials = [
            initials and 1 < n - i <= _MAX_INITIALS and all(map(self._is_prefix, atom[i:]))
            for i in range(n + 1)
        ]
        # feasible[i]: the rest from i can be read after at least one full syllable
        feasible = [False] * (n + 1)
        for i in range(n - 1, -1, -1):
            rest = atom[i:]
            if self._is_prefix(rest) or allow_initials[i]:
                feasible[i] = True
                continue
            for length in range(1, min(6, n - i - 1) + 1):
                if feasible[i + length] and rest[:length] in sylset:
                    feasible[i] = True
                    break
        out: list[list[Unit]] = []

        def walk(i: int, units: list[Unit]) -> None:
            if len(out) >= _MAX_PARSES:
                return
            rest = atom[i:]
            if self._is_prefix(rest):
                out.append([*units, ("P", rest)])
            if units and allow_initials[i]:
                out.append([*units, *(("I", c) for c in rest)])
            for length in range(min(6, n - i - 1), 0, -1):
                if feasible[i + length] and rest[:length] in sylset:
                    walk(i + length, [*units, ("F", rest[:length])])

        if feasible[0]:
            walk(0, [])
        if initials and 1 < n <= _MAX_INITIALS and allow_initials[0]:
            out.append([("I", c) for c in atom])
        if initials and not out:
            # Initials, then syllables: "tsu" as t(ou) su, "nhao" as n(i) hao.
            for i in range(1, min(_MAX_INITIALS, n - 1) + 1):
                if not self._is_prefix(atom[i - 1]):
                    break
                if feasible[i]:
                    walk(i, [("I", c) for c in atom[:i]])
        return out

    def unit(self, word: str) -> Unit | None:
        """One typed word as one unit: a syllable, an initial or a syllable's start."""
        if word in self._sylset:
            return ("F", word)
        if len(word) == 1:
            return ("I", word)
        return ("P", word) if self._is_prefix(word) else None

    def chars_of(self, syllable: str, partial: bool) -> str:
        """The characters read as ``syllable`` (or as any syllable it starts)."""
        if not partial:
            return self._syl_chars.get(syllable, "")
        return "".join(self._syl_chars[s] for s in self._completions(syllable))

    def masks(self, parses: list[list[Unit]], postings: Postings) -> tuple[int, int]:
        """(head, tail) masks of the entries matching any of the readings."""
        head = tail = 0
        memo: dict[tuple[Unit, Unit], tuple[int, int]] = {}
        for units in parses:
            if len(units) == 1:
                kind, text = units[0]
                chars = self.chars_of(text, partial=kind == "P")
                slot = postings.slot
                h, t = postings.any_of({slot[c] for c in chars if c in slot})
            else:
                h = t = -1
                for pair in pairwise(units):
                    if pair not in memo:
                        memo[pair] = self._pair_masks(*pair, postings)
                    ph, pt = memo[pair]
                    h &= ph
                    t &= pt
                    if not h and not t:
                        break
            head |= h
            tail |= t
        return head, tail

    def _pair_masks(self, a: Unit, b: Unit, postings: Postings) -> tuple[int, int]:
        kind_a, text_a = a
        kind_b, text_b = b
        if kind_a == "I":
            key = INITIALS + text_a + text_b[0]
            return postings.key_mask(key, HEAD), postings.key_mask(key, TAIL)
        fallback = FULL_INITIAL + text_a + " " + text_b[0]
        if kind_b == "I" or (kind_b == "P" and len(text_b) == 1):
            return postings.key_mask(fallback, HEAD), postings.key_mask(fallback, TAIL)
        first = self._syl_chars.get(text_a, "")
        second = self.chars_of(text_b, partial=kind_b == "P")
        if len(first) * len(second) > _MAX_PAIRS:
            return postings.key_mask(fallback, HEAD), postings.key_mask(fallback, TAIL)
        get = postings.slot.get
        slots = {s for x in first for y in second if (s := get(x + y)) is not None}
        return postings.any_of(slots)

    def _char_sets(self, term: Term) -> list[list[frozenset[str]]]:
        """Per reading of the term, the Han characters each unit may stand for."""
        if term.char_sets is None:
            if self._initial_chars is None:
                by_initial: dict[str, set[str]] = {}
                for syllable, chars in self._syl_chars.items():
                    by_initial.setdefault(syllable[0], set()).update(chars)
                self._initial_chars = {i: "".join(sorted(c)) for i, c in by_initial.items()}
            memo: dict[Unit, frozenset[str]] = {}
            out: list[list[frozenset[str]]] = []
            for units in term.parses:
                sets = []
                for unit in units:
                    if unit not in memo:
                        kind, text = unit
                        if kind == "I":
                            memo[unit] = frozenset(self._initial_chars.get(text, ""))
                        else:
                            memo[unit] = frozenset(self.chars_of(text, partial=kind == "P"))
                    sets.append(memo[unit])
                out.append(sets)
            term.char_sets = out
        return term.char_sets

    def found_in(self, term: Term, text: str) -> bool:
        """Whether the term, read as pinyin, spells characters standing together in ``text``."""
        for sets in self._char_sets(term):
            first, rest = sets[0], sets[1:]
            last = len(text) - len(rest)
            for i, char in enumerate(text):
                if i >= last:
                    break
                if char in first and all(text[i + 1 + j] in chars for j, chars in enumerate(rest)):
                    return True
        return False
