"""Bulk upserts for import: SQLAlchemy Core, one statement per table and chunk.

The ORM would load and track an object per row; an import of many thousand rows
only needs ``INSERT ... ON CONFLICT(id) DO UPDATE``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Table, select
from sqlalchemy.dialects.sqlite import Insert, insert
from sqlalchemy.orm import Session

from assistant.store.fields import CALL_FIELD_NAMES, FOLLOWUP_FIELD_NAMES
from assistant.store.models import CallRecord, FollowUp

if TYPE_CHECKING:
    from assistant.notes.validation import Values


class ParsedLine(Protocol):
    """A checked line of an import file, as the importer hands it over."""

    @property
    def line(self) -> int: ...
    @property
    def kind(self) -> str: ...  # "calls" or "followups"
    @property
    def values(self) -> Values: ...
    @property
    def followups(self) -> list[Values] | None: ...


CHUNK = 500  # well under SQLite's bound-parameter limit per IN (...)


@dataclass(frozen=True, slots=True)
class UpsertResult:
    created: int
    updated: int
    followups: int
    orphans: list[int]  # lines of follow-ups whose call is nowhere to be found


def existing_ids(session: Session, table: Table, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    return found


@functools.cache
def _upsert_statement(table: Table) -> Insert:
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={
            c.name: statement.excluded[c.name]
            for c in table.c
            if c.name != "id" and c.computed is None
        },
    )


def upsert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (every column given), replacing any row with the same id."""
    for start in range(0, len(rows), CHUNK):
        session.execute(_upsert_statement(table), rows[start : start + CHUNK])


def _call_row(values: dict[str, Any], now: datetime) -> dict[str, Any]:
    row = {name: values.get(name) for name in CALL_FIELD_NAMES}
    row["status"] = row["status"] or "draft"
    row["tags"] = row["tags"] or []
    row["templates_used"] = row["templates_used"] or []
    row["created_at"] = row["created_at"] or now
    row["updated_at"] = row["updated_at"] or row["created_at"]
    return row


def _followup_row(values: dict[str, Any]) -> dict[str, Any]:
    row = {name: values.get(name) for name in FOLLOWUP_FIELD_NAMES}
    row["status"] = row["status"] or "open"
    return row


def upsert_lines(
    session: Session, lines: Iterable[ParsedLine], *, now: datetime, skip_orphans: bool
) -> UpsertResult:
    calls_table: Table = CallRecord.__table__  # type: ignore[assignment]
    followups_table: Table = FollowUp.__table__  # type: ignore[assignment]
    call_rows: list[dict[str, Any]] = []
    followup_rows: list[tuple[int, dict[str, Any]]] = []
    for line in lines:
        if line.kind == "calls":
            call_rows.append(_call_row(line.values, now))
            followup_rows.extend((line.line, _followup_row(f)) for f in line.followups or ())
        else:
            followup_rows.append((line.line, _followup_row(line.values)))
    call_ids = [r["id"] for r in call_rows]
    already = existing_ids(session, calls_table, call_ids)
    parents = set(call_ids) | existing_ids(
        session, calls_table, sorted({r["call_id"] for _, r in followup_rows} - set(call_ids))
    )
    orphans = [line for line, row in followup_rows if row["call_id"] not in parents]
    if orphans and not skip_orphans:
        return UpsertResult(0, 0, 0, orphans)
    kept = [row for _, row in followup_rows if row["call_id"] in parents]
    upsert(session, calls_table, call_rows)
    upsert(session, followups_table, kept)
    return UpsertResult(len(call_rows) - len(already), len(already), len(kept), orphans)
