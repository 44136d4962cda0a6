"""A 10,000-record push through killed connections and a server restart."""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, event

from assistant.sync.service import RetryPolicy
from assistant.sync.tracking import next_batch
from testsupport.postgres import PostgresServer
from testsupport.records import write_sample_records

Sql = Callable[..., list[tuple[Any, ...]]]
RECORDS = 10_000


class Saboteur:
    """Kills the sync's server connection before chosen statements, and restarts once.

    The points are drawn at random (the seed is in every failure message) among the
    statements and commits the sync sends from its first push statement on; each
    kill waits until the server process has really gone, so the statement or commit
    about to be sent meets a dead connection.
    """

    def __init__(self, server: PostgresServer, seed: int) -> None:
        rng = random.Random(seed)
        self.server = server
        self.seed = seed
        self.kill_at = set(rng.sample(range(2, 80), 8))
        self.restart_at = rng.choice([n for n in range(5, 40) if n not in self.kill_at])
        self.seen = 0
        self.kills = 0
        self.restarts = 0
        self._admin: Any = None

    def _admin_conn(self) -> Any:
        if self._admin is None or self._admin.closed:
            self._admin = self.server.admin()
        return self._admin

    def close(self) -> None:
        if self._admin is not None:
            self._admin.close()

    def strike(self, conn: Any, statement: str = "") -> None:
        if conn.engine.dialect.name != "postgresql":
            return
        if not self.seen and "FOR UPDATE" not in statement:
            return  # not pushing yet (the round's schema check)
        self.seen += 1
        if self.seen == self.restart_at:
            self.restarts += 1
            self.close()
            self.server.restart()
        elif self.seen in self.kill_at:
            pid = conn.connection.dbapi_connection.info.backend_pid
            self._admin_conn().execute("SELECT pg_terminate_backend(%s, 10000)", (pid,))
            self.kills += 1

    def before_execute(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.strike(conn, statement)

    def before_commit(self, conn: Any) -> None:
        self.strike(conn)


@pytest.fixture
def saboteur(pg_server: PostgresServer) -> Iterator[Saboteur]:
    seed = int(os.environ.get("AGENT_ASSIST_FAULT_SEED") or random.randrange(1_000_000))
    saboteur = Saboteur(pg_server, seed)
    yield saboteur
    saboteur.close()


@pytest.mark.slow
def test_no_record_is_lost_or_duplicated_when_the_network_misbehaves(
    machine: Callable[..., Any],
    saboteur: Saboteur,
    server_sql: Sql,
) -> None:
    # More attempts than faults: even if every fault hits one batch, it goes through.
    a = machine("a", retry=RetryPolicy(attempts=12, first_delay_s=0.001, max_delay_s=0.01))
    # A first round creates the schema, so the faults fall on the push itself.
    assert a.run().state == "ok"
    ids = write_sample_records(a.paths.store_file, RECORDS, seed=saboteur.seed)

    event.listen(Engine, "before_cursor_execute", saboteur.before_execute)
    event.listen(Engine, "commit", saboteur.before_commit)
    try:
        first = a.run()
    finally:
        event.remove(Engine, "before_cursor_execute", saboteur.before_execute)
        event.remove(Engine, "commit", saboteur.before_commit)
    why = f"seed {saboteur.seed}: {first.state}, {first.errors}"
    assert first.state == "ok", why
    assert saboteur.restarts == 1, why
    assert saboteur.kills == 8, why

    second = a.run()

    assert second.state == "ok", why + f"; then {second.errors}"
    assert second.pending == 0, why
    assert second.conflicts == [] == first.conflicts, why
    assert server_sql("SELECT count(*), count(DISTINCT id) FROM agent_assist.calls") == [
        (RECORDS, RECORDS)
    ], why
    assert {row[0] for row in server_sql("SELECT id FROM agent_assist.calls")} == set(ids), why
    assert server_sql("SELECT count(*) FROM agent_assist.followups") == [(RECORDS,)], why
    assert server_sql("SELECT count(*) FROM agent_assist.sync_conflicts") == [(0,)], why
    assert server_sql("SELECT max(rev) FROM agent_assist.calls") == [(1,)], why
    # Every record arrived whole: the server's content hash is the one computed here.
    hashes = dict(server_sql("SELECT id, content_hash FROM agent_assist.calls"))
    assert hashes == _local_hashes(a), why


def _local_hashes(machine: Any) -> dict[str, str]:
    from assistant.sync.tracking import mark_all_changed

    with machine.store.sessions() as session:
        mark_all_changed(session)  # queue everything to read it all the sync's way ...
        batch = next_batch(session, 0, RECORDS * 2)
        session.rollback()  # ... then leave the queue as it was
    return {p.call_id: p.version.content_hash for p in batch if p.version is not None}
