"""The list shown for an empty query: favourites, lines for the caller's mood,
recently used entries, then every entry in the stable order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from assistant.playbooks.search.hit import SearchContext
from assistant.playbooks.search.postings import Postings, range_mask
from assistant.playbooks.search.ranking import Boost, by_bonus, order_tier

__all__ = ["browse"]


def browse(
    ctx: SearchContext,
    boost: Boost,
    ids: Callable[[], Mapping[str, int]],
    postings: Postings,
    categories: Mapping[str, tuple[int, int]],
    lo: int,
    hi: int,
    limit: int,
) -> list[tuple[float, int]]:
    """(score, rank) of the first ``limit`` entries among ranks ``lo`` to ``hi - 1``.

    ``ids()`` maps entry ids to ranks; ``categories`` a category to its ranks.
    """
    personal = boost.personal
    favourite_ranks = {r for r in (ids().get(i) for i in ctx.favourites) if r is not None}
    picked: list[tuple[float, int]] = []
    seen: set[int] = set()

    def take(items: Iterable[tuple[float, int]], base: float) -> None:
        for bonus, rank in items:
            if len(picked) >= limit:
                return
            if rank not in seen and lo <= rank < hi:
                seen.add(rank)
                picked.append((base + bonus, rank))

    take(sorted(((personal[r], r) for r in favourite_ranks), key=by_bonus), 3.0)
    if ctx.emotion_stage and "de_escalation" in categories:
        d_lo, d_hi = categories["de_escalation"]
        d_lo, d_hi = max(d_lo, lo), min(d_hi, hi)
        if d_lo < d_hi:
            lines = postings.meta("s:" + ctx.emotion_stage) & range_mask(d_lo, d_hi)
            take(order_tier(lines, limit + len(favourite_ranks), boost), 2.0)
    used = [(bonus, r) for r, bonus in personal.items() if r not in favourite_ranks]
    take(sorted(used, key=by_bonus), 1.0)
    rank = lo
    while len(picked) < limit and rank < hi:
        if rank not in seen:
            picked.append((0.0, rank))
        rank += 1
    return picked
