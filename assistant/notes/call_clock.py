"""The call's two clocks: talk time from the start to the end of the call, then
wrap-up time until the record is finalised. Both are stored in the record
(``talk_seconds``, ``wrap_up_seconds``).

A call ended too soon can be resumed: talk time goes on from where it stopped,
and the time in between counts as wrap-up (the timer showed wrap-up then), so
talk and wrap-up still add up to the whole time from start to finalising.

While the customer is on the line the panel gives quiet cues at the handbook's
marks: the opening should be done after 30 seconds, the core problem clear after
3 minutes, and the call heading for its close after 5. Each cue is given once.

Plain data and arithmetic on times the caller passes in, so tests drive it with
a fake clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

Phase = Literal["idle", "talk", "wrap_up", "done"]
CueKey = Literal["opening", "core_problem", "close"]

# Seconds into the call, and what the agent should check then.
CUES: tuple[tuple[int, CueKey], ...] = ((30, "opening"), (180, "core_problem"), (300, "close"))
# How long a cue stays shown.
CUE_SHOWN_SECONDS = 20


def _seconds(later: datetime, earlier: datetime) -> int:
    return max(0, int((later - earlier).total_seconds()))


class CallClock:
    """When the call started, ended and was finalised, and the cues already given."""

    __slots__ = ("_given", "ended", "finalised", "paused", "started")

    def __init__(
        self,
        started: datetime | None = None,
        ended: datetime | None = None,
        finalised: datetime | None = None,
        paused: int = 0,
    ) -> None:
        self.started = started
        self.ended = ended
        self.finalised = finalised
        # Seconds after the start that were not talk: wrap-up before the call was resumed.
        self.paused = paused
        self._given: set[CueKey] = set()

    @classmethod
    def resume(
        cls,
        started: datetime | None,
        ended: datetime | None,
        *,
        final: bool,
        now: datetime,
        paused: int = 0,
    ) -> CallClock:
        """The clock of a record opened again (a restored draft, a saved record).

        Cues already past are not given again.
        """
        clock = cls(started, ended, now if final and started is not None else None, paused)
        if started is not None:
            elapsed = clock.talk_seconds(now) or 0
            clock._given = {key for at, key in CUES if at <= elapsed}
        return clock

    def phase(self) -> Phase:
        if self.started is None:
            return "idle"
        if self.finalised is not None:
            return "done"
        return "talk" if self.ended is None else "wrap_up"

    def start(self, now: datetime) -> None:
        self.started, self.ended, self.finalised = now, None, None
        self._given = set()

    def end(self, now: datetime) -> int:
        """End the call (wrap-up starts); return the talk seconds."""
        if self.started is None:
            self.started = now
        if self.ended is None:
            self.ended = max(now, self.started)
        return self.talk_seconds() or 0

    def resume_talk(self, now: datetime) -> int:
        """The call goes on after it was ended: the time since counts as wrap-up, and
        talk time carries on from where it stopped. Return the talk seconds so far."""
        if self.ended is not None and self.finalised is None:
            self.paused += _seconds(now, self.ended)
            self.ended = None
        return self.talk_seconds(now) or 0

    def finish(self, now: datetime) -> None:
        """The record was finalised: wrap-up stops."""
        if self.started is not None and self.finalised is None:
            self.end(now)
            self.finalised = max(now, self.ended or now)

    def talk_seconds(self, now: datetime | None = None) -> int | None:
        if self.started is None:
            return None
        until = self.ended or now
        return None if until is None else max(0, _seconds(until, self.started) - self.paused)

    def wrap_up_seconds(self, now: datetime) -> int | None:
        if self.ended is None:
            return None
        return self.paused + _seconds(self.finalised or now, self.ended)

    def settled(self, now: datetime) -> dict[str, datetime | int]:
        """What finalising at ``now`` records: the call's end (now, if it still runs),
        its talk and wrap-up seconds. Nothing for a call not started or already final."""
        if self.started is None or self.finalised is not None:
            return {}
        ended = self.ended or max(now, self.started)
        talk = max(0, _seconds(ended, self.started) - self.paused)
        wrap_up = self.paused + _seconds(now, ended)
        return {"ended_at": ended, "talk_seconds": talk, "wrap_up_seconds": wrap_up}

    def elapsed(self, now: datetime) -> int:
        """Seconds shown: of the talk while talking, of the wrap-up after."""
        phase = self.phase()
        if phase == "talk":
            return self.talk_seconds(now) or 0
        if phase in ("wrap_up", "done"):
            return self.wrap_up_seconds(now) or 0
        return 0

    def new_cues(self, now: datetime) -> list[CueKey]:
        """Cues reached since the last call (during the talk only), each once."""
        if self.phase() != "talk":
            return []
        elapsed = self.elapsed(now)
        due = [key for at, key in CUES if at <= elapsed and key not in self._given]
        self._given.update(due)
        return due

    def current_cue(self, now: datetime) -> CueKey | None:
        """The cue to show now: one reached less than ``CUE_SHOWN_SECONDS`` ago."""
        if self.phase() != "talk":
            return None
        elapsed = self.elapsed(now)
        for at, key in reversed(CUES):
            if at <= elapsed < at + CUE_SHOWN_SECONDS:
                return key
        return None


def untalked(started: datetime | None, ended: datetime | None, talk: int | None) -> int:
    """Seconds between a stored start and end that were not talk (a resumed call)."""
    if started is None or ended is None or talk is None:
        return 0
    return max(0, _seconds(ended, started) - talk)


def clock_text(seconds: int) -> str:
    """``4:05``, or ``1:02:03`` past an hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
