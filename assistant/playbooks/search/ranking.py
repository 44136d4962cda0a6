"""Ranking bonuses from the agent's own use and the call, and ordering within a tier.

Within a match-quality tier, entries are ordered by their bonus: favourites, how
often and how lately the agent used them, whether they suit the call's emotion
stage and customer type; then by the stable order. The bonuses together stay
below 1, so they never outrank a better match.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from typing import NamedTuple

from assistant.playbooks.model import Entry
from assistant.playbooks.search.hit import SearchContext
from assistant.playbooks.search.postings import Postings, bits, mask_of

__all__ = ["Boost", "by_bonus", "make_boost", "order_tier"]

FAVOURITE = 0.3
USE_COUNT = 0.25
USE_RECENT = 0.2
RECENT_HALF_LIFE = 3 * 24 * 3600.0
STAGE = 0.1
TYPE = 0.05


class Boost(NamedTuple):
    """Ranking bonuses of one search context, worked out once and reused."""

    personal: dict[int, float]  # rank -> bonus for favourites and used entries (context included)
    pmask: int
    groups: list[tuple[float, int]]  # (bonus, mask) of the context groups; mask -1 = all


def make_boost(
    ctx: SearchContext,
    postings: Postings,
    ids: Callable[[], Mapping[str, int]],
    entry: Callable[[int], Entry],
) -> Boost:
    """The bonuses of ``ctx``; ``ids()`` maps entry ids to ranks, ``entry`` decodes one."""
    stage = postings.meta("s:" + ctx.emotion_stage) if ctx.emotion_stage else 0
    kind = postings.meta("t:" + ctx.customer_type) if ctx.customer_type else 0
    if stage or kind:
        groups = [
            (STAGE + TYPE, stage & kind),
            (STAGE, stage & ~kind),
            (TYPE, kind & ~stage),
            (0.0, ~(stage | kind)),
        ]
    else:
        groups = [(0.0, -1)]
    personal: dict[int, float] = {}
    if ctx.favourites or ctx.usage:
        ranks = ids()
        now = ctx.now if ctx.now is not None else time.time()
        for entry_id in ctx.favourites:
            rank = ranks.get(entry_id)
            if rank is not None:
                personal[rank] = FAVOURITE
        for entry_id, use in ctx.usage.items():
            rank = ranks.get(entry_id)
            if rank is not None:
                bonus = usage_bonus(use, now)
                if bonus > 0:
                    personal[rank] = personal.get(rank, 0.0) + bonus
        for rank in personal:
            found = entry(rank)
            if ctx.emotion_stage and ctx.emotion_stage in found.emotion_stages:
                personal[rank] += STAGE
            if ctx.customer_type and ctx.customer_type in found.customer_types:
                personal[rank] += TYPE
    return Boost(personal, mask_of(personal, postings.nb), groups)


def usage_bonus(use: tuple[int, float], now: float) -> float:
    """The bonus of an entry used ``use[0]`` times, last at ``use[1]`` (unix time)."""
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
        recency = 0.5 ** (age / RECENT_HALF_LIFE)
    return USE_COUNT * frequency + USE_RECENT * recency


def order_tier(mask: int, need: int, boost: Boost) -> list[tuple[float, int]]:
    """The best ``need`` entries of one tier as (bonus, rank), best first."""
    found: list[tuple[float, int]] = []
    if boost.pmask:
        inside = mask & boost.pmask
        if inside:
            found.extend((boost.personal[r], r) for r in bits(inside, inside.bit_count()))
            mask &= ~boost.pmask
    for bonus, group in boost.groups:
        part = mask & group
        if part:
            found.extend((bonus, r) for r in bits(part, need))
    found.sort(key=by_bonus)
    return found[:need]


def by_bonus(item: tuple[float, int]) -> tuple[float, int]:
    """Sort key of (bonus, rank): best bonus first, then the stable order."""
    return (-item[0], item[1])
