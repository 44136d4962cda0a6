"""The call's talk and wrap-up clocks and the quiet cues, on a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assistant.notes.call_clock import CallClock, clock_text, untalked

T0 = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_talk_then_wrap_up_then_done() -> None:
    clock = CallClock()
    assert clock.phase() == "idle"
    assert clock.elapsed(at(5)) == 0
    clock.start(T0)
    assert clock.phase() == "talk"
    assert clock.elapsed(at(75)) == 75
    assert clock.end(at(312)) == 312
    assert clock.phase() == "wrap_up"
    assert clock.elapsed(at(342)) == 30
    assert clock.wrap_up_seconds(at(400)) == 88
    clock.finish(at(402))
    assert clock.phase() == "done"
    assert clock.talk_seconds() == 312
    assert clock.wrap_up_seconds(at(999)) == 90


def test_finishing_without_ending_ends_the_call_first() -> None:
    clock = CallClock()
    clock.start(T0)
    clock.finish(at(60))
    assert clock.talk_seconds() == 60
    assert clock.wrap_up_seconds(at(100)) == 0


def test_a_resumed_call_counts_on_from_its_talk_time_the_gap_is_wrap_up() -> None:
    clock = CallClock()
    clock.start(T0)
    clock.end(at(60))
    assert clock.resume_talk(at(80)) == 60
    assert clock.phase() == "talk"
    assert clock.elapsed(at(110)) == 90
    assert clock.settled(at(110)) == {
        "ended_at": at(110),
        "talk_seconds": 90,
        "wrap_up_seconds": 20,
    }
    assert clock.end(at(110)) == 90
    clock.finish(at(120))
    assert (clock.talk_seconds(), clock.wrap_up_seconds(at(999))) == (90, 30)
    assert clock.settled(at(999)) == {}  # final: nothing more to record
    # Opened again from the store, the gap is known from the stored talk time.
    reopened = CallClock.resume(
        T0, at(110), final=False, now=at(130), paused=untalked(T0, at(110), 90)
    )
    assert (reopened.talk_seconds(), reopened.wrap_up_seconds(at(130))) == (90, 40)


def test_cues_come_once_each_at_30_seconds_3_and_5_minutes() -> None:
    clock = CallClock()
    clock.start(T0)
    assert clock.new_cues(at(29)) == []
    assert clock.new_cues(at(30)) == ["opening"]
    assert clock.new_cues(at(31)) == []
    assert clock.current_cue(at(40)) == "opening"
    assert clock.current_cue(at(60)) is None
    assert clock.new_cues(at(185)) == ["core_problem"]
    assert clock.current_cue(at(185)) == "core_problem"
    clock.end(at(200))
    assert clock.new_cues(at(400)) == []  # no cues after the call ended
    assert clock.current_cue(at(201)) is None


def test_a_resumed_clock_does_not_repeat_past_cues() -> None:
    clock = CallClock.resume(T0, None, final=False, now=at(200))
    assert clock.phase() == "talk"
    assert clock.new_cues(at(200)) == []
    assert clock.new_cues(at(301)) == ["close"]
    done = CallClock.resume(T0, at(100), final=True, now=at(500))
    assert done.phase() == "done"
    assert CallClock.resume(None, None, final=False, now=T0).phase() == "idle"


def test_clock_text() -> None:
    assert clock_text(0) == "0:00"
    assert clock_text(245) == "4:05"
    assert clock_text(3723) == "1:02:03"
