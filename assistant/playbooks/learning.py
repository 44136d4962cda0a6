"""Search learns from the agent: a phrase copied right after a query comes first for
that query, and for the shorter queries typed on the way to it, from then on.

The picks live in the local store (one store per agent's machine); this module only
turns them into ranking bonuses, without Qt or SQL.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.playbooks.textfold import fold

# Above any one word's match (at most 10), so the agent's own pick leads; more picks
# rank above fewer.
PICKED = 20.0
_MAX_COUNT = 20


def pick_key(query: str) -> str:
    """The query as picks are kept: folded (case, width, Traditional), spaces single."""
    return " ".join(fold(query).split())


def learned_bonus(picks: Mapping[str, Mapping[str, int]], query: str) -> dict[str, float]:
    """intent -> bonus for ``query``: picks made after this query or one it starts."""
    typed = pick_key(query)
    if not typed:
        return {}
    counts: dict[str, int] = {}
    for said, intents in picks.items():
        if said.startswith(typed):
            for intent, count in intents.items():
                counts[intent] = counts.get(intent, 0) + count
    return {intent: PICKED + min(count, _MAX_COUNT) for intent, count in counts.items()}
