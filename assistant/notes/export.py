"""CSV export of call records and follow-ups, streamed straight from SQLite.

Two shapes:

* Excel (default): UTF-8 with a BOM, times in local time as ``YYYY-MM-DD HH:MM:SS``
  with a ``utc_offset`` column, and cells that a spreadsheet would run as a formula
  neutralised (OWASP CSV injection) — phone numbers such as ``+86 138 0013 8000``
  are left readable.
* Raw (``--raw``): plain UTF-8, the stored ISO 8601 UTC times, no escaping; exactly
  what ``import`` reads back.

This module uses ``sqlite3`` directly: the ORM builds an object per row, which is
the wrong tool for a bulk dump. The raw shape is even assembled by SQLite, one
finished CSV line per row.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import BinaryIO

from assistant.notes.fields import (
    CALL_FIELDS,
    FOLLOWUP_FIELDS,
    FieldSpec,
    csv_line_sql,
)
from assistant.store.db import BUSY_TIMEOUT_MS, apply_pragmas, store_error

TABLES: dict[str, tuple[FieldSpec, ...]] = {"calls": CALL_FIELDS, "followups": FOLLOWUP_FIELDS}
# The column a date range applies to.
RANGE_COLUMN = {"calls": "started_at", "followups": "due_at"}
ORDER = {"calls": "started_at, id", "followups": "due_at, id"}
BOM = "\ufeff".encode()
CHUNK = 2000

# Cells a spreadsheet treats as a formula (OWASP): neutralised with a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A phone number in international or local form: safe, and must stay readable.
_PHONE = re.compile(r"\+?[0-9][0-9 ()\-.]{5,22}[0-9]")


class ExportCancelled(Exception):
    """The caller asked to stop; nothing was left behind."""


def neutralise(cell: str) -> str:
    if cell.startswith(_FORMULA_START) and not _PHONE.fullmatch(cell):
        return "'" + cell
    return cell


def _range_clause(
    table: str, since: date | None, until: date | None, tz: tzinfo | None
) -> tuple[str, list[str]]:
    column = RANGE_COLUMN[table]
    clauses: list[str] = []
    params: list[str] = []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(_utc_text(datetime.combine(since, time(), tz)))
    if until is not None:
        clauses.append(f"{column} < ?")
        params.append(_utc_text(datetime.combine(until + timedelta(days=1), time(), tz)))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _utc_text(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC).isoformat()


def connect(store: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(store, timeout=BUSY_TIMEOUT_MS / 1000)
        apply_pragmas(conn)
    except sqlite3.Error as exc:
        raise store_error(store, exc) from exc
    return conn


def export_csv(
    store: Path,
    out: BinaryIO,
    *,
    table: str = "calls",
    since: date | None = None,
    until: date | None = None,
    raw: bool = False,
    tz: tzinfo | None = None,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the table as CSV to ``out``; return the number of rows.

    ``tz`` is the local time zone of the Excel shape (None: this machine's) and the
    zone the date range is read in. ``should_stop`` is polled between chunks.
    """
    specs = TABLES[table]
    where, params = _range_clause(table, since, until, tz)
    conn = connect(store)
    try:
        if raw:
            rows = _raw_lines(conn, table, specs, where, params)
        else:
            rows = _excel_lines(conn, table, specs, where, params, tz)
        count = 0
        for chunk, n in rows:
            out.write(chunk)
            count += n
            if progress is not None:
                progress(count)
            if should_stop is not None and should_stop():
                raise ExportCancelled
        return count
    except sqlite3.Error as exc:
        raise store_error(store, exc) from exc
    finally:
        conn.close()


def _raw_lines(
    conn: sqlite3.Connection,
    table: str,
    specs: tuple[FieldSpec, ...],
    where: str,
    params: list[str],
) -> Iterator[tuple[bytes, int]]:
    header = ",".join(s.name for s in specs) + "\r\n"
    yield header.encode(), 0
    # Calls keep their raw line in a generated column; follow-ups are few.
    line = "csv_raw" if table == "calls" else csv_line_sql(specs)
    cursor = conn.execute(f"SELECT {line} FROM {table}{where} ORDER BY {ORDER[table]}", params)
    while True:
        batch = cursor.fetchmany(CHUNK)
        if not batch:
            return
        text = "\r\n".join([r[0] for r in batch])
        yield (text + "\r\n").encode(), len(batch)


class _Buffer:
    """A write target for csv.writer that hands back what was written."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> bytes:
        data = "".join(self.parts).encode()
        self.parts.clear()
        return data


def _excel_lines(
    conn: sqlite3.Connection,
    table: str,
    specs: tuple[FieldSpec, ...],
    where: str,
    params: list[str],
    tz: tzinfo | None,
) -> Iterator[tuple[bytes, int]]:
    buffer = _Buffer()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([s.name for s in specs] + ["utc_offset"])
    yield BOM + buffer.take(), 0
    names = ", ".join(s.name for s in specs)
    time_columns = [i for i, s in enumerate(specs) if s.kind == "datetime"]
    anchor = next(i for i, s in enumerate(specs) if s.name == RANGE_COLUMN[table])
    cursor = conn.execute(f"SELECT {names} FROM {table}{where} ORDER BY {ORDER[table]}", params)
    while True:
        batch = cursor.fetchmany(CHUNK)
        if not batch:
            return
        for row in batch:
            cells = ["" if v is None else v if isinstance(v, str) else str(v) for v in row]
            offset = ""
            for i in time_columns:
                if cells[i]:
                    local = datetime.fromisoformat(cells[i]).astimezone(tz)
                    cells[i] = local.strftime("%Y-%m-%d %H:%M:%S")
                    if i == anchor or not offset:
                        offset = local.strftime("%z")
                        offset = f"{offset[:3]}:{offset[3:]}"
            writer.writerow([neutralise(c) for c in cells] + [offset])
        yield buffer.take(), len(batch)
