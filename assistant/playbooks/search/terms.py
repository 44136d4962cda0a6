"""The terms of a query and the match levels a term can reach in an entry.

A query is folded and cut into terms (Han runs and words); each term matches an
entry at one level, from the whole head field (best) down to a near spelling.
An entry's score is the sum of its terms' levels.
"""

from __future__ import annotations

from assistant.playbooks.textfold import atoms

__all__ = ["Term", "query_terms"]

# Match levels of one query term in one entry; the higher the better.
L_EXACT = 10
L_START = 9
L_HEAD = 8
L_HEAD_PREFIX = 7
L_TAIL = 6
L_TAIL_PREFIX = 5
L_PINYIN_HEAD = 4
L_PINYIN_TAIL = 3
L_TYPO_HEAD = 2
L_TYPO_TAIL = 1
LEVEL_WORDS = {
    L_EXACT: "the whole text",
    L_START: "the start",
    L_HEAD: "a word",
    L_HEAD_PREFIX: "a word's start",
    L_TAIL: "a word",
    L_TAIL_PREFIX: "a word's start",
    L_PINYIN_HEAD: "pinyin",
    L_PINYIN_TAIL: "pinyin",
    L_TYPO_HEAD: "a near spelling",
    L_TYPO_TAIL: "a near spelling",
}
# Coarser levels, used when a query's combinations of levels are too many to rank.
BANDS = {10: 8, 9: 8, 8: 8, 7: 8, 6: 6, 5: 6, 4: 4, 3: 4, 2: 2, 1: 2}
HEAD_LEVELS = frozenset((L_EXACT, L_START, L_HEAD, L_HEAD_PREFIX, L_PINYIN_HEAD, L_TYPO_HEAD))
PINYIN_LEVELS = frozenset((L_PINYIN_HEAD, L_PINYIN_TAIL))

MAX_TERMS = 12

# (level, mask) pairs of one term, best level first: the entries matching it at that level.
Levels = list[tuple[int, int]]


class Term:
    """One term of a parsed query and how it was matched."""

    __slots__ = ("char_sets", "han", "loose", "parses", "prefix_key", "text", "words")

    def __init__(self, text: str, han: bool) -> None:
        self.text = text
        self.han = han
        # Words other than ``text`` this term matched (prefix, stem, typo), for field
        # attribution.
        self.words: set[str] = set()
        self.prefix_key = False  # matched through a prefix key: any word starting with text
        # How the term was read as pinyin (see pinyin.Syllables.parses), and the Han
        # characters those readings stand for, built when first needed.
        self.parses: list[list[tuple[str, str]]] = []
        self.char_sets: list[list[frozenset[str]]] | None = None
        self.loose: tuple[str, ...] = ()  # Han term matched as these pieces standing apart


def query_terms(folded: str) -> list[Term]:
    """The distinct terms of a folded query, at most ``MAX_TERMS``."""
    terms: list[Term] = []
    seen: set[tuple[bool, str]] = set()
    for han, text, _ in atoms(folded):
        if (han, text) not in seen:
            seen.add((han, text))
            terms.append(Term(text, han))
    return terms[:MAX_TERMS]
