"""The local side of sync: which records wait to go up, and noting what went.

Whenever a record or its follow-ups are written, triggers in the store (migration
0003) set its ``sync_calls.change_seq`` from a counter that only grows. A pushed
change is cleared only if its ``change_seq`` is still the one that was read, so an
edit made while a push is under way (even by a second sync process) is never
mistaken for pushed. Repository functions in the house style: they take a Session
and never make one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Table,
    Text,
    TypeDecorator,
    bindparam,
    case,
    delete,
    func,
    null,
    select,
    true,
    type_coerce,
    update,
)
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from assistant.store.fields import CALL_FIELD_NAMES, FOLLOWUP_FIELD_NAMES
from assistant.store.models import CallRecord, CallSyncState, FollowUp, SealedText, SyncClock
from assistant.sync.versions import (
    CALL_NAMES,
    FOLLOWUP_NAMES,
    PendingRecord,
    RecordVersion,
    from_stored,
)

if TYPE_CHECKING:
    from assistant.sync.push import PushOutcome

CALLS: Table = CallRecord.__table__  # type: ignore[assignment]
FOLLOWUPS: Table = FollowUp.__table__  # type: ignore[assignment]
SYNC: Table = CallSyncState.__table__  # type: ignore[assignment]
CLOCK: Table = SyncClock.__table__  # type: ignore[assignment]


def pending_count(session: Session) -> int:
    query = select(func.count()).select_from(SYNC).where(SYNC.c.change_seq.is_not(None))
    return int(session.execute(query).scalar_one())


def next_batch(session: Session, after_seq: int, limit: int) -> list[PendingRecord]:
    """Up to ``limit`` changed records with ``change_seq`` above ``after_seq``, oldest first."""
    rows = session.execute(
        select(SYNC.c.call_id, SYNC.c.change_seq, SYNC.c.server_rev)
        .where(SYNC.c.change_seq > after_seq)
        .order_by(SYNC.c.change_seq)
        .limit(limit)
    ).all()
    if not rows:
        return []
    ids = [row.call_id for row in rows]
    calls = {
        row[0]: row
        for row in session.execute(select(*_stored(CALLS, CALL_NAMES)).where(CALLS.c.id.in_(ids)))
    }
    followups: dict[str, list[Any]] = defaultdict(list)
    query = select(*_stored(FOLLOWUPS, FOLLOWUP_NAMES)).where(FOLLOWUPS.c.call_id.in_(ids))
    for row in session.execute(query):
        followups[row[1]].append(row)
    batch = []
    for row in rows:
        call = calls.get(row.call_id)
        version = None if call is None else from_stored(call, followups.get(row.call_id, ()))
        batch.append(PendingRecord(row.call_id, row.change_seq, row.server_rev, version))
    return batch


def _stored(table: Table, names: Sequence[str]) -> list[Any]:
    """Columns as the store keeps them: times and lists stay text (see versions.py);
    customer fields are read plain, even with encryption at rest on."""
    return [
        type_coerce(table.c[n], Text())
        if isinstance(table.c[n].type, TypeDecorator)
        and not isinstance(table.c[n].type, SealedText)
        else table.c[n]
        for n in names
    ]


def mark_pushed(
    session: Session, gone: Sequence[PendingRecord], outcomes: Sequence[PushOutcome]
) -> None:
    """Note one pushed batch; for a lost conflict, take the server's version here too."""
    conn = session.connection()
    # Every statement here writes, so SQLite takes the write lock at once.
    if gone:
        conn.execute(
            delete(SYNC).where(
                SYNC.c.call_id == bindparam("b_id"), SYNC.c.change_seq == bindparam("b_seq")
            ),
            [{"b_id": p.call_id, "b_seq": p.change_seq} for p in gone],
        )
    plain = [o for o in outcomes if o.winner is None]
    if plain:
        conn.execute(
            update(SYNC)
            .where(SYNC.c.call_id == bindparam("b_id"))
            .values(
                server_rev=bindparam("b_rev"),
                change_seq=case(
                    (SYNC.c.change_seq == bindparam("b_seq"), null()), else_=SYNC.c.change_seq
                ),
            ),
            [{"b_id": o.call_id, "b_seq": o.change_seq, "b_rev": o.rev} for o in plain],
        )
    for outcome in outcomes:
        if outcome.winner is None:
            continue
        unchanged = conn.execute(
            update(SYNC)
            .where(SYNC.c.call_id == outcome.call_id, SYNC.c.change_seq == outcome.change_seq)
            .values(server_rev=outcome.rev)
        ).rowcount
        if unchanged:
            apply_version(session, outcome.winner)
            # The triggers marked the record changed again; it now equals the server's.
            conn.execute(
                update(SYNC).where(SYNC.c.call_id == outcome.call_id).values(change_seq=None)
            )
        else:
            # Edited again since it was read: that newer edit goes up next time.
            conn.execute(
                update(SYNC).where(SYNC.c.call_id == outcome.call_id).values(server_rev=outcome.rev)
            )


def apply_version(session: Session, version: RecordVersion) -> None:
    """Make the local record and its follow-ups exactly ``version``."""
    conn = session.connection()
    statement = insert(CALLS).values(version.call)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[CALLS.c.id],
            set_={n: statement.excluded[n] for n in CALL_FIELD_NAMES if n != "id"},
        )
    )
    keep = [f["id"] for f in version.followups]
    conn.execute(
        delete(FOLLOWUPS).where(FOLLOWUPS.c.call_id == version.id, FOLLOWUPS.c.id.not_in(keep))
    )
    if version.followups:
        statement = insert(FOLLOWUPS)
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=[FOLLOWUPS.c.id],
                set_={n: statement.excluded[n] for n in FOLLOWUP_FIELD_NAMES if n != "id"},
            ),
            list(version.followups),
        )


def mark_all_changed(session: Session) -> int:
    """Queue every record again (after the server was restored or replaced)."""
    conn = session.connection()
    count = conn.execute(select(func.count()).select_from(CALLS)).scalar_one()
    top = conn.execute(
        update(CLOCK).values(tick=CLOCK.c.tick + count).returning(CLOCK.c.tick - count)
    ).scalar_one()
    rows = select(CALLS.c.id, top + func.row_number().over()).where(true())
    statement = insert(SYNC).from_select(["call_id", "change_seq"], rows)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[SYNC.c.call_id], set_={"change_seq": statement.excluded.change_seq}
        )
    )
    return pending_count(session)
