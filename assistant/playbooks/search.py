"""Search over playbook entries as an agent types: Chinese, pinyin or English.

The index is an inverted index whose posting lists are bit sets over the entries,
numbered in their stable display order (category order, then title). A query is
answered with big-integer AND/OR on those bit sets, so its cost grows with the
number of distinct keys it touches, not with the number of entries.

Keys (each with one posting list for the *head* fields -- title, term, tags --
and one for the *tail* fields -- plain, when_to_use, body):

* every Han character and every pair of adjacent Han characters (substrings of
  unspaced Chinese are found by AND-ing the pairs they consist of);
* every word of other letters and digits, joined words ("de-escalate") both whole
  and in parts; words sharing a popular prefix also get a prefix key;
* pinyin: ``initial initial`` and ``syllable initial`` pairs of adjacent Han
  characters (full syllables are expanded to the characters read that way at
  query time);
* a head field's whole text and its first word or characters (exact and prefix
  matches), and the entry's emotion stages and customer types.

Text is folded first (``textfold.fold``): NFKC, casefold, Traditional to
Simplified. Pinyin readings come from pypinyin, read as words where it knows
the word (银行 is "yin hang"). A Latin word of five letters or more that matches
nothing, not even as pinyin, is corrected: every vocabulary word one edit away,
and for words of eight letters or more also two edits away (candidates from
shared trigrams, checked by edit distance).

Ranking is by match quality (per query term: exact, start, head, head prefix,
tail, tail prefix, pinyin, typo; summed over the terms), then by the agent's own
use, favourites and the call context, then by the stable order.

Posting lists are stored as packed bit sets when they touch at least 1/16 of the
bytes of one, else as sparse (byte offset, bits) pairs. The whole index
serialises to one ``marshal`` payload that loads without rebuilding anything
but the key table; posting lists are turned into integers when a query first
needs them (and kept in a bounded cache).
"""

from __future__ import annotations

import contextlib
import marshal
import math
import re
import struct
import time
import zlib
from array import array
from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import pairwise, product
from operator import add
from types import MappingProxyType
from typing import NamedTuple, Protocol, overload, runtime_checkable

from assistant.playbooks.model import Entry
from assistant.playbooks.textfold import (
    JOINERS,
    atoms,
    fold,
    is_han,
    stem,
    trigrams,
    within_distance,
)

__all__ = ["Hit", "SearchContext", "SearchIndex"]

_FORMAT = 5
_ARRAYS = (3, 4, 5, 6, 7)  # payload positions of the byte arrays: order, keys, slots, blob, words
_HEAD = 0
_TAIL = 1

# Key namespaces. Plain keys are Han unigrams/bigrams and words.
_EXACT = "\x01"
_START = "\x02"
_PREFIX = "\x03"
_FULL_INITIAL = "\x04"
_INITIALS = "\x05"
_META = "\x06"

# Match levels of one query term in one entry; the higher the better.
_L_EXACT = 10
_L_START = 9
_L_HEAD = 8
_L_HEAD_PREFIX = 7
_L_TAIL = 6
_L_TAIL_PREFIX = 5
_L_PINYIN_HEAD = 4
_L_PINYIN_TAIL = 3
_L_TYPO_HEAD = 2
_L_TYPO_TAIL = 1
_LEVEL_WORDS = {
    _L_EXACT: "the whole text",
    _L_START: "the start",
    _L_HEAD: "a word",
    _L_HEAD_PREFIX: "a word's start",
    _L_TAIL: "a word",
    _L_TAIL_PREFIX: "a word's start",
    _L_PINYIN_HEAD: "pinyin",
    _L_PINYIN_TAIL: "pinyin",
    _L_TYPO_HEAD: "a near spelling",
    _L_TYPO_TAIL: "a near spelling",
}
_BANDS = {10: 8, 9: 8, 8: 8, 7: 8, 6: 6, 5: 6, 4: 4, 3: 4, 2: 2, 1: 2}

_PREFIX_CAP = 24  # more words than this under a prefix: the prefix gets its own key
_STEM_SCAN = 256
_EXACT_MAX = 24  # head fields longer than this (compacted) get no exact key
_MAX_TERMS = 12
_MAX_COMBOS = 512
_MAX_PARSES = 12
_MAX_INITIALS = 6
_MAX_PINYIN = 24
_MAX_TYPO = 32
_MAX_PAIRS = 3000
_CHUNK = 2048
_COMMON_SHARE = 8  # a word in more than 1/8 of the entries is a common word

# Bonuses, all together below 1 so that they never outrank a better match.
_FAVOURITE = 0.3
_USE_COUNT = 0.25
_USE_RECENT = 0.2
_RECENT_HALF_LIFE = 3 * 24 * 3600.0
_BOOST_TTL = 60.0  # seconds a context's bonuses are reused when it has no fixed ``now``
_STAGE = 0.1
_NAMED_CATEGORY = 0.5  # the query names the entry's category
_TYPE = 0.05

_JOINED = re.compile(f"\\w[{JOINERS}]\\w")
_HEAD_ORDER = ("title", "term", "tags")
_TAIL_ORDER = ("plain", "when_to_use", "body")
_HEAD_LEVELS = frozenset(
    (_L_EXACT, _L_START, _L_HEAD, _L_HEAD_PREFIX, _L_PINYIN_HEAD, _L_TYPO_HEAD)
)
_PINYIN_LEVELS = frozenset((_L_PINYIN_HEAD, _L_PINYIN_TAIL))


class SearchContext(NamedTuple):
    """What the panel knows about the agent and the call."""

    emotion_stage: str | None = None
    customer_type: str | None = None
    favourites: frozenset[str] = frozenset()
    # entry id -> (use count, last used as unix time)
    usage: Mapping[str, tuple[int, float]] = MappingProxyType({})
    category: str | None = None  # only entries of this category
    now: float | None = None  # for recency; None: time.time()
    # intent -> bonus, learned from what the agent copied after this query (see
    # playbooks.learning); applied per intent by Library.search.
    learned: Mapping[str, float] = MappingProxyType({})


_NO_CONTEXT = SearchContext()


class Hit:
    """One search result: the entry, its score and the field that matched best.

    The entry is decoded, and the field worked out, when first asked for: a search
    returns up to a hundred hits and the panel shows a handful of them.
    """

    __slots__ = ("_entry", "_field", "_index", "_query", "_rank", "score", "via")

    def __init__(
        self,
        index: SearchIndex | None,
        rank: int,
        score: float,
        query: tuple[list[_Term], list[list[tuple[int, int]]]] | None = None,
    ) -> None:
        self._index = index
        self._rank = rank
        self.score = score
        self._query = query  # the terms and their levels, to attribute the field
        self._entry: Entry | None = None
        self._field: str | None = None
        # The hit in another language this row stands for (one row per intent).
        self.via: Hit | None = None

    @classmethod
    def of(cls, entry: Entry, score: float = 0.0, field: str = "title") -> Hit:
        """A hit for an entry already in hand."""
        hit = cls(None, -1, score)
        hit._entry, hit._field = entry, field
        return hit

    def explain(self, context: SearchContext | None = None) -> list[str]:
        """Why this hit ranked where it did: each query word's best match, the bonuses."""
        if self.via is not None:
            return [f"found as {self.via.entry_id}", *self.via.explain(context)]
        if self._index is None or self._query is None:
            return [f"score {self.score:g}"]
        return self._index._explain(self._rank, *self._query, context or _NO_CONTEXT)

    @property
    def entry(self) -> Entry:
        if self._entry is None and self._index is not None:
            self._entry = self._index._entry(self._rank)
        assert self._entry is not None
        return self._entry

    @property
    def entry_id(self) -> str:
        """The entry's id, without decoding the entry."""
        if self._entry is None and self._index is not None:
            return self._index._entry_id(self._rank)
        return self.entry.id

    @property
    def field(self) -> str:
        """Where the best-matching term matched: title, term, tags, plain, when_to_use
        or body (title for the empty query's list; shortcode for a typed shortcode)."""
        if self._field is None:
            query, index = self._query, self._index
            found = index._field_for(self._rank, *query) if query and index else "title"
            self._field = found
        return self._field

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return (self.entry, self.score, self.field) == (other.entry, other.score, other.field)

    def __hash__(self) -> int:
        return hash((self.entry_id, self.score, self.field))

    def __repr__(self) -> str:
        return f"Hit({self.entry_id!r}, {self.score!r}, {self.field!r})"


class _Term:
    """One term of a parsed query and how it was matched."""

    __slots__ = ("char_sets", "han", "loose", "parses", "prefix_key", "text", "words")

    def __init__(self, text: str, han: bool) -> None:
        self.text = text
        self.han = han
        # Words other than ``text`` this term matched (prefix, stem, typo), for field
        # attribution.
        self.words: set[str] = set()
        self.prefix_key = False  # matched through a prefix key: any word starting with text
        # How the term was read as pinyin (see _pinyin_parses), and the Han
        # characters those readings stand for, built when first needed.
        self.parses: list[list[tuple[str, str]]] = []
        self.char_sets: list[list[frozenset[str]]] | None = None
        self.loose: tuple[str, ...] = ()  # Han term matched as these pieces standing apart


class _Boost(NamedTuple):
    """Ranking bonuses of one search context, worked out once and reused."""

    personal: dict[int, float]  # rank -> bonus for favourites and used entries (context included)
    pmask: int
    groups: list[tuple[float, int]]  # (bonus, mask) of the context groups; mask -1 = all


@runtime_checkable
class Buffer(Protocol):
    """Bytes, a memoryview, or a section of a file read on demand: sliced into bytes."""

    def __len__(self) -> int: ...

    def __getitem__(self, part: slice, /) -> bytes | memoryview: ...


_U32 = struct.Struct("<I")
_U32X2 = struct.Struct("<II")
_I64X2 = struct.Struct("<qq")


class StringTable(Sequence[str]):
    """A list of strings read straight from bytes (a memory-mapped cache), decoded
    one at a time on use: a 10,000-word list costs nothing until it is read.

    Layout: count ``n`` and ``n`` end offsets (unsigned 32-bit), then the UTF-8
    text. A slice is a view of the same bytes.
    """

    __slots__ = ("_ends", "_first", "_n", "_text")

    def __init__(self, data: bytes | memoryview) -> None:
        view = memoryview(data)
        if len(view) < 4:
            raise ValueError("string table: unreadable data")
        (n,) = view[:4].cast("I")
        text_at = 4 + 4 * n
        if len(view) < text_at:
            raise ValueError("string table: unreadable data")
        self._ends = view[4:text_at].cast("I")
        self._text = view[text_at:]
        self._first = 0
        self._n = n
        if n and self._ends[-1] != len(self._text):
            raise ValueError("string table: unreadable data")

    @staticmethod
    def encode(strings: Sequence[str]) -> bytes:
        ends = array("I")
        text = bytearray()
        for item in strings:
            text += item.encode("utf-8", "surrogatepass")
            ends.append(len(text))
        return array("I", (len(strings),)).tobytes() + ends.tobytes() + text

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> StringTable: ...
    def __getitem__(self, index: int | slice) -> str | StringTable:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._n)
            if step != 1:
                raise ValueError("string table: only plain slices")
            view = object.__new__(StringTable)
            view._ends, view._text = self._ends, self._text
            view._first, view._n = self._first + start, max(0, stop - start)
            return view
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError("string table index out of range")
        at = self._first + index
        start = self._ends[at - 1] if at else 0
        return str(self._text[start : self._ends[at]], "utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        ends, text = self._ends, self._text
        start = self._ends[self._first - 1] if self._first else 0
        for at in range(self._first, self._first + self._n):
            end = ends[at]
            yield str(text[start:end], "utf-8", "surrogatepass")
            start = end


class KeyTable:
    """Index key -> slot number, read straight from bytes: an open-addressing hash
    table over CRC-32, so loading an index builds no dict of its (tens of thousands
    of) keys. A query looks up a few dozen keys at most.

    Layout, all unsigned 32-bit: key count ``n``, table size (a power of two),
    ``n`` end offsets of the keys in the text, the table (slot + 1; 0 is empty),
    then the keys' UTF-8 text. ``data`` is anything sliced into bytes: bytes, a
    memoryview, or a section of the cache file read on demand (a lookup reads a
    few dozen bytes, where a mapped file would bring in pages all over it).
    """

    __slots__ = ("_data", "_ends_at", "_mask", "_n", "_table_at", "_text_at")

    def __init__(self, data: Buffer) -> None:
        if len(data) < 8:
            raise ValueError("search index: unreadable data")
        n, size = _U32X2.unpack(data[:8])
        text_at = 8 + 4 * (n + size)
        if size & (size - 1) or size < n or len(data) < text_at:
            raise ValueError("search index: unreadable data")
        self._data = data
        self._n: int = n
        self._mask: int = size - 1
        self._ends_at = 8
        self._table_at = 8 + 4 * n
        self._text_at = text_at
        if n and self._end(n - 1) != len(data) - text_at:
            raise ValueError("search index: unreadable data")

    def _end(self, slot: int) -> int:
        at = self._ends_at + 4 * slot
        return int(_U32.unpack(self._data[at : at + 4])[0])

    @staticmethod
    def encode(keys: Sequence[str]) -> bytes:
        """The table of ``keys``, numbered in the order given."""
        size = 1 << max(1, (2 * len(keys)).bit_length())  # at most half full
        table = array("I", bytes(4 * size))
        ends = array("I")
        text = bytearray()
        for slot, key in enumerate(keys):
            data = key.encode("utf-8", "surrogatepass")
            text += data
            ends.append(len(text))
            at = zlib.crc32(data) & (size - 1)
            while table[at]:
                at = (at + 1) & (size - 1)
            table[at] = slot + 1
        return array("I", (len(keys), size)).tobytes() + ends.tobytes() + table.tobytes() + text

    def __len__(self) -> int:
        return self._n

    def get(self, key: str, default: int | None = None) -> int | None:
        wanted = key.encode("utf-8", "surrogatepass")
        source, mask, table_at, text_at = self._data, self._mask, self._table_at, self._text_at
        at = zlib.crc32(wanted) & mask
        slot: int
        while True:
            (slot,) = _U32.unpack(source[table_at + 4 * at : table_at + 4 * at + 4])
            if not slot:
                return default
            slot -= 1
            if slot:
                first = self._ends_at + 4 * (slot - 1)
                start, end = _U32X2.unpack(source[first : first + 8])
            else:
                start, end = 0, self._end(0)
            if end - start == len(wanted) and source[text_at + start : text_at + end] == wanted:
                return slot
            at = (at + 1) & mask

    def __getitem__(self, key: str) -> int:
        slot = self.get(key)
        if slot is None:
            raise KeyError(key)
        return slot

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None


class SearchIndex:
    """An immutable search index over a sequence of entries."""

    __slots__ = (
        "_blob",
        "_boost_cache",
        "_cache",
        "_cache_cap",
        "_categories",
        "_entries",
        "_folded",
        "_ids",
        "_initial_chars",
        "_meta",
        "_n",
        "_nb",
        "_order",
        "_payload",
        "_slot",
        "_slots",
        "_syl_chars",
        "_syllables",
        "_sylset",
        "_tri",
        "_vocab",
        "_words",
    )

    def __init__(
        self, payload: tuple[object, ...], entries: Sequence[Entry], *, check_ids: bool = True
    ):
        if len(payload) != 11 or payload[0] != _FORMAT:
            raise ValueError("search index: unknown format")
        _, n, digest, order, keys, slots, blob, words, tri, syl_chars, categories = payload
        if not (
            isinstance(n, int)
            and isinstance(order, bytes | memoryview)
            and isinstance(keys, Buffer)
            and isinstance(slots, Buffer)
            and isinstance(blob, Buffer)
            and isinstance(words, bytes | memoryview)
            and isinstance(tri, dict)
            and isinstance(syl_chars, dict)
            and isinstance(categories, list)
        ):
            raise ValueError("search index: unreadable data")
        key_table = KeyTable(keys)
        if len(order) != 4 * n or len(slots) != 32 * len(key_table) or len(blob) % 4:
            raise ValueError("search index: unreadable data")
        if len(entries) != n or (check_ids and digest != _digest(_ids_of(entries))):
            raise ValueError("search index: entries differ from the ones it was built for")
        self._n = n
        self._nb = (n + 7) // 8 or 1
        self._order = memoryview(order).cast("I")
        # Entries are looked up through the order on use, so a lazily decoded table
        # (the library's warm cache) only decodes the entries a search shows.
        self._entries = entries
        self._slot = key_table
        # Read a few bytes at a time: the library hands these over as sections of
        # its cache file, read on demand.
        self._slots: Buffer = slots
        self._blob: Buffer = blob
        self._words = StringTable(words)
        self._tri: dict[str, bytes] = tri
        self._syl_chars: dict[str, str] = syl_chars
        self._syllables = sorted(syl_chars)
        self._sylset = frozenset(syl_chars)
        self._categories: dict[str, tuple[int, int]] = {c: (lo, hi) for c, lo, hi in categories}
        self._payload = payload
        self._cache: dict[tuple[int, int], int] = {}
        self._cache_cap = max(64, (16 << 20) // self._nb)
        self._folded: dict[tuple[int, str], str] = {}
        self._ids: dict[str, int] | None = None
        self._vocab: frozenset[str] | None = None
        self._initial_chars: dict[str, str] | None = None
        self._meta: dict[str, int] = {}
        self._boost_cache: tuple[SearchContext, tuple[int, int], float, _Boost] | None = None

    # ------------------------------------------------------------------ build

    @classmethod
    def build(cls, entries: Sequence[Entry]) -> SearchIndex:
        from assistant.playbooks.search_build import build_payload  # pinyin tables: build only

        return cls(build_payload(entries), entries)

    def to_bytes(self) -> bytes:
        return marshal.dumps(self._payload)  # type: ignore[arg-type]

    def to_parts(self) -> tuple[tuple[object, ...], list[bytes | memoryview]]:
        """The index as a small marshal-able header and its large byte arrays, which
        a cache can store raw and hand back as views of a memory-mapped file."""
        header = list(self._payload)
        arrays = [header[i] for i in _ARRAYS]
        for i in _ARRAYS:
            header[i] = b""
        return tuple(header), arrays  # type: ignore[return-value]

    @classmethod
    def from_parts(
        cls,
        header: tuple[object, ...],
        arrays: Sequence[Buffer],
        entries: Sequence[Entry],
        *,
        check_ids: bool = True,
    ) -> SearchIndex:
        """The inverse of ``to_parts``. ``check_ids=False`` trusts that ``entries`` are
        the ones the index was built for (they came from the same cache file)."""
        if len(header) != 11 or len(arrays) != len(_ARRAYS):
            raise ValueError("search index: unreadable data")
        payload = list(header)
        for i, section in zip(_ARRAYS, arrays, strict=True):
            payload[i] = section
        return cls(tuple(payload), entries, check_ids=check_ids)

    @classmethod
    def from_bytes(cls, data: bytes, entries: Sequence[Entry]) -> SearchIndex:
        try:
            payload = marshal.loads(data)
        except (EOFError, ValueError, TypeError) as exc:
            raise ValueError(f"search index: unreadable data ({exc})") from None
        if not isinstance(payload, tuple):
            raise ValueError("search index: unreadable data")
        return cls(payload, entries)

    # ------------------------------------------------------------------ search

    def search(
        self, query: str, limit: int = 20, context: SearchContext | None = None
    ) -> list[Hit]:
        ctx = context if context is not None else _NO_CONTEXT
        if limit <= 0 or self._n == 0:
            return []
        if ctx.category is None:
            lo, hi = 0, self._n
        elif ctx.category in self._categories:
            lo, hi = self._categories[ctx.category]
        else:
            return []
        terms = _query_terms(fold(query))
        if not terms:
            if query.strip():
                return []
            return self._browse(ctx, lo, hi, limit)

        kept: list[tuple[_Term, list[tuple[int, int]]]] = []
        dropped = False  # a term that matches nothing is ignored
        window = _range_mask(lo, hi) if (lo, hi) != (0, self._n) else -1
        for typed in terms:
            matched = [(lv, m & window) for lv, m in self._term_levels(typed) if m & window]
            if matched:
                kept.append((typed, matched))
                continue
            dropped = True
            if typed.han and len(typed.text) > 2:
                # A Chinese sentence typed whole (我要找你们领导): its two-character
                # pieces count as words, so the entries with most of them show.
                pieces = self._pieces(typed.text, len(terms) + len(kept))
                kept += [(t, [(lv, m & window) for lv, m in found]) for t, found in pieces]
        kept = [(t, lv) for t, lv in kept if lv]
        if not kept:
            return []
        terms = [t for t, _ in kept]
        levels = [lv for _, lv in kept]
        candidates = -1
        for term in levels:
            any_level = 0
            for _, mask in term:
                any_level |= mask
            candidates &= any_level
            if not candidates:
                break

        tiers = self._tiers(terms, levels, candidates, limit) if candidates else []
        if len(terms) > 1:
            shown = sum(mask.bit_count() for _, mask in tiers)
            if shown < limit:
                tiers += _partial_tiers(levels, candidates, self._n // _COMMON_SHARE)
        tiers = self._named_first(query, tiers)
        boost = self._boost(ctx)
        picked: list[tuple[float, int]] = []
        need = limit
        for score, mask in tiers:
            for bonus, rank in self._order_tier(mask, need, boost):
                picked.append((score + bonus - (1.0 if dropped else 0.0), rank))
            need = limit - len(picked)
            if need <= 0:
                break
        return [Hit(self, rank, round(score, 6), (terms, levels)) for score, rank in picked]

    def _named_first(self, query: str, tiers: list[tuple[float, int]]) -> list[tuple[float, int]]:
        """A query naming a category (投诉, complaint): its entries first among equals."""
        from assistant.playbooks.categories import categories_named  # with the first query

        named = [self._categories[c] for c in categories_named(query) if c in self._categories]
        if not named:
            return tiers
        inside = 0
        for lo, hi in named:
            inside |= _range_mask(lo, hi)
        out = []
        for score, mask in tiers:
            if mask & inside:
                out.append((score + _NAMED_CATEGORY, mask & inside))
            if mask & ~inside:
                out.append((score, mask & ~inside))
        return out

    # ------------------------------------------------------------ query terms

    def _term_levels(self, term: _Term) -> list[tuple[int, int]]:
        """Disjoint (level, mask) pairs of one term, best level first."""
        found: dict[int, int] = {}
        if term.han:
            self._han_levels(term, found)
        else:
            self._word_levels(term, found)
        out: list[tuple[int, int]] = []
        seen = 0
        for level in sorted(found, reverse=True):
            mask = found[level] & ~seen
            if mask:
                out.append((level, mask))
                seen |= mask
        return out

    def _pieces(self, text: str, used: int) -> list[tuple[_Term, list[tuple[int, int]]]]:
        out: list[tuple[_Term, list[tuple[int, int]]]] = []
        for gram in dict.fromkeys(map(add, text, text[1:])):
            if used + len(out) >= _MAX_TERMS:
                break
            piece = _Term(gram, han=True)
            found = self._term_levels(piece)
            if found:
                out.append((piece, found))
        # Pieces that are words of a title or tag (领导) say more than pieces that
        # merely occur in some body text (我要, 要找).
        named = [(t, lv) for t, lv in out if any(level in _HEAD_LEVELS for level, _ in lv)]
        return named or out

    def _han_levels(self, term: _Term, found: dict[int, int]) -> None:
        put = _putter(found)
        text = term.text
        grams = [text] if len(text) == 1 else list(dict.fromkeys(map(add, text, text[1:])))
        slots = [self._slot.get(g) for g in grams]
        if None not in slots:
            present = [s for s in slots if s is not None]
            head = self._and(present, _HEAD)
            tail = self._and(present, _TAIL)
            if head or tail:
                put(_L_HEAD, head)
                put(_L_TAIL, tail)
                if head:
                    put(_L_EXACT, self._key_mask(_EXACT + text, _HEAD))
                    put(_L_START, self._key_mask(_START + text[:2], _HEAD) & head)
                return
        if len(text) < 3:
            return
        # Not found as typed: read it as two-character words that may stand apart
        # ("退款承诺" finds 退款 ... 承诺), a level below.
        pieces = [text[i : i + 2] for i in range(0, len(text) - 1, 2)]
        if len(text) % 2:
            pieces.append(text[-1])
        slots = [self._slot.get(p) for p in pieces]
        present = [s for s in slots if s is not None]
        if len(present) < len(slots):
            return  # read piece by piece instead (see search)
        term.loose = tuple(pieces)
        put(_L_HEAD_PREFIX, self._and(present, _HEAD))
        put(_L_TAIL_PREFIX, self._and(present, _TAIL))

    def _word_levels(self, term: _Term, found: dict[int, int]) -> None:
        put = _putter(found)
        word = term.text
        slot = self._slot.get(word)
        if slot is not None:
            head = self._mask(slot, _HEAD)
            put(_L_HEAD, head)
            put(_L_TAIL, self._mask(slot, _TAIL))
            if head:
                put(_L_EXACT, self._key_mask(_EXACT + word, _HEAD))
                put(_L_START, self._key_mask(_START + word, _HEAD))
        head, tail = self._prefix_masks(term)
        put(_L_HEAD_PREFIX, head)
        put(_L_TAIL_PREFIX, tail)
        alpha = word.isascii() and word.isalpha()
        if alpha and len(word) >= 5:
            head, tail = self._stem_masks(term)
            put(_L_HEAD_PREFIX, head)
            put(_L_TAIL_PREFIX, tail)
        latin = bool(found)
        matched = latin
        if alpha and 2 <= len(word) <= _MAX_PINYIN:
            parses = self._pinyin_parses(word, initials=not latin or len(word) <= 4)
            head, tail = self._pinyin_masks(parses)
            if head or tail:
                term.parses = parses
                matched = True
                put(_L_PINYIN_HEAD, head)
                put(_L_PINYIN_TAIL, tail)
        if alpha and 5 <= len(word) <= _MAX_TYPO and not matched:
            head, tail = self._typo_masks(term)
            put(_L_TYPO_HEAD, head)
            put(_L_TYPO_TAIL, tail)

    def _word_range(self, prefix: str) -> tuple[int, int]:
        words = self._words
        return bisect_left(words, prefix), bisect_left(words, prefix + "\U0010ffff")

    def _prefix_masks(self, term: _Term) -> tuple[int, int]:
        word = term.text
        lo, hi = self._word_range(word)
        if hi - lo > _PREFIX_CAP:
            term.prefix_key = True
            return self._key_mask(_PREFIX + word, _HEAD), self._key_mask(_PREFIX + word, _TAIL)
        others = [w for w in self._words[lo:hi] if w != word]
        term.words.update(others)
        return self._or_words(others)

    def _stem_masks(self, term: _Term) -> tuple[int, int]:
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
        return self._or_words(same)

    def _typo_masks(self, term: _Term) -> tuple[int, int]:
        """Words one edit away (any length), or two edits away for words of 8+ letters."""
        word = term.text
        if self._vocab is None:
            self._vocab = frozenset(self._words)
        close = _edits(word) & self._vocab
        if len(word) >= 8:
            counts: Counter[int] = Counter()
            grams = trigrams(word)
            for gram in grams:
                ids = self._tri.get(gram)
                if ids is not None:
                    counts.update(memoryview(ids).cast("I"))
            need = max(2, len(grams) - 6)  # two edits spoil at most six trigrams
            for word_id, shared in counts.items():
                if shared >= need:
                    other = self._words[word_id]
                    if other not in close and within_distance(word, other, 2):
                        close.add(other)
        term.words.update(close)
        return self._or_words(close)

    def _or_words(self, words: Iterable[str]) -> tuple[int, int]:
        head = tail = 0
        for w in words:
            slot = self._slot.get(w)
            if slot is not None:
                head |= self._mask(slot, _HEAD)
                tail |= self._mask(slot, _TAIL)
        return head, tail

    # ----------------------------------------------------------------- pinyin

    def _is_syllable_prefix(self, text: str) -> bool:
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

    def _pinyin_parses(self, atom: str, initials: bool) -> list[list[tuple[str, str]]]:
        """Ways to read ``atom`` as pinyin: full syllables (F) ending in a partial
        one (P), full syllables then initials (I), or initials only."""
        n = len(atom)
        sylset = self._sylset
        allow_initials = [
            initials and 1 < n - i <= _MAX_INITIALS and all(map(self._is_syllable_prefix, atom[i:]))
            for i in range(n + 1)
        ]
        # feasible[i]: the rest from i can be read after at least one full syllable
        feasible = [False] * (n + 1)
        for i in range(n - 1, -1, -1):
            rest = atom[i:]
            if self._is_syllable_prefix(rest) or allow_initials[i]:
                feasible[i] = True
                continue
            for length in range(1, min(6, n - i - 1) + 1):
                if feasible[i + length] and rest[:length] in sylset:
                    feasible[i] = True
                    break
        out: list[list[tuple[str, str]]] = []

        def walk(i: int, units: list[tuple[str, str]]) -> None:
            if len(out) >= _MAX_PARSES:
                return
            rest = atom[i:]
            if self._is_syllable_prefix(rest):
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
                if not self._is_syllable_prefix(atom[i - 1]):
                    break
                if feasible[i]:
                    walk(i, [("I", c) for c in atom[:i]])
        return out

    def _syllable_unit(self, word: str) -> tuple[str, str] | None:
        if word in self._sylset:
            return ("F", word)
        if len(word) == 1:
            return ("I", word)
        return ("P", word) if self._is_syllable_prefix(word) else None

    def _pinyin_masks(self, parses: list[list[tuple[str, str]]]) -> tuple[int, int]:
        head = tail = 0
        memo: dict[tuple[tuple[str, str], tuple[str, str]], tuple[int, int]] = {}
        for units in parses:
            if len(units) == 1:
                kind, text = units[0]
                chars = self._chars_of(text, partial=kind == "P")
                h, t = self._or_slots({self._slot[c] for c in chars if c in self._slot})
            else:
                h = t = -1
                for pair in pairwise(units):
                    if pair not in memo:
                        memo[pair] = self._pair_masks(*pair)
                    ph, pt = memo[pair]
                    h &= ph
                    t &= pt
                    if not h and not t:
                        break
            head |= h
            tail |= t
        return head, tail

    def _chars_of(self, syllable: str, partial: bool) -> str:
        if not partial:
            return self._syl_chars.get(syllable, "")
        return "".join(self._syl_chars[s] for s in self._completions(syllable))

    def _pinyin_sets(self, term: _Term) -> list[list[frozenset[str]]]:
        """Per reading of the term, the Han characters each unit may stand for."""
        if term.char_sets is None:
            if self._initial_chars is None:
                by_initial: dict[str, set[str]] = {}
                for syllable, chars in self._syl_chars.items():
                    by_initial.setdefault(syllable[0], set()).update(chars)
                self._initial_chars = {i: "".join(sorted(c)) for i, c in by_initial.items()}
            memo: dict[tuple[str, str], frozenset[str]] = {}
            out: list[list[frozenset[str]]] = []
            for units in term.parses:
                sets = []
                for unit in units:
                    if unit not in memo:
                        kind, text = unit
                        if kind == "I":
                            memo[unit] = frozenset(self._initial_chars.get(text, ""))
                        else:
                            memo[unit] = frozenset(self._chars_of(text, partial=kind == "P"))
                    sets.append(memo[unit])
                out.append(sets)
            term.char_sets = out
        return term.char_sets

    def _pinyin_in(self, term: _Term, text: str) -> bool:
        for sets in self._pinyin_sets(term):
            first, rest = sets[0], sets[1:]
            last = len(text) - len(rest)
            for i, char in enumerate(text):
                if i >= last:
                    break
                if char in first and all(text[i + 1 + j] in chars for j, chars in enumerate(rest)):
                    return True
        return False

    def _pair_masks(self, a: tuple[str, str], b: tuple[str, str]) -> tuple[int, int]:
        kind_a, text_a = a
        kind_b, text_b = b
        if kind_a == "I":
            key = _INITIALS + text_a + text_b[0]
            return self._key_mask(key, _HEAD), self._key_mask(key, _TAIL)
        fallback = _FULL_INITIAL + text_a + " " + text_b[0]
        if kind_b == "I" or (kind_b == "P" and len(text_b) == 1):
            return self._key_mask(fallback, _HEAD), self._key_mask(fallback, _TAIL)
        first = self._syl_chars.get(text_a, "")
        second = self._chars_of(text_b, partial=kind_b == "P")
        if len(first) * len(second) > _MAX_PAIRS:
            return self._key_mask(fallback, _HEAD), self._key_mask(fallback, _TAIL)
        get = self._slot.get
        slots = {s for x in first for y in second if (s := get(x + y)) is not None}
        return self._or_slots(slots)

    # ------------------------------------------------------------------ masks

    def _mask(self, slot: int, group: int) -> int:
        key = (slot, group)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        at = 8 * (4 * slot + 2 * group)
        offset, count = _I64X2.unpack(self._slots[at : at + 16])
        if count == 0:
            value = 0
        elif count < 0:
            value = int.from_bytes(self._blob[offset : offset + self._nb], "little")
        else:
            buf = bytearray(self._nb)
            data = self._blob[offset : offset + 5 * count]
            deque(
                map(buf.__setitem__, memoryview(data)[: 4 * count].cast("I"), data[4 * count :]),
                maxlen=0,
            )
            value = int.from_bytes(buf, "little")
        cache = self._cache
        if len(cache) >= self._cache_cap:
            with contextlib.suppress(StopIteration, KeyError, RuntimeError):
                del cache[next(iter(cache))]
        cache[key] = value
        return value

    def _key_mask(self, key: str, group: int) -> int:
        slot = self._slot.get(key)
        return 0 if slot is None else self._mask(slot, group)

    def _and(self, slots: Sequence[int], group: int) -> int:
        result = -1
        for slot in slots:
            result &= self._mask(slot, group)
            if not result:
                return 0
        return result if result > 0 else 0

    def _or_slots(self, slots: Iterable[int]) -> tuple[int, int]:
        head = tail = 0
        for slot in slots:
            head |= self._mask(slot, _HEAD)
            tail |= self._mask(slot, _TAIL)
        return head, tail

    def _meta_mask(self, name: str) -> int:
        mask = self._meta.get(name)
        if mask is None:
            mask = self._key_mask(_META + name, _HEAD)
            self._meta[name] = mask
        return mask

    # ---------------------------------------------------------------- ranking

    def _tiers(
        self,
        terms: list[_Term],
        levels: list[list[tuple[int, int]]],
        candidates: int,
        limit: int,
    ) -> list[tuple[float, int]]:
        """(score, mask) of the match-quality tiers, best first, until ``limit`` entries.

        An entry's score is the sum of its terms' levels. Two alternatives can
        score it higher: the whole query equal to a head field, and, for a query
        of several Latin words, the words read together as one pinyin phrase
        ("tou su" as 投诉), which counts like a prefix match of every term.
        """
        count = len(terms)
        extras: dict[int, int] = {}
        if count > 1:
            whole = "".join(t.text for t in terms)
            extras[_L_EXACT * count + 1] = self._key_mask(_EXACT + whole, _HEAD) & candidates
            if len(whole) <= _MAX_PINYIN and all(
                not t.han and t.text.isascii() and t.text.isalpha() for t in terms
            ):
                parses = self._pinyin_parses(whole, initials=False)
                # Each word one syllable, a syllable's start or an initial: "t su", "ni hao".
                units = [self._syllable_unit(t.text) for t in terms]
                if all(units):
                    parses.append([u for u in units if u])
                head, tail = self._pinyin_masks(parses)
                # Words typed apart that spell a Chinese phrase read as that phrase, as
                # strongly as if each had matched a word.
                extras[_L_HEAD * count] = head & candidates
                extras[_L_TAIL * count] = tail & candidates
        if math.prod(map(len, levels)) > _MAX_COMBOS:
            levels = [_collapse(term) for term in levels]
        combos: dict[int, list[tuple[tuple[int, int], ...]]] = {}
        if math.prod(map(len, levels)) > _MAX_COMBOS:
            extras[_L_TYPO_HEAD * count] = extras.get(_L_TYPO_HEAD * count, 0) | candidates
        else:
            for combo in product(*levels):
                combos.setdefault(sum(level for level, _ in combo), []).append(combo)
        tiers: list[tuple[float, int]] = []
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
                tiers.append((float(total), tier))
                found += tier.bit_count()
                if found >= limit:
                    break
        return tiers

    def _entry(self, rank: int) -> Entry:
        return self._entries[self._order[rank]]

    def _entry_id(self, rank: int) -> str:
        index = self._order[rank]
        ids: Sequence[str] | None = getattr(self._entries, "ids", None)
        return ids[index] if ids is not None else self._entries[index].id

    def _id_map(self) -> dict[str, int]:
        if self._ids is None:
            ids: dict[str, int] = {}
            all_ids = _ids_of(self._entries)
            for rank, index in enumerate(self._order):
                ids.setdefault(all_ids[index], rank)
            self._ids = ids
        return self._ids

    def _boost(self, ctx: SearchContext) -> _Boost:
        """Bonuses of one context; the last one is reused while the same context object
        is passed again (contexts are values: make a new one when usage changes)."""
        cached = self._boost_cache
        clock = time.monotonic()
        if (
            cached is not None
            and cached[0] is ctx
            and cached[1] == (len(ctx.usage), len(ctx.favourites))
            and (ctx.now is not None or clock - cached[2] < _BOOST_TTL)
        ):
            return cached[3]
        boost = self._make_boost(ctx)
        self._boost_cache = (ctx, (len(ctx.usage), len(ctx.favourites)), clock, boost)
        return boost

    def _make_boost(self, ctx: SearchContext) -> _Boost:
        stage = self._meta_mask("s:" + ctx.emotion_stage) if ctx.emotion_stage else 0
        kind = self._meta_mask("t:" + ctx.customer_type) if ctx.customer_type else 0
        if stage or kind:
            groups = [
                (_STAGE + _TYPE, stage & kind),
                (_STAGE, stage & ~kind),
                (_TYPE, kind & ~stage),
                (0.0, ~(stage | kind)),
            ]
        else:
            groups = [(0.0, -1)]
        personal: dict[int, float] = {}
        if ctx.favourites or ctx.usage:
            ids = self._id_map()
            now = ctx.now if ctx.now is not None else time.time()
            for entry_id in ctx.favourites:
                rank = ids.get(entry_id)
                if rank is not None:
                    personal[rank] = _FAVOURITE
            for entry_id, use in ctx.usage.items():
                rank = ids.get(entry_id)
                if rank is not None:
                    bonus = _usage_bonus(use, now)
                    if bonus > 0:
                        personal[rank] = personal.get(rank, 0.0) + bonus
            for rank in personal:
                entry = self._entry(rank)
                if ctx.emotion_stage and ctx.emotion_stage in entry.emotion_stages:
                    personal[rank] += _STAGE
                if ctx.customer_type and ctx.customer_type in entry.customer_types:
                    personal[rank] += _TYPE
        return _Boost(personal, _mask_of(personal, self._nb), groups)

    def _order_tier(self, mask: int, need: int, boost: _Boost) -> list[tuple[float, int]]:
        """The best ``need`` entries of one tier as (bonus, rank), best first."""
        found: list[tuple[float, int]] = []
        if boost.pmask:
            inside = mask & boost.pmask
            if inside:
                found.extend((boost.personal[r], r) for r in _bits(inside, inside.bit_count()))
                mask &= ~boost.pmask
        for bonus, group in boost.groups:
            part = mask & group
            if part:
                found.extend((bonus, r) for r in _bits(part, need))
        found.sort(key=_by_bonus)
        return found[:need]

    def _browse(self, ctx: SearchContext, lo: int, hi: int, limit: int) -> list[Hit]:
        """Empty query: favourites, stage lines, recently used, then the stable order."""
        boost = self._boost(ctx)
        personal = boost.personal
        favourite_ranks = {
            r for r in (self._id_map().get(i) for i in ctx.favourites) if r is not None
        }
        picked: list[tuple[float, int]] = []
        seen: set[int] = set()

        def take(items: Iterable[tuple[float, int]], base: float) -> None:
            for bonus, rank in items:
                if len(picked) >= limit:
                    return
                if rank not in seen and lo <= rank < hi:
                    seen.add(rank)
                    picked.append((base + bonus, rank))

        take(sorted(((personal[r], r) for r in favourite_ranks), key=_by_bonus), 3.0)
        if ctx.emotion_stage and "de_escalation" in self._categories:
            d_lo, d_hi = self._categories["de_escalation"]
            d_lo, d_hi = max(d_lo, lo), min(d_hi, hi)
            if d_lo < d_hi:
                lines = self._meta_mask("s:" + ctx.emotion_stage) & _range_mask(d_lo, d_hi)
                take(self._order_tier(lines, limit + len(favourite_ranks), boost), 2.0)
        used = [(bonus, r) for r, bonus in personal.items() if r not in favourite_ranks]
        take(sorted(used, key=_by_bonus), 1.0)
        rank = lo
        while len(picked) < limit and rank < hi:
            if rank not in seen:
                picked.append((0.0, rank))
            rank += 1
        return [Hit(self, r, round(score, 6)) for score, r in picked]

    # ------------------------------------------------------- field attribution

    def _field_text(self, rank: int, name: str) -> str:
        key = (rank, name)
        text = self._folded.get(key)
        if text is None:
            entry = self._entry(rank)
            raw = _raw_field(entry, name)
            text = fold(raw) if raw else ""
            if len(self._folded) >= 8192:
                self._folded.clear()
            self._folded[key] = text
        return text

    def _field_for(self, rank: int, terms: list[_Term], levels: list[list[tuple[int, int]]]) -> str:
        """The field where the entry's best-matching term matched."""
        best_term, best_level = terms[0], 0
        bit = 1 << rank
        for term, term_levels in zip(terms, levels, strict=True):
            for level, mask in term_levels:
                if mask & bit:
                    if level > best_level:
                        best_term, best_level = term, level
                    break
        group = _HEAD_ORDER if best_level in _HEAD_LEVELS else _TAIL_ORDER
        pinyin = best_level in _PINYIN_LEVELS
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

    def _explain(
        self,
        rank: int,
        terms: list[_Term],
        levels: list[list[tuple[int, int]]],
        ctx: SearchContext,
    ) -> list[str]:
        lines = []
        bit = 1 << rank
        for term, term_levels in zip(terms, levels, strict=True):
            found = next(((lv, m) for lv, m in term_levels if m & bit), None)
            if found is None:
                lines.append(f"{term.text!r}: not in this entry")
                continue
            field = self._field_for(rank, [term], [[found]])
            lines.append(f"{term.text!r}: {_LEVEL_WORDS[found[0]]} in {field} (+{found[0]})")
        bonus = self._boost(ctx).personal.get(rank)
        if bonus:
            lines.append(f"starred or used before: +{bonus:.2f}")
        entry = self._entry(rank)
        if ctx.emotion_stage and ctx.emotion_stage in entry.emotion_stages:
            lines.append(f"suits the {ctx.emotion_stage} stage: +{_STAGE}")
        if ctx.customer_type and ctx.customer_type in entry.customer_types:
            lines.append(f"suits a {ctx.customer_type} customer: +{_TYPE}")
        return lines

    def _matches(self, term: _Term, text: str, pinyin: bool) -> bool:
        return self._pinyin_in(term, text) if pinyin else _text_level(term, text) > 0


# ---------------------------------------------------------------------- helpers


def _partial_tiers(
    levels: list[list[tuple[int, int]]], whole: int, common: int
) -> list[tuple[float, int]]:
    """Entries that match some of the query's words, after those matching all of them
    (``whole``): most words first, then most words in a head field (title, term,
    tags). Scores are negative, below every entry that matches all the words."""
    spans = []
    for term in levels:
        anywhere = head = 0
        for level, mask in term:
            anywhere |= mask
            if level in _HEAD_LEVELS:
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
    tiers: list[tuple[float, int]] = []
    placed = whole
    for matched in range(count if reduced else count - 1, 0, -1):
        tier = at_least[matched] & ~placed
        for heads in range(matched, -1, -1):
            mask = tier & in_head[heads]
            if mask:
                tiers.append((float(heads - 10 * (count + 1 - matched)), mask))
                tier &= ~mask
        placed |= at_least[matched]
    rest = anything & ~placed  # only common words: last
    if rest:
        tiers.append((float(-10 * (count + 1)), rest))
    return tiers


def _raw_field(entry: Entry, name: str) -> str:
    if name == "tags":  # the words an entry is also found by count as its tags
        return "\n".join((*entry.tags, *entry.keywords))
    text: str = getattr(entry, name)
    return text


def _putter(found: dict[int, int]) -> Callable[[int, int], None]:
    def put(level: int, mask: int) -> None:
        if mask:
            found[level] = found.get(level, 0) | mask

    return put


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits(word: str) -> set[str]:
    """Every string one deletion, adjacent swap, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + c + b for a, b in splits for c in _LETTERS)
    out.discard(word)
    return out


def _by_bonus(item: tuple[float, int]) -> tuple[float, int]:
    return (-item[0], item[1])


def _range_mask(lo: int, hi: int) -> int:
    return ((1 << hi) - 1) ^ ((1 << lo) - 1)


def _mask_of(ranks: Iterable[int], nb: int) -> int:
    buf = bytearray(nb)
    any_set = False
    for rank in ranks:
        buf[rank >> 3] |= 1 << (rank & 7)
        any_set = True
    return int.from_bytes(buf, "little") if any_set else 0


def _bits(mask: int, need: int) -> list[int]:
    """The lowest ``need`` set bits of a non-negative mask, ascending."""
    out: list[int] = []
    base = 0
    chunk_mask = (1 << _CHUNK) - 1
    while mask and len(out) < need:
        low = mask & chunk_mask
        if not low:
            skip = (mask & -mask).bit_length() - 1
            mask >>= skip
            base += skip
            continue
        while low and len(out) < need:
            bit = low & -low
            out.append(base + bit.bit_length() - 1)
            low ^= bit
        mask >>= _CHUNK
        base += _CHUNK
    return out


def _collapse(term: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: dict[int, int] = {}
    for level, mask in term:
        band = _BANDS[level]
        merged[band] = merged.get(band, 0) | mask
    return sorted(merged.items(), reverse=True)


def _usage_bonus(use: tuple[int, float], now: float) -> float:
    try:
        count = float(use[0])
        last = float(use[1])
    except (TypeError, ValueError, IndexError):
        return 0.0
    if not (math.isfinite(count) and math.isfinite(last)):
        return 0.0
    frequency = 1.0 - 1.0 / (1.0 + math.log1p(count)) if count > 0 else 0.0
    recency = 0.0
    if last > 0:
        age = max(0.0, now - last)
        recency = 0.5 ** (age / _RECENT_HALF_LIFE)
    return _USE_COUNT * frequency + _USE_RECENT * recency


def _query_terms(folded: str) -> list[_Term]:
    terms: list[_Term] = []
    seen: set[tuple[bool, str]] = set()
    for han, text, _ in atoms(folded):
        if (han, text) not in seen:
            seen.add((han, text))
            terms.append(_Term(text, han))
    return terms[:_MAX_TERMS]


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


def _text_level(term: _Term, text: str) -> int:
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


def _ids_of(entries: Sequence[Entry]) -> Sequence[str]:
    """Entry ids, without decoding the entries when the sequence already knows them."""
    ids: Sequence[str] | None = getattr(entries, "ids", None)
    return ids if ids is not None else [e.id for e in entries]


def _digest(ids: Sequence[str]) -> bytes:
    import hashlib  # loads OpenSSL: only when building or checking an index

    return hashlib.blake2b("\n".join(ids).encode(), digest_size=16).digest()
