"""Reading what SQLite can still read from a damaged store.

A damaged store that was moved aside (``calls.sqlite3.damaged-STAMP``) often still
holds most of its records: only the pages that were overwritten or cut off are
lost. The file is never opened in place: it is copied (with its WAL) to a
temporary folder, the copy's header is made to agree with its real length (a cut
file otherwise fails before the first row), and each table is read in rowid order.
Where a page cannot be read, reading starts again at the next rowid, so one bad
page costs only the rows it held.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import UserError
from assistant.store.connect import store_error
from assistant.store.db import SQLITE_MAGIC, damaged_files, open_store

log = logging.getLogger(__name__)

# What salvage copies, parents before children (follow-ups need their call).
TABLES = ("calls", "followups", "template_usage", "query_picks", "store_keys")
# After this many unreadable rowids in a row, the rest of a table is taken as lost
# (a damaged interior page can hide every rowid after it).
MAX_UNREADABLE_RUN = 5000


@dataclass(frozen=True, slots=True)
class Readable:
    """How many records a damaged file still yields."""

    calls: int
    followups: int

    def __str__(self) -> str:
        return f"{self.calls} call record(s) and {self.followups} follow-up(s)"


@dataclass(frozen=True, slots=True)
class Salvaged:
    source: Path
    target: Path
    found: Readable
    orphans: int  # follow-ups read whose call record was lost, so not copied


@contextmanager
def readable_copy(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A connection to a temporary copy of ``path`` SQLite can start reading, or None
    when the file is not an SQLite file at all. ``path`` itself is never opened."""
    with tempfile.TemporaryDirectory(prefix="agent-assist-salvage-") as folder:
        copy = Path(folder) / "damaged.sqlite3"
        try:
            shutil.copyfile(path, copy)
            wal = Path(f"{path}-wal")
            if wal.exists():
                shutil.copyfile(wal, f"{copy}-wal")
        except OSError as exc:
            raise UserError(f"{path}: cannot read the damaged file: {exc.strerror}") from exc
        if not _mend_header(copy):
            yield None
            return
        conn = sqlite3.connect(copy)
        try:
            yield conn
        finally:
            conn.close()


def _mend_header(copy: Path) -> bool:
    """Cut the copy to whole pages and write that page count into its header."""
    with copy.open("r+b") as handle:
        header = bytearray(handle.read(100))
        if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
            return False
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        if page_size < 512 or page_size & (page_size - 1):
            return False
        size = copy.stat().st_size
        pages = size // page_size
        if pages == 0:
            return False
        handle.truncate(pages * page_size)
        header[28:32] = pages.to_bytes(4, "big")
        header[92:96] = header[24:28]  # the size in the header is valid again
        handle.seek(0)
        handle.write(header)
    return True


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns a row of ``table`` can be written with (generated ones left out)."""
    try:
        rows = conn.execute(f"PRAGMA table_xinfo({table})").fetchall()
    except sqlite3.DatabaseError:
        return []
    return [str(r[1]) for r in rows if r[6] == 0]


def readable_rows(
    conn: sqlite3.Connection, table: str, columns: list[str]
) -> Iterator[tuple[object, ...]]:
    """Every row of ``table`` SQLite can read, in rowid order, skipping bad pages."""
    select = ", ".join(f'"{c}"' for c in columns)
    query = f'SELECT rowid, {select} FROM "{table}" WHERE rowid >= ? ORDER BY rowid'
    start = -(2**63)
    unreadable = 0
    while unreadable < MAX_UNREADABLE_RUN:
        try:
            for row in conn.execute(query, (start,)):
                unreadable = 0
                start = int(row[0]) + 1
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError:
            if start == -(2**63):
                start = 0  # rowids of our tables start at 1
            start += 1
            unreadable += 1
    log.info("salvage: gave up on %s after %d unreadable rowids", table, unreadable)


def count_readable(path: Path) -> Readable:
    """How many call records and follow-ups can still be read from ``path``."""
    with readable_copy(path) as conn:
        if conn is None:
            return Readable(0, 0)
        counts = [
            sum(1 for _ in readable_rows(conn, table, ["rowid"])) if _columns(conn, table) else 0
            for table in ("calls", "followups")
        ]
    return Readable(*counts)


def salvage(path: Path, target: Path) -> Salvaged:
    """Read every readable row of the damaged store ``path`` into a new store at
    ``target`` (which must not exist yet)."""
    if target.exists():
        raise UserError(f"{target}: already exists; nothing was written")
    store = open_store(target)
    store.close()
    calls = followups = orphans = 0
    call_ids: set[object] = set()
    out = sqlite3.connect(target)
    try:
        out.execute("PRAGMA foreign_keys=ON")
        with readable_copy(path) as conn:
            for table in TABLES if conn is not None else ():
                assert conn is not None
                columns = [c for c in _columns(conn, table) if c in _columns(out, table)]
                if not columns:
                    continue
                insert = (
                    f'INSERT OR IGNORE INTO "{table}" ({", ".join(columns)}) '
                    f"VALUES ({', '.join('?' * len(columns))})"
                )
                for row in readable_rows(conn, table, columns):
                    values = dict(zip(columns, row, strict=True))
                    if table == "followups" and values.get("call_id") not in call_ids:
                        orphans += 1
                        continue
                    out.execute(insert, row)
                    if table == "calls":
                        calls += 1
                        call_ids.add(values.get("id"))
                    elif table == "followups":
                        followups += 1
        out.commit()
    except sqlite3.DatabaseError as exc:
        raise store_error(target, exc) from exc
    finally:
        out.close()
    log.info("salvage: %d call(s), %d follow-up(s) read back into %s", calls, followups, target)
    return Salvaged(path, target, Readable(calls, followups), orphans)


@dataclass(frozen=True, slots=True)
class DamagedCopy:
    """A damaged store moved aside beside the store, and what it still yields."""

    path: Path
    size: int
    readable: Readable | None  # None: the file could not be read at all

    @property
    def message(self) -> str:
        moved = (
            f"a damaged store was moved aside to {self.path} ({self.size / 1024 / 1024:.1f} MiB); "
        )
        if self.readable is None or self.readable == Readable(0, 0):
            what = "no records can be read from it. "
        else:
            what = (
                f"{self.readable} can still be read from it and are not in the current "
                "store. 'agent-assist doctor --salvage' reads them into a new store; "
            )
        return (
            f"{moved}{what}'agent-assist restore FILE' brings back a backup; "
            "'agent-assist doctor --dismiss' stops this warning (the file is kept)"
        )


def damaged_copies(store: Path) -> list[DamagedCopy]:
    """The damaged stores beside ``store`` not yet restored or dismissed, oldest first.
    Reads each one (a copy of it): run it off the UI thread."""
    found = []
    for path in damaged_files(store):
        try:
            size = path.stat().st_size
            readable: Readable | None = count_readable(path)
        except (OSError, UserError) as exc:
            log.info("cannot read damaged store %s: %s", path.name, exc)
            size, readable = 0, None
        found.append(DamagedCopy(path, size, readable))
    return found
