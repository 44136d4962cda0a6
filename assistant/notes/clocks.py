"""Problem levels and their clocks: when a record's first response and resolution fall due.

Counted in the same business time the playbook's dated commitments use (working
days of the centre's country, office hours), from the call's start.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from assistant.calendar.dates import resolve
from assistant.calendar.workcalendar import WorkCalendar
from assistant.settings import LevelClock


@dataclass(frozen=True, slots=True)
class Deadlines:
    first_response: datetime
    resolution: datetime


def deadlines(
    started_at: datetime | None,
    level: str | None,
    clocks: Mapping[str, LevelClock],
    calendar: WorkCalendar,
) -> Deadlines | None:
    """The record's deadlines, or None while it has no start time or level."""
    if started_at is None or level is None or level not in clocks:
        return None
    clock = clocks[level]
    return Deadlines(
        first_response=resolve(clock.first_response, started_at, calendar),
        resolution=resolve(clock.resolution, started_at, calendar),
    )
