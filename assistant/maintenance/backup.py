"""Daily backups of the store, and restoring one.

Backups are made with SQLite's online backup API, so the panel can keep writing
while one is taken, and include what is still in the WAL. Each is written under a
temporary name, checked with ``PRAGMA quick_check`` and only then renamed to
``backups/calls-YYYYMMDDTHHMMSS.sqlite3``: a backup on disk is always whole and
sound, and taking one is also the daily full check of the live store (damage is
copied page for page, so the check finds it).

Backups older than ``settings.backup_days`` days are deleted, never the newest.
Only files named like a backup are ever deleted.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from assistant.errors import CannotWrite, UserError
from assistant.files import replace_durably
from assistant.paths import Paths
from assistant.settings import Settings
from assistant.store.connect import (
    BUSY_TIMEOUT_MS,
    StoreDamaged,
    connect_read_only,
    read_only_uri,
    store_error,
)
from assistant.store.db import (
    check_damage,
    damaged_files,
    dismiss_damaged,
    header_problems,
    in_use_elsewhere,
    migrate,
    move_aside,
    quick_check,
    read_revision,
    store_files,
    timestamp,
)
from assistant.store.schema import KNOWN_REVISIONS

log = logging.getLogger(__name__)

_NAME = re.compile(r"^calls-(\d{8}T\d{6})(?:-(\d+))?\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S"


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken_at: datetime  # naive, in the local time of the machine that took it


def list_backups(paths: Paths) -> list[Backup]:
    """The backups in the data dir, oldest first."""
    if not paths.backups_dir.is_dir():
        return []
    found = []
    for path in paths.backups_dir.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            taken = datetime.strptime(match.group(1), _STAMP)
        except ValueError:
            continue
        found.append(Backup(path, taken))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name))


def _local(now: datetime) -> datetime:
    """``now`` as naive local time (the clock backup names are written in)."""
    return now.astimezone().replace(tzinfo=None) if now.tzinfo is not None else now


def copy_store(source: Path, target: Path) -> None:
    """Copy ``source`` (with its WAL) to ``target`` as one self-contained file."""
    try:
        src = connect_read_only(source)
        try:
            dest = sqlite3.connect(target)
            try:
                src.backup(dest)
                # A single file: no -wal beside a backup for anyone to forget.
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise store_error(source, exc) from exc


def _checked_copy(source: Path, target: Path) -> None:
    """Copy to a temporary name, check it, then rename into place; or leave nothing."""
    partial = target.with_name(f".{target.name}.part")
    try:
        copy_store(source, partial)
        conn = sqlite3.connect(read_only_uri(partial), uri=True)
        try:
            problem = quick_check(conn)
        finally:
            conn.close()
        if problem is not None:
            raise StoreDamaged(
                f"{source}: the store is damaged ({problem}); no backup was made. "
                "Run 'agent-assist doctor'."
            )
        replace_durably(partial, target)
    except sqlite3.DatabaseError as exc:
        raise store_error(source, exc) from exc
    except OSError as exc:
        raise CannotWrite(f"{target.parent}: cannot write the backup: {exc.strerror}") from exc
    finally:
        with contextlib.suppress(OSError):  # a read-only folder holds no partial copy
            partial.unlink(missing_ok=True)


def make_backup(paths: Paths, now: datetime | None = None) -> Path:
    """Back the store up now; return the backup's path."""
    store = paths.store_file
    if not store.exists() or store.stat().st_size == 0:
        raise UserError(f"{store}: no store yet; nothing to back up")
    when = _local(now or datetime.now())
    try:
        paths.backups_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{paths.backups_dir}: cannot create: {exc.strerror}") from exc
    stem = f"calls-{when.strftime(_STAMP)}"
    target = paths.backups_dir / f"{stem}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = paths.backups_dir / f"{stem}-{counter}.sqlite3"
    _checked_copy(store, target)
    log.info("backup made: %s", target.name)
    return target


def prune_backups(paths: Paths, keep_days: int, now: datetime | None = None) -> list[Path]:
    """Delete backups older than ``keep_days`` days, always keeping the newest."""
    backups = list_backups(paths)
    cutoff = _local(now or datetime.now()) - timedelta(days=keep_days)
    removed = []
    for backup in backups[:-1]:
        if backup.taken_at < cutoff:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    if removed:
        log.info("deleted %d backup(s) older than %d days", len(removed), keep_days)
    return removed


def backup_if_due(paths: Paths, settings: Settings, now: datetime) -> Path | None:
    """Make today's backup if there is none yet; prune old ones. For the panel's start.

    Returns the new backup, or None (already one today, no store yet, or
    ``backup_days`` is 0 or less: automatic backups off). Raises ``StoreDamaged``
    when the store fails the check (tell the agent) and ``UserError`` when it is
    busy or the disk refuses (try again at the next start). It reads the whole
    store: run it off the UI thread.
    """
    if settings.backup_days <= 0:
        return None
    store = paths.store_file
    if not store.exists() or store.stat().st_size == 0:
        return None
    today = _local(now).date()
    backups = list_backups(paths)
    made = None
    if not backups or backups[-1].taken_at.date() != today:
        made = make_backup(paths, now)
    prune_backups(paths, settings.backup_days, now)
    return made


@dataclass(frozen=True, slots=True)
class Restored:
    source: Path
    kept_aside: Path | None  # where the store that was replaced went
    revision: str
    # After a start on a new store (a damaged one moved aside): how many call records
    # and follow-ups written since were merged from ``kept_aside``, or why not.
    merged: tuple[int, int] | None = None
    merge_problem: str | None = None
    dismissed: tuple[Path, ...] = ()  # the damaged stores this restore dealt with


def check_backup_file(path: Path) -> str:
    """Check that ``path`` is a sound Agent Assist store this app can open; return
    its schema revision, or raise ``UserError`` saying why not."""
    if not path.is_file():
        raise UserError(f"{path}: no such file")
    not_sqlite, _ = header_problems(path)
    if not_sqlite is not None or path.stat().st_size == 0:
        raise UserError(f"{path}: not an Agent Assist store ({not_sqlite or 'empty file'})")
    problem = check_damage(path, full=True)
    if problem is not None:
        raise StoreDamaged(f"{path}: the file is damaged ({problem}); nothing was restored")
    revision = read_revision(path)
    if revision is None:
        raise UserError(f"{path}: not an Agent Assist store (it holds no records table)")
    if revision not in KNOWN_REVISIONS:
        raise UserError(
            f"{path}: this backup was written by a newer version of Agent Assist "
            f"(schema {revision}); update the app first. Nothing was restored.",
            exit_status=3,
        )
    return revision


def restore(paths: Paths, source: Path, now: datetime | None = None) -> Restored:
    """Replace the store with ``source`` after checking it; the current store is
    moved aside (``calls.sqlite3.before-restore-STAMP``), never deleted."""
    store = paths.store_file
    source = source.expanduser()
    if source.resolve() == store.resolve():
        raise UserError(f"{source}: this is the store itself; name a backup file")
    revision = check_backup_file(source)
    if in_use_elsewhere(store):
        raise UserError(
            f"{store}: the store is open in another program (the panel?); "
            "close it and run restore again. Nothing was changed."
        )
    store.parent.mkdir(parents=True, exist_ok=True)
    incoming = store.with_name(f".{store.name}.restoring-{timestamp(now)}")
    _checked_copy(source, incoming)
    kept = None
    try:
        if store_files(store):
            kept = move_aside(store, "before-restore", now)
        replace_durably(incoming, store)
    finally:
        incoming.unlink(missing_ok=True)
    log.info("store restored from %s; previous store kept as %s", source.name, kept)
    migrate(store)  # an older backup is upgraded now, with its own pre-upgrade copy
    damaged = damaged_files(store)
    if kept is None or not damaged:
        return Restored(source, kept, revision)
    # The store just replaced was started empty when a damaged one was moved aside:
    # everything in it was written since the damage, and the backup cannot hold it.
    try:
        merged = merge_since(store, kept)
    except UserError as exc:
        return Restored(source, kept, revision, merge_problem=exc.message)
    dismissed = tuple(dismiss_damaged(path) for path in damaged)
    return Restored(source, kept, revision, merged, dismissed=dismissed)


def _insertable(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA main.table_xinfo({table})") if r[6] == 0]


def merge_since(store: Path, since: Path) -> tuple[int, int]:
    """Copy into ``store`` the call records of ``since`` that it lacks or holds in an
    older version, with their follow-ups; return how many of each."""
    conn = sqlite3.connect(store, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("ATTACH DATABASE ? AS since", (read_only_uri(since),))
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "CREATE TEMP TABLE merged AS SELECT s.id FROM since.calls s "
            "LEFT JOIN main.calls c ON c.id = s.id "
            "WHERE c.id IS NULL OR s.updated_at > c.updated_at"
        )
        counts = []
        for table, key in (("calls", "id"), ("followups", "call_id")):
            columns = _insertable(conn, table)
            names = ", ".join(columns)
            updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
            cursor = conn.execute(
                f"INSERT INTO main.{table} ({names}) SELECT {names} FROM since.{table} "
                f"WHERE {key} IN (SELECT id FROM temp.merged) "
                f"ON CONFLICT(id) DO UPDATE SET {updates}"
            )
            counts.append(cursor.rowcount)
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise store_error(since, exc) from exc
    finally:
        conn.close()
    log.info("merged %d call(s), %d follow-up(s) written since the damage", *counts)
    return counts[0], counts[1]
