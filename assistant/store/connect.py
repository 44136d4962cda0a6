"""Plain ``sqlite3`` connections to the store: their pragmas, a read-only URI, and
failures sorted by SQLite's result code into messages an agent can act on.

Both the store (``db.py``) and encryption at rest (``encryption.py``) open
connections this way; neither needs the other for it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from assistant.errors import CannotWrite, UserError

BUSY_TIMEOUT_MS = 5000

# synchronous=FULL rather than NORMAL: in WAL mode NORMAL can lose the last commits
# on a power cut, and an agent's saved note must survive one.
PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def apply_pragmas(conn: sqlite3.Connection) -> None:
    for pragma in PRAGMAS:
        conn.execute(pragma)


class StoreDamaged(UserError):
    """The store file is damaged: not SQLite, truncated or overwritten."""


class StoreBusy(UserError):
    """Another program held the store longer than the busy timeout."""


# SQLite's primary result codes (the low byte of ``sqlite3.Error.sqlite_errorcode``;
# the high bytes only say more, e.g. SQLITE_IOERR_WRITE or SQLITE_READONLY_DIRECTORY).
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_READ_ONLY = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM}


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code for ``exc`` (or the DBAPI error SQLAlchemy wraps in
    it); None when SQLite gave none (not an SQLite failure, or one Python raised)."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def store_error(path: Path, exc: BaseException) -> UserError:
    """Turn an environment failure into a message the agent can act on, by SQLite's
    result code (the message wording differs between SQLite versions)."""
    code = sqlite_code(exc)
    exc = getattr(exc, "orig", None) or exc
    if code in _BUSY:
        return StoreBusy(f"{path}: the store is busy in another program; try again in a moment")
    if code in _DAMAGED:
        return StoreDamaged(f"{path}: the store file is damaged ({exc})")
    if code in _READ_ONLY:
        return CannotWrite(f"{path}: the store is read-only; check the folder's permissions")
    if code == sqlite3.SQLITE_FULL:
        return CannotWrite(f"{path}: the disk is full; free some space and save again")
    if code == sqlite3.SQLITE_IOERR:
        return CannotWrite(
            f"{path}: the disk refused a write ({exc}); check free space and the drive, "
            "then save again"
        )
    if code == sqlite3.SQLITE_CANTOPEN:
        return CannotWrite(
            f"{path}: cannot open the store; check that the folder exists and is writable"
        )
    return UserError(f"{path}: {exc}")


def is_environment_error(exc: BaseException) -> bool:
    """True for SQLite failures caused by the file or the disk, not by our SQL."""
    return type(exc) in (sqlite3.OperationalError, sqlite3.DatabaseError)


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI that opens ``path`` read-only (safe for any characters in it)."""
    return path.resolve().as_uri() + "?mode=ro"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain connection that only reads ``path``, waiting for a writer like the store."""
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
