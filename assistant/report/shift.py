"""An agent's shift at a glance: the figures the panel's "My shift" page shows.

Read from this machine's store with a few indexed queries (the day's calls, the open
follow-ups), so the page can ask again after every save. The rules are the
workbook's (assistant.report.workbook): handle time is talk plus wrap-up time; a
promise is a follow-up with a due time that was not cancelled, *kept* when done at or
before the due time; an open follow-up is *overdue* once its due time has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

from assistant.notes.export import day_bounds
from assistant.store.timefmt import to_utc_text


@dataclass(frozen=True, slots=True)
class ShiftFigures:
    day: date
    calls: int  # calls started on the day
    handle_mean: float | None  # seconds; None without a timed call
    open_followups: int  # every open follow-up, whatever its call's day
    overdue_followups: int  # of those, due before now
    promises_due: int  # promises due on the day, up to now
    promises_kept: int  # of those, done by the due time

    @property
    def kept_share(self) -> float | None:
        return self.promises_kept / self.promises_due if self.promises_due else None


def shift_figures(store: Path, now: datetime, tz: tzinfo | None = None) -> ShiftFigures:
    """The figures of ``now``'s local day (in ``tz``; None: this machine's zone)."""
    day = now.astimezone(tz).date()
    if not store.exists():
        return ShiftFigures(day, 0, None, 0, 0, 0, 0)
    from assistant.notes.export import connect

    start, end = day_bounds(day, day, tz)
    assert start is not None
    assert end is not None
    first, after, at = to_utc_text(start), to_utc_text(end), to_utc_text(now)
    conn = connect(store)
    try:
        calls, handle = conn.execute(
            "SELECT count(*), avg(CASE WHEN talk_seconds IS NULL AND wrap_up_seconds IS NULL "
            "THEN NULL ELSE coalesce(talk_seconds, 0) + coalesce(wrap_up_seconds, 0) END) "
            "FROM calls WHERE started_at >= ? AND started_at < ?",
            (first, after),
        ).fetchone()
        open_count, overdue = conn.execute(
            "SELECT count(*), coalesce(sum(due_at IS NOT NULL AND due_at < ?), 0) "
            "FROM followups WHERE status = 'open'",
            (at,),
        ).fetchone()
        due, kept = conn.execute(
            "SELECT count(*), coalesce(sum(status = 'done' "
            "AND (done_at IS NULL OR done_at <= due_at)), 0) FROM followups "
            "WHERE status <> 'cancelled' AND due_at >= ? AND due_at < ? AND due_at <= ?",
            (first, after, at),
        ).fetchone()
    finally:
        conn.close()
    return ShiftFigures(
        day,
        int(calls),
        None if handle is None else float(handle),
        int(open_count),
        int(overdue),
        int(due),
        int(kept),
    )
