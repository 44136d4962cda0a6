"""Playbook metrics: loading 10,000 entries from a warm cache."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from common import Metric, median
from packgen import write_pack

METRICS = ("pack_load_ms_10k_cached",)


def metrics(quick: bool) -> Iterator[Metric]:
    from assistant.paths import builtin_packs_dir
    from assistant.playbooks.library import discover, load_library

    with tempfile.TemporaryDirectory(prefix="aa-bench-packs-") as tmp:
        user = Path(tmp) / "packs"
        write_pack(user / "generated.yaml", 10_000)
        cache = Path(tmp) / "cache"
        sources = discover(builtin_packs_dir(), user)
        load_library(sources, cache)  # cold: parse and build the index once
        samples = []
        for _ in range(5 if quick else 20):
            started = time.perf_counter()
            library = load_library(sources, cache)
            samples.append(time.perf_counter() - started)
            assert library.from_cache
            assert len(library.entries) > 10_000
        yield Metric("pack_load_ms_10k_cached", median(samples) * 1000, "ms", "<= 50")
