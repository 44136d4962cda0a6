"""The search index: reads a built payload (see build.py) and answers queries.

``SearchIndex`` checks and holds the payload's parts, and runs a query in named
steps: the query's terms (terms.py) are matched level by level (matching.py),
the entries grouped into match-quality tiers (tiers.py) and ordered within a
tier by the agent's and the call's bonuses (ranking.py); an empty query lists
entries to browse (browse.py). The modules a query needs are loaded with the
first query, not when the panel starts.
"""

from __future__ import annotations

import marshal
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.playbooks.model import Entry
from assistant.playbooks.search.hit import NO_CONTEXT, Hit, SearchContext
from assistant.playbooks.search.postings import Postings, range_mask
from assistant.playbooks.search.tables import (
    ARRAYS,
    FORMAT,
    PAYLOAD_LENGTH,
    Buffer,
    KeyTable,
    StringTable,
    digest,
    ids_of,
)
from assistant.playbooks.textfold import fold

if TYPE_CHECKING:
    from assistant.playbooks.search.fields import Fields
    from assistant.playbooks.search.matching import Matcher
    from assistant.playbooks.search.ranking import Boost
    from assistant.playbooks.search.terms import Levels, Term

__all__ = ["SearchIndex"]

_BOOST_TTL = 60.0  # seconds a context's bonuses are reused when it has no fixed ``now``
_COMMON_SHARE = 8  # a word in more than 1/8 of the entries is a common word


class SearchIndex:
    """An immutable search index over a sequence of entries."""

    __slots__ = (
        "_boost_cache",
        "_categories",
        "_entries",
        "_fields",
        "_ids",
        "_matcher",
        "_n",
        "_order",
        "_payload",
        "_postings",
        "_syl_chars",
        "_tri",
        "_words",
    )

    def __init__(
        self, payload: tuple[object, ...], entries: Sequence[Entry], *, check_ids: bool = True
    ):
        if len(payload) != PAYLOAD_LENGTH or payload[0] != FORMAT:
            raise ValueError("search index: unknown format")
        _, n, fingerprint, order, keys, slots, blob, words, tri, syl_chars, categories = payload
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
        if len(entries) != n or (check_ids and fingerprint != digest(ids_of(entries))):
            raise ValueError("search index: entries differ from the ones it was built for")
        self._n = n
        self._order = memoryview(order).cast("I")
        # Entries are looked up through the order on use, so a lazily decoded table
        # (the library's warm cache) only decodes the entries a search shows.
        self._entries = entries
        # Read a few bytes at a time: the library hands slots and blob over as
        # sections of its cache file, read on demand.
        self._postings = Postings(key_table, slots, blob, (n + 7) // 8 or 1)
        self._words = StringTable(words)
        self._tri: dict[str, bytes] = tri
        self._syl_chars: dict[str, str] = syl_chars
        self._categories: dict[str, tuple[int, int]] = {c: (lo, hi) for c, lo, hi in categories}
        self._payload = payload
        self._ids: dict[str, int] | None = None
        self._matcher: Matcher | None = None
        self._fields: Fields | None = None
        self._boost_cache: tuple[SearchContext, tuple[int, int], float, Boost] | None = None

    # ------------------------------------------------------------------ build

    @classmethod
    def build(cls, entries: Sequence[Entry]) -> SearchIndex:
        from assistant.playbooks.search.build import build_payload  # pinyin tables: build only

        return cls(build_payload(entries), entries)

    def to_bytes(self) -> bytes:
        return marshal.dumps(self._payload)  # type: ignore[arg-type]

    def to_parts(self) -> tuple[tuple[object, ...], list[bytes | memoryview]]:
        """The index as a small marshal-able header and its large byte arrays, which
        a cache can store raw and hand back as views of a memory-mapped file."""
        header = list(self._payload)
        arrays = [header[i] for i in ARRAYS]
        for i in ARRAYS:
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
        if len(header) != PAYLOAD_LENGTH or len(arrays) != len(ARRAYS):
            raise ValueError("search index: unreadable data")
        payload = list(header)
        for i, section in zip(ARRAYS, arrays, strict=True):
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
        """Up to ``limit`` hits for ``query``, best first; an empty query lists the
        entries to browse. A word that matches nothing is left out of the query."""
        from assistant.playbooks.search.terms import query_terms

        ctx = context if context is not None else NO_CONTEXT
        if limit <= 0 or self._n == 0:
            return []
        span = self._span(ctx.category)
        if span is None:
            return []
        terms = query_terms(fold(query))
        if not terms:
            if query.strip():
                return []
            return [Hit(self, r, round(score, 6)) for score, r in self._browse(ctx, *span, limit)]
        kept, dropped = self._match(terms, *span)
        if not kept:
            return []
        terms = [t for t, _ in kept]
        levels = [lv for _, lv in kept]
        picked = self._rank(query, terms, levels, limit, ctx, 1.0 if dropped else 0.0)
        return [Hit(self, rank, round(score, 6), (terms, levels)) for score, rank in picked]

    def _span(self, category: str | None) -> tuple[int, int] | None:
        """The ranks a search looks at: all, or those of one category (None: unknown)."""
        if category is None:
            return 0, self._n
        return self._categories.get(category)

    def _match(self, terms: list[Term], lo: int, hi: int) -> tuple[list[tuple[Term, Levels]], bool]:
        """Each term with the entries it matches among ranks ``lo`` to ``hi - 1``, and
        whether a term that matches nothing was dropped."""
        matcher = self._query_matcher()
        kept: list[tuple[Term, Levels]] = []
        dropped = False  # a term that matches nothing is ignored
        window = range_mask(lo, hi) if (lo, hi) != (0, self._n) else -1
        for typed in terms:
            matched = [(lv, m & window) for lv, m in matcher.levels(typed) if m & window]
            if matched:
                kept.append((typed, matched))
                continue
            dropped = True
            if typed.han and len(typed.text) > 2:
                # A Chinese sentence typed whole (我要找你们领导): its two-character
                # pieces count as words, so the entries with most of them show.
                pieces = matcher.pieces(typed.text, len(terms) + len(kept))
                kept += [(t, [(lv, m & window) for lv, m in found]) for t, found in pieces]
        return [(t, lv) for t, lv in kept if lv], dropped

    def _rank(
        self,
        query: str,
        terms: list[Term],
        levels: list[Levels],
        limit: int,
        ctx: SearchContext,
        penalty: float,
    ) -> list[tuple[float, int]]:
        """(score, rank) of the best ``limit`` entries, best first: by tier, then bonus.
        ``penalty`` is taken off every score (a term of the query matched nothing)."""
        from assistant.playbooks.search.ranking import order_tier
        from assistant.playbooks.search.tiers import matching_all, named_first, partial_tiers
        from assistant.playbooks.search.tiers import tiers as match_tiers

        candidates = matching_all(levels)
        found: list[tuple[float, int]] = []
        if candidates:
            pinyin = self._query_matcher().pinyin
            found = match_tiers(terms, levels, candidates, limit, self._postings, pinyin)
        if len(terms) > 1:
            shown = sum(mask.bit_count() for _, mask in found)
            if shown < limit:
                found += partial_tiers(levels, candidates, self._n // _COMMON_SHARE)
        found = named_first(query, found, self._categories)
        boost = self._boost(ctx)
        picked: list[tuple[float, int]] = []
        need = limit
        for score, mask in found:
            for bonus, rank in order_tier(mask, need, boost):
                picked.append((score + bonus - penalty, rank))
            need = limit - len(picked)
            if need <= 0:
                break
        return picked

    def _browse(self, ctx: SearchContext, lo: int, hi: int, limit: int) -> list[tuple[float, int]]:
        from assistant.playbooks.search.browse import browse

        boost = self._boost(ctx)
        return browse(ctx, boost, self._id_map, self._postings, self._categories, lo, hi, limit)

    def _query_matcher(self) -> Matcher:
        if self._matcher is None:
            from assistant.playbooks.search.matching import Matcher
            from assistant.playbooks.search.pinyin import Syllables

            pinyin = Syllables(self._syl_chars)
            self._matcher = Matcher(self._postings, self._words, self._tri, pinyin)
        return self._matcher

    def _boost(self, ctx: SearchContext) -> Boost:
        """Bonuses of one context; the last one is reused while the same context object
        is passed again (contexts are values: make a new one when usage changes)."""
        from assistant.playbooks.search.ranking import make_boost

        cached = self._boost_cache
        clock = time.monotonic()
        if (
            cached is not None
            and cached[0] is ctx
            and cached[1] == (len(ctx.usage), len(ctx.favourites))
            and (ctx.now is not None or clock - cached[2] < _BOOST_TTL)
        ):
            return cached[3]
        boost = make_boost(ctx, self._postings, self._id_map, self._entry)
        self._boost_cache = (ctx, (len(ctx.usage), len(ctx.favourites)), clock, boost)
        return boost

    # ------------------------------------------------- asked by a Hit about its rank

    def _entry(self, rank: int) -> Entry:
        return self._entries[self._order[rank]]

    def _entry_id(self, rank: int) -> str:
        index = self._order[rank]
        ids: Sequence[str] | None = getattr(self._entries, "ids", None)
        return ids[index] if ids is not None else self._entries[index].id

    def _id_map(self) -> dict[str, int]:
        if self._ids is None:
            ids: dict[str, int] = {}
            all_ids = ids_of(self._entries)
            for rank, index in enumerate(self._order):
                ids.setdefault(all_ids[index], rank)
            self._ids = ids
        return self._ids

    def _field_finder(self) -> Fields:
        if self._fields is None:
            from assistant.playbooks.search.fields import Fields

            self._fields = Fields(self._entry, self._query_matcher().pinyin)
        return self._fields

    def _field_for(self, rank: int, terms: list[Term], levels: list[Levels]) -> str:
        """The field where the entry's best-matching term matched."""
        return self._field_finder().field_for(rank, terms, levels)

    def _explain(
        self, rank: int, terms: list[Term], levels: list[Levels], ctx: SearchContext
    ) -> list[str]:
        bonus = self._boost(ctx).personal.get(rank)
        return self._field_finder().explain(rank, terms, levels, ctx, bonus)
