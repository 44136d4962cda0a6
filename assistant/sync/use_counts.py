"""Phrase use counts up to the team server: entry id, pack version, day, copies.

Each row holds this machine's whole count for that day, so sending a row again
(after a lost answer) sets the same number rather than adding it twice. The agent's
groups go with the counts so that a report can sum them per team.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert

from assistant.sync import server_tables as t

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from assistant.store.usage import DayCount


def push_use(
    conn: Connection,
    counts: Sequence[DayCount],
    *,
    machine_id: str,
    agent: str,
    teams: Sequence[str],
) -> None:
    if not counts:
        return
    rows = [
        {
            "machine_id": machine_id,
            "agent": agent,
            "teams": list(teams),
            "entry_id": c.entry_id,
            "pack_version": c.pack_version,
            "day": date.fromisoformat(c.day),
            "use_count": c.copies,
        }
        for c in counts
    ]
    statement = insert(t.phrase_use).values(pushed_at=func.now())
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=["machine_id", "entry_id", "pack_version", "day"],
            set_={
                "agent": statement.excluded.agent,
                "teams": statement.excluded.teams,
                "use_count": statement.excluded.use_count,
                "pushed_at": func.now(),
            },
        ),
        rows,
    )
