"""The call timer on an injected clock: talk time, quiet cues, wrap-up, both stored."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

from assistant.notes.service import commitment_followup

CTRL = Qt.KeyboardModifier.ControlModifier


def test_quiet_cues_at_30_seconds_and_3_minutes(qtbot: Any, panel: Any) -> None:
    timer, clock = panel.notes.timer, panel.state.clock
    assert timer.time.text() == "No call"
    qtbot.keyClick(panel.search, Qt.Key.Key_N, CTRL)
    assert timer.hint.isHidden()
    clock.advance(seconds=29)
    timer.tick()
    assert timer.hint.isHidden()
    clock.advance(seconds=1)
    with qtbot.waitSignal(timer.cue) as cue:
        timer.tick()
    assert cue.args == ["opening"]
    assert timer.hint.text() == "Opening done?"
    assert timer.time.text() == "● 0:30"
    clock.advance(seconds=25)
    with qtbot.assertNotEmitted(timer.cue):
        timer.tick()
    assert timer.hint.isHidden()  # a cue shows for a while, then goes quietly
    clock.advance(minutes=2, seconds=5)
    with qtbot.waitSignal(timer.cue) as cue:
        timer.tick()
    assert cue.args == ["core_problem"]
    assert timer.hint.text() == "Core problem clear?"


def test_end_call_starts_wrap_up_and_both_durations_are_stored(
    qtbot: Any, panel: Any, type_into: Any
) -> None:
    notes, clock = panel.notes, panel.state.clock
    qtbot.keyClick(panel.search, Qt.Key.Key_N, CTRL)
    form = notes.page.form
    start = clock()
    clock.advance(minutes=4, seconds=10)
    contact = form.editors["customer_contact"]
    contact.setFocus()
    type_into(contact, "+86 138 0013 8000")
    qtbot.keyClick(contact, Qt.Key.Key_E, CTRL)  # a line edit's own Ctrl+E gives way
    assert notes.clock.phase() == "wrap_up"
    assert form.values()["ended_at"] == start + timedelta(minutes=4, seconds=10)
    assert notes.values()["talk_seconds"] == 250
    clock.advance(seconds=95)
    notes.timer.tick()
    assert notes.timer.time.text() == "Wrap-up 1:35"

    for name, text in (("request", "退款"), ("key_problem", "未到账"), ("outcome", "已加急")):
        form.set_text(name, text)
    form.set_choice("resolution", "partial")
    notes.add_followup(commitment_followup("", clock() + timedelta(days=1), "王芳", "回电"))
    with qtbot.waitSignal(notes.saver.done, timeout=20_000) as done:
        qtbot.keyClick(contact, Qt.Key.Key_Return, CTRL)
    result = done.args[0]
    assert result.final
    assert result.values["talk_seconds"] == 250
    assert result.values["wrap_up_seconds"] == 95
    clock.advance(minutes=10)
    notes.timer.tick()
    assert notes.clock.phase() == "done"
    assert notes.timer.time.text() == "✓ 4:10 + 1:35"


def test_end_call_without_a_call_says_so(qtbot: Any, panel: Any) -> None:
    qtbot.keyClick(panel.search, Qt.Key.Key_E, CTRL)
    assert "No call is running" in panel.status.text()
