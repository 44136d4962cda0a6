"""What a search is asked with and what it answers: ``SearchContext`` and ``Hit``."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from assistant.playbooks.model import Entry

if TYPE_CHECKING:
    from typing import Protocol

    from assistant.playbooks.search.terms import Levels, Term


__all__ = ["Hit", "SearchContext"]


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


NO_CONTEXT = SearchContext()


if TYPE_CHECKING:  # for the type checker only: a Protocol class costs start-up time

    class _Source(Protocol):
        """The index a hit came from (index.SearchIndex), asked about the hit's rank."""

        def _entry(self, rank: int) -> Entry: ...

        def _entry_id(self, rank: int) -> str: ...

        def _field_for(self, rank: int, terms: list[Term], levels: list[Levels]) -> str: ...

        def _explain(
            self, rank: int, terms: list[Term], levels: list[Levels], ctx: SearchContext
        ) -> list[str]: ...


class Hit:
    """One search result: the entry, its score and the field that matched best.

    The entry is decoded, and the field worked out, when first asked for: a search
    returns up to a hundred hits and the panel shows a handful of them.
    """

    __slots__ = ("_entry", "_field", "_index", "_query", "_rank", "score", "via")

    def __init__(
        self,
        index: _Source | None,
        rank: int,
        score: float,
        query: tuple[list[Term], list[Levels]] | None = None,
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
        return self._index._explain(self._rank, *self._query, context or NO_CONTEXT)

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
