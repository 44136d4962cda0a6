"""Opening the local store: pragmas, schema checks, backup-then-migrate.

One ``Store`` per process holds the engine and the session factory. Opening checks
the schema revision with plain ``sqlite3`` first, so a store that is already up to
date never imports Alembic.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError
from assistant.store.schema import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

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


def read_revision(path: Path) -> str | None:
    """The store's Alembic revision, ``None`` for an empty or new file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
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


def store_error(path: Path, exc: sqlite3.Error | Exception) -> UserError:
    """Turn an environment failure into a message the agent can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return UserError(f"{path}: the store is busy in another program; try again in a moment")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return UserError(f"{path}: the store file is damaged ({exc})")
    if "readonly" in text or "read-only" in text:
        return UserError(f"{path}: the store is read-only; check the folder's permissions")
    if "disk is full" in text or "full" in text:
        return UserError(f"{path}: the disk is full; free some space and save again")
    if "unable to open" in text:
        return UserError(
            f"{path}: cannot open the store; check that the folder exists and is writable"
        )
    return UserError(f"{path}: {exc}")


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


def migrate(path: Path) -> Path | None:
    """Bring the store to the head revision; return the backup made, if any."""
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
            raise store_error(path, exc.orig or exc) from exc
        raise
    finally:
        engine.dispose()
    return backup


class Store:
    """The engine and session factory of one store file."""

    def __init__(self, path: Path) -> None:
        from sqlalchemy import create_engine, event
        from sqlalchemy.orm import sessionmaker

        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.backup = migrate(path)
        self.engine: Engine = create_engine(
            f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(self.engine, "connect", _on_connect)
        self.sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_connection: Any, _record: object) -> None:
    apply_pragmas(dbapi_connection)


def open_store(path: Path) -> Store:
    try:
        return Store(path)
    except sqlite3.Error as exc:
        raise store_error(path, exc) from exc
