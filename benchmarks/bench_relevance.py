"""Search relevance over a labelled query set: does the phrase the agent means show?

``relevance/queries.tsv`` holds queries written as agents type them, each with the
intents that are a good answer. They are run against the built-in packs through the
same ``Library.search`` the panel uses, one row per intent in the agent's phrase
languages (zh-Hans first, then zh-Hant and English), and scored over the rows an
agent sees:

- ``relevance_hit3``: share of queries with a good answer in the first three rows;
- ``relevance_mrr``: mean reciprocal rank of the first good answer in ten rows;
- ``relevance_empty``: queries that show no row at all;
- ``relevance_repeats_top3``: rows in the first three repeating an intent shown above.

``python benchmarks/bench_relevance.py`` prints the misses, for tuning.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from common import Metric

QUERIES = Path(__file__).resolve().parent / "relevance" / "queries.tsv"
LANGUAGES = ("zh-Hans", "zh-Hant", "en")
METRICS = ("relevance_hit3", "relevance_mrr", "relevance_empty", "relevance_repeats_top3")


class Labelled(NamedTuple):
    query: str
    intents: frozenset[str]
    kind: str


class Outcome(NamedTuple):
    labelled: Labelled
    shown: list[str]  # the intents of the rows, in order

    @property
    def rank(self) -> int | None:
        for i, intent in enumerate(self.shown[:10], 1):
            if intent in self.labelled.intents:
                return i
        return None


def read_queries(path: Path = QUERIES) -> list[Labelled]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Labelled(r["query"], frozenset(i.strip() for i in r["intents"].split(",")), r["kind"])
        for r in rows
    ]


def run(queries: list[Labelled]) -> list[Outcome]:
    from assistant.paths import builtin_packs_dir
    from assistant.playbooks.library import discover, load_library

    with tempfile.TemporaryDirectory(prefix="aa-bench-relevance-") as tmp:
        library = load_library(discover(builtin_packs_dir()), Path(tmp))
        outcomes = []
        for labelled in queries:
            hits = library.search(labelled.query, 10, None, LANGUAGES)
            shown = [library.intent_of(h.entry_id) for h in hits]
            outcomes.append(Outcome(labelled, shown))
        return outcomes


def metrics(quick: bool) -> Iterator[Metric]:
    outcomes = run(read_queries())
    n = len(outcomes)
    hit3 = sum(o.rank is not None and o.rank <= 3 for o in outcomes) / n
    mrr = sum(1 / o.rank for o in outcomes if o.rank is not None) / n
    empty = sum(not o.shown for o in outcomes)
    repeats = sum(len(o.shown[:3]) - len(set(o.shown[:3])) for o in outcomes)
    yield Metric("relevance_hit3", hit3, "share", ">= 0.95")
    yield Metric("relevance_mrr", mrr, "mrr", ">= 0.85")
    yield Metric("relevance_empty", empty, "queries", "<= 0")
    yield Metric("relevance_repeats_top3", repeats, "rows", "<= 0")


def main() -> None:
    outcomes = run(read_queries())
    misses = [o for o in outcomes if o.rank is None or o.rank > 3]
    for o in misses:
        print(
            f"{o.labelled.kind:<10} {o.labelled.query!r:<24} rank={o.rank} "
            f"want={','.join(sorted(o.labelled.intents))} got={','.join(o.shown[:3])}"
        )
    print(f"{len(misses)} of {len(outcomes)} queries miss the first three rows", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
