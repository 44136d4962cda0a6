"""What the call-notes form does with the store: save, finalise, open a record, the
follow-up list, restoring drafts. Plain functions over a ``Store``, each one
transaction (one agent action), returning plain values, never ORM objects, so the
panel can run them on its worker thread and hand the result to the UI thread.

The rules that need no store (when a follow-up is due, how far a snooze goes,
which follow-up a dated commitment becomes) are here too, for the tests and the
panel alike. SQLAlchemy is imported only when a store function runs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from assistant.notes.validation import (
    FieldProblem,
    SavedRecord,
    check_call,
    check_followup,
)

if TYPE_CHECKING:
    from assistant.calendar.workcalendar import WorkCalendar
    from assistant.maintenance.drafts import Draft
    from assistant.store.db import Store

Values = dict[str, Any]
Snooze = Literal["15min", "1h", "next_business_day"]

# A follow-up due within this time is highlighted in the list.
DUE_SOON = timedelta(minutes=30)
RECENT_LIMIT = 15


class FormProblems(Exception):
    """Values the store cannot take (a 40,000-character paste, a control character)."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """One line of the follow-up list."""

    id: str
    call_id: str
    owner: str
    due_at: datetime | None
    plan: str
    customer: str = ""
    request: str = ""
    contact: str = ""  # the customer's phone or e-mail, to call back on


@dataclass(frozen=True, slots=True)
class RecentCall:
    id: str
    status: str
    started_at: datetime | None
    updated_at: datetime
    customer: str
    request: str


# -- store-free rules --------------------------------------------------------------


def raw(value: Any) -> Any:
    """A form value as checking takes it: times as ISO 8601 text."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def raw_values(values: Mapping[str, Any]) -> Values:
    return {name: raw(value) for name, value in values.items()}


def is_overdue(due: datetime | None, now: datetime) -> bool:
    return due is not None and due <= now


def is_due_soon(due: datetime | None, now: datetime) -> bool:
    return due is not None and now < due <= now + DUE_SOON


def newly_due(
    rows: Sequence[FollowUpRow], now: datetime, told: Collection[str]
) -> list[FollowUpRow]:
    """Follow-ups whose due time has come and that the agent was not told about yet."""
    return [r for r in rows if is_overdue(r.due_at, now) and r.id not in told]


def snooze_until(choice: Snooze, now: datetime, calendar: WorkCalendar) -> datetime:
    """The new due time: 15 minutes or an hour from now, or the next business day's opening."""
    if choice == "15min":
        return now + timedelta(minutes=15)
    if choice == "1h":
        return now + timedelta(hours=1)
    today = calendar.to_local(now).date()
    return calendar.combine(calendar.next_working_day(today), calendar.office_hours.start)


def commitment_followup(
    followup_id: str, due: datetime, owner: str, plan: str, resources: str = ""
) -> Values:
    """The follow-up a dated commitment becomes: the agent owns keeping the promise."""
    item: Values = {"id": followup_id, "owner": owner, "due_at": due, "plan": plan}
    if resources:
        item["resources"] = resources
    item["status"] = "open"
    return item


# -- store use cases ---------------------------------------------------------------


def _checked(
    values: Mapping[str, Any], followups: Sequence[Mapping[str, Any]], dispositions: Sequence[str]
) -> tuple[Values, list[Values], tuple[str, ...]]:
    checked = check_call(raw_values(values), dispositions=dispositions)
    problems = list(checked.problems)
    masked = list(checked.masked)
    items = []
    for index, item in enumerate(followups):
        one = check_followup({k: raw(v) for k, v in item.items() if k != "call_id"})
        problems += [FieldProblem(f"followups[{index}].{p.field}", p.reason) for p in one.problems]
        masked += [f"followups[{index}].{name}" for name in one.masked]
        items.append(one.values)
    if problems:
        raise FormProblems(problems)
    return checked.values, items, tuple(masked)


def save_form(
    store: Store,
    values: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]],
    *,
    dispositions: Sequence[str] = (),
    now: datetime,
    required: Sequence[str] | None = None,
    when_final: Mapping[str, Any] | None = None,
) -> SavedRecord:
    """Save the form's record (a draft unless it is final already), in one commit.

    With ``required``, finalise it in the same commit; a refusal still saves, and
    ``refused`` names every gap. ``when_final`` values are written only when the
    record becomes final.

    Raises ``FormProblems`` for values the store cannot take and ``UserError`` when
    the store refuses (busy, disk full, read-only); nothing is half-saved.
    """
    from assistant.notes.records import save_call

    checked, items, masked = _checked(values, followups, dispositions)
    final = _checked({"id": checked["id"], **when_final}, (), ())[0] if when_final else None
    with store.transaction() as session:
        saved = save_call(session, checked, items, now=now, required=required, when_final=final)
    return replace(saved, masked=masked + saved.masked)


def finalise_form(
    store: Store,
    values: Mapping[str, Any],
    followups: Sequence[Mapping[str, Any]],
    *,
    required: Sequence[str],
    dispositions: Sequence[str] = (),
    now: datetime,
    when_final: Mapping[str, Any] | None = None,
) -> SavedRecord:
    """Save and finalise in one commit. A refusal still saves, without ``when_final``
    (the call's end and durations); ``refused`` names every gap."""
    return save_form(
        store,
        values,
        followups,
        dispositions=dispositions,
        now=now,
        required=required,
        when_final=when_final,
    )


def load_call(store: Store, call_id: str) -> SavedRecord | None:
    from assistant.notes.records import stored_call

    with store.transaction() as session:
        found = stored_call(session, call_id)
    return None if found is None else SavedRecord(call_id, *found)


def recent_calls(store: Store, limit: int = RECENT_LIMIT) -> list[RecentCall]:
    """The records changed last, newest first (the form's "Recent" menu)."""
    from sqlalchemy import select

    from assistant.store.models import CallRecord

    query = (
        select(
            CallRecord.id,
            CallRecord.status,
            CallRecord.started_at,
            CallRecord.updated_at,
            CallRecord.customer_title,
            CallRecord.customer_name,
            CallRecord.request,
        )
        .order_by(CallRecord.updated_at.desc())
        .limit(limit)
    )
    with store.transaction() as session:
        return [
            RecentCall(r[0], r[1], r[2], r[3], r[4] or r[5] or "", r[6] or "")
            for r in session.execute(query)
        ]


def followup_rows(store: Store) -> list[FollowUpRow]:
    """Every open follow-up across all records (drafts too), soonest due first, with
    its call's customer, request and contact."""
    from sqlalchemy import select

    from assistant.notes.records import open_followups
    from assistant.store.models import CallRecord

    with store.transaction() as session:
        followups = open_followups(session)
        ids = sorted({f.call_id for f in followups})
        calls: dict[str, tuple[str, str, str]] = {}
        for start in range(0, len(ids), 500):
            query = select(
                CallRecord.id,
                CallRecord.customer_title,
                CallRecord.customer_name,
                CallRecord.request,
                CallRecord.customer_contact,
            ).where(CallRecord.id.in_(ids[start : start + 500]))
            for cid, title, name, request, contact in session.execute(query):
                calls[cid] = (title or name or "", request or "", contact or "")
        return [
            FollowUpRow(
                f.id,
                f.call_id,
                f.owner or "",
                f.due_at,
                f.plan or "",
                *calls.get(f.call_id, ("", "", "")),
            )
            for f in followups
        ]


def mark_done(store: Store, followup_id: str, now: datetime) -> None:
    from assistant.store.models import FollowUp

    with store.transaction() as session:
        followup = session.get(FollowUp, followup_id)
        if followup is None:
            raise KeyError(followup_id)
        followup.status = "done"
        followup.done_at = now
        followup.call.updated_at = now


def reschedule(store: Store, followup_id: str, due: datetime, now: datetime) -> None:
    from assistant.store.models import FollowUp

    with store.transaction() as session:
        followup = session.get(FollowUp, followup_id)
        if followup is None:
            raise KeyError(followup_id)
        followup.due_at = due
        followup.call.updated_at = now


def save_drafts(
    store: Store, drafts: Sequence[Draft], *, dispositions: Sequence[str] = (), now: datetime
) -> list[str]:
    """Keep older drafts as records in the store; return the ids saved.

    A value a draft holds that the store cannot take is left out (the rest is
    kept); the draft's own file stays until the caller discards it.
    """
    from assistant.notes.records import save_call

    saved = []
    for draft in drafts:
        checked = check_call(
            {**draft.values, "id": draft.values.get("id") or draft.key},
            dispositions=dispositions,
        )
        values = checked.values
        if "id" not in values:
            continue
        items = []
        for item in draft.followups:
            one = check_followup({k: v for k, v in item.items() if k != "call_id"})
            if not one.problems:
                items.append(one.values)
        with store.transaction() as session:
            save_call(session, values, items, now=now)
        saved.append(str(values["id"]))
    return saved


# -- export ------------------------------------------------------------------------


class Progress:
    """Rows written so far, set by the exporting thread and read by the panel."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0

    def set(self, done: int) -> None:
        self.done = done


def export_to_file(
    store_file: Path,
    target: Path,
    *,
    table: str,
    since: date | None,
    until: date | None,
    raw: bool,
    should_stop: Callable[[], bool],
    progress: Progress,
) -> int:
    """Export CSV to ``target`` through a temporary file; return the rows written.

    Cancelling (``should_stop``) or any failure leaves no file behind: the
    temporary file is removed and ``target`` is untouched.
    """
    from assistant.errors import UserError
    from assistant.files import write_chosen_file
    from assistant.notes.export import _range_clause, connect, export_csv

    if not store_file.exists():
        raise UserError(f"{store_file}: no store yet; nothing to export")
    where, params = _range_clause(table, since, until, None)
    conn = connect(store_file)
    try:
        progress.total = int(
            conn.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0]
        )
    finally:
        conn.close()
    written: list[int] = []

    def write(out: BinaryIO) -> None:
        written.append(
            export_csv(
                store_file,
                out,
                table=table,
                since=since,
                until=until,
                raw=raw,
                should_stop=should_stop,
                progress=progress.set,
            )
        )

    write_chosen_file(target, write)
    return written[0]
