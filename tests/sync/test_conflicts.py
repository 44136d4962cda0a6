"""The same record changed on two machines: the newest ``updated_at`` wins."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import update

from assistant.notes.records import stored_call
from assistant.store.models import CallSyncState
from assistant.sync import tracking
from assistant.sync.state import load_state
from assistant.sync.tracking import pending_count

Sql = Callable[..., list[tuple[Any, ...]]]


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2024-03-15T{hhmm}:00+00:00")


@pytest.fixture
def shared(
    machine: Callable[..., Any], make_record: Callable[..., dict[str, Any]]
) -> tuple[Any, Any, dict[str, Any]]:
    """Machines a and b both hold one record that is already on the server."""
    a, b = machine("a"), machine("b")
    record = make_record()
    a.import_records([record])
    b.import_records([record])
    assert a.run().records_pushed == 1
    assert b.run().records_unchanged == 1  # the same import: nothing to settle
    return a, b, record


def test_the_newer_edit_wins_and_the_older_is_kept_in_the_conflict_list(
    shared: tuple[Any, Any, dict[str, Any]], server_sql: Sql
) -> None:
    a, b, record = shared
    a.edit(record["id"], at("15:00"), outcome="A: 已退款")
    b.edit(record["id"], at("15:05"), outcome="B: 已退款并补偿优惠券")
    assert a.run().conflicts == []

    result = b.run()

    assert result.state == "ok", result.errors
    assert result.records_pushed == 1
    [conflict] = result.conflicts
    assert conflict.call_id == record["id"]
    assert conflict.kept == "this machine"
    assert (conflict.local_updated_at, conflict.server_updated_at) == (at("15:05"), at("15:00"))
    assert server_sql("SELECT outcome, rev FROM agent_assist.calls") == [
        ("B: 已退款并补偿优惠券", 3)
    ]
    [(lost, lost_by, lost_from, won_at)] = server_sql(
        "SELECT lost_version, lost_by, lost_from, won_updated_at FROM agent_assist.sync_conflicts"
    )
    assert lost["call"]["outcome"] == "A: 已退款"
    assert lost["call"]["updated_at"] == "2024-03-15T15:00:00+00:00"
    assert len(lost["followups"]) == 2
    assert lost_by == "agent"
    assert lost_from == load_state(a.sync.config.state_file).machine_id
    assert won_at == at("15:05")


def test_the_older_edit_loses_and_this_machine_takes_the_servers_version(
    shared: tuple[Any, Any, dict[str, Any]], server_sql: Sql
) -> None:
    a, b, record = shared
    b.edit(record["id"], at("15:00"), outcome="B: 旧的处理结果")
    a.edit(record["id"], at("15:05"), outcome="A: 新的处理结果")
    a.run()

    result = b.run()

    [conflict] = result.conflicts
    assert conflict.kept == "server"
    assert result.records_pushed == 0
    assert server_sql("SELECT outcome FROM agent_assist.calls") == [("A: 新的处理结果",)]
    [(lost,)] = server_sql("SELECT lost_version FROM agent_assist.sync_conflicts")
    assert lost["call"]["outcome"] == "B: 旧的处理结果"
    with b.store.sessions() as session:
        found = stored_call(session, record["id"])
        assert found is not None
        call, followups = found
        assert call["outcome"] == "A: 新的处理结果"
        assert call["updated_at"] == at("15:05")
        assert len(followups) == 2
        assert pending_count(session) == 0
    # Nothing is left to settle: the next round moves nothing.
    again = b.run()
    assert (again.records_pushed, again.records_unchanged, again.conflicts) == (0, 0, [])


def test_a_conflict_sent_twice_is_recorded_once(
    shared: tuple[Any, Any, dict[str, Any]], server_sql: Sql, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, record = shared
    b.edit(record["id"], at("15:00"), outcome="B")
    a.edit(record["id"], at("15:05"), outcome="A")
    a.run()
    real = tracking.mark_pushed

    def lose_the_answer(*_args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(tracking, "mark_pushed", lose_the_answer)
    with pytest.raises(KeyboardInterrupt):
        b.run()
    monkeypatch.setattr(tracking, "mark_pushed", real)

    result = b.run()

    assert [c.kept for c in result.conflicts] == ["server"]
    assert server_sql("SELECT count(*) FROM agent_assist.sync_conflicts") == [(1,)]


def test_conflicts_are_reported_on_the_command_line(
    shared: tuple[Any, Any, dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.sync.cli import report

    a, b, record = shared
    a.edit(record["id"], at("15:05"), outcome="A")
    b.edit(record["id"], at("15:00"), outcome="B")
    a.run()

    status = report(b.run())

    out = capsys.readouterr().out
    assert status == 0
    assert f"conflict: record {record['id']}: kept the server's version" in out
    assert "1 conflict(s)" in out


def test_two_machines_sending_the_same_new_record_at_once(
    machine: Callable[..., Any],
    make_record: Callable[..., dict[str, Any]],
    server_sql: Sql,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """b's insert waits on a's uncommitted one, fails to serialise, and is retried."""
    import threading
    import time

    from assistant.sync import push

    a, b = machine("a"), machine("b")
    record = make_record()
    a.import_records([record])
    b.import_records([record])
    b.edit(record["id"], at("15:00"), outcome="B")
    a.run()  # schema in place, record on the server ...
    server_sql("DELETE FROM agent_assist.calls")  # ... and gone again: new to both
    for m in (a, b):
        with m.store.sessions.begin() as session:
            tracking.mark_all_changed(session)
            session.execute(update(CallSyncState).values(server_rev=None))
    real = push.push_batch
    results: list[Any] = []
    b_thread = threading.Thread(target=lambda: results.append(b.run()))

    def b_is_waiting_for_a_lock() -> bool:
        rows = server_sql(
            "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND application_name = 'agent-assist'"
        )
        return bool(rows)

    def a_holds_its_transaction_open(*args: Any, **kwargs: Any) -> Any:
        outcomes = real(*args, **kwargs)  # a's rows are written, not yet committed
        if not b_thread.is_alive() and not results:
            b_thread.start()
            deadline = time.monotonic() + 30
            while not b_is_waiting_for_a_lock():
                assert time.monotonic() < deadline, "b never waited for a's row"
                threading.Event().wait(0.01)  # poll interval
        return outcomes

    monkeypatch.setattr(push, "push_batch", a_holds_its_transaction_open)
    a_result = a.run()
    b_thread.join(timeout=60)

    [b_result] = results
    assert a_result.state == b_result.state == "ok", (a_result.errors, b_result.errors)
    assert a_result.records_pushed == 1
    assert [c.kept for c in b_result.conflicts] == ["this machine"]  # b's edit is newer
    assert server_sql("SELECT count(*), min(outcome) FROM agent_assist.calls") == [(1, "B")]
    assert server_sql("SELECT count(*) FROM agent_assist.sync_conflicts") == [(1,)]
