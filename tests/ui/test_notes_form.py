"""The call-record form in the panel: layout, keys, save, finalise, drafting, the
record feeding the playbook, handoff, masking and a store that refuses."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from assistant.errors import UserError
from assistant.notes.service import load_call
from assistant.settings import Settings
from assistant.store.db import open_store

CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot: Any, window: Any, sequence: str) -> None:
    """Press a shortcut where the focus is, as the agent would."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def saved(qtbot: Any, window: Any, sequence: str) -> Any:
    with qtbot.waitSignal(window.notes.saver.done, timeout=20_000) as done:
        key(qtbot, window, sequence)
    return done.args[0]


def test_ctrl_1_2_3_switch_pages(qtbot: Any, panel: Any) -> None:
    key(qtbot, panel, "Ctrl+2")
    assert panel.pages.current() == "notes"
    assert panel.focusWidget() is panel.notes.page.form.editors["facts"]
    key(qtbot, panel, "Ctrl+3")
    assert panel.pages.current() == "followups"
    key(qtbot, panel, "Ctrl+1")
    assert panel.pages.current() == "playbook"
    assert panel.focusWidget() is panel.search
    assert panel.pages.tabs.tabToolTip(1) == "Show the call notes (Ctrl+2)"


def test_required_fields_come_first_and_marked_the_rest_folded(qtbot: Any, make_panel: Any) -> None:
    settings = Settings(required_fields=("channel", "customer_contact", "outcome", "facts"))
    window = make_panel(settings)
    window.notes.show()
    form = window.notes.page.form
    assert form.labels["channel"].text() == "Channel •"
    assert form.labels["facts"].text() == "Facts •"  # a quick field stays on top, marked
    assert form.labels["request"].text() == "Request"
    assert form.is_folded("request")
    assert not form.more.isVisibleTo(form)
    assert form.editors["channel"].isVisibleTo(form)
    assert form.more_button.text() == "More fields (17)"
    form.show_more(True)
    assert form.editors["request"].isVisibleTo(form)


def test_ctrl_n_stamps_the_start_and_runs_the_timer(qtbot: Any, panel: Any) -> None:
    start = panel.state.clock()
    key(qtbot, panel, "Ctrl+N")
    notes = panel.notes
    assert panel.pages.current() == "notes"
    assert notes.page.form.values()["started_at"] == start
    assert notes.clock.phase() == "talk"
    panel.state.clock.advance(seconds=75)
    notes.timer.tick()
    assert notes.timer.time.text() == "● 1:15"


def test_finalise_refused_names_every_missing_field_then_accepted(
    qtbot: Any, panel: Any, type_into: Any, ui_paths: Any
) -> None:
    key(qtbot, panel, "Ctrl+N")
    form = panel.notes.page.form
    type_into(form.editors["facts"], "order 42 not delivered")
    refused = saved(qtbot, panel, "Ctrl+Return")
    assert [p.field for p in refused.refused] == [
        "customer_contact",
        "request",
        "key_problem",
        "outcome",
        "resolution",
    ]
    text = panel.notes.page.problem.text()
    assert text == "Still missing: Contact, Request, Key problem, Outcome, Resolution"
    assert panel.focusWidget() is form.editors["customer_contact"]
    assert form.labels["request"].property("missing") is True
    assert panel.status.property("tone") == "error"

    type_into(form.editors["customer_contact"], "+86 138 0013 8000")
    for name, text in (("request", "delivery"), ("key_problem", "lost"), ("outcome", "resent")):
        form.set_text(name, text)
    form.set_choice("resolution", "partial")
    refused = saved(qtbot, panel, "Ctrl+Return")  # partial needs a follow-up
    assert [p.field for p in refused.refused] == ["followups"]
    assert panel.notes.page.problem.text() == "Still missing: Follow-up"
    assert panel.focusWidget() is form.followups.due  # the owner is already the agent

    type_into(form.followups.plan, "call back")
    form.followups.due.set_value(panel.state.clock() + timedelta(days=1))
    form.followups.add_button.click()
    accepted = saved(qtbot, panel, "Ctrl+Return")
    assert accepted.final
    assert panel.notes.page.problem.isHidden()
    assert form.labels["request"].property("missing") is False
    store = open_store(ui_paths.store_file)
    try:
        stored = load_call(store, accepted.id)
    finally:
        store.close()
    assert stored is not None
    assert stored.values["status"] == "final"
    assert stored.followups[0]["owner"] == "王芳"  # the agent's name by default


def test_one_key_drafts_request_and_key_problem(qtbot: Any, panel: Any, type_into: Any) -> None:
    key(qtbot, panel, "Ctrl+N")
    form = panel.notes.page.form
    form.set_text("facts", "3月14日提交升级申请\n至今未收到回复")
    form.set_text("emotions", "着急")
    form.set_text("demands", "下月1日前完成升级")
    key(qtbot, panel, "Ctrl+R")
    values = form.values()
    assert values["request"] == "下月1日前完成升级。"
    assert values["key_problem"] == "3月14日提交升级申请；至今未收到回复。（客户情绪：着急）"
    assert panel.focusWidget() is form.editors["request"]
    form.editors["key_problem"].undo()  # the draft is an edit the agent can undo
    assert form.values()["key_problem"] == ""


def test_the_record_fills_placeholders_and_ranks_the_playbook(
    qtbot: Any, panel: Any, type_into: Any
) -> None:
    key(qtbot, panel, "Ctrl+N")
    form = panel.notes.page.form
    type_into(form.editors["customer_title"], "李总")
    assert panel.state.call_values["customer_title"] == "李总"
    form.set_choice("emotion_start", "angry")
    assert panel.state.context().emotion_stage == "angry"
    form.set_choice("customer_type", "rational")
    assert panel.state.context().customer_type == "rational"
    form.set_choice("emotion_end", "dissatisfied")  # the stage now is the later one
    assert panel.state.context().emotion_stage == "dissatisfied"
    form.set_choice("emotion_end", "angry")
    key(qtbot, panel, "Ctrl+1")
    ids = [panel.model.row(i).entry.id for i in range(panel.model.rowCount())]
    assert ids[0] == "t.angry.pause"  # de-escalation for the current stage first
    assert "李总" in panel.preview.wording.text()


def test_copied_templates_are_recorded_marked_and_offer_another_wording(
    qtbot: Any, panel: Any, type_into: Any
) -> None:
    key(qtbot, panel, "Ctrl+N")
    panel.notes.page.form.set_text("customer_title", "李总")
    key(qtbot, panel, "Ctrl+1")
    type_into(panel.search, "接听来电")
    assert panel.current_entry().id == "t.opening"
    assert panel.current_wording() == 0
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.notes.values()["templates_used"] == ["t.opening"]
    assert panel.notes.used("t.opening")
    assert "used in this call" in panel.preview.meta.text()
    panel.search.clear()
    type_into(panel.search, "SLA")  # another entry, then the greeting picked again
    panel.search.clear()
    type_into(panel.search, "接听来电")
    assert panel.current_wording() == 1  # already said: the alternative first
    assert "Wording 2 of 3" in panel.preview.wording_heading.text()


def test_handoff_is_composed_copied_and_kept(qtbot: Any, panel: Any, clipboard: Any) -> None:
    key(qtbot, panel, "Ctrl+N")
    form = panel.notes.page.form
    form.set_text("customer_title", "李总")
    form.set_text("request", "升级到企业版")
    form.set_text("key_problem", "下月1日前必须完成")
    form.set_text("escalated_to", "技术支持二线")
    form.set_choice("level", "L3")
    key(qtbot, panel, "Ctrl+Shift+H")
    text = clipboard.texts[-1]
    assert text.splitlines()[0].startswith("【客户背景】李总")
    assert "【问题详情】诉求：升级到企业版；关键问题：下月1日前必须完成。" in text
    assert "【需协同部门】技术支持二线" in text
    assert "L3解决时限" in text  # the level clock's deadline
    assert form.values()["handoff"] == text


def test_a_traditional_chinese_centre_gets_a_traditional_handoff(
    qtbot: Any, make_panel: Any, clipboard: Any
) -> None:
    panel = make_panel(Settings(phrase_languages=("zh-Hant", "en")))
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    key(qtbot, panel, "Ctrl+N")
    form = panel.notes.page.form
    form.set_text("request", "寬頻斷線")
    form.set_choice("level", "L3")
    key(qtbot, panel, "Ctrl+Shift+H")
    lines = clipboard.texts[-1].splitlines()
    assert lines[0] == "【客戶背景】問題等級：L3。"
    assert lines[1] == "【問題詳情】訴求：寬頻斷線。"
    assert lines[5].startswith("【預計解決時間】")
    assert lines[5].endswith("（L3解決時限）")
    assert "週" in lines[5]  # the date as the Traditional playbook says it


def test_the_handoff_promises_what_the_customer_was_promised(
    qtbot: Any, make_panel: Any, clipboard: Any, type_into: Any
) -> None:
    from assistant.calendar.dates import render_due
    from assistant.notes.handoff import when_text
    from assistant.paths import builtin_packs_dir

    panel = make_panel(builtin=builtin_packs_dir())
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    key(qtbot, panel, "Ctrl+N")
    form = panel.notes.page.form
    form.set_text("request", "宽带断网，要求尽快修好")
    form.set_choice("level", "L3")
    key(qtbot, panel, "Ctrl+1")
    type_into(panel.search, "故障解决时限")
    assert panel.current_entry().id == "zh.commitment.fault_resolution"
    with qtbot.waitSignal(panel.copied, timeout=10_000) as copied:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    promised = copied.args[2]["resolve_by"]
    said = clipboard.texts[-1]
    assert render_due(promised, panel.state.clock(), "zh-Hans") in said
    key(qtbot, panel, "Ctrl+Shift+H")
    [expected] = [t for t in clipboard.texts[-1].splitlines() if t.startswith("【预计解决时间】")]
    said_then = when_text(promised, "zh-Hans", now=panel.state.clock())
    assert expected == f"【预计解决时间】{said_then}（已向客户承诺）"
    assert "L3解决时限" not in clipboard.texts[-1]


def test_card_numbers_are_masked_on_save_and_the_fields_named(
    qtbot: Any, panel: Any, type_into: Any
) -> None:
    key(qtbot, panel, "Ctrl+N")
    form = panel.notes.page.form
    form.set_text("notes", "卡号 4111 1111 1111 1111 待核实")
    result = saved(qtbot, panel, "Ctrl+S")
    assert result.masked == ("notes",)
    assert form.values()["notes"] == "卡号 [•••• 1111] 待核实"
    assert "masked in Notes" in panel.notes.page.problem.text()


def test_dispositions_read_in_the_agents_language_and_are_stored_as_codes(
    qtbot: Any, make_panel: Any, install: Any, ui_paths: Any
) -> None:
    install("zh-Hant")
    # A centre's own codes are its own words: shown as written, underscores as spaces.
    codes = ("callback_scheduled", "escalated", "退款待處理", "vip_callback")
    window = make_panel(Settings(agent_name="王芳", dispositions=codes))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key(qtbot, window, "Ctrl+N")
    form = window.notes.page.form
    combo = form.editors["disposition"]
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown == ["—", "已約定回電", "已升級", "退款待處理", "vip callback"]
    combo.setCurrentIndex(1)
    result = saved(qtbot, window, "Ctrl+S")
    store = open_store(ui_paths.store_file)
    try:
        stored = load_call(store, result.id)
    finally:
        store.close()
    assert stored is not None
    assert stored.values["disposition"] == "callback_scheduled"


def test_a_store_that_refuses_keeps_the_text_and_says_why(
    qtbot: Any, panel: Any, type_into: Any, monkeypatch: Any
) -> None:
    import assistant.ui.record_saver as saver

    def disk_full(*_args: Any, **_kw: Any) -> Any:
        raise UserError("calls.sqlite3: the disk is full; free some space and save again")

    monkeypatch.setattr(saver, "save_form", disk_full)
    key(qtbot, panel, "Ctrl+N")
    form = panel.notes.page.form
    type_into(form.editors["facts"], "line drops every night")
    error = saved(qtbot, panel, "Ctrl+S")
    assert isinstance(error, UserError)
    assert "the disk is full" in panel.banner.text("save")
    assert "stay in the form" in panel.status.text()
    assert form.values()["facts"] == "line drops every night"


def test_keys_in_the_due_field_open_the_calendar_and_never_move_the_year(
    qtbot: Any, panel: Any
) -> None:
    panel.notes.show()
    followups = panel.notes.page.form.followups
    due = followups.due
    followups.owner.setFocus()
    qtbot.keyClick(followups.owner, Qt.Key.Key_Tab)
    assert panel.focusWidget() is due

    # Alt+Down starts the empty field at the next business day and opens the calendar.
    qtbot.keyClick(due, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert due.text() == "2026-03-11 10:00"
    popup = due.calendarWidget().window()
    assert popup.isVisible()
    calendar = QApplication.focusWidget()
    qtbot.keyClick(calendar, Qt.Key.Key_Right)
    qtbot.keyClick(calendar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert due.text() == "2026-03-12 10:00"

    # Coming back with Tab, Up and Down step the day, not the year.
    followups.owner.setFocus()
    qtbot.keyClick(followups.owner, Qt.Key.Key_Tab)
    qtbot.keyClick(due, Qt.Key.Key_Down)
    assert due.text() == "2026-03-11 10:00"
    qtbot.keyClick(due, Qt.Key.Key_Up)
    qtbot.keyClick(due, Qt.Key.Key_Up)
    assert due.text() == "2026-03-13 10:00"


def test_a_follow_up_due_in_the_past_is_refused_and_a_later_one_added(
    qtbot: Any, panel: Any, type_into: Any
) -> None:
    panel.notes.show()
    followups = panel.notes.page.form.followups
    type_into(followups.plan, "call back")
    followups.due.set_value(panel.state.clock() - timedelta(hours=1))
    followups.add_button.click()
    assert followups.error.isVisible()
    assert followups.error.text() == "Due is in the past: pick a later time"
    assert panel.focusWidget() is followups.due
    assert panel.notes.followups == []
    assert followups.empty.isVisible()  # "None yet."
    assert followups.plan.text() == "call back"  # nothing the agent typed is lost

    followups.due.set_value(panel.state.clock() + timedelta(hours=2))
    followups.add_button.click()
    assert followups.error.isHidden()
    assert [(f["owner"], f["plan"]) for f in panel.notes.followups] == [("王芳", "call back")]
    shown = [label.text() for label in followups.findChildren(QLabel)]
    assert "• 03-10 16:00 · 王芳 · call back" in shown
