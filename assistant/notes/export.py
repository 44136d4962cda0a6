"""CSV export of call records and follow-ups, streamed straight from SQLite.

Two shapes:

* Excel (default): UTF-8 with a BOM, every cell quoted, times in local time as
  ``YYYY-MM-DD HH:MM:SS`` with a ``utc_offset`` column written as text that stays
  text in every spreadsheet, ``UTC+08:00``. A spreadsheet reads each cell
  as if typed, so a cell it would change is written as a text formula, ``="…"``,
  whose value is the text exactly as typed (OWASP CSV injection, without the quote
  mark that shows):

  - formula-looking cells (starting with ``=`` ``+`` ``-`` ``@``, a tab or a carriage
    return) in every column, so nothing the agent typed runs;
  - in the identifier columns (``customer_contact``, ``account_ref``, ``agent_id``)
    every value holding a digit: phone numbers (``02158886666`` keeps its zero,
    ``13800138000`` stays text), order and account numbers (16+ digits keep them all);
  - in free-text columns a cell of digits alone (an order number typed on its own).
    Other free text that looks like a number or a date is left to the spreadsheet.

  Excel evaluates ``="…"``; LibreOffice Calc does when "Evaluate formulas" is ticked
  in its import dialog, and otherwise shows ``="…"`` as text: safe, digits intact.
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

from assistant.errors import UserError
from assistant.store.connect import BUSY_TIMEOUT_MS, apply_pragmas, store_error
from assistant.store.fields import (
    CALL_FIELDS,
    FOLLOWUP_FIELDS,
    FieldSpec,
    csv_line_sql,
)

TABLES: dict[str, tuple[FieldSpec, ...]] = {"calls": CALL_FIELDS, "followups": FOLLOWUP_FIELDS}
# The column a date range applies to.
RANGE_COLUMN = {"calls": "started_at", "followups": "due_at"}
ORDER = {"calls": "started_at, id", "followups": "due_at, id"}
BOM = "\ufeff".encode()
CHUNK = 2000

# Columns of phone, account and order numbers: text, never a number or a date.
IDENTIFIER_COLUMNS = frozenset({"customer_contact", "account_ref", "agent_id"})
# A first character that makes a spreadsheet run the cell as a formula (OWASP).
_FORMULA = r"[=+\-@\t\r]"
# Which cells are written as text formulas (see the module's doc).
_FORMULA_LOOKING = re.compile(_FORMULA).match
_FREE_TEXT_AS_TEXT = re.compile(rf"{_FORMULA}|[0-9]+\Z").match
_IDENTIFIER_AS_TEXT = re.compile(rf"\A{_FORMULA}|[0-9]").search
# Excel caps a text constant in a formula at 255 characters (an emoji may count as
# two) and a formula at 8,192.
_CONSTANT = 127
_FORMULA_MAX = 8192
# A line break cannot stand inside a formula in LibreOffice's import: CHAR() it.
_LINE_BREAK = re.compile(r"(\r|\n)")
_CHAR = {"\r": "CHAR(13)", "\n": "CHAR(10)"}


class ExportCancelled(Exception):
    """The caller asked to stop; nothing was left behind."""


def text_formula(cell: str) -> str:
    """``cell`` as a formula whose value is exactly ``cell`` as text: ``="0215…"``.

    Too long for a formula, a formula-looking cell gets a leading quote instead:
    it shows, but nothing runs.
    """
    parts: list[str] = []
    for piece in _LINE_BREAK.split(cell):
        if piece in _CHAR:
            parts.append(_CHAR[piece])
        else:
            parts.extend(
                '"' + piece[i : i + _CONSTANT].replace('"', '""') + '"'
                for i in range(0, len(piece), _CONSTANT)
            )
    formula = "=" + "&".join(parts)
    if len(formula) <= _FORMULA_MAX:
        return formula
    return "'" + cell if _FORMULA_LOOKING(cell) else cell


def _as_text_if(spec: FieldSpec) -> Callable[[str], object]:
    if spec.name in IDENTIFIER_COLUMNS:
        return _IDENTIFIER_AS_TEXT
    if spec.kind in ("text", "list"):
        return _FREE_TEXT_AS_TEXT
    return _FORMULA_LOOKING


def day_bounds(
    since: date | None, until: date | None, tz: tzinfo | None
) -> tuple[datetime | None, datetime | None]:
    """The local days ``since``..``until`` (inclusive) as a half-open range of aware
    times: from midnight of ``since`` to midnight after ``until``; None is open."""
    start = None if since is None else _aware(datetime.combine(since, time(), tz))
    end = None if until is None else _aware(datetime.combine(until + timedelta(days=1), time(), tz))
    return start, end


def _aware(value: datetime) -> datetime:
    return value.astimezone() if value.tzinfo is None else value


def _range_clause(
    table: str, since: date | None, until: date | None, tz: tzinfo | None
) -> tuple[str, list[str]]:
    column = RANGE_COLUMN[table]
    start, end = day_bounds(since, until, tz)
    clauses: list[str] = []
    params: list[str] = []
    if start is not None:
        clauses.append(f"{column} >= ?")
        params.append(_utc_text(start))
    if end is not None:
        clauses.append(f"{column} < ?")
        params.append(_utc_text(end))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _utc_text(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC).isoformat()


def connect(store: Path) -> sqlite3.Connection:
    """A connection for reading: with encryption at rest on, ``calls`` and
    ``followups`` read as plain text (``KeyProblem`` if their key is missing)."""
    from assistant.store.encryption import ReadConnection, attach_plain_views

    try:
        conn = sqlite3.connect(store, timeout=BUSY_TIMEOUT_MS / 1000, factory=ReadConnection)
    except sqlite3.Error as exc:
        raise store_error(store, exc) from exc
    try:
        apply_pragmas(conn)
        attach_plain_views(conn, store)
    except sqlite3.Error as exc:
        conn.close()
        raise store_error(store, exc) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def read_error(store: Path, conn: sqlite3.Connection, exc: sqlite3.Error) -> UserError:
    """One line for a failed read: a missing or wrong key, else what SQLite said."""
    from assistant.store.encryption import key_problem_of

    return key_problem_of(conn) or store_error(store, exc)


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
        raise read_error(store, conn, exc) from exc
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
    # Quoted, because LibreOffice's import dialog also splits at ";" and tabs.
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([s.name for s in specs] + ["utc_offset"])
    yield BOM + buffer.take(), 0
    names = ", ".join(s.name for s in specs)
    time_columns = [i for i, s in enumerate(specs) if s.kind == "datetime"]
    anchor = next(i for i, s in enumerate(specs) if s.name == RANGE_COLUMN[table])
    as_text_if = [_as_text_if(s) for s in specs]
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
                        # "UTC+08:00": plain text to every spreadsheet; "+08:00"
                        # alone would be read as a formula or a time.
                        offset = f"UTC{offset[:3]}:{offset[3:]}"
            for i, needs_text in enumerate(as_text_if):
                if needs_text(cells[i]):
                    cells[i] = text_formula(cells[i])
            writer.writerow([*cells, offset])
        yield buffer.take(), len(batch)
