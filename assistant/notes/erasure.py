"""Right to erasure and retention: removing a customer's records, or old ones.

Both find the records first (so the command can say what it will remove and ask),
then delete them and their follow-ups in one transaction. A deleted record is never
pushed to the team server again: sync sends only records that still exist here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from sqlalchemy import Connection, text

# A contact with this many digits is a phone number: compared by its digits alone, so
# "+86 138 0013 8000" and "13800138000" are the same customer.
PHONE_DIGITS = 7


@dataclass(frozen=True, slots=True)
class Found:
    call_ids: list[str]
    followups: int


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def same_contact(stored: str, wanted: str) -> bool:
    """One customer's contact written two ways: phone digits (with or without the
    country code), or an e-mail or name compared without case or outer spaces."""
    a, b = _digits(stored), _digits(wanted)
    if len(b) >= PHONE_DIGITS and len(a) >= PHONE_DIGITS:
        shorter, longer = sorted((a, b), key=len)
        return longer.endswith(shorter) and len(longer) - len(shorter) <= 3
    return stored.strip().casefold() == wanted.strip().casefold()


def find_by_contact(conn: Connection, contact: str) -> Found:
    from assistant.store.models import SealedText

    # Typed as the column is, so an encrypted contact is compared in plain text.
    query = text("SELECT id, customer_contact FROM calls WHERE customer_contact IS NOT NULL")
    rows = conn.execute(query.columns(customer_contact=SealedText())).all()
    return _with_followups(conn, [r.id for r in rows if same_contact(r.customer_contact, contact)])


def find_before(conn: Connection, day: date, tz: tzinfo | None) -> Found:
    """Records that started before ``day`` (local midnight); drafts with no start
    time count from when they were made."""
    cutoff = datetime.combine(day, time(), tz).astimezone()
    rows = conn.execute(text("SELECT id, coalesce(started_at, created_at) AS at FROM calls"))
    return _with_followups(
        conn, [r.id for r in rows if r.at and datetime.fromisoformat(r.at) < cutoff]
    )


def _with_followups(conn: Connection, ids: list[str]) -> Found:
    count = 0
    for chunk in _chunks(ids):
        count += conn.execute(
            text(f"SELECT count(*) FROM followups WHERE call_id IN ({_marks(chunk)})"),
            _params(chunk),
        ).scalar_one()
    return Found(ids, count)


def remove(conn: Connection, ids: Sequence[str]) -> int:
    """Delete the records and their follow-ups (the caller's transaction); how many
    of the records were here."""
    removed = 0
    for chunk in _chunks(list(ids)):
        for table, column in (("followups", "call_id"), ("calls", "id")):
            result = conn.execute(
                text(f"DELETE FROM {table} WHERE {column} IN ({_marks(chunk)})"),
                _params(chunk),
            )
        removed += result.rowcount
    return removed


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _marks(chunk: list[str]) -> str:
    return ", ".join(f":p{i}" for i in range(len(chunk)))


def _params(chunk: list[str]) -> dict[str, str]:
    return {f"p{i}": value for i, value in enumerate(chunk)}
