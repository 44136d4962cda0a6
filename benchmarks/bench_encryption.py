"""Encryption at rest: switching a store on, and reading it through the key.

In-process, with an in-memory keychain (a benchmark must never touch the user's),
timed in CPU seconds of this process, which the machine's load changes far less
than wall-clock time.
"""

from __future__ import annotations

import io
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench_records import _fill_store
from common import Metric, median

METRICS = ("encrypt_on_10k_s", "export_encrypted_10k_s", "export_encrypted_ratio")


def _export_cpu(store: Path, repeats: int) -> float:
    from assistant.notes.export import export_csv

    times = []
    for _ in range(repeats):
        start = time.process_time()
        export_csv(store, io.BytesIO(), raw=True)
        times.append(time.process_time() - start)
    return median(times)


def metrics(quick: bool) -> Iterator[Metric]:
    from assistant.keychain import MemorySecretStore
    from assistant.store import encryption

    keychain = MemorySecretStore()
    encryption.open_keychain = lambda: keychain
    count = 10_000
    repeats = 2 if quick else 5
    with tempfile.TemporaryDirectory(prefix="aa-bench-encryption-") as tmp:
        store = Path(tmp) / "calls.sqlite3"
        _fill_store(store, count)
        plain = _export_cpu(store, repeats)
        start = time.process_time()
        encryption.switch(store, on=True)
        switched = time.process_time() - start
        yield Metric("encrypt_on_10k_s", switched, "s", "<= 10")
        sealed = _export_cpu(store, repeats)
        yield Metric("export_encrypted_10k_s", sealed, "s", "<= 5")
        yield Metric("export_encrypted_ratio", sealed / plain, "ratio", "<= 20")
