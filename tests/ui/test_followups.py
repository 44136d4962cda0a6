"""Follow-ups in the panel: the list (model, order, overdue, due soon), done, snooze,
open the record, the follow-up a commitment offers, and due notifications."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from assistant.notes.service import FollowUpRow, commitment_followup, followup_rows, save_form
from assistant.store.db import Store, open_store
from assistant.ui.followups_page import FollowUpListModel, StateRole

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def new_id() -> str:
    return str(uuid.uuid4())


def seed(store: Store, now: datetime) -> dict[str, str]:
    """Two records: one follow-up two hours overdue, one due in 20 minutes, one in 2 days."""
    ids = {"overdue": new_id(), "soon": new_id(), "later": new_id(), "call": new_id()}
    save_form(
        store,
        {"id": ids["call"], "customer_title": "李总", "request": "退款一周未到账"},
        [
            commitment_followup(ids["overdue"], now - timedelta(hours=2), "王芳", "回电确认到账"),
            commitment_followup(ids["soon"], now + timedelta(minutes=20), "财务部", "核实流水"),
        ],
        now=now,
    )
    save_form(
        store,
        {"id": new_id(), "customer_title": "张经理", "request": "企业版升级"},
        [commitment_followup(ids["later"], now + timedelta(days=2), "技术支持", "完成配置")],
        now=now,
    )
    store.close()
    return ids


def test_the_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    now = datetime(2026, 3, 10, 14, 0).astimezone()
    model = FollowUpListModel()
    rows = [
        FollowUpRow(
            new_id(), new_id(), "王芳", now - timedelta(minutes=5), "回电", "李总", "退款", "13800"
        ),
        FollowUpRow(new_id(), new_id(), "财务", now + timedelta(minutes=5), "核实"),
        FollowUpRow(new_id(), new_id(), "", None, "待定"),
    ]
    model.set_rows(rows, now)
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    states = [model.index(i, 0).data(StateRole) for i in range(3)]
    assert states == ["overdue", "soon", ""]
    overdue = model.index(0, 0)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is not None  # red
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # highlighted
    assert overdue.data(Qt.ItemDataRole.DisplayRole) == "13:55 · 王芳 · 回电\n李总 · 13800 · 退款"
    assert (
        model.index(1, 0).data(Qt.ItemDataRole.DisplayRole) == "14:05 · 财务 · 核实\nno contact yet"
    )
    model.set_rows([], now)


@pytest.fixture
def seeded(
    qtbot: Any, make_panel: Any, store: Store, fake_clock: Any
) -> tuple[Any, dict[str, str]]:
    """A shown panel on a hand-moved clock, with the store's follow-ups seeded."""
    window = make_panel(show=False)
    clock = fake_clock(window.state.clock())
    window.state.clock = clock
    ids = seed(store, clock())
    window.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=30_000)
    qtbot.waitUntil(lambda: window.followups.reminders.loaded, timeout=30_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, ids


def test_the_list_is_open_follow_ups_soonest_first(qtbot: Any, seeded: Any) -> None:
    window, ids = seeded
    qtbot.keyClick(window.search, Qt.Key.Key_3, CTRL)
    page = window.followups.page
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=20_000)
    assert [page.model.row(i).id for i in range(3)] == [ids["overdue"], ids["soon"], ids["later"]]
    assert page.heading.text() == "3 open follow-up(s) · 1 overdue"
    assert window.focusWidget() is page.list


def test_missed_follow_ups_are_announced_at_start(qtbot: Any, seeded: Any) -> None:
    window, _ids = seeded
    qtbot.waitUntil(lambda: "due" in window.banner.messages, timeout=20_000)
    text = window.banner.text("due")
    assert text.startswith("1 follow-up(s) came due while the panel was closed")
    assert "李总 · 回电确认到账" in text


def test_a_follow_up_coming_due_notifies_through_the_tray_or_a_banner(
    qtbot: Any, seeded: Any
) -> None:
    window, _ids = seeded
    flow = window.followups
    qtbot.waitUntil(lambda: "due" in window.banner.messages, timeout=20_000)
    window.banner.remove("due")
    told: list[tuple[str, str]] = []
    flow.notifier = lambda title, text: told.append((title, text))
    flow.reminders.check()
    assert told == []  # nothing new is due
    window.state.clock.advance(minutes=21)
    with qtbot.waitSignal(flow.reminders.due) as due:
        flow.reminders.check()
    assert due.args[1] is False
    assert told == [("1 follow-up(s) due now", "14:20 · 李总 · 核实流水")]
    assert "due" not in window.banner.messages  # the tray told the agent
    flow.reminders.check()
    assert len(told) == 1  # once per follow-up

    flow.notifier = None  # no tray: a banner in the panel
    window.state.clock.advance(days=2)
    flow.reminders.check()
    assert window.banner.text("due").startswith("1 follow-up(s) due now")
    window.banner.messages["due"].action.click()
    assert window.pages.current() == "followups"


def test_done_and_snooze(qtbot: Any, seeded: Any, ui_paths: Any) -> None:
    window, ids = seeded
    flow = window.followups
    flow.show()
    page = flow.page
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=20_000)
    assert page.current().id == ids["overdue"]
    with qtbot.waitSignal(flow.reminders.rows_changed, timeout=20_000):
        qtbot.keyClick(page.list, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=20_000)
    assert page.current().id == ids["soon"]

    qtbot.keyClick(page.list, Qt.Key.Key_S, ALT)
    assert page.snooze_menu.isVisible()
    page.snooze_menu.hide()
    now = window.state.clock()
    flow.snooze("1h")
    qtbot.waitUntil(
        lambda: (
            [r.id for r in flow.reminders.rows] == [ids["soon"], ids["later"]]
            and flow.reminders.rows[0].due_at == now + timedelta(hours=1)
        ),
        timeout=20_000,
    )
    opened = open_store(ui_paths.store_file)
    try:
        rows = {r.id: r for r in followup_rows(opened)}
    finally:
        opened.close()
    assert ids["overdue"] not in rows
    assert rows[ids["soon"]].due_at == now + timedelta(hours=1)


def test_enter_opens_the_record(qtbot: Any, seeded: Any) -> None:
    window, ids = seeded
    flow = window.followups
    flow.show()
    page = flow.page
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=20_000)
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.notes.record_id == ids["call"], timeout=20_000)
    assert window.pages.current() == "notes"
    values = window.notes.page.form.values()
    assert values["customer_title"] == "李总"
    assert [f["plan"] for f in window.notes.followups] == ["回电确认到账", "核实流水"]


def copy_commitment(qtbot: Any, window: Any, type_into: Any) -> datetime:
    """Copy the dated refund promise from the playbook; return when it is due."""
    qtbot.keyClick(window.search, Qt.Key.Key_1, CTRL)
    type_into(window.search, "退款进度")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    form = window.form
    if not window.notes.values().get("customer_title"):  # else the record fills it in
        type_into(form.editor("customer_title"), "先生")
    type_into(form.editor("order_id"), "SO-42")
    with qtbot.waitSignal(window.copied) as copied:
        qtbot.keyClick(form.editor("order_id"), Qt.Key.Key_Return)
    due: datetime = copied.args[2]["reply_by"]
    return due


def test_a_dated_commitment_offers_a_follow_up_with_one_key(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.search, Qt.Key.Key_N, CTRL)
    window.notes.page.form.set_text("customer_title", "李总")
    due = copy_commitment(qtbot, window, type_into)
    assert "Ctrl+T" in window.banner.text("offer")
    qtbot.keyClick(window.search, Qt.Key.Key_T, CTRL)
    assert "offer" not in window.banner.messages
    [item] = window.notes.followups
    assert (item["owner"], item["due_at"], item["plan"]) == ("王芳", due, "退款进度的承诺回复")
    assert window.notes.values()["templates_used"] == ["t.refund.commit"]


def listed(qtbot: Any, window: Any, count: int) -> list[str]:
    """Ctrl+3, and the Follow-ups page's rows as the agent reads them."""
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_3, CTRL)
    model = window.followups.page.model
    qtbot.waitUntil(lambda: model.rowCount() == count, timeout=20_000)
    return [model.index(i, 0).data(Qt.ItemDataRole.DisplayRole) for i in range(count)]


def test_ctrl_t_outside_a_call_lists_the_follow_up_with_the_contact(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # No Ctrl+N: the agent wrote the customer down before starting the call.
    form = window.notes.page.form
    form.set_text("customer_title", "李总")
    form.set_text("customer_contact", "+86 138 0013 8000")
    copy_commitment(qtbot, window, type_into)
    qtbot.keyClick(window.search, Qt.Key.Key_T, CTRL)
    [row] = listed(qtbot, window, 1)
    assert row == "03-11 10:00 · 王芳 · 退款进度的承诺回复\n李总 · +86 138 0013 8000"
    assert window.status.text() == "Follow-up added: 03-11 10:00 · listed under Follow-ups (Ctrl+3)"


def test_ctrl_t_on_an_empty_form_then_ctrl_n_keeps_the_follow_up_with_the_call(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    copy_commitment(qtbot, window, type_into)
    qtbot.keyClick(window.search, Qt.Key.Key_T, CTRL)
    [row] = listed(qtbot, window, 1)
    assert row.endswith("\nno contact yet")  # whose it is still to be written down
    assert window.status.text().startswith("No call running: follow-up 03-11 10:00 kept in a")

    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N, CTRL)  # the call starts on that record
    notes = window.notes
    assert [f["plan"] for f in notes.followups] == ["退款进度的承诺回复"]
    notes.page.form.set_text("customer_contact", "+86 138 0013 8000")
    with qtbot.waitSignal(notes.saver.done, timeout=20_000):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(
        lambda: [r.contact for r in window.followups.reminders.rows] == ["+86 138 0013 8000"],
        timeout=20_000,
    )
    [row] = listed(qtbot, window, 1)
    assert row.endswith("\n+86 138 0013 8000")
