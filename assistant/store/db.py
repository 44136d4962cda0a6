"""Opening the local store: pragmas, schema checks, backup-then-migrate.

One ``Store`` per process holds the engine and the session factory. Opening checks
the schema revision with plain ``sqlite3`` first, so a store that is already up to
date never imports Alembic.

Opening also checks the file is not damaged (``check_damage``). ``PRAGMA
quick_check`` reads every page: about 1 ms per MB from the page cache, so 200-500
ms for a 100,000-record store (210 MB) and several seconds from a cold disk; too
slow for every start. So a start checks cheaply (about 0.5 ms at any size), and
still catches a garbage or truncated file without reading it all:

* the 16-byte SQLite header and a sane page size (garbage, a file cut inside its
  header);
* the size is a whole number of pages (a file cut mid-page);
* the schema can be read, which makes SQLite compare the page count in the header
  with the file and its WAL (a file cut at a page boundary: "malformed");
* a full ``quick_check`` when the file is small (up to ``FULL_CHECK_BYTES``) or
  when the size looks wrong.

A page overwritten in the middle of a large store is found by ``quick_check`` in
``agent-assist doctor``, in the daily backup and in restore, or by SQLite when the
page is read (``StoreDamaged`` through ``store_error``).

``open_store_or_recover`` is for writers (the panel): a damaged store is moved
aside under a timestamped name (never deleted; WAL and SHM go with it) and a fresh
store is opened, with a notice saying where the old file went. ``open_store``,
``migrate`` and therefore ``export`` only report the damage.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError
from assistant.store.connect import (
    BUSY_TIMEOUT_MS,
    StoreDamaged,
    apply_pragmas,
    connect_read_only,
    is_environment_error,
    store_error,
)
from assistant.store.schema import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
# Up to this size a full quick_check costs about 10 ms at start (measured: 9 ms on a
# 7.8 MB store of 3,500 records with the file cached).
FULL_CHECK_BYTES = 8 * 1024 * 1024
# Files that belong to a store and move with it.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def ensure_wal(path: Path) -> None:
    """Put the store file in WAL mode now, if it is not yet (a new or restored store).

    The mode is kept in the file, so the ``journal_mode=WAL`` pragma on later
    connections changes nothing. Switching needs a moment of exclusive access, and a
    connection that tries it while another program writes fails at once instead of
    waiting; so it is done once, when the store is opened.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return
    if header[18:20] == b"\x02\x02":
        return
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
    finally:
        conn.close()


def read_revision(path: Path) -> str | None:
    """The store's Alembic revision, ``None`` for an empty or new file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = connect_read_only(path)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    raise UserError(f"{path}: this is not an Agent Assist store (unknown tables)")
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise store_error(path, exc) from exc
    return None if row is None else str(row[0])


def header_problems(path: Path) -> tuple[str | None, str | None]:
    """Read the 100-byte header: (why this is not an SQLite file, why its size looks
    wrong); each None when fine. An empty or missing file is fine (a new store)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise UserError(f"{path}: cannot read the store: {exc.strerror}") from exc
    if size == 0:
        return None, None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return "not an SQLite file: its header is missing or overwritten", None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"the header gives an impossible page size ({page_size})", None
    if size % page_size:
        return None, f"{size} bytes is not a whole number of {page_size}-byte pages"
    return None, None


def quick_check(conn: sqlite3.Connection) -> str | None:
    """Run ``PRAGMA quick_check``; return its first complaints, or None."""
    rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    found = [str(r[0]) for r in rows]
    return None if found == ["ok"] else "; ".join(found)


def check_damage(path: Path, *, full: bool | None = None) -> str | None:
    """Why the store file is damaged, or None if it looks sound.

    ``full=None`` runs the full quick_check only on small files or when the size
    looks wrong (the start-up check); ``True`` always (doctor, backup, restore).
    Reads only: nothing is changed. Raises ``UserError`` if the file cannot be
    read (busy, no permission).
    """
    not_sqlite, odd_size = header_problems(path)
    if not_sqlite is not None:
        return not_sqlite
    if not path.exists() or path.stat().st_size == 0:
        return None
    if full is None:
        full = odd_size is not None or path.stat().st_size <= FULL_CHECK_BYTES
    try:
        conn = connect_read_only(path)
        try:
            # Reading the schema makes SQLite compare the header's page count with
            # the file (and its WAL): a file cut at a page boundary fails here.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            found = quick_check(conn) if full else odd_size
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        error = store_error(path, exc)
        if isinstance(error, StoreDamaged):
            return str(exc)
        raise error from exc
    # A cut-off last page that quick_check can still read through is not damage.
    return found


def assert_sound(path: Path) -> None:
    """Raise ``StoreDamaged`` if the start-up check finds the store damaged."""
    problem = check_damage(path)
    if problem is not None:
        log.info("store %s is damaged: %s", path, problem)
        raise StoreDamaged(
            f"{path}: the store file is damaged ({problem}). Run 'agent-assist doctor'; "
            "the panel moves a damaged store aside and starts a new one, and "
            "'agent-assist restore' brings back a backup."
        )


def check_revision(path: Path) -> str | None:
    """Refuse a store made by a newer app; return its revision."""
    revision = read_revision(path)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise UserError(
            f"{path}: this store was written by a newer version of Agent Assist "
            f"(schema {revision}); update the app. The file was not changed.",
            exit_status=3,
        )
    return revision


def backup_file(path: Path, label: str) -> Path:
    """Copy the store beside itself with SQLite's online backup (WAL included)."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


# Alembic's ``op`` and ``context`` are proxies shared by the whole process: two
# migrations at once in two threads (the panel's lane and its team sync opening the
# store together) crashed the interpreter. One at a time; the next finds the head.
_migrating = threading.Lock()


def migrate(path: Path) -> Path | None:
    """Bring the store to the head revision; return the backup made, if any.

    A damaged store raises ``StoreDamaged`` and is left as it is.
    """
    with _migrating:
        return _migrate(path)


def _migrate(path: Path) -> Path | None:
    assert_sound(path)
    revision = check_revision(path)
    if revision == HEAD_REVISION:
        return None
    backup = backup_file(path, f"before-{HEAD_REVISION}") if revision is not None else None
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except Exception as exc:
        import sqlalchemy.exc

        if isinstance(exc, sqlalchemy.exc.OperationalError):
            raise store_error(path, exc) from exc
        raise
    finally:
        engine.dispose()
    return backup


class Store:
    """The engine and session factory of one store file.

    ``recovered_from`` is where a damaged store was moved by
    ``open_store_or_recover`` (None normally).
    """

    def __init__(self, path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        from sqlalchemy import create_engine, event
        from sqlalchemy.orm import sessionmaker

        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.recovered_from: Path | None = None
        self.backup = migrate(path)
        ensure_wal(path)
        from assistant.store.encryption import attach, store_keys

        # Encryption at rest on and its key not in the keychain: refuse here, before
        # anything can be written (KeyProblem, exit status 7).
        keys = store_keys(path)
        self.engine: Engine = create_engine(
            f"sqlite:///{path}", connect_args={"timeout": busy_timeout_ms / 1000}
        )
        if busy_timeout_ms == BUSY_TIMEOUT_MS:
            event.listen(self.engine, "connect", _on_connect)
        else:

            def on_connect(dbapi_connection: Any, _record: object) -> None:
                apply_pragmas(dbapi_connection)
                dbapi_connection.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")

            event.listen(self.engine, "connect", on_connect)
        attach(self.engine.dialect, keys)
        self.sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One agent action: a session in one transaction, committed at the end.

        A locked store (after the busy timeout), a full disk, a read-only folder or
        a damaged file roll the whole action back and raise ``UserError`` (the
        ``StoreBusy``/``StoreDamaged`` kinds where it applies); the caller still
        holds the values, so nothing the agent typed is lost.
        """
        from sqlalchemy.exc import DBAPIError

        try:
            with self.sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            if exc.orig is None or not is_environment_error(exc.orig):
                raise
            error = store_error(self.path, exc.orig)
            log.info("store %s: action rolled back: %s", self.path, type(error).__name__)
            raise error from exc

    def close(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_connection: Any, _record: object) -> None:
    apply_pragmas(dbapi_connection)


def open_store(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
    try:
        return Store(path, busy_timeout_ms=busy_timeout_ms)
    except sqlite3.Error as exc:
        raise store_error(path, exc) from exc
    except OSError as exc:
        raise UserError(
            f"{path.parent}: cannot create the data folder ({exc.strerror}); "
            "check that it is writable"
        ) from exc


@dataclass(frozen=True, slots=True)
class RecoveryNotice:
    """A damaged store was moved aside and a new one started: tell the agent."""

    store: Path
    moved_to: Path
    reason: str

    @property
    def message(self) -> str:
        return (
            f"The store {self.store} was damaged ({self.reason}). It was moved to "
            f"{self.moved_to} (nothing was deleted) and a new, empty store was started. "
            "'agent-assist doctor --salvage' reads what can still be read from the "
            "damaged file; 'agent-assist restore' brings back a backup and keeps what "
            "was written since."
        )


def timestamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%dT%H%M%S")


def move_aside(path: Path, label: str, now: datetime | None = None) -> Path:
    """Rename the store (with its WAL, SHM and journal) to ``NAME.LABEL-STAMP``.

    Never overwrites: a second move in the same second gets ``-2``, ``-3``...
    A WAL left without its store is moved too, so it can never be replayed into
    another file. Returns the new path of the store file.
    """
    stem = f"{path.name}.{label}-{timestamp(now)}"
    target = path.with_name(stem)
    counter = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *COMPANION_SUFFIXES)):
        counter += 1
        target = path.with_name(f"{stem}-{counter}")
    try:
        for suffix in ("", *COMPANION_SUFFIXES):
            source = Path(f"{path}{suffix}")
            if source.exists():
                os.rename(source, f"{target}{suffix}")
    except OSError as exc:
        raise UserError(f"{path}: cannot move the store aside: {exc.strerror}") from exc
    log.info("store %s moved aside to %s", path, target)
    return target


DAMAGED_LABEL = "damaged"
DISMISSED_LABEL = "dismissed"
# A writing command that had to move a damaged store aside and start a new one exits
# with this status, after doing its work: the records of the old file are not in the
# new store until they are salvaged or a backup is restored.
RECOVERED_EXIT_STATUS = 6


def damaged_files(path: Path) -> list[Path]:
    """The damaged stores moved aside beside ``path`` and not yet dealt with, oldest
    first (their WAL, SHM and journal files left out)."""
    found = path.parent.glob(f"{path.name}.{DAMAGED_LABEL}-*")
    return sorted(p for p in found if p.is_file() and not p.name.endswith(COMPANION_SUFFIXES))


def dismiss_damaged(damaged: Path) -> Path:
    """Mark a damaged store as dealt with by renaming it (and its companions) to
    ``NAME.dismissed-STAMP``; it is kept, only no longer reported."""
    store_name, _, rest = damaged.name.partition(f".{DAMAGED_LABEL}-")
    target = damaged.with_name(f"{store_name}.{DISMISSED_LABEL}-{rest}")
    try:
        for suffix in ("", *COMPANION_SUFFIXES):
            source = Path(f"{damaged}{suffix}")
            if source.exists():
                os.rename(source, f"{target}{suffix}")
    except OSError as exc:
        raise UserError(f"{damaged}: cannot rename: {exc.strerror}") from exc
    log.info("damaged store %s dismissed", damaged.name)
    return target


def store_files(path: Path) -> list[Path]:
    """The store file and whichever of its WAL, SHM and journal exist."""
    return [
        p for p in (path, *(Path(f"{path}{suffix}") for suffix in COMPANION_SUFFIXES)) if p.exists()
    ]


# Where SQLite keeps its POSIX locks: the WAL index's "dead man switch" byte, held
# by every connection that has the store open in WAL mode, and the database file's
# shared-lock range, held during reads.
_LOCK_PROBES = (("-shm", 128, 1), ("", 0x40000000 + 2, 510))


def in_use_elsewhere(path: Path) -> bool:
    """True if another process has the store open.

    Asks the operating system for SQLite's locks without opening the store with
    SQLite, so nothing is checkpointed, recovered or deleted (a damaged store's WAL
    may hold the last good commits). Call it with this process's own connections to
    the store closed: closing the probe's file handle drops this process's POSIX
    locks on the file. On Windows it returns False; there renaming a store another
    program has open fails, and ``move_aside`` says so.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return False
    for suffix, start, length in _LOCK_PROBES:
        try:
            fd = os.open(f"{path}{suffix}", os.O_RDWR)
        except OSError:
            continue
        try:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start)
            except OSError:
                return True
            fcntl.lockf(fd, fcntl.LOCK_UN, length, start)
        finally:
            os.close(fd)
    return False


def open_store_or_recover(
    path: Path, *, now: datetime | None = None, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> tuple[Store, RecoveryNotice | None]:
    """Open the store for writing; a damaged one is moved aside and a new one started.

    The notice (also ``Store.recovered_from``) says where the damaged file went; the
    panel shows it, the command line prints it on stderr.
    """
    try:
        return open_store(path, busy_timeout_ms=busy_timeout_ms), None
    except StoreDamaged as exc:
        reason = check_damage(path) or exc.message
    if in_use_elsewhere(path):
        raise UserError(
            f"{path}: the store is damaged and another program has it open; "
            "close the panel and any agent-assist command, then try again"
        )
    moved = move_aside(path, DAMAGED_LABEL, now)
    log.warning("damaged store moved aside to %s; starting a new store", moved)
    store = open_store(path, busy_timeout_ms=busy_timeout_ms)
    store.recovered_from = moved
    return store, RecoveryNotice(path, moved, reason)
