"""Repository functions for call records. They take a Session and never make one."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from assistant.notes.bulk import upsert
from assistant.notes.validation import FieldProblem, SavedRecord, finalise_problems
from assistant.redact import mask_fields
from assistant.store.fields import (
    CALL_FIELD_NAMES,
    CALL_SPECS,
    FOLLOWUP_FIELD_NAMES,
    FOLLOWUP_SPECS,
)
from assistant.store.models import CallRecord, FollowUp

Values = dict[str, Any]

log = logging.getLogger(__name__)

# Every field an agent can type into (text and list kinds) is masked before saving.
_CALL_TEXT = tuple(f.name for f in CALL_SPECS.values() if f.kind in ("text", "list"))
_FOLLOWUP_TEXT = tuple(f.name for f in FOLLOWUP_SPECS.values() if f.kind in ("text", "list"))

_CALLS: Table = CallRecord.__table__  # type: ignore[assignment]
_FOLLOWUPS: Table = FollowUp.__table__  # type: ignore[assignment]
_CALL_BY_ID = select(*(_CALLS.c[name] for name in CALL_FIELD_NAMES)).where(
    _CALLS.c.id == bindparam("id")
)
_FOLLOWUPS_OF = (
    select(*(_FOLLOWUPS.c[name] for name in FOLLOWUP_FIELD_NAMES))
    .where(_FOLLOWUPS.c.call_id == bindparam("call_id"))
    .order_by(_FOLLOWUPS.c.due_at)
)


def new_id() -> str:
    return str(uuid.uuid4())


def stored_call(session: Session, call_id: str) -> tuple[Values, list[Values]] | None:
    """A record's values and its follow-ups' (soonest due first), or None."""
    row = session.execute(_CALL_BY_ID, {"id": call_id}).first()
    if row is None:
        return None
    followups = session.execute(_FOLLOWUPS_OF, {"call_id": call_id})
    return dict(row._mapping), [dict(f._mapping) for f in followups]


def save_call(
    session: Session,
    values: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]] | None,
    *,
    now: datetime,
    required: Sequence[str] | None = None,
    when_final: Mapping[str, Any] | None = None,
) -> SavedRecord:
    """Create or update a record by id; ``followups`` (if given) are upserted by id.

    Fields not in ``values`` keep what the store holds; saving stamps updated_at
    with ``now``. Card numbers are masked, and ``masked`` says where (the form
    should show the returned values, so the agent sees the mask rather than the
    number typed). With ``required``, the record is finalised in the same write,
    or saved as it is with ``refused`` naming every gap. ``when_final`` values (the
    call's end and durations) are written only if it becomes final: a refused
    finalise leaves the call as it was.

    SQLAlchemy Core rather than the ORM: one read and one upsert per table keep
    the agent's save (a durable commit) within a few milliseconds.
    """
    values, masked = mask_fields(values, _CALL_TEXT)
    call, kept = _call_with(session, values, now)
    call_id = str(call["id"])
    all_followups, written, followups_masked = _followups_with(kept, followups or (), call_id)
    masked += followups_masked
    refused: tuple[FieldProblem, ...] = ()
    if required is not None:
        final = {**call, **(when_final or {})}
        refused = tuple(finalise_problems(final, all_followups, required))
        if not refused:
            call = {**final, "status": "final"}
    upsert(session, _CALLS, [call])
    upsert(session, _FOLLOWUPS, written)
    if masked:
        log.info("call %s: masked card numbers in %s", call_id, ", ".join(masked))
    return SavedRecord(call_id, call, all_followups, tuple(masked), refused)


def _call_with(
    session: Session, values: Mapping[str, Any], now: datetime
) -> tuple[Values, list[Values]]:
    """The stored record (a new draft if there is none) with ``values`` written over
    it, and its stored follow-ups. A None status keeps the stored one."""
    call_id = str(values.get("id") or new_id())
    found = stored_call(session, call_id)
    if found is None:
        call: Values = {name: None for name in CALL_FIELD_NAMES}
        call.update(id=call_id, status="draft", created_at=now)
        kept: list[Values] = []
    else:
        call, kept = found
    for name, value in values.items():
        if name not in ("id", "created_at", "updated_at") and (
            value is not None or name != "status"
        ):
            call[name] = value
    call["updated_at"] = now
    for name in ("tags", "templates_used"):
        call[name] = call[name] or []
    return call, kept


def _followups_with(
    kept: Sequence[Values], given: Sequence[Mapping[str, Any]], call_id: str
) -> tuple[list[Values], list[Values], list[str]]:
    """Every follow-up of the record once ``given`` (masked) is written over ``kept``,
    by id; the ones to write; and where card numbers were masked."""
    by_id = {f["id"]: f for f in kept}
    written = []
    masked: list[str] = []
    for index, item_given in enumerate(given):
        item, item_masked = mask_fields(item_given, _FOLLOWUP_TEXT)
        masked += [f"followups[{index}].{name}" for name in item_masked]
        fid = str(item.get("id") or new_id())
        followup = by_id.get(fid)
        if followup is None:
            followup = by_id[fid] = {name: None for name in FOLLOWUP_FIELD_NAMES}
            followup.update(id=fid, status="open")
        for name, value in item.items():
            if name not in ("id", "call_id") and (value is not None or name != "status"):
                followup[name] = value
        followup["call_id"] = call_id
        written.append(followup)
    return list(by_id.values()), written, masked


def open_followups(session: Session) -> list[FollowUp]:
    """Open follow-ups across all records, soonest due first (undated last)."""
    query = (
        select(FollowUp)
        .where(FollowUp.status == "open")
        .order_by(FollowUp.due_at.is_(None), FollowUp.due_at)
    )
    return list(session.scalars(query))
