"""Each way SQLite can refuse the store gets its own message and exit status, decided by
SQLite's result code, not by words in its message."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.errors import CannotWrite, UserError
from assistant.notes.records import save_call
from assistant.paths import Paths
from assistant.store.connect import StoreBusy, StoreDamaged, store_error
from assistant.store.db import Store, open_store

SAVED = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)
INSERT = (
    "INSERT INTO calls (id, status, notes, created_at, updated_at) VALUES "
    "(?, 'draft', ?, '2024-03-15T06:00:00+00:00', '2024-03-15T06:00:00+00:00')"
)


def _insert(conn: sqlite3.Connection, notes: str = "客户要求回电") -> None:
    conn.execute(INSERT, (str(uuid.uuid4()), notes))
    conn.commit()


def _full(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages + 1}")  # SQLITE_FULL, as a full disk
        for _ in range(20):
            _insert(conn, "长" * 30000)
    finally:
        conn.close()


def _locked(path: Path) -> None:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of a write
    try:
        impatient = sqlite3.connect(path, timeout=0.05)
        try:
            _insert(impatient)
        finally:
            impatient.close()
    finally:
        holder.close()


def _read_only(path: Path) -> None:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        _insert(conn)
    finally:
        conn.close()


def _corrupt(path: Path) -> None:
    with path.open("r+b") as f:
        f.write(b"this is no SQLite header, just garbage.."[:32])
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT count(*) FROM calls").fetchone()
    finally:
        conn.close()


def _missing_folder(path: Path) -> None:
    sqlite3.connect(path.parent / "no-such-folder" / "calls.sqlite3").close()


def _our_own_sql(path: Path) -> None:
    """A bug of ours whose message happens to hold "full", "locked" and "read-only"."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT full_locked_readonly_corrupt FROM calls").fetchone()
    finally:
        conn.close()


CASES: list[tuple[str, Callable[[Path], None], type[UserError], str, int]] = [
    ("disk full", _full, CannotWrite, "the disk is full; free some space and save again", 5),
    ("locked", _locked, StoreBusy, "the store is busy in another program; try again", 1),
    ("read-only", _read_only, CannotWrite, "the store is read-only; check the folder's", 5),
    ("corrupt", _corrupt, StoreDamaged, "the store file is damaged (file is not a database)", 1),
    ("no folder", _missing_folder, CannotWrite, "cannot open the store; check that the folder", 5),
    ("our bug", _our_own_sql, UserError, "no such column: full_locked_readonly_corrupt", 1),
]


@pytest.fixture
def store_path(paths: Paths, store: Store) -> Path:
    with store.transaction() as session:
        save_call(session, {"id": str(uuid.uuid4()), "notes": "已有记录"}, None, now=SAVED)
    store.close()
    return paths.store_file


@pytest.mark.parametrize(
    ("case", "cause", "kind", "message", "status"), CASES, ids=[c[0] for c in CASES]
)
def test_each_sqlite_failure_has_its_message_and_exit_status(
    store_path: Path,
    case: str,
    cause: Callable[[Path], None],
    kind: type[UserError],
    message: str,
    status: int,
) -> None:
    with pytest.raises(sqlite3.Error) as raised:
        cause(store_path)
    error = store_error(store_path, raised.value)
    assert type(error) is kind, (case, raised.value.sqlite_errorname)
    assert error.message.startswith(f"{store_path}: {message}")
    assert error.exit_status == status


def test_a_locked_store_under_sqlalchemy_is_busy_by_its_code(store_path: Path) -> None:
    """The panel's path: SQLAlchemy wraps the sqlite3 error; its code still decides."""
    impatient = open_store(store_path, busy_timeout_ms=50)
    holder = sqlite3.connect(store_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreBusy) as raised, impatient.transaction() as session:
            save_call(session, {"id": str(uuid.uuid4()), "notes": "新记录"}, None, now=SAVED)
    finally:
        holder.close()
        impatient.close()
    cause = raised.value.__cause__
    assert getattr(cause, "orig", None) is not None
    assert store_error(store_path, cause).message == raised.value.message  # type: ignore[arg-type]
