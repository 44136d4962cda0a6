"""Team sync from a store with encryption at rest on: the server gets plain text (it is
the centre's own PostgreSQL, behind its own login), the local file keeps it encrypted."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from assistant.keychain import MemorySecretStore
from assistant.notes.records import stored_call
from assistant.store import encryption
from assistant.store.db import open_store
from assistant.store.timefmt import utc_now
from assistant.sync.service import TeamSync

Sql = Callable[..., list[tuple[Any, ...]]]
NAME = "欧阳娜娜"


def _encrypt(machine: Any, secrets: MemorySecretStore) -> None:
    """Switch the machine's store on (as ``agent-assist encrypt --on`` does, panel closed)."""
    machine.close()
    encryption.switch(machine.paths.store_file, on=True, keychain=lambda: secrets)
    machine.store = open_store(machine.paths.store_file)
    machine.sync = TeamSync(machine.store.sessions, machine.sync.config, secrets, utc_now)


def _sealed_names(machine: Any) -> list[bool]:
    with sqlite3.connect(machine.paths.store_file) as conn:
        rows = conn.execute("SELECT customer_name, notes FROM calls").fetchall()
    return [encryption.is_sealed(v) for row in rows for v in row]


@pytest.fixture
def keychain(monkeypatch: pytest.MonkeyPatch, secrets: MemorySecretStore) -> MemorySecretStore:
    monkeypatch.setattr(encryption, "open_keychain", lambda: secrets)
    return secrets


def test_an_encrypted_store_pushes_plain_text(
    machine: Callable[..., Any],
    make_record: Callable[..., dict[str, Any]],
    server_sql: Sql,
    keychain: MemorySecretStore,
) -> None:
    a = machine("a")
    records = [make_record(customer_name=NAME), make_record()]
    a.import_records(records)
    _encrypt(a, keychain)
    assert all(_sealed_names(a))

    result = a.run()

    assert result.state == "ok", result.errors
    assert (result.records_pushed, result.followups_pushed) == (2, 4)
    rows = server_sql(
        "SELECT customer_name, customer_contact, notes FROM agent_assist.calls WHERE id = %s",
        (records[0]["id"],),
    )
    assert rows == [(NAME, records[0]["customer_contact"], records[0]["notes"])]
    plans = server_sql("SELECT plan FROM agent_assist.followups ORDER BY plan")
    assert sorted(p for (p,) in plans) == sorted(f["plan"] for r in records for f in r["followups"])
    # The same content as a plain machine's: nothing is sent twice.
    b = machine("b")
    b.import_records(records)
    assert b.run().records_unchanged == 2


def test_a_lost_conflict_takes_the_servers_version_encrypted(
    machine: Callable[..., Any],
    make_record: Callable[..., dict[str, Any]],
    keychain: MemorySecretStore,
) -> None:
    a, b = machine("a"), machine("b")
    record = make_record()
    a.import_records([record])
    b.import_records([record])
    assert a.run().records_pushed == 1
    _encrypt(b, keychain)
    assert b.run().records_unchanged == 1
    b.edit(record["id"], datetime.fromisoformat("2024-03-15T15:00:00+00:00"), notes="B 旧")
    a.edit(record["id"], datetime.fromisoformat("2024-03-15T15:05:00+00:00"), notes="A 新的备注")
    a.run()

    result = b.run()

    assert [c.kept for c in result.conflicts] == ["server"]
    with b.store.sessions() as session:
        found = stored_call(session, record["id"])
    assert found is not None
    assert found[0]["notes"] == "A 新的备注"
    assert all(_sealed_names(b))
