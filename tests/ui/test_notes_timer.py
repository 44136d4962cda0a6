"""The call timer on an injected clock: talk time, quiet cues, wrap-up, both stored."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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


def fill_required(form: Any) -> None:
    for name, text in (
        ("customer_contact", "+86 138 0013 8000"),
        ("request", "退款"),
        ("key_problem", "未到账"),
        ("outcome", "已到账"),
    ):
        form.set_text(name, text)
    form.set_choice("resolution", "resolved")


def press(qtbot: Any, key: Qt.Key) -> None:
    """A Ctrl shortcut where the cursor is, as the agent presses it."""
    qtbot.keyClick(QApplication.focusWidget(), key, CTRL)


def test_a_refused_finalise_leaves_the_call_running(qtbot: Any, panel: Any) -> None:
    notes, clock = panel.notes, panel.state.clock
    qtbot.keyClick(panel.search, Qt.Key.Key_N, CTRL)
    form = notes.page.form
    start = clock()
    clock.advance(minutes=2)
    with qtbot.waitSignal(notes.saver.done, timeout=20_000) as done:
        press(qtbot, Qt.Key.Key_Return)  # too early: nothing but the start is written
    refused = done.args[0]
    assert refused.refused
    assert not refused.final
    assert (refused.values["ended_at"], refused.values["talk_seconds"]) == (None, None)
    assert notes.clock.phase() == "talk"
    assert form.values()["ended_at"] is None
    assert panel.status.text() == "Not final yet: saved as a draft. The call is still running."
    assert notes.page.state.text() == "Call running · draft"
    clock.advance(minutes=3)
    notes.timer.tick()
    assert notes.timer.time.text() == "● 5:00"  # the talk time was not cut at the refusal

    fill_required(form)
    clock.advance(seconds=10)
    with qtbot.waitSignal(notes.saver.done, timeout=20_000) as done:
        press(qtbot, Qt.Key.Key_Return)  # finalised while talking: the call ends with it
    final = done.args[0]
    assert final.final
    assert final.values["ended_at"] == start + timedelta(minutes=5, seconds=10)
    assert (final.values["talk_seconds"], final.values["wrap_up_seconds"]) == (310, 0)
    assert form.values()["ended_at"] == start + timedelta(minutes=5, seconds=10)
    assert panel.status.text() == "Final · 14:05 · call ended, talk 5:10"
    assert notes.timer.time.text() == "✓ 5:10 + 0:00"


def test_ctrl_e_again_resumes_an_ended_call(qtbot: Any, panel: Any) -> None:
    notes, clock = panel.notes, panel.state.clock
    qtbot.keyClick(panel.search, Qt.Key.Key_N, CTRL)
    form, page = notes.page.form, notes.page
    clock.advance(minutes=1)
    press(qtbot, Qt.Key.Key_E)
    assert (
        panel.status.text() == "Call ended · talk 1:00 · wrap-up running (Ctrl+E resumes the call)"
    )
    assert page.state.text() == "Wrap-up · Ctrl+Enter finalises, Ctrl+E resumes"
    assert page.end_button.text() == "Resume"

    clock.advance(seconds=20)  # the customer is back on the line
    press(qtbot, Qt.Key.Key_E)
    assert notes.clock.phase() == "talk"
    assert panel.status.text() == "Call resumed · talk time goes on from 1:00"
    assert page.state.text() == "Call running · draft"
    assert page.end_button.text() == "End call"
    assert form.values()["ended_at"] is None
    clock.advance(seconds=30)
    notes.timer.tick()
    assert notes.timer.time.text() == "● 1:30"  # the 20 seconds between were wrap-up

    press(qtbot, Qt.Key.Key_E)
    assert notes.values()["talk_seconds"] == 90
    clock.advance(seconds=10)
    fill_required(form)
    with qtbot.waitSignal(notes.saver.done, timeout=20_000) as done:
        press(qtbot, Qt.Key.Key_Return)
    final = done.args[0]
    assert (final.values["talk_seconds"], final.values["wrap_up_seconds"]) == (90, 30)
    assert notes.timer.time.text() == "✓ 1:30 + 0:30"
    press(qtbot, Qt.Key.Key_E)  # a final record's call is over
    assert notes.clock.phase() == "done"
    assert "No call is running" in panel.status.text()
