"""The server side of one pushed batch, run inside one REPEATABLE READ transaction.

For each record the server row is locked (``SELECT ... FOR UPDATE``) and the
record is then:

- created, when the server does not have it;
- left alone, when the server already holds this exact version (same content
  hash): a batch that was committed but whose answer was lost is sent again
  harmlessly;
- updated, when the server still holds the revision this machine last wrote or
  saw (an ordinary edit);
- refused, when it was erased team-wide (``erasure.py``): it never comes back;
- otherwise in conflict: it was changed on another machine too. The newer
  ``updated_at`` wins (on a tie the version already on the server stays) and the
  losing version, with its follow-ups, goes to ``sync_conflicts``.

A record that did not exist when the transaction began but was inserted by
another machine meanwhile makes PostgreSQL raise a serialisation failure; the
caller retries the batch, which then sees the row.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import BindParameter, Table, Text, all_, any_, bindparam, delete, select, text
from sqlalchemy.dialects.postgresql import ARRAY, insert

from assistant.store.fields import LIST_SEPARATOR
from assistant.sync import server_tables as t
from assistant.sync.erasure import erased_among
from assistant.sync.server_schema import SCHEMA
from assistant.sync.versions import CALL_NAMES, FOLLOWUP_NAMES, RecordVersion, make_version

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from assistant.sync.versions import PendingRecord

OutcomeKind = Literal["created", "updated", "same", "won", "lost", "erased"]


@dataclass(frozen=True, slots=True)
class Conflict:
    """A record changed on two machines; ``kept`` says whose version won."""

    call_id: str
    kept: Literal["this machine", "server"]
    local_updated_at: datetime
    server_updated_at: datetime
    server_pushed_by: str


@dataclass(frozen=True, slots=True)
class PushOutcome:
    call_id: str
    change_seq: int
    rev: int  # the server's revision of the record after this batch
    kind: OutcomeKind
    followups: int = 0  # follow-ups written
    winner: RecordVersion | None = None  # set when the server's version won
    conflict: Conflict | None = None


@dataclass(frozen=True, slots=True)
class _ServerRow:
    rev: int
    content_hash: str
    updated_at: datetime
    pushed_by: str
    pushed_from: str


def read_versions(conn: Connection, ids: Sequence[str]) -> dict[str, RecordVersion]:
    """The server's full versions of ``ids`` (only needed for conflicts, which are rare)."""
    followups: dict[str, list[Any]] = defaultdict(list)
    query = select(*(t.followups.c[n] for n in t.FOLLOWUP_COLUMNS))
    for row in conn.execute(query.where(t.followups.c.call_id == any_(_texts(list(ids))))):
        followups[row.call_id].append(row._mapping)
    query = select(*(t.calls.c[n] for n in t.CALL_COLUMNS)).where(
        t.calls.c.id == any_(_texts(list(ids)))
    )
    return {
        row.id: make_version(row._mapping, followups.get(row.id, ())) for row in conn.execute(query)
    }


def push_batch(
    conn: Connection, batch: Sequence[PendingRecord], *, pushed_by: str, pushed_from: str
) -> list[PushOutcome]:
    """Write ``batch`` (records that exist locally) in the caller's transaction."""
    ids = [p.call_id for p in batch]
    query = select(
        t.calls.c.id,
        t.calls.c.rev,
        t.calls.c.content_hash,
        t.calls.c.updated_at,
        t.calls.c.pushed_by,
        t.calls.c.pushed_from,
    )
    server = {
        row.id: _ServerRow(
            row.rev, row.content_hash, row.updated_at, row.pushed_by, row.pushed_from
        )
        for row in conn.execute(query.where(t.calls.c.id == any_(_texts(ids))).with_for_update())
    }
    erased = erased_among(conn, ids)
    writes: list[RecordVersion] = []
    outcomes: list[PushOutcome] = []
    contested: list[tuple[PendingRecord, _ServerRow]] = []
    for pending in batch:
        version = pending.version
        assert version is not None
        if pending.call_id in erased:
            outcomes.append(PushOutcome(pending.call_id, pending.change_seq, 0, "erased"))
            continue
        row = server.get(pending.call_id)
        if row is None:
            writes.append(version)
            outcomes.append(_outcome(pending, 1, "created"))
        elif row.content_hash == version.content_hash:
            outcomes.append(PushOutcome(pending.call_id, pending.change_seq, row.rev, "same"))
        elif row.rev == pending.server_rev:
            writes.append(version)
            outcomes.append(_outcome(pending, row.rev + 1, "updated"))
        else:
            contested.append((pending, row))
    if contested:
        outcomes += _settle(conn, contested, writes, pushed_by=pushed_by, pushed_from=pushed_from)
    _write(conn, writes, server, pushed_by=pushed_by, pushed_from=pushed_from)
    return outcomes


def _outcome(pending: PendingRecord, rev: int, kind: OutcomeKind) -> PushOutcome:
    assert pending.version is not None
    return PushOutcome(
        pending.call_id, pending.change_seq, rev, kind, followups=len(pending.version.followups)
    )


def _settle(
    conn: Connection,
    contested: list[tuple[PendingRecord, _ServerRow]],
    writes: list[RecordVersion],
    *,
    pushed_by: str,
    pushed_from: str,
) -> list[PushOutcome]:
    """Newest ``updated_at`` wins; the loser is kept in ``sync_conflicts``."""
    theirs = read_versions(conn, [p.call_id for p, _ in contested])
    outcomes: list[PushOutcome] = []
    losers: list[dict[str, Any]] = []
    for pending, row in contested:
        mine, current = pending.version, theirs[pending.call_id]
        assert mine is not None
        if mine.updated_at > current.updated_at:
            writes.append(mine)
            losers.append(
                _conflict_row(
                    current,
                    row.content_hash,
                    (row.pushed_by, row.pushed_from),
                    won=mine,
                    won_hash=mine.content_hash,
                    won_by=pushed_by,
                )
            )
            kept: Literal["this machine", "server"] = "this machine"
            outcome = _outcome(pending, row.rev + 1, "won")
        else:
            losers.append(
                _conflict_row(
                    mine,
                    mine.content_hash,
                    (pushed_by, pushed_from),
                    won=current,
                    won_hash=row.content_hash,
                    won_by=row.pushed_by,
                )
            )
            kept = "server"
            outcome = PushOutcome(
                pending.call_id, pending.change_seq, row.rev, "lost", winner=current
            )
        conflict = Conflict(
            pending.call_id, kept, mine.updated_at, current.updated_at, row.pushed_by
        )
        outcomes.append(replace(outcome, conflict=conflict))
    # Sent again after a lost answer, the same loser is not recorded twice.
    conn.execute(
        insert(t.sync_conflicts).on_conflict_do_nothing(
            constraint="uq_sync_conflicts_call_id_lost_hash"
        ),
        losers,
    )
    return outcomes


def _conflict_row(
    lost: RecordVersion,
    lost_hash: str,
    lost_by: tuple[str, str],
    *,
    won: RecordVersion,
    won_hash: str,
    won_by: str,
) -> dict[str, Any]:
    return {
        "call_id": lost.id,
        "lost_version": lost.as_json(),
        "lost_hash": lost_hash,
        "lost_updated_at": lost.updated_at,
        "lost_by": lost_by[0],
        "lost_from": lost_by[1],
        "won_hash": won_hash,
        "won_updated_at": won.updated_at,
        "won_by": won_by,
    }


def _write(
    conn: Connection,
    writes: list[RecordVersion],
    server: dict[str, _ServerRow],
    *,
    pushed_by: str,
    pushed_from: str,
) -> None:
    if not writes:
        return
    calls = []
    for version in writes:
        row = server.get(version.id)
        values = dict(zip(CALL_NAMES, version.stored_call, strict=True))
        values["rev"] = 1 if row is None else row.rev + 1
        values["content_hash"] = version.content_hash
        values["pushed_by"] = pushed_by
        values["pushed_from"] = pushed_from
        calls.append(values)
    names = (*CALL_NAMES, "rev", "content_hash", "pushed_by", "pushed_from")
    _upsert(conn, t.calls, names, calls, also=", pushed_at = now()")
    # The server's follow-ups of these records become exactly the pushed ones.
    followups = [
        dict(zip(FOLLOWUP_NAMES, row, strict=True)) for v in writes for row in v.stored_followups
    ]
    conn.execute(
        delete(t.followups).where(
            t.followups.c.call_id == any_(_texts([v.id for v in writes])),
            t.followups.c.id != all_(_texts([f["id"] for f in followups])),
        )
    )
    if followups:
        _upsert(conn, t.followups, FOLLOWUP_NAMES, followups)


def _texts(values: list[str]) -> BindParameter[list[str]]:
    return bindparam(None, values, type_=ARRAY(Text()))  # type: ignore[arg-type]


def _upsert(
    conn: Connection, table: Table, names: Sequence[str], rows: list[dict[str, Any]], also: str = ""
) -> None:
    """Upsert ``rows`` (values as the local store keeps them) by id in one statement.

    The rows travel as one JSON document that the server turns back into rows:
    far faster than a statement per row, or a long multi-row VALUES list that the
    driver parses afresh for every batch.
    """
    quote = conn.dialect.identifier_preparer.quote
    shapes, picks = [], []
    for name in names:
        kind = table.c[name].type
        if isinstance(kind, ARRAY):
            # Lists come as the store's ";"-joined cell; the server splits them again.
            shapes.append(f"{quote(name)} text")
            picks.append(f"coalesce(string_to_array({quote(name)}, '{LIST_SEPARATOR}'), '{{}}')")
        else:
            shapes.append(f"{quote(name)} {kind.compile(dialect=conn.dialect)}")
            picks.append(quote(name))
    columns = ", ".join(quote(n) for n in names)
    updates = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in names if n != "id")
    sql = (
        f"INSERT INTO {SCHEMA}.{table.name} ({columns}) SELECT {', '.join(picks)} "
        f"FROM json_to_recordset(CAST(:rows AS json)) AS incoming({', '.join(shapes)}) "
        f"ON CONFLICT (id) DO UPDATE SET {updates}{also}"
    )
    payload = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    conn.execute(text(sql), {"rows": payload})
