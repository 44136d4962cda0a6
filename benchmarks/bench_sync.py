"""Team-sync metrics against a throwaway local PostgreSQL server.

sync_push_10k_s: one round that sends 10,000 records (each with a follow-up) to
an empty server, connection set-up included. sync_incremental_ms: one round
after one record changed, on a warm connection (the panel keeps its TeamSync).
The server is started the way the tests start it (testsupport.postgres), with
fsync on, as a real server would run.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import Metric, median

METRICS = ("sync_push_10k_s", "sync_incremental_ms")
RECORDS = 10_000


def metrics(quick: bool) -> Iterator[Metric]:
    from assistant.keychain import MemorySecretStore
    from assistant.notes.records import save_call
    from assistant.store.db import open_store
    from assistant.store.timefmt import utc_now
    from assistant.sync.connection import parse_server_url
    from assistant.sync.service import SyncConfig, TeamSync
    from testsupport.postgres import PostgresServer
    from testsupport.records import write_sample_records

    with (
        tempfile.TemporaryDirectory(prefix="aa-bench-sync-") as tmp,
        PostgresServer.start(durable=True) as server,
    ):
        server.create_role("agent", "bench-password")
        server.create_database("team", "agent")
        url = server.url("agent", "team")
        secrets = MemorySecretStore()
        secrets.set(parse_server_url(url).account, "bench-password")
        data = Path(tmp)
        ids = write_sample_records(data / "calls.sqlite3", RECORDS)
        store = open_store(data / "calls.sqlite3")
        config = SyncConfig(url, data / "team-packs", data / "sync-state.json")
        try:
            with TeamSync(store.sessions, config, secrets, utc_now) as sync:
                started = time.perf_counter()
                result = sync.run()
                elapsed = time.perf_counter() - started
                if not result.ok or result.records_pushed != RECORDS:
                    raise RuntimeError(f"the push went wrong: {result.errors}")
                yield Metric("sync_push_10k_s", elapsed, "s", "<= 5")

                samples = []
                when = datetime(2025, 1, 1, tzinfo=UTC)
                for i in range(10 if quick else 40):
                    when += timedelta(minutes=1)
                    with store.sessions.begin() as session:
                        save_call(session, {"id": ids[i], "notes": f"回访 {i}"}, None, now=when)
                    started = time.perf_counter()
                    result = sync.run()
                    samples.append(time.perf_counter() - started)
                    if result.records_pushed != 1:
                        raise RuntimeError(f"the incremental round went wrong: {result.errors}")
                yield Metric("sync_incremental_ms", median(samples) * 1000, "ms", "<= 100")
        finally:
            store.close()
