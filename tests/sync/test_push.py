"""Records up: created, edited, sent again, and an answer lost on the way back."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from assistant.sync import push, tracking
from assistant.sync.state import load_state
from assistant.sync.tracking import pending_count

Sql = Callable[..., list[tuple[Any, ...]]]


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2024-03-15T{hhmm}:00+00:00")


def test_first_sync_creates_the_schema_and_sends_every_record(
    machine: Callable[..., Any], make_record: Callable[..., dict[str, Any]], server_sql: Sql
) -> None:
    a = machine("a")
    records = [make_record() for _ in range(3)]
    a.import_records(records)

    result = a.run()

    assert result.state == "ok", result.errors
    assert (result.records_pushed, result.followups_pushed, result.pending) == (3, 6, 0)
    assert result.conflicts == []
    assert server_sql("SELECT version FROM agent_assist.schema_version ORDER BY 1") == [
        (1,),
        (2,),
        (3,),
    ]
    assert server_sql("SELECT count(*), count(DISTINCT id) FROM agent_assist.calls") == [(3, 3)]
    assert server_sql("SELECT count(*) FROM agent_assist.followups") == [(6,)]
    first = records[0]
    row = server_sql(
        "SELECT status, started_at, customer_contact, notes, tags, templates_used, rev, "
        "pushed_by FROM agent_assist.calls WHERE id = %s",
        (first["id"],),
    )[0]
    assert row == (
        "final",
        datetime(2024, 3, 15, 6, 0, tzinfo=UTC),
        "+86 138 0013 8000",
        first["notes"],
        ["升级", "企业版"],
        ["zh.commit.callback"],
        1,
        "agent",
    )
    owners = server_sql(
        "SELECT owner, due_at FROM agent_assist.followups WHERE call_id = %s ORDER BY due_at",
        (first["id"],),
    )
    assert owners == [
        ("技术支持", datetime(2024, 3, 20, 10, 0, tzinfo=UTC)),
        ("工程部", datetime(2024, 3, 25, 10, 0, tzinfo=UTC)),
    ]


def test_a_second_sync_sends_nothing_and_an_edit_goes_up_as_an_update(
    machine: Callable[..., Any], make_record: Callable[..., dict[str, Any]], server_sql: Sql
) -> None:
    a = machine("a")
    record = make_record()
    a.import_records([record])
    assert a.run().records_pushed == 1

    again = a.run()
    assert (again.records_pushed, again.records_unchanged, again.pending) == (0, 0, 0)

    a.edit(record["id"], at("15:00"), outcome="已升级完成")
    result = a.run()
    assert (result.records_pushed, result.conflicts) == (1, [])
    rows = server_sql("SELECT outcome, rev FROM agent_assist.calls WHERE id = %s", (record["id"],))
    assert rows == [("已升级完成", 2)]


def test_sending_everything_again_changes_nothing_on_the_server(
    machine: Callable[..., Any],
    make_record: Callable[..., dict[str, Any]],
    server_sql: Sql,
) -> None:
    a = machine("a")
    a.import_records([make_record() for _ in range(4)])
    a.run()
    before = server_sql(
        "SELECT id, rev, content_hash, pushed_at FROM agent_assist.calls ORDER BY id"
    )

    with a.store.sessions.begin() as session:
        assert tracking.mark_all_changed(session) == 4
    result = a.run()

    assert (result.records_pushed, result.records_unchanged, result.conflicts) == (0, 4, [])
    after = server_sql(
        "SELECT id, rev, content_hash, pushed_at FROM agent_assist.calls ORDER BY id"
    )
    assert after == before
    assert server_sql("SELECT count(*) FROM agent_assist.followups") == [(8,)]


def test_a_removed_follow_up_is_removed_on_the_server(
    machine: Callable[..., Any], make_record: Callable[..., dict[str, Any]], server_sql: Sql
) -> None:
    from assistant.store.models import CallRecord

    a = machine("a")
    record = make_record()
    a.import_records([record])
    a.run()
    with a.store.sessions.begin() as session:
        call = session.get(CallRecord, record["id"])
        assert call is not None
        call.followups.pop()
        call.updated_at = at("16:00")

    assert a.run().records_pushed == 1
    assert server_sql("SELECT owner FROM agent_assist.followups") == [("技术支持",)]


def test_a_lost_answer_neither_duplicates_nor_conflicts(
    machine: Callable[..., Any],
    make_record: Callable[..., dict[str, Any]],
    server_sql: Sql,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The server committed the batch, but this machine never learnt it (crash, cut cable)."""
    a = machine("a", batch_size=2)
    a.import_records([make_record() for _ in range(5)])
    real = tracking.mark_pushed
    calls = {"n": 0}

    def crash_on_second_batch(*args: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process dies after the server's commit
        real(*args)

    monkeypatch.setattr(tracking, "mark_pushed", crash_on_second_batch)
    with pytest.raises(KeyboardInterrupt):
        a.run()
    monkeypatch.setattr(tracking, "mark_pushed", real)
    with a.store.sessions() as session:
        assert pending_count(session) == 3  # the second batch went up but is not noted

    result = a.run()

    assert result.state == "ok", result.errors
    assert (result.records_pushed, result.records_unchanged, result.conflicts) == (1, 2, [])
    assert server_sql("SELECT count(*), max(rev) FROM agent_assist.calls") == [(5, 1)]
    assert server_sql("SELECT count(*) FROM agent_assist.sync_conflicts") == [(0,)]


def test_an_edit_made_while_its_batch_is_on_the_way_is_not_taken_for_sent(
    machine: Callable[..., Any],
    make_record: Callable[..., dict[str, Any]],
    server_sql: Sql,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = machine("a")
    record = make_record()
    a.import_records([record])
    real = push.push_batch
    edits: list[str] = []

    def agent_types_meanwhile(*args: Any, **kwargs: Any) -> Any:
        outcomes = real(*args, **kwargs)
        if not edits:
            edits.append(record["id"])
            a.edit(record["id"], at("17:00"), notes="补充：客户已确认")
        return outcomes

    monkeypatch.setattr(push, "push_batch", agent_types_meanwhile)
    result = a.run()

    # The first version went up; the edit stayed queued and went up in the same round.
    assert (result.records_pushed, result.pending, result.conflicts) == (2, 0, [])
    rows = server_sql("SELECT notes, rev FROM agent_assist.calls")
    assert rows == [("补充：客户已确认", 2)]


def test_a_record_deleted_here_is_dropped_from_the_queue(
    machine: Callable[..., Any], make_record: Callable[..., dict[str, Any]], server_sql: Sql
) -> None:
    from assistant.store.models import CallRecord

    a = machine("a")
    keep, drop = make_record(), make_record()
    a.import_records([keep, drop])
    with a.store.sessions.begin() as session:
        call = session.get(CallRecord, drop["id"])
        session.delete(call)

    result = a.run()

    assert (result.records_pushed, result.pending) == (1, 0)
    assert server_sql("SELECT id FROM agent_assist.calls") == [(keep["id"],)]


def test_the_last_sync_time_and_error_are_kept_in_the_data_dir(
    machine: Callable[..., Any], make_record: Callable[..., dict[str, Any]]
) -> None:
    a = machine("a")
    a.import_records([make_record()])
    result = a.run()

    state = load_state(a.sync.config.state_file)
    assert result.last_sync_at is not None
    assert state.last_sync_at == result.last_sync_at == result.started_at
    assert state.last_error == ""
    raw = json.loads(a.sync.config.state_file.read_text(encoding="utf-8"))
    assert set(raw) == {
        "machine_id",
        "last_sync_at",
        "last_attempt_at",
        "last_error",
        "packs",
        "erased_seq",
    }


def test_sync_on_the_command_line_prints_what_moved(
    logged_in: Any,
    cli: Any,
    write_jsonl: Callable[..., Any],
    make_record: Callable[..., dict[str, Any]],
    server_sql: Sql,
) -> None:
    assert cli("import", str(write_jsonl([make_record(), make_record()]))).status == 0

    result = cli("sync")

    assert result.status == 0, result.errors
    assert result.text.strip() == "sent 2 record(s) with 4 follow-up(s); team packs up to date"
    assert result.errors == ""
    assert server_sql("SELECT count(*) FROM agent_assist.calls") == [(2,)]
    again = cli("sync", "--push-all")
    assert again.status == 0
    assert again.text.startswith("sent 0 record(s) with 0 follow-up(s), 2 already on the server")
