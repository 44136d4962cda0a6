"""A busy store, and several processes writing one store: nothing lost or doubled."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import UserError
from assistant.notes.records import save_call
from assistant.paths import Paths
from assistant.store.connect import StoreBusy
from assistant.store.db import Store, check_damage, open_store

NOW = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)


def _calls(path: Path) -> dict[str, str | None]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT id, notes FROM calls").fetchall())
    finally:
        conn.close()


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another program in the middle of a write: BEGIN IMMEDIATE and a pending insert."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute(
        "INSERT INTO calls (id, status, notes, created_at, updated_at) VALUES "
        "('00000000-0000-4000-8000-000000000001', 'draft', '另一程序', "
        "'2024-03-15T06:00:00+00:00', '2024-03-15T06:00:00+00:00')"
    )
    return holder


def test_a_locked_store_gives_a_clear_message_and_the_edit_can_be_saved_after(
    paths: Paths, store: Store
) -> None:
    store.close()
    impatient = open_store(paths.store_file, busy_timeout_ms=100)
    values = {"id": str(uuid.uuid4()), "notes": "客户要求明天10点前回电", "request": "退款"}
    holder = _hold_write_lock(paths.store_file)
    try:
        with (
            pytest.raises(StoreBusy, match="busy in another program; try again"),
            impatient.transaction() as session,
        ):
            save_call(session, values, None, now=NOW)
        assert isinstance(StoreBusy("x"), UserError)
        holder.execute("COMMIT")
    finally:
        holder.close()
    assert values["notes"] == "客户要求明天10点前回电"  # the caller still has the edit
    assert values["id"] not in _calls(paths.store_file)  # and nothing half written
    with impatient.transaction() as session:
        save_call(session, values, None, now=NOW)
    impatient.close()
    saved = _calls(paths.store_file)
    assert saved[values["id"]] == "客户要求明天10点前回电"
    assert saved["00000000-0000-4000-8000-000000000001"] == "另一程序"
    assert check_damage(paths.store_file, full=True) is None


def test_a_save_waits_for_a_short_lock_instead_of_failing(paths: Paths, store: Store) -> None:
    """The lock is released only once the save has reached its INSERT (seen through
    SQLite's trace callback), so the save must wait through the busy timeout."""
    from sqlalchemy import event

    reached_insert = threading.Event()

    def trace(dbapi_connection: Any, _record: object) -> None:
        def seen(statement: str) -> None:
            if statement.lstrip().upper().startswith("INSERT INTO CALLS"):
                reached_insert.set()

        dbapi_connection.set_trace_callback(seen)

    store.engine.dispose()
    event.listen(store.engine, "connect", trace)
    holder = _hold_write_lock(paths.store_file)
    values = {"id": str(uuid.uuid4()), "notes": "等待锁释放"}
    errors: list[BaseException] = []

    def save() -> None:
        try:
            with store.transaction() as session:
                save_call(session, values, None, now=NOW)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    saver = threading.Thread(target=save)
    saver.start()
    try:
        assert reached_insert.wait(timeout=20)
        holder.execute("COMMIT")
    finally:
        holder.close()
        saver.join(timeout=60)
    assert errors == []
    saved = _calls(paths.store_file)
    assert saved[values["id"]] == "等待锁释放"
    assert "00000000-0000-4000-8000-000000000001" in saved


def _import_file(path: Path, count: int, tag: str) -> dict[str, str]:
    records = {}
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            record_id = str(uuid.uuid4())
            records[record_id] = f"{tag} {i}"
            line = {
                "id": record_id,
                "status": "draft",
                "notes": f"{tag} {i}",
                "followups": [{"id": str(uuid.uuid4()), "plan": f"{tag} 回电 {i}"}],
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return records


def test_the_panel_and_imports_write_one_store_at_once_and_lose_nothing(
    paths: Paths, store: Store, tmp_path: Path, make_record: Callable[..., dict[str, Any]]
) -> None:
    """A save loop like the panel's (new records plus one draft autosaved over and
    over) runs while three ``agent-assist import`` processes write the same store:
    two import the same file (idempotent on id), one another file."""
    first = _import_file(tmp_path / "first.jsonl", 1500, "导入甲")
    second = _import_file(tmp_path / "second.jsonl", 1500, "导入乙")
    command = [sys.executable, "-m", "assistant", "--data-dir", str(paths.data_dir), "import"]
    imports = [
        subprocess.Popen(
            [*command, str(tmp_path / name)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first.jsonl", "second.jsonl", "first.jsonl")
    ]
    saved: dict[str, str] = {}
    draft_id = str(uuid.uuid4())
    autosaves = 0
    while any(p.poll() is None for p in imports) or len(saved) < 50:
        record_id = str(uuid.uuid4())
        notes = f"面板保存 {len(saved)}"
        with store.transaction() as session:
            save_call(session, {"id": record_id, "notes": notes}, None, now=NOW)
        saved[record_id] = notes
        with store.transaction() as session:
            save_call(session, {"id": draft_id, "notes": f"草稿 {autosaves}"}, None, now=NOW)
        autosaves += 1
    for process in imports:
        out, err = process.communicate()
        assert process.returncode == 0, err
        assert "imported 1500 record(s)" in out
    store.close()

    stored = _calls(paths.store_file)
    expected = {**first, **second, **saved, draft_id: f"草稿 {autosaves - 1}"}
    assert stored == expected  # every record once, with the text it was saved with
    conn = sqlite3.connect(paths.store_file)
    try:
        followups = conn.execute("SELECT count(*), count(DISTINCT id) FROM followups").fetchone()
    finally:
        conn.close()
    assert followups == (3000, 3000)
    assert check_damage(paths.store_file, full=True) is None


def test_threads_opening_a_new_store_together_all_get_a_working_store(tmp_path: Path) -> None:
    # The panel's lane and its team sync can open the store at the same moment (a long
    # backup before an upgrade outlasts the sync's start-up delay): each gets the store
    # at the head revision, migrated once.
    path = tmp_path / "calls.sqlite3"
    start = threading.Barrier(4)
    opened: list[Store] = []
    failed: list[BaseException] = []

    def open_it() -> None:
        start.wait()
        try:
            opened.append(open_store(path))
        except BaseException as exc:
            failed.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failed == []
    assert len(opened) == 4
    with opened[0].transaction() as session:
        save_call(session, {"id": str(uuid.uuid4()), "request": "退款"}, None, now=NOW)
    for store in opened:
        with store.transaction() as session:
            assert session.connection().exec_driver_sql("SELECT count(*) FROM calls").scalar() == 1
        store.close()
