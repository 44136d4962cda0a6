"""How one query term matches the index: the entries it finds, at which level.

A Han term is found through its characters and character pairs (a longer run
also as two-character words standing apart, a level lower); a Latin word as a
word, a prefix, a word of the same stem, pinyin, and when nothing else matched,
a near spelling. A Chinese sentence typed whole is read as its two-character
pieces.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from operator import add

from assistant.playbooks.search.pinyin import MAX_PINYIN, Syllables
from assistant.playbooks.search.postings import Postings
from assistant.playbooks.search.tables import (
    EXACT,
    HEAD,
    PREFIX,
    PREFIX_CAP,
    START,
    TAIL,
    StringTable,
)
from assistant.playbooks.search.terms import (
    HEAD_LEVELS,
    L_EXACT,
    L_HEAD,
    L_HEAD_PREFIX,
    L_PINYIN_HEAD,
    L_PINYIN_TAIL,
    L_START,
    L_TAIL,
    L_TAIL_PREFIX,
    L_TYPO_HEAD,
    L_TYPO_TAIL,
    MAX_TERMS,
    Levels,
    Term,
)
from assistant.playbooks.search.typos import MAX_TYPO, near_words
from assistant.playbooks.textfold import stem

__all__ = ["Matcher"]

_STEM_SCAN = 256  # more words than this share the stem: no stem matches


class Matcher:
    """Finds the entries a term matches, level by level."""

    __slots__ = ("_tri", "_vocab", "_words", "pinyin", "postings")

    def __init__(
        self,
        postings: Postings,
        words: StringTable,
        tri: Mapping[str, bytes],
        pinyin: Syllables,
    ) -> None:
        self.postings = postings
        self.pinyin = pinyin
        self._words = words  # the sorted vocabulary of Latin words
        self._tri = tri  # trigram -> word numbers, for near spellings
        self._vocab: frozenset[str] | None = None

    def levels(self, term: Term) -> Levels:
        """Disjoint (level, mask) pairs of one term, best level first."""
        found: dict[int, int] = {}
        if term.han:
            self._han_levels(term, found)
        else:
            self._word_levels(term, found)
        out: Levels = []
        seen = 0
        for level in sorted(found, reverse=True):
            mask = found[level] & ~seen
            if mask:
                out.append((level, mask))
                seen |= mask
        return out

    def pieces(self, text: str, used: int) -> list[tuple[Term, Levels]]:
        """A Chinese sentence typed whole (我要找你们领导) as its two-character pieces,
        each a term of its own, while the query has room for ``MAX_TERMS`` terms."""
        out: list[tuple[Term, Levels]] = []
        for gram in dict.fromkeys(map(add, text, text[1:])):
            if used + len(out) >= MAX_TERMS:
                break
            piece = Term(gram, han=True)
            found = self.levels(piece)
            if found:
                out.append((piece, found))
        # Pieces that are words of a title or tag (领导) say more than pieces that
        # merely occur in some body text (我要, 要找).
        named = [(t, lv) for t, lv in out if any(level in HEAD_LEVELS for level, _ in lv)]
        return named or out

    def _han_levels(self, term: Term, found: dict[int, int]) -> None:
        put = _putter(found)
        postings = self.postings
        text = term.text
        grams = [text] if len(text) == 1 else list(dict.fromkeys(map(add, text, text[1:])))
        slots = [postings.slot.get(g) for g in grams]
        if None not in slots:
            present = [s for s in slots if s is not None]
            head = postings.all_of(present, HEAD)
            tail = postings.all_of(present, TAIL)
            if head or tail:
                put(L_HEAD, head)
                put(L_TAIL, tail)
                if head:
                    put(L_EXACT, postings.key_mask(EXACT + text, HEAD))
                    put(L_START, postings.key_mask(START + text[:2], HEAD) & head)
                return
        if len(text) < 3:
            return
        # Not found as typed: read it as two-character words that may stand apart
        # ("退款承诺" finds 退款 ... 承诺), a level below.
        pieces = [text[i : i + 2] for i in range(0, len(text) - 1, 2)]
        if len(text) % 2:
            pieces.append(text[-1])
        slots = [postings.slot.get(p) for p in pieces]
        present = [s for s in slots if s is not None]
        if len(present) < len(slots):
            return  # read piece by piece instead (see pieces)
        term.loose = tuple(pieces)
        put(L_HEAD_PREFIX, postings.all_of(present, HEAD))
        put(L_TAIL_PREFIX, postings.all_of(present, TAIL))

    def _word_levels(self, term: Term, found: dict[int, int]) -> None:
        put = _putter(found)
        postings = self.postings
        word = term.text
        slot = postings.slot.get(word)
        if slot is not None:
            head = postings.mask(slot, HEAD)
            put(L_HEAD, head)
            put(L_TAIL, postings.mask(slot, TAIL))
            if head:
                put(L_EXACT, postings.key_mask(EXACT + word, HEAD))
                put(L_START, postings.key_mask(START + word, HEAD))
        head, tail = self._prefix_masks(term)
        put(L_HEAD_PREFIX, head)
        put(L_TAIL_PREFIX, tail)
        alpha = word.isascii() and word.isalpha()
        if alpha and len(word) >= 5:
            head, tail = self._stem_masks(term)
            put(L_HEAD_PREFIX, head)
            put(L_TAIL_PREFIX, tail)
        latin = bool(found)
        matched = latin
        if alpha and 2 <= len(word) <= MAX_PINYIN:
            parses = self.pinyin.parses(word, initials=not latin or len(word) <= 4)
            head, tail = self.pinyin.masks(parses, postings)
            if head or tail:
                term.parses = parses
                matched = True
                put(L_PINYIN_HEAD, head)
                put(L_PINYIN_TAIL, tail)
        if alpha and 5 <= len(word) <= MAX_TYPO and not matched:
            head, tail = self._typo_masks(term)
            put(L_TYPO_HEAD, head)
            put(L_TYPO_TAIL, tail)

    def _word_range(self, prefix: str) -> tuple[int, int]:
        words = self._words
        return bisect_left(words, prefix), bisect_left(words, prefix + "\U0010ffff")

    def _prefix_masks(self, term: Term) -> tuple[int, int]:
        word = term.text
        lo, hi = self._word_range(word)
        if hi - lo > PREFIX_CAP:
            term.prefix_key = True
            postings = self.postings
            return postings.key_mask(PREFIX + word, HEAD), postings.key_mask(PREFIX + word, TAIL)
        others = [w for w in self._words[lo:hi] if w != word]
        term.words.update(others)
        return self.postings.any_word(others)

    def _stem_masks(self, term: Term) -> tuple[int, int]:
        word = term.text
        root = stem(word)
        lo, hi = self._word_range(root)
        if hi - lo > _STEM_SCAN:
            return 0, 0
        same = [
            w
            for w in self._words[lo:hi]
            if w != word and not w.startswith(word) and stem(w) == root
        ]
        term.words.update(same)
        return self.postings.any_word(same)

    def _typo_masks(self, term: Term) -> tuple[int, int]:
        if self._vocab is None:
            self._vocab = frozenset(self._words)
        close = near_words(term.text, self._words, self._vocab, self._tri)
        term.words.update(close)
        return self.postings.any_word(close)


def _putter(found: dict[int, int]) -> Callable[[int, int], None]:
    def put(level: int, mask: int) -> None:
        if mask:
            found[level] = found.get(level, 0) | mask

    return put
