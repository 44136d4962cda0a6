"""Match-quality tiers: the entries a query finds, grouped by score, best first.

An entry's score is the sum of its terms' levels (see terms.py). Entries that
match all of the query's words come first; those matching only some follow,
most words first (``partial_tiers``). A query naming a category puts that
category's entries first among equals (``named_first``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import product

from assistant.playbooks.search.pinyin import MAX_PINYIN, Syllables
from assistant.playbooks.search.postings import Postings, range_mask
from assistant.playbooks.search.tables import EXACT, HEAD
from assistant.playbooks.search.terms import (
    BANDS,
    HEAD_LEVELS,
    L_EXACT,
    L_HEAD,
    L_TAIL,
    L_TYPO_HEAD,
    Levels,
    Term,
)

__all__ = ["matching_all", "named_first", "partial_tiers", "tiers"]

_MAX_COMBOS = 512
_NAMED_CATEGORY = 0.5  # the query names the entry's category

# (score, mask) of one tier: the entries scoring that much.
Tiers = list[tuple[float, int]]


def tiers(
    terms: list[Term],
    levels: list[Levels],
    candidates: int,
    limit: int,
    postings: Postings,
    pinyin: Syllables,
) -> Tiers:
    """(score, mask) of the match-quality tiers, best first, until ``limit`` entries.

    An entry's score is the sum of its terms' levels, or what the whole query
    scores in it (``_whole_query``) when that is higher. When the combinations of
    levels are too many, levels are taken in coarser bands (and if still too many,
    every candidate ranks as a near spelling).
    """
    count = len(terms)
    extras = _whole_query(terms, candidates, postings, pinyin) if count > 1 else {}
    if math.prod(map(len, levels)) > _MAX_COMBOS:
        levels = [_collapse(term) for term in levels]
    combos: dict[int, list[tuple[tuple[int, int], ...]]] = {}
    if math.prod(map(len, levels)) > _MAX_COMBOS:
        extras[L_TYPO_HEAD * count] = extras.get(L_TYPO_HEAD * count, 0) | candidates
    else:
        for combo in product(*levels):
            combos.setdefault(sum(level for level, _ in combo), []).append(combo)
    out: Tiers = []
    placed = 0
    found = 0
    for total in sorted(combos.keys() | extras.keys(), reverse=True):
        tier = extras.get(total, 0)
        for combo in combos.get(total, ()):
            mask = candidates
            for _, term_mask in combo:
                mask &= term_mask
                if not mask:
                    break
            tier |= mask
        tier &= ~placed
        if tier:
            placed |= tier
            out.append((float(total), tier))
            found += tier.bit_count()
            if found >= limit:
                break
    return out


def _whole_query(
    terms: list[Term], candidates: int, postings: Postings, pinyin: Syllables
) -> dict[int, int]:
    """Score -> entries, for a query of several terms read as a whole: the whole query
    equal to a head field, and, for Latin words, the words read together as one
    pinyin phrase ("tou su" as 投诉), which counts as if each had matched a word."""
    count = len(terms)
    extras: dict[int, int] = {}
    whole = "".join(t.text for t in terms)
    extras[L_EXACT * count + 1] = postings.key_mask(EXACT + whole, HEAD) & candidates
    if len(whole) <= MAX_PINYIN and all(
        not t.han and t.text.isascii() and t.text.isalpha() for t in terms
    ):
        parses = pinyin.parses(whole, initials=False)
        # Each word one syllable, a syllable's start or an initial: "t su", "ni hao".
        units = [pinyin.unit(t.text) for t in terms]
        if all(units):
            parses.append([u for u in units if u])
        head, tail = pinyin.masks(parses, postings)
        extras[L_HEAD * count] = head & candidates
        extras[L_TAIL * count] = tail & candidates
    return extras


def _collapse(term: Levels) -> Levels:
    merged: dict[int, int] = {}
    for level, mask in term:
        band = BANDS[level]
        merged[band] = merged.get(band, 0) | mask
    return sorted(merged.items(), reverse=True)


def partial_tiers(levels: list[Levels], whole: int, common: int) -> Tiers:
    """Entries that match some of the query's words, after those matching all of them
    (``whole``): most words first, then most words in a head field (title, term,
    tags). Scores are negative, below every entry that matches all the words.
    A word found in more than ``common`` entries counts only when all are common."""
    spans = []
    for term in levels:
        anywhere = head = 0
        for level, mask in term:
            anywhere |= mask
            if level in HEAD_LEVELS:
                head |= mask
        spans.append((anywhere, head))
    # Words found nearly everywhere ("is", "my", "where") say little: when the query
    # has other words, entries are ranked on those.
    anything = 0
    for anywhere, _ in spans:
        anything |= anywhere
    strong = [s for s in spans if s[0].bit_count() <= common]
    reduced = bool(strong) and len(strong) < len(spans)
    if reduced:
        spans = strong
    count = len(spans)
    # at_least[c]: entries matching at least c words; in_head[c]: at least c in a head field.
    at_least = [-1] + [0] * count
    in_head = [-1] + [0] * count
    for anywhere, head in spans:
        for c in range(count, 0, -1):
            at_least[c] |= at_least[c - 1] & anywhere
            in_head[c] |= in_head[c - 1] & head
    out: Tiers = []
    placed = whole
    for matched in range(count if reduced else count - 1, 0, -1):
        tier = at_least[matched] & ~placed
        for heads in range(matched, -1, -1):
            mask = tier & in_head[heads]
            if mask:
                out.append((float(heads - 10 * (count + 1 - matched)), mask))
                tier &= ~mask
        placed |= at_least[matched]
    rest = anything & ~placed  # only common words: last
    if rest:
        out.append((float(-10 * (count + 1)), rest))
    return out


def named_first(query: str, found: Tiers, categories: Mapping[str, tuple[int, int]]) -> Tiers:
    """A query naming a category (投诉, complaint): its entries first among equals.
    ``categories`` maps a category to its range of ranks."""
    from assistant.playbooks.categories import categories_named  # with the first query

    named = [categories[c] for c in categories_named(query) if c in categories]
    if not named:
        return found
    inside = 0
    for lo, hi in named:
        inside |= range_mask(lo, hi)
    out: Tiers = []
    for score, mask in found:
        if mask & inside:
            out.append((score + _NAMED_CATEGORY, mask & inside))
        if mask & ~inside:
            out.append((score, mask & ~inside))
    return out


def matching_all(levels: list[Levels]) -> int:
    """The entries every term matches, at some level."""
    candidates = -1
    for term in levels:
        any_level = 0
        for _, mask in term:
            any_level |= mask
        candidates &= any_level
        if not candidates:
            break
    return candidates
