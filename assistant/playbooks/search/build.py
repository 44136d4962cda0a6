"""Building the search index: folding, pinyin readings, posting lists (see index.py).

Only a cold start (packs changed) runs this; a warm start reads the built index
from the library cache and never imports pypinyin.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from itertools import pairwise
from operator import add

from assistant.playbooks.model import CATEGORIES, Entry
from assistant.playbooks.search.tables import (
    EXACT,
    EXACT_MAX,
    FORMAT,
    FULL_INITIAL,
    INITIALS,
    META,
    PREFIX,
    PREFIX_CAP,
    START,
    KeyTable,
    StringTable,
    digest,
    ids_of,
)
from assistant.playbooks.textfold import atoms, fold, reading, run_readings, trigrams


def _collect(
    text: str, keys: set[str], vocab: set[str], said: set[tuple[str, str]], head: bool
) -> None:
    first = True
    pieces: list[str] = []
    for han, piece, parts in atoms(text):
        pieces.append(piece)
        if han:
            keys.update(piece)
            if len(piece) > 1:
                keys.update(map(add, piece, piece[1:]))
                spoken = run_readings(piece)
                said.update(zip(piece, spoken, strict=True))
                for a, b in pairwise(spoken):
                    if a and b:
                        keys.add(INITIALS + a[0] + b[0])
                        keys.add(FULL_INITIAL + a + " " + b[0])
            if head and first:
                keys.add(START + piece[0])
                keys.add(START + piece[:2])
        else:
            keys.add(piece)
            vocab.add(piece)
            if parts:
                keys.update(parts)
                vocab.update(parts)
            if head and first:
                keys.add(START + piece)
        first = False
    if head and pieces:
        whole = "".join(pieces)
        if len(whole) <= EXACT_MAX:
            keys.add(EXACT + whole)


def _spell(tag: str, keys: set[str], vocab: set[str]) -> None:
    """A Chinese tag is also a word spelled in pinyin and in initials (投诉: "tousu",
    "ts"): typing the word ranks the entries tagged with it above those where the
    letters happen to match characters scattered over a title."""
    pieces = atoms(tag)
    if len(pieces) != 1 or not pieces[0][0] or not 2 <= len(pieces[0][1]) <= 6:
        return
    spoken = run_readings(pieces[0][1])
    if all(spoken):
        for word in ("".join(spoken), "".join(s[0] for s in spoken)):
            keys.add(word)
            vocab.add(word)


def _append(postings: dict[str, list[int]], keys: set[str], rank: int) -> None:
    for key in keys:
        ranks = postings.get(key)
        if ranks is None:
            postings[key] = [rank]
        else:
            ranks.append(rank)


def _union(lists: list[list[int]]) -> list[int]:
    if len(lists) == 1:
        return lists[0]
    return sorted(set().union(*lists))


def build_payload(entries: Sequence[Entry]) -> tuple[object, ...]:
    """The index of ``entries`` as the payload ``SearchIndex`` reads (see tables.py)."""
    n = len(entries)
    titles = [fold(e.title) for e in entries]
    order = _display_order(entries, titles)
    head: dict[str, list[int]] = {}
    tail: dict[str, list[int]] = {}
    vocab: set[str] = set()
    said: set[tuple[str, str]] = set()  # (character, reading in context)
    for rank, index in enumerate(order):
        head_keys, tail_keys = _entry_keys(entries[index], titles[index], vocab, said)
        _append(head, head_keys, rank)
        _append(tail, tail_keys, rank)
    syl_chars = _syllable_chars([*head, *tail], said)
    words = sorted(vocab)
    _add_prefix_keys(words, head, tail)
    keys_sorted = sorted(head.keys() | tail.keys())
    slots, blob = _encode_postings(keys_sorted, head, tail, (n + 7) // 8 or 1)
    return (
        FORMAT,
        n,
        digest(ids_of(entries)),
        array("I", order).tobytes(),
        KeyTable.encode(keys_sorted),
        slots,
        blob,
        StringTable.encode(words),
        _trigram_table(words),
        {s: "".join(sorted(chars)) for s, chars in syl_chars.items()},
        _category_spans([entries[i].category for i in order]),
    )


def _display_order(entries: Sequence[Entry], titles: list[str]) -> list[int]:
    """Entry numbers in the stable display order: category order, then title."""
    category_order = {c: i for i, c in enumerate(CATEGORIES)}
    return sorted(
        range(len(entries)),
        key=lambda i: (
            category_order.get(entries[i].category, len(CATEGORIES)),
            entries[i].category,
            titles[i],
            i,
        ),
    )


def _category_spans(categories: list[str]) -> list[tuple[str, int, int]]:
    """(category, first rank, rank after the last) of each run of one category."""
    spans: list[tuple[str, int, int]] = []
    for rank, category in enumerate(categories):
        if not spans or spans[-1][0] != category:
            spans.append((category, rank, rank + 1))
        else:
            spans[-1] = (category, spans[-1][1], rank + 1)
    return spans


def _entry_keys(
    entry: Entry, title: str, vocab: set[str], said: set[tuple[str, str]]
) -> tuple[set[str], set[str]]:
    """The keys of one entry's head fields and of its tail fields; its words are
    added to ``vocab`` and its characters' readings to ``said``."""
    keys: set[str] = set()
    _collect(title, keys, vocab, said, head=True)
    if entry.term:
        _collect(fold(entry.term), keys, vocab, said, head=True)
    for tag in (*entry.tags, *entry.keywords):
        _collect(fold(tag), keys, vocab, said, head=True)
    for tag in entry.tags:
        _spell(fold(tag), keys, vocab)
    keys.update(META + "s:" + s.replace("\n", " ") for s in entry.emotion_stages)
    keys.update(META + "t:" + t.replace("\n", " ") for t in entry.customer_types)
    tail: set[str] = set()
    for word in entry.keywords:  # a synonym spelled out ranks below a tag spelled out
        _spell(fold(word), tail, vocab)
    for text in (entry.plain, entry.when_to_use, entry.body):
        if text:
            _collect(fold(text), tail, vocab, said, head=False)
    return keys, tail


def _syllable_chars(keys: Iterable[str], said: set[tuple[str, str]]) -> dict[str, set[str]]:
    """Pinyin: syllable -> the characters read that way somewhere in the entries."""
    syl_chars: dict[str, set[str]] = {}
    for char in {k for k in keys if len(k) == 1 and not k.isascii()}:
        if reading(char):
            syl_chars.setdefault(reading(char), set()).add(char)
    for char, syllable in said:
        if syllable:
            syl_chars.setdefault(syllable, set()).add(char)
    return syl_chars


def _add_prefix_keys(
    words: list[str], head: dict[str, list[int]], tail: dict[str, list[int]]
) -> None:
    """Prefix keys for prefixes shared by more than ``PREFIX_CAP`` of the sorted words."""
    prefix_counts: Counter[str] = Counter(w[:i] for w in words for i in range(1, len(w) + 1))
    for prefix, count in prefix_counts.items():
        if count <= PREFIX_CAP:
            continue
        lo = bisect_left(words, prefix)
        hi = bisect_left(words, prefix + "\U0010ffff")
        for postings in (head, tail):
            lists = [postings[w] for w in words[lo:hi] if w in postings]
            if lists:
                postings[PREFIX + prefix] = _union(lists)


def _trigram_table(words: list[str]) -> dict[str, bytes]:
    """Trigram -> numbers of the Latin words holding it, for near spellings."""
    tri_lists: dict[str, list[int]] = {}
    for word_id, word in enumerate(words):
        if len(word) >= 4 and word.isascii() and word.isalpha():
            for gram in trigrams(word):
                tri_lists.setdefault(gram, []).append(word_id)
    return {gram: array("I", tri_lists[gram]).tobytes() for gram in sorted(tri_lists)}


def _encode_postings(
    keys: list[str], head: dict[str, list[int]], tail: dict[str, list[int]], nb: int
) -> tuple[bytes, bytes]:
    """The slots (offset, count per key and group) and the blob of posting lists."""
    blob = bytearray()
    slots = array("q")
    for key in keys:
        for postings in (head, tail):
            slots.extend(_encode(postings.get(key), nb, blob))
    return slots.tobytes(), bytes(blob)


_BIT = tuple(1 << i for i in range(8))


def _encode(ranks: list[int] | None, nb: int, blob: bytearray) -> tuple[int, int]:
    """Append one posting list to ``blob``: (offset, -1) dense or (offset, pairs) sparse."""
    if not ranks:
        return 0, 0
    positions = [r >> 3 for r in ranks]
    if len(set(positions)) == len(positions):
        values = [_BIT[r & 7] for r in ranks]
    else:
        merged: dict[int, int] = {}
        for r in ranks:
            merged[r >> 3] = merged.get(r >> 3, 0) | _BIT[r & 7]
        positions = list(merged)
        values = list(merged.values())
    offset = len(blob)
    if 16 * len(positions) >= nb:  # dense: faster to load, at most 3x the size
        dense = bytearray(nb)
        deque(map(dense.__setitem__, positions, values), maxlen=0)
        blob += dense
        count = -1
    else:
        blob += array("I", positions).tobytes()
        blob += bytes(values)
        count = len(positions)
    blob += b"\0" * (-len(blob) % 4)
    return offset, count
