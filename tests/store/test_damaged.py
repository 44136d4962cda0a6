"""A damaged, full or read-only store: detected, moved aside (never deleted), explained."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import CannotWrite, UserError
from assistant.notes.records import save_call
from assistant.paths import Paths
from assistant.store import db
from assistant.store.connect import StoreDamaged
from assistant.store.db import (
    Store,
    check_damage,
    in_use_elsewhere,
    open_store,
    open_store_or_recover,
)
from tests.conftest import fill_store

NOW = datetime(2024, 3, 15, 14, 0, 5)
SAVED = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)


def _files(folder: Path) -> set[str]:
    # The command's own log folder aside: what matters is that no store file moved.
    return {p.name for p in folder.iterdir() if p.name != "logs"}


def _damaged_copy(paths: Paths, store: Store, how: str) -> bytes:
    """Fill the store, close it, damage the file; return the damaged bytes."""
    fill_store(store, 400)
    store.close()
    path = paths.store_file
    data = path.read_bytes()
    page = 4096
    if how == "garbage":
        data = os.urandom(len(data))
    elif how == "truncated-at-page":
        data = data[: (len(data) // page // 2) * page]
    elif how == "truncated-mid-page":
        data = data[: len(data) // 2 + 1234]
    elif how == "header-only":
        data = data[:60]
    elif how == "zeroed-pages":
        data = data[: 2 * page] + bytes(len(data) - 4 * page) + data[-2 * page :]
    elif how == "zeroed-data-pages":
        # The schema is intact, so only the full quick_check of a small store sees it.
        data = data[: -3 * page] + bytes(3 * page)
    path.write_bytes(data)
    return data


DAMAGE = [
    "garbage",
    "truncated-at-page",
    "truncated-mid-page",
    "header-only",
    "zeroed-pages",
    "zeroed-data-pages",
]


@pytest.mark.parametrize("how", DAMAGE)
def test_damage_is_found_by_the_start_up_check(paths: Paths, store: Store, how: str) -> None:
    _damaged_copy(paths, store, how)
    assert check_damage(paths.store_file) is not None
    with pytest.raises(StoreDamaged, match="damaged"):
        open_store(paths.store_file)


@pytest.mark.parametrize("how", DAMAGE)
def test_a_writer_moves_the_damaged_store_aside_and_starts_afresh(
    paths: Paths, store: Store, how: str
) -> None:
    damaged = _damaged_copy(paths, store, how)
    wal = Path(f"{paths.store_file}-wal")
    wal.write_bytes(b"wal of the damaged store")
    fresh, notice = open_store_or_recover(paths.store_file, now=NOW)
    try:
        assert notice is not None
        moved = paths.data_dir / "calls.sqlite3.damaged-20240315T140005"
        assert notice.moved_to == moved == fresh.recovered_from
        assert moved.read_bytes() == damaged  # moved, not rewritten or deleted
        assert Path(f"{moved}-wal").read_bytes() == b"wal of the damaged store"
        assert str(moved) in notice.message
        assert "damaged" in notice.message
        assert "agent-assist restore" in notice.message
        # The new store works.
        fill_store(fresh, 1)
    finally:
        fresh.close()
    assert check_damage(paths.store_file, full=True) is None


def test_damage_outside_the_schema_is_found_only_by_the_full_check(
    paths: Paths, store: Store
) -> None:
    _damaged_copy(paths, store, "zeroed-data-pages")
    assert db.read_revision(paths.store_file) is not None  # the schema reads fine
    assert check_damage(paths.store_file, full=False) is None
    assert check_damage(paths.store_file) is not None  # small store: quick_check at start


def test_a_second_recovery_in_the_same_second_never_overwrites_the_first(
    paths: Paths, store: Store
) -> None:
    first = _damaged_copy(paths, store, "garbage")
    open_store_or_recover(paths.store_file, now=NOW)[0].close()
    paths.store_file.write_bytes(b"garbage again" * 1000)
    fresh, notice = open_store_or_recover(paths.store_file, now=NOW)
    fresh.close()
    assert notice is not None
    assert notice.moved_to.name == "calls.sqlite3.damaged-20240315T140005-2"
    assert (paths.data_dir / "calls.sqlite3.damaged-20240315T140005").read_bytes() == first
    assert notice.moved_to.read_bytes() == b"garbage again" * 1000


def test_a_sound_store_is_opened_as_it_is(paths: Paths, store: Store) -> None:
    ids = fill_store(store, 3)
    store.close()
    before = _files(paths.data_dir)
    reopened, notice = open_store_or_recover(paths.store_file)
    reopened.close()
    assert notice is None
    assert reopened.recovered_from is None
    assert not any("damaged" in name for name in _files(paths.data_dir))
    assert _files(paths.data_dir) <= before | {"calls.sqlite3-wal", "calls.sqlite3-shm"}
    with sqlite3.connect(paths.store_file) as conn:
        assert {r[0] for r in conn.execute("SELECT id FROM calls")} == set(ids)
    conn.close()


def test_a_large_store_is_checked_without_reading_every_page(
    paths: Paths, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above FULL_CHECK_BYTES the start-up check skips quick_check but still finds
    a truncated file (SQLite compares the header's page count with the file)."""
    fill_store(store, 400)
    store.close()

    def no_full_check(conn: sqlite3.Connection) -> str | None:
        raise AssertionError("quick_check ran at start on a large store")

    monkeypatch.setattr(db, "FULL_CHECK_BYTES", 0)
    monkeypatch.setattr(db, "quick_check", no_full_check)
    assert check_damage(paths.store_file) is None
    data = paths.store_file.read_bytes()
    paths.store_file.write_bytes(data[: len(data) // 2 // 4096 * 4096])
    assert check_damage(paths.store_file) is not None


def test_export_reports_a_damaged_store_and_moves_nothing(
    paths: Paths, store: Store, cli: Callable[..., Any]
) -> None:
    damaged = _damaged_copy(paths, store, "truncated-at-page")
    before = _files(paths.data_dir)
    result = cli("export", "--raw")
    assert result.status != 0
    assert "damaged" in result.errors
    assert "Traceback" not in result.errors
    assert result.out == b""
    # Readers may add an empty WAL index beside the file; nothing is moved or renamed.
    assert _files(paths.data_dir) - {"calls.sqlite3-wal", "calls.sqlite3-shm"} == before
    assert paths.store_file.read_bytes() == damaged


def test_doctor_reports_a_damaged_store_and_moves_nothing(
    paths: Paths, store: Store, cli: Callable[..., Any]
) -> None:
    damaged = _damaged_copy(paths, store, "garbage")
    before = _files(paths.data_dir)
    result = cli("doctor")
    assert result.status == 1
    assert "FAIL  store:" in result.text
    assert "damaged" in result.text
    assert _files(paths.data_dir) == before
    assert paths.store_file.read_bytes() == damaged


HOLD_OPEN = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("open", flush=True)
sys.stdin.readline()
conn.close()
"""


def test_a_damaged_store_another_program_has_open_is_not_moved(paths: Paths, store: Store) -> None:
    fill_store(store, 2)
    store.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(paths.store_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "open\n"
        assert in_use_elsewhere(paths.store_file)
        # Damage the header's page count while the other program has the file open.
        data = bytearray(paths.store_file.read_bytes())
        data[28:32] = (10_000).to_bytes(4, "big")
        paths.store_file.write_bytes(bytes(data))
        before = _files(paths.data_dir)
        with pytest.raises(UserError, match="another program has it open"):
            open_store_or_recover(paths.store_file, now=NOW)
        assert _files(paths.data_dir) == before
    finally:
        holder.communicate("\n")
    assert not in_use_elsewhere(paths.store_file)
    fresh, notice = open_store_or_recover(paths.store_file, now=NOW)
    fresh.close()
    assert notice is not None


def test_a_folder_that_cannot_be_created_is_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UserError, match="cannot create the data folder"):
        open_store(blocker / "data" / "calls.sqlite3")


# --- a full disk and a read-only store: a clear message, nothing half written ---


def _rows(path: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, notes FROM calls ORDER BY id").fetchall()
    finally:
        conn.close()


def _save_big(store: Store, count: int) -> None:
    """One agent action that needs far more room than the store may take."""
    with store.transaction() as session:
        for _ in range(count):
            save_call(session, {"id": str(uuid.uuid4()), "notes": "长" * 30000}, None, now=SAVED)


def test_a_full_store_is_a_clear_message_and_the_save_is_rolled_back(
    paths: Paths, store: Store
) -> None:
    """SQLITE_FULL, made with max_page_count: proves the mapping and the rollback of
    SQLite's own "database or disk is full", not the operating system's ENOSPC
    (see the next test for an OS-level write failure)."""
    fill_store(store, 2)
    before = _rows(paths.store_file)
    from sqlalchemy import event

    store.engine.dispose()

    def cap(dbapi_connection: Any, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

    event.listen(store.engine, "connect", cap)
    with pytest.raises(UserError, match="disk is full; free some space") as info:
        _save_big(store, 10)
    assert type(info.value) is CannotWrite  # not "damaged": nothing is moved aside
    store.close()
    assert _rows(paths.store_file) == before
    assert check_damage(paths.store_file, full=True) is None


WRITE_UNDER_FILE_LIMIT = """
import resource, signal, sys, uuid
from datetime import UTC, datetime
from pathlib import Path
from assistant.errors import UserError
from assistant.notes.records import save_call
from assistant.store.db import open_store

store = open_store(Path(sys.argv[1]))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    with store.transaction() as session:
        for _ in range(20):
            values = {"id": str(uuid.uuid4()), "notes": "长" * 30000}
            save_call(session, values, None, now=datetime.now(UTC))
except UserError as exc:
    print(exc.message)
    sys.exit(7)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_an_operating_system_write_failure_is_a_clear_message(paths: Paths, store: Store) -> None:
    """RLIMIT_FSIZE makes the kernel refuse the WAL's growth (EFBIG), as a full disk
    refuses it with ENOSPC: SQLite's real I/O error path, in a child process."""
    fill_store(store, 2)
    store.close()
    before = _rows(paths.store_file)
    limit = paths.store_file.stat().st_size + 64 * 1024
    result = subprocess.run(
        [sys.executable, "-c", WRITE_UNDER_FILE_LIMIT, str(paths.store_file), str(limit)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 7, result.stderr
    assert "the disk refused a write" in result.stdout or "disk is full" in result.stdout
    assert "Traceback" not in result.stderr
    assert _rows(paths.store_file) == before
    assert check_damage(paths.store_file, full=True) is None


def test_a_read_only_store_is_a_clear_message(paths: Paths, store: Store) -> None:
    """PRAGMA query_only makes SQLite refuse writes as on a read-only file: proves
    the message and that nothing is written; the next test uses real permissions."""
    fill_store(store, 1)
    before = _rows(paths.store_file)
    from sqlalchemy import event

    store.engine.dispose()
    event.listen(store.engine, "connect", lambda conn, _r: conn.execute("PRAGMA query_only=1"))
    with (
        pytest.raises(UserError, match="read-only; check the folder's permissions"),
        store.transaction() as session,
    ):
        save_call(session, {"id": str(uuid.uuid4()), "notes": "新记录"}, None, now=SAVED)
    store.close()
    assert _rows(paths.store_file) == before


SAVE_AS_ANOTHER_USER = """
import sys, uuid
from datetime import UTC, datetime
from pathlib import Path
from assistant.errors import UserError
from assistant.notes.records import save_call
from assistant.store.db import open_store

try:
    store = open_store(Path(sys.argv[1]))
    with store.transaction() as session:
        save_call(session, {"id": str(uuid.uuid4()), "notes": "x"}, None, now=datetime.now(UTC))
except UserError as exc:
    print(exc.message)
    sys.exit(7)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_data_folder_is_a_clear_message(store: Store) -> None:
    """Real permissions: the folder and the file are read-only for the user saving.
    Root ignores permissions, so as root the save runs as 'nobody' in a child, in a
    folder 'nobody' can reach (pytest's own temporary folders are private)."""
    fill_store(store, 1)
    store.close()
    folder = Path(tempfile.mkdtemp(prefix="agent-assist-ro-"))
    try:
        data = folder / "data"
        data.mkdir()
        path = data / "calls.sqlite3"
        shutil.copy(store.path, path)
        before = _rows(path)
        options: dict[str, Any] = {}
        if os.geteuid() == 0:
            options = {"user": 65534, "group": 65534}
            os.chmod(folder, 0o755)
        os.chmod(path, 0o444)
        os.chmod(data, 0o555)
        try:
            result = subprocess.run(
                [sys.executable, "-c", SAVE_AS_ANOTHER_USER, str(path)],
                capture_output=True,
                text=True,
                check=False,
                **options,
            )
        except PermissionError as exc:
            pytest.skip(f"'nobody' cannot run this Python ({exc.filename})")
        finally:
            os.chmod(data, 0o755)
            os.chmod(path, 0o644)
        if "ModuleNotFoundError" in result.stderr or "PermissionError" in result.stderr:
            pytest.skip(f"'nobody' cannot run the app here: {result.stderr[-300:]}")
        assert result.returncode == 7, result.stderr
        assert "read-only" in result.stdout or "cannot open the store" in result.stdout
        assert "Traceback" not in result.stderr
        assert _rows(path) == before
        assert sorted(os.listdir(data)) == ["calls.sqlite3"]
    finally:
        shutil.rmtree(folder)
