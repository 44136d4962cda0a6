"""The fill-in form: opens for empty blanks, Tab between fields, Enter copies."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit


def open_refund_form(qtbot: Any, window: Any, type_into: Any) -> Any:
    window.set_call_values({"customer_title": "李总"})
    type_into(window.search, "退款")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.form
    return window.form


def test_a_blank_without_value_opens_the_form_first(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    form = open_refund_form(qtbot, window, type_into)
    assert clipboard.texts == []
    # Known values (the call's customer title) are not asked for.
    assert list(form.values()) == ["order_id", "speed", "reply_by"]
    assert isinstance(form.editor("order_id"), QLineEdit)
    assert form.focusWidget() is form.editor("order_id")


def test_choices_are_a_combo_with_the_default_selected(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel()
    form = open_refund_form(qtbot, window, type_into)
    speed = form.editor("speed")
    assert isinstance(speed, QComboBox)
    assert [speed.itemText(i) for i in range(speed.count())] == ["提交加急", "正常提交"]
    assert speed.currentText() == "提交加急"


def test_a_date_blank_shows_the_computed_due_time_and_can_change(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    form = open_refund_form(qtbot, window, type_into)
    reply_by = form.editor("reply_by")
    assert isinstance(reply_by, QDateTimeEdit)
    due = form.values()["reply_by"]
    assert isinstance(due, datetime)
    assert (due.year, due.month, due.day, due.hour, due.minute) == (2026, 3, 11, 10, 0)
    assert form._captions["reply_by"].text() == "明天（3月11日 周三）上午10:00"
    reply_by.setDateTime(reply_by.dateTime().addDays(1).addSecs(4 * 3600))
    assert form._captions["reply_by"].text() == "后天（3月12日 周四）下午2:00"
    form.editor("order_id").setText("A-778")
    qtbot.keyClick(form.editor("order_id"), Qt.Key.Key_Return)
    assert clipboard.texts == [
        "李总，您的订单A-778的退款我已提交加急，我会在后天（3月12日 周四）下午2:00之前给您回电话。"
    ]


def test_tab_moves_between_fields_and_enter_accepts(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    form = open_refund_form(qtbot, window, type_into)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    type_into(form.editor("order_id"), "88")
    qtbot.keyClick(form.editor("order_id"), Qt.Key.Key_Tab)
    assert form.focusWidget() is form.editor("speed")
    qtbot.keyClick(form.editor("speed"), Qt.Key.Key_Down)  # the other choice
    qtbot.keyClick(form.editor("speed"), Qt.Key.Key_Tab)
    assert form.focusWidget() is form.editor("reply_by")
    with qtbot.waitSignal(window.copied):
        qtbot.keyClick(form.editor("reply_by"), Qt.Key.Key_Return)
    assert clipboard.texts == [
        "李总，您的订单88的退款我已正常提交，我会在明天（3月11日 周三）上午10:00之前给您回电话。"
    ]
    assert window.stack.currentWidget() is not form
    assert window.focusWidget() is window.search


def test_an_empty_field_is_named_and_nothing_is_copied(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    form = open_refund_form(qtbot, window, type_into)
    qtbot.keyClick(form.editor("order_id"), Qt.Key.Key_Return)
    assert clipboard.texts == []
    assert form.error.isVisibleTo(window)
    assert "订单号" in form.error.text()
    assert window.stack.currentWidget() is form


def test_escape_goes_back_without_copying(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    form = open_refund_form(qtbot, window, type_into)
    qtbot.keyClick(form.editor("order_id"), Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.splitter
    assert clipboard.texts == []
    assert window.search.text() == "退款"  # the first Esc only leaves the form


def test_agent_values_come_from_settings_and_missing_ones_are_asked(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    from assistant.settings import Settings

    window = make_panel(Settings(agent_name="", agent_id="A1024"))
    type_into(window.search, "greeting")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    form = window.form
    assert list(form.values()) == ["agent_name", "customer_title"]
    form.editor("agent_name").setText("王芳")
    form.editor("customer_title").setText("张女士")
    form.accept()
    assert clipboard.texts == ["您好，我是王芳，工号A1024，请问张女士有什么可以帮您？"]


def test_shift_enter_opens_the_form_even_with_defaults(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    type_into(window.search, "SLA")
    qtbot.keyClick(window.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    form = window.form
    assert window.stack.currentWidget() is form
    assert form.values() == {
        "analogy_text": "出了故障 2 小时内一定有人响应，严重问题 4 小时内解决。"
    }
    form.accept()
    assert clipboard.texts == [
        "SLA 就是我们写在合同里的服务承诺：出了故障 2 小时内一定有人响应，严重问题 4 小时内解决。"
    ]


def test_a_default_alone_copies_without_a_form(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    type_into(window.search, "SLA")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.splitter
    assert len(clipboard.texts) == 1
