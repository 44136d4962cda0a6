"""Repository functions for call records. They take a Session and never make one."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.notes.fields import (
    CALL_FIELD_NAMES,
    CALL_SPECS,
    FOLLOWUP_FIELD_NAMES,
    FOLLOWUP_SPECS,
)
from assistant.notes.models import CallRecord, FollowUp
from assistant.notes.redact import mask_fields
from assistant.notes.validation import FinaliseRefused, finalise_problems

Values = dict[str, Any]

log = logging.getLogger(__name__)

# Every field an agent can type into (text and list kinds) is masked before saving.
_CALL_TEXT = tuple(f.name for f in CALL_SPECS.values() if f.kind in ("text", "list"))
_FOLLOWUP_TEXT = tuple(f.name for f in FOLLOWUP_SPECS.values() if f.kind in ("text", "list"))


@dataclass(frozen=True, slots=True)
class SavedCall:
    """The saved record, and the fields where a card number was masked, as
    ``notes`` or ``followups[0].plan`` (the index in the ``followups`` given)."""

    call: CallRecord
    masked: tuple[str, ...]


def new_id() -> str:
    return str(uuid.uuid4())


def call_values(call: CallRecord) -> Values:
    return {name: getattr(call, name) for name in CALL_FIELD_NAMES}


def followup_values(followup: FollowUp) -> Values:
    return {name: getattr(followup, name) for name in FOLLOWUP_FIELD_NAMES}


def get_call(session: Session, call_id: str) -> CallRecord | None:
    return session.get(CallRecord, call_id)


def save_call(
    session: Session,
    values: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]] | None,
    *,
    now: datetime,
    keep_timestamps: bool = False,
) -> CallRecord:
    """Create or update a record by id; ``followups`` (if given) are upserted by id.

    ``keep_timestamps`` keeps created_at/updated_at from ``values`` (import);
    otherwise saving stamps updated_at with ``now``. Card numbers are masked; use
    ``save_call_checked`` to learn where.
    """
    return save_call_checked(
        session, values, followups, now=now, keep_timestamps=keep_timestamps
    ).call


def save_call_checked(
    session: Session,
    values: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]] | None,
    *,
    now: datetime,
    keep_timestamps: bool = False,
) -> SavedCall:
    """``save_call`` that also says which fields had a card number masked.

    The form should show the returned record's text afterwards, so the agent sees
    the mask rather than the number they typed.
    """
    values, masked = mask_fields(values, _CALL_TEXT)
    if followups is not None:
        cleaned = []
        for index, item in enumerate(followups):
            item_values, item_masked = mask_fields(item, _FOLLOWUP_TEXT)
            cleaned.append(item_values)
            masked += [f"followups[{index}].{name}" for name in item_masked]
        followups = cleaned
    call = _save(session, values, followups, now=now, keep_timestamps=keep_timestamps)
    if masked:
        log.info("call %s: masked card numbers in %s", call.id, ", ".join(masked))
    return SavedCall(call, tuple(masked))


def _save(
    session: Session,
    values: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]] | None,
    *,
    now: datetime,
    keep_timestamps: bool,
) -> CallRecord:
    call_id = values.get("id") or new_id()
    call = session.get(CallRecord, call_id)
    if call is None:
        call = CallRecord(id=call_id, status="draft", created_at=now, tags=[], templates_used=[])
        session.add(call)
    for name, value in values.items():
        if name == "id" or (name in ("created_at", "updated_at") and not keep_timestamps):
            continue
        if value is not None or name not in ("created_at", "updated_at", "status"):
            setattr(call, name, value)
    if not keep_timestamps or values.get("updated_at") is None:
        call.updated_at = now
    if followups is not None:
        existing = {f.id: f for f in call.followups}
        for item in followups:
            fid = item.get("id") or new_id()
            followup = existing.get(fid)
            if followup is None:
                followup = FollowUp(id=fid, status="open")
                call.followups.append(followup)
            for name, value in item.items():
                if name not in ("id", "call_id") and (value is not None or name != "status"):
                    setattr(followup, name, value)
    return call


def finalise_call(
    session: Session, call_id: str, required: Sequence[str], *, now: datetime
) -> CallRecord:
    """Mark a record final, or raise FinaliseRefused naming every missing field."""
    call = session.get(CallRecord, call_id)
    if call is None:
        raise KeyError(call_id)
    problems = finalise_problems(
        call_values(call), [followup_values(f) for f in call.followups], required
    )
    if problems:
        raise FinaliseRefused(problems)
    call.status = "final"
    call.updated_at = now
    return call


def open_followups(session: Session) -> list[FollowUp]:
    """Open follow-ups across all records, soonest due first (undated last)."""
    query = (
        select(FollowUp)
        .where(FollowUp.status == "open")
        .order_by(FollowUp.due_at.is_(None), FollowUp.due_at)
    )
    return list(session.scalars(query))
