"""Daily backups with SQLite's online backup API; restore with checks."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import UserError
from assistant.maintenance.backup import (
    backup_if_due,
    list_backups,
    make_backup,
    prune_backups,
    restore,
)
from assistant.notes.records import save_call
from assistant.paths import Paths
from assistant.settings import Settings
from assistant.store.connect import StoreDamaged
from assistant.store.db import Store, check_damage, open_store
from assistant.store.schema import HEAD_REVISION

SAVED = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)
MORNING = datetime(2024, 3, 15, 9, 0)  # local, naive: how backup names are stamped


def _save(store: Store, notes: str) -> str:
    call_id = str(uuid.uuid4())
    with store.transaction() as session:
        save_call(session, {"id": call_id, "notes": notes}, None, now=SAVED)
    return call_id


def _notes(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT id, notes FROM calls").fetchall())
    finally:
        conn.close()


def test_a_backup_holds_what_is_still_in_the_wal_while_the_store_is_open(
    paths: Paths, store: Store
) -> None:
    call_id = _save(store, "未检查点的记录")
    assert Path(f"{paths.store_file}-wal").stat().st_size > 0  # the row is in the WAL
    backup = make_backup(paths, MORNING)
    assert backup == paths.backups_dir / "calls-20240315T090000.sqlite3"
    assert _notes(backup) == {call_id: "未检查点的记录"}
    assert check_damage(backup, full=True) is None
    assert not Path(f"{backup}-wal").exists()  # one self-contained file
    assert [p.name for p in paths.backups_dir.iterdir()] == [backup.name]
    second = make_backup(paths, MORNING)
    assert second.name == "calls-20240315T090000-2.sqlite3"  # never overwrites


def test_backup_if_due_makes_one_a_day_and_keeps_backup_days(paths: Paths, store: Store) -> None:
    _save(store, "记录")
    settings = Settings(backup_days=3)
    day = MORNING
    made = []
    for offset in range(6):
        now = day + timedelta(days=offset)
        first = backup_if_due(paths, settings, now)
        assert first is not None
        assert backup_if_due(paths, settings, now + timedelta(hours=8)) is None  # same day
        made.append(first)
    # The last prune ran at day 5, 17:00: backups from before day 2, 17:00 are gone.
    assert [b.path for b in list_backups(paths)] == made[-3:]


def test_backup_if_due_is_off_with_zero_days_and_quiet_without_a_store(
    paths: Paths, store: Store
) -> None:
    assert backup_if_due(paths, Settings(backup_days=0), MORNING) is None
    assert not paths.backups_dir.exists()
    store.close()
    for name in ("calls.sqlite3", "calls.sqlite3-wal", "calls.sqlite3-shm"):
        (paths.data_dir / name).unlink(missing_ok=True)
    assert backup_if_due(paths, Settings(), MORNING) is None


def test_pruning_keeps_the_newest_and_files_that_are_not_backups(paths: Paths) -> None:
    paths.backups_dir.mkdir(parents=True)
    old = paths.backups_dir / "calls-20200101T090000.sqlite3"
    older = paths.backups_dir / "calls-20190101T090000.sqlite3"
    mine = paths.backups_dir / "my-copy.sqlite3"
    for path in (old, older, mine):
        path.write_bytes(b"x")
    removed = prune_backups(paths, 7, MORNING)
    assert removed == [older]
    assert old.exists()  # the newest is kept however old it is
    assert mine.exists()


@pytest.mark.parametrize("damage", ["schema", "data pages"])
def test_a_damaged_store_is_not_backed_up(paths: Paths, store: Store, damage: str) -> None:
    """Damaged data pages copy without complaint (the backup API copies pages as
    they are): the quick_check of the copy is what refuses them."""
    with store.transaction() as session:
        for i in range(300):
            values = {"id": str(uuid.uuid4()), "notes": f"记录 {i} " * 30}
            save_call(session, values, None, now=SAVED)
    store.close()
    data = paths.store_file.read_bytes()
    if damage == "schema":
        data = data[:4096] + bytes(len(data) - 4096)
    else:
        data = data[: -3 * 4096] + bytes(3 * 4096)
    paths.store_file.write_bytes(data)
    with pytest.raises(StoreDamaged, match="damaged"):
        make_backup(paths, MORNING)
    assert list(paths.backups_dir.iterdir()) == []  # no partial or damaged backup left


def test_restore_brings_a_backup_back_and_keeps_the_current_store_aside(
    paths: Paths, store: Store
) -> None:
    before = _save(store, "备份前")
    backup = make_backup(paths, MORNING)
    after = _save(store, "备份后")
    store.close()
    current = paths.store_file.read_bytes()
    result = restore(paths, backup, datetime(2024, 3, 16, 10, 0))
    assert result.kept_aside == paths.data_dir / "calls.sqlite3.before-restore-20240316T100000"
    assert result.revision == HEAD_REVISION
    assert _notes(paths.store_file) == {before: "备份前"}
    assert _notes(result.kept_aside) == {before: "备份前", after: "备份后"}
    assert len(result.kept_aside.read_bytes()) == len(current)
    assert backup.exists()  # the backup itself is untouched
    reopened = open_store(paths.store_file)
    _save(reopened, "恢复后可以继续保存")
    reopened.close()


def test_restore_refuses_a_damaged_file(paths: Paths, store: Store, tmp_path: Path) -> None:
    _save(store, "记录")
    backup = make_backup(paths, MORNING)
    broken = tmp_path / "broken.sqlite3"
    data = backup.read_bytes()
    broken.write_bytes(data[: len(data) // 2 // 4096 * 4096 or 4096])
    store.close()
    current = paths.store_file.read_bytes()
    with pytest.raises(UserError, match="damaged"):
        restore(paths, broken)
    assert paths.store_file.read_bytes() == current
    assert not any("before-restore" in p.name for p in paths.data_dir.iterdir())


def test_restore_refuses_a_newer_store_and_a_stranger(
    paths: Paths, store: Store, tmp_path: Path
) -> None:
    _save(store, "记录")
    newer = make_backup(paths, MORNING)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="newer version of Agent Assist") as info:
        restore(paths, newer)
    assert info.value.exit_status == 3
    stranger = tmp_path / "accounts.sqlite3"
    conn = sqlite3.connect(stranger)
    conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="not an Agent Assist store"):
        restore(paths, stranger)
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(UserError, match="not an Agent Assist store"):
        restore(paths, text)
    with pytest.raises(UserError, match="no such file"):
        restore(paths, tmp_path / "missing.sqlite3")
    assert not any("before-restore" in p.name for p in paths.data_dir.iterdir())


def test_restore_upgrades_an_older_backup(paths: Paths, tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    old = tmp_path / "old.sqlite3"
    config = Config()
    config.set_main_option(
        "script_location",
        str(Path(__file__).resolve().parents[2] / "assistant" / "store" / "migrations"),
    )
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    result = restore(paths, old)
    assert result.revision == "0001"
    assert result.kept_aside is None  # there was no store to keep
    conn = sqlite3.connect(paths.store_file)
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()
    assert version == HEAD_REVISION


def test_backup_and_restore_on_the_command_line(
    paths: Paths, store: Store, cli: Callable[..., Any]
) -> None:
    call_id = _save(store, "命令行")
    store.close()
    made = cli("backup")
    assert made.status == 0, made.errors
    backup = Path(made.text.strip())
    assert backup.parent == paths.backups_dir
    assert _notes(backup) == {call_id: "命令行"}
    restored = cli("restore", str(backup))
    assert restored.status == 0, restored.errors
    assert "restored" in restored.text
    assert "the previous store was kept as" in restored.errors
    refused = cli("restore", str(paths.store_file))
    assert refused.status == 1
    assert "this is the store itself" in refused.errors
    shutil.rmtree(paths.backups_dir)
    missing = cli("restore", str(backup))
    assert missing.status == 1
    assert "no such file" in missing.errors
