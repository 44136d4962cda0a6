"""The report's figures, gathered in one pass over the calls in constant memory.

Means and standard deviations come from running sums of the seconds and of their
squares (integers, so exact), so no list of times is kept. The standard deviation is
the sample one (Excel's STDEV.S), the coefficient of variation is standard deviation
/ mean, as the handbooks' handle-time analysis does.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

from assistant.report.source import as_time

NO_AGENT = "(no agent)"
NOT_SET = "(not set)"


@dataclass(slots=True)
class Running:
    """Count, mean and sample standard deviation of a stream of whole seconds, from
    the sums of the values and of their squares: integers, so exact however long the
    stream (no rounding error builds up), and cheap to add to."""

    n: int = 0
    total: int = 0
    squares: int = 0

    def add(self, value: int) -> None:
        self.n += 1
        self.total += value
        self.squares += value * value

    @property
    def mean(self) -> float:
        return self.total / self.n if self.n else 0.0

    @property
    def stdev(self) -> float | None:
        n = self.n
        if n < 2:
            return None
        return math.sqrt(max(n * self.squares - self.total * self.total, 0) / (n * (n - 1)))

    @property
    def cv(self) -> float | None:
        sd = self.stdev
        return sd / self.mean if sd is not None and self.mean else None

    @property
    def average(self) -> float | None:
        return self.mean if self.n else None


@dataclass
class Group:
    """The figures of one group of calls: the period, or one agent's calls."""

    calls: int = 0
    talk: Running = field(default_factory=Running)
    wrap_up: Running = field(default_factory=Running)
    handle: Running = field(default_factory=Running)
    resolutions: Counter[str] = field(default_factory=Counter)
    escalations: int = 0
    fcr_eligible: int = 0  # calls with a contact to follow
    fcr: int = 0

    def add(self, call: CallFacts) -> None:
        self.calls += 1
        talk, wrap_up = call.talk, call.wrap_up
        if talk is not None:
            self.talk.add(talk)
        if wrap_up is not None:
            self.wrap_up.add(wrap_up)
        if talk is not None or wrap_up is not None:
            self.handle.add((talk or 0) + (wrap_up or 0))
        self.resolutions[call.resolution or NOT_SET] += 1
        self.escalations += call.escalated
        if call.fcr is not None:
            self.fcr_eligible += 1
            self.fcr += call.fcr

    def share(self, resolution: str) -> float | None:
        return self.resolutions[resolution] / self.calls if self.calls else None

    @property
    def fcr_share(self) -> float | None:
        return self.fcr / self.fcr_eligible if self.fcr_eligible else None


class CallFacts(NamedTuple):
    """What the figures need of one call (a tuple: one is made per call)."""

    started: datetime | None
    agent: str
    talk: int | None
    wrap_up: int | None
    resolution: str | None
    level: str | None
    disposition: str | None
    escalated: bool
    # Resolved with no call from the same contact within the window; None: no contact.
    fcr: bool | None
    templates: tuple[str, ...]


@dataclass
class Phrase:
    calls: int = 0
    resolved: int = 0
    partial: int = 0
    unresolved: int = 0
    escalated: int = 0
    first: datetime | None = None
    last: datetime | None = None


@dataclass
class Totals:
    """Everything the Summary and Phrases sheets show."""

    tz: tzinfo | None
    period: Group = field(default_factory=Group)
    agents: dict[str, Group] = field(default_factory=dict)
    levels: Counter[str] = field(default_factory=Counter)
    dispositions: Counter[str] = field(default_factory=Counter)
    days: Counter[date] = field(default_factory=Counter)
    phrases: dict[str, Phrase] = field(default_factory=dict)
    # The local day of each UTC hour met: offsets change on the hour.
    _hour_days: dict[float, date] = field(default_factory=dict, repr=False)

    def add(self, call: CallFacts) -> None:
        self.period.add(call)
        # A new Group (or Phrase) only for a name not met yet: they are costly to make.
        group = self.agents.get(call.agent)
        if group is None:
            group = self.agents[call.agent] = Group()
        group.add(call)
        self.levels[call.level or NOT_SET] += 1
        self.dispositions[call.disposition or NOT_SET] += 1
        if call.started is not None:
            hour = call.started.timestamp() // 3600
            day = self._hour_days.get(hour)
            if day is None:
                day = self._hour_days[hour] = call.started.astimezone(self.tz).date()
            self.days[day] += 1
        for entry in dict.fromkeys(call.templates):
            phrase = self.phrases.get(entry)
            if phrase is None:
                phrase = self.phrases[entry] = Phrase()
            phrase.calls += 1
            if call.resolution in ("resolved", "partial", "unresolved"):
                setattr(phrase, call.resolution, getattr(phrase, call.resolution) + 1)
            phrase.escalated += call.escalated
            if call.started is not None:
                phrase.first = min(phrase.first or call.started, call.started)
                phrase.last = max(phrase.last or call.started, call.started)


def first_contact_resolved(
    resolution: str | None,
    started: datetime | None,
    next_contact: object,
    has_contact: bool,
    window_days: int,
) -> bool | None:
    """Resolved, and the same contact did not call again within the window.

    ``next_contact``: the contact's next call as stored (ISO text or a datetime; None:
    none), read only when it decides. None when there is no contact (or no start time)
    to follow.
    """
    if not has_contact or started is None:
        return None
    if resolution != "resolved":
        return False
    following = as_time(next_contact)
    return following is None or following >= started + timedelta(days=window_days)
