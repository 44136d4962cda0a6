"""Local change tracking: the store's triggers queue every changed record."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from assistant.notes.records import save_call, stored_call
from assistant.store.db import Store, open_store
from assistant.store.models import CallSyncState, FollowUp
from assistant.sync.push import PushOutcome
from assistant.sync.tracking import apply_version, mark_pushed, next_batch, pending_count
from assistant.sync.versions import make_version

NOW = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)


def _seqs(store: Store) -> dict[str, int | None]:
    with store.sessions() as session:
        rows = session.execute(select(CallSyncState.call_id, CallSyncState.change_seq))
        return {call_id: seq for call_id, seq in rows}


def test_saving_a_record_or_its_follow_ups_queues_it(store: Store) -> None:
    with store.sessions.begin() as session:
        call = save_call(session, {"request": "退款"}, [{"owner": "王芳", "plan": "回电"}], now=NOW)
        call_id = call.id
    first = _seqs(store)[call_id]
    assert first is not None

    with store.sessions.begin() as session:
        followup = session.scalars(select(FollowUp)).one()
        followup.status = "done"
    second = _seqs(store)[call_id]
    assert second is not None
    assert second > first

    with store.sessions.begin() as session:
        session.delete(session.scalars(select(FollowUp)).one())
    third = _seqs(store)[call_id]
    assert third is not None
    assert third > second


def test_a_push_clears_only_the_change_it_sent(store: Store) -> None:
    with store.sessions.begin() as session:
        one = save_call(session, {"request": "一"}, None, now=NOW).id
        two = save_call(session, {"request": "二"}, None, now=NOW).id
    with store.sessions() as session:
        batch = next_batch(session, 0, 10)
    assert [p.call_id for p in batch] == [one, two]
    # The agent edits record two after it was read for the push.
    with store.sessions.begin() as session:
        save_call(session, {"id": two, "request": "二, 改"}, None, now=NOW)

    outcomes = [PushOutcome(p.call_id, p.change_seq, 1, "created") for p in batch]
    with store.sessions.begin() as session:
        mark_pushed(session, [], outcomes)

    with store.sessions() as session:
        assert pending_count(session) == 1
        [left] = next_batch(session, 0, 10)
    assert left.call_id == two
    assert left.server_rev == 1
    assert left.version is not None
    assert left.version.call["request"] == "二, 改"


def test_applying_the_servers_version_replaces_the_follow_ups(store: Store) -> None:
    with store.sessions.begin() as session:
        call = save_call(
            session,
            {"request": "旧"},
            [{"id": "f-1", "owner": "王芳"}, {"id": "f-2", "owner": "李明"}],
            now=NOW,
        )
        call_id = call.id
    with store.sessions() as session:
        [pending] = next_batch(session, 0, 1)
    assert pending.version is not None
    values = {**pending.version.call, "request": "新"}
    winner = make_version(values, [{**pending.version.followups[1], "owner": "赵六"}])

    with store.sessions.begin() as session:
        apply_version(session, winner)

    with store.sessions() as session:
        found = stored_call(session, call_id)
        assert found is not None
        call, followups = found
        assert call["request"] == "新"
        assert [(f["id"], f["owner"]) for f in followups] == [("f-2", "赵六")]


def test_upgrading_a_store_queues_the_records_it_already_holds(
    tmp_path: Path, make_record: Callable[..., dict[str, Any]]
) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    path = tmp_path / "calls.sqlite3"
    config = Config()
    config.set_main_option(
        "script_location",
        str(Path(__file__).resolve().parents[2] / "assistant" / "store" / "migrations"),
    )
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        for call_id in ("c-1", "c-2"):
            conn.execute(
                "INSERT INTO calls (id, status, created_at, updated_at) VALUES "
                "(?, 'draft', '2024-03-15T06:00:00+00:00', '2024-03-15T06:00:00+00:00')",
                (call_id,),
            )
    conn.close()

    store = open_store(path)
    try:
        with store.sessions() as session:
            assert pending_count(session) == 2
            assert [p.call_id for p in next_batch(session, 0, 10)] == ["c-1", "c-2"]
    finally:
        store.close()


def test_a_change_number_is_never_handed_out_twice(store: Store) -> None:
    """Even once everything is sent, a new change gets a number above every old one."""
    with store.sessions.begin() as session:
        one = save_call(session, {"request": "一"}, None, now=NOW).id
        two = save_call(session, {"request": "二"}, None, now=NOW).id
    with store.sessions() as session:
        batch = next_batch(session, 0, 10)
    highest = max(p.change_seq for p in batch)
    with store.sessions.begin() as session:
        mark_pushed(
            session, [], [PushOutcome(p.call_id, p.change_seq, 1, "created") for p in batch]
        )
        assert pending_count(session) == 0
        save_call(session, {"id": one, "request": "一, 改"}, None, now=NOW)
    assert _seqs(store)[one] == highest + 1
    assert _seqs(store)[two] is None
