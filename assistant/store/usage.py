"""How often the agent used each playbook entry, and which ones they starred.

Repository functions in the house style: each takes a ``Session`` and never makes
one, so the caller decides the transaction (one ``with sessions.begin()`` per
agent action). The panel calls them from its worker thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.store.models import QueryPick, TemplateUsage, TemplateUseDay

Usage = dict[str, tuple[int, float]]
# folded query -> intent -> how often the agent copied it after typing that query
Picks = dict[str, dict[str, int]]


def _row(session: Session, entry_id: str) -> TemplateUsage:
    row = session.get(TemplateUsage, entry_id)
    if row is None:
        row = TemplateUsage(entry_id=entry_id, use_count=0, last_used_at=None, favourite=0)
        session.add(row)
    return row


def record_use(
    session: Session, entry_id: str, now: datetime, pack_version: str | None = None
) -> None:
    """Count one use of ``entry_id`` at ``now`` (an aware datetime, the agent's zone).

    ``pack_version``: the entry is a team or built-in one, so the day's count is
    kept for team sync too; None for the agent's own phrases, which stay private.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"use time {now.isoformat()} has no time zone")
    row = _row(session, entry_id)
    row.use_count = (row.use_count or 0) + 1
    row.last_used_at = now
    if pack_version is None:
        return
    key = (entry_id, pack_version, now.date().isoformat())
    day = session.get(TemplateUseDay, key)
    if day is None:
        day = TemplateUseDay(
            entry_id=key[0], pack_version=key[1], day=key[2], use_count=0, sent_count=0
        )
        session.add(day)
    day.use_count = (day.use_count or 0) + 1


class DayCount(NamedTuple):
    entry_id: str
    pack_version: str
    day: str  # YYYY-MM-DD
    copies: int


def unsent_use_days(session: Session) -> list[DayCount]:
    """The day counts the team server does not have as they are now."""
    rows = session.execute(
        select(
            TemplateUseDay.entry_id,
            TemplateUseDay.pack_version,
            TemplateUseDay.day,
            TemplateUseDay.use_count,
        ).where(TemplateUseDay.use_count != TemplateUseDay.sent_count)
    )
    return [DayCount(*row) for row in rows]


def mark_use_days_sent(session: Session, sent: list[DayCount]) -> None:
    """The server has these counts (a copy made since is sent next round)."""
    for item in sent:
        row = session.get(TemplateUseDay, (item.entry_id, item.pack_version, item.day))
        if row is not None:
            row.sent_count = item.copies


def set_favourite(session: Session, entry_id: str, favourite: bool) -> None:
    """Star or unstar ``entry_id``; a never-used entry gets a row with no uses."""
    row = session.get(TemplateUsage, entry_id)
    if row is None and not favourite:
        return
    _row(session, entry_id).favourite = 1 if favourite else 0


def load_usage(session: Session) -> tuple[frozenset[str], Usage]:
    """The starred entry ids, and entry id -> (use count, last use as unix time)."""
    favourites: set[str] = set()
    usage: Usage = {}
    rows = session.execute(
        select(
            TemplateUsage.entry_id,
            TemplateUsage.use_count,
            TemplateUsage.last_used_at,
            TemplateUsage.favourite,
        )
    )
    for entry_id, count, last_used, favourite in rows:
        if favourite:
            favourites.add(entry_id)
        if count:
            usage[entry_id] = (int(count), last_used.timestamp() if last_used else 0.0)
    return frozenset(favourites), usage


def record_pick(session: Session, query: str, intent: str, now: datetime) -> None:
    """The agent copied ``intent``'s phrase right after typing ``query`` (folded)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"pick time {now.isoformat()} has no time zone")
    row = session.get(QueryPick, (query, intent))
    if row is None:
        row = QueryPick(query=query, intent=intent, pick_count=0)
        session.add(row)
    row.pick_count = (row.pick_count or 0) + 1
    row.last_picked_at = now


def load_picks(session: Session) -> Picks:
    picks: Picks = {}
    rows = session.execute(select(QueryPick.query, QueryPick.intent, QueryPick.pick_count))
    for query, intent, count in rows:
        picks.setdefault(query, {})[intent] = int(count)
    return picks
