"""The panel window: flags, focus, searching, moving, Esc, copying, browsing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton

from assistant.ui.clipboard import ClipboardUnavailable, install_hint


def titles(window: Any) -> list[str]:
    return [window.model.row(i).entry.title for i in range(window.model.rowCount())]


def test_window_is_an_always_on_top_tool_window_that_does_not_take_focus(make_panel: Any) -> None:
    window = make_panel()
    flags = window.windowFlags()
    assert window.windowTitle() == "Agent Assist"
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert (flags & Qt.WindowType.WindowType_Mask) == Qt.WindowType.Tool
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert window.testAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow)


def test_the_search_field_has_focus_on_show(make_panel: Any) -> None:
    window = make_panel()
    assert window.focusWidget() is window.search


def test_the_search_field_gets_its_clear_button_once_the_panel_has_settled(
    qtbot: Any, make_panel: Any
) -> None:
    window = make_panel()
    qtbot.waitUntil(window.search.isClearButtonEnabled, timeout=5_000)
    qtbot.keyClicks(window.search, "refund")
    clear = window.search.findChild(QToolButton)
    assert clear is not None
    assert clear.isVisible()
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert window.search.text() == ""


def test_opening_and_updating_never_steal_focus_from_the_softphone(
    qtbot: Any, make_panel: Any
) -> None:
    softphone = QLineEdit()
    softphone.setWindowTitle("softphone")
    qtbot.addWidget(softphone)
    softphone.show()
    softphone.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is softphone)
    window = make_panel()
    window.set_call_values({"customer_title": "李总"})
    window.search.setText("退款")
    assert QApplication.activeWindow() is softphone
    # Focus elsewhere never hides the panel.
    assert window.isVisible()


def test_typing_filters_on_each_keystroke(qtbot: Any, make_panel: Any, type_into: Any) -> None:
    window = make_panel()
    assert window.model.rowCount() == 6
    type_into(window.search, "退")
    assert titles(window) == ["退款进度的承诺回复"]
    window.search.clear()
    type_into(window.search, "tk")  # pinyin initials of 退款
    assert "退款进度的承诺回复" in titles(window)
    window.search.clear()
    type_into(window.search, "thanks")
    assert titles(window) == ["Closing thanks"]


def test_nothing_found_says_what_to_try(qtbot: Any, make_panel: Any, type_into: Any) -> None:
    window = make_panel()
    type_into(window.search, "zzzzqqq")
    assert window.model.rowCount() == 0
    assert window.empty.isVisibleTo(window)
    assert "Nothing matches" in window.empty.text()


def test_up_and_down_move_the_selection(qtbot: Any, make_panel: Any) -> None:
    window = make_panel()
    first = window.current_entry()
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    second = window.current_entry()
    assert second is not None
    assert second != first
    qtbot.keyClick(window.search, Qt.Key.Key_Up)
    assert window.current_entry() == first
    qtbot.keyClick(window.search, Qt.Key.Key_Up)  # stays on the first row
    assert window.current_entry() == first
    assert window.preview.title.text() == first.title


def test_escape_clears_then_hides(qtbot: Any, make_panel: Any, type_into: Any) -> None:
    window = make_panel()
    type_into(window.search, "退款")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert window.isVisible()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_enter_copies_and_confirms_quietly(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    window.set_call_values({"customer_title": "李总"})
    type_into(window.search, "接听来电")
    with qtbot.waitSignal(window.copied) as copied:
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    expected = "您好，我是王芳，工号A1024，请问李总有什么可以帮您？"
    assert clipboard.texts == [expected]
    assert copied.args[:2] == ["t.opening", expected]
    assert window.status.text() == "Copied · 14:00"


def test_a_missing_clipboard_tool_is_a_message_not_a_crash(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    class NoClipboard:
        def copy(self, text: str) -> None:
            raise ClipboardUnavailable(install_hint("linux"))

    window = make_panel(clip=NoClipboard())
    type_into(window.search, "SLA")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert "install xclip" in window.status.text()
    assert window.status.property("tone") == "error"


def test_the_system_clipboard_reports_a_missing_mechanism(monkeypatch: Any) -> None:
    import pyperclip

    from assistant.ui.clipboard import SystemClipboard

    def broken(text: str) -> None:
        raise pyperclip.PyperclipException("no mechanism")

    monkeypatch.setattr(pyperclip, "copy", broken)
    with pytest.raises(ClipboardUnavailable, match="install xclip"):
        SystemClipboard().copy("x")


def test_taboo_entries_are_warnings_and_never_copied(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    type_into(window.search, "打断")
    assert window.current_entry().category == "taboo"
    assert window.preview.warning_frame.isVisibleTo(window)
    assert not window.preview.wording_frame.isVisibleTo(window)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard.texts == []
    assert "nothing copied" in window.status.text()


def test_call_values_fill_the_preview_and_the_copy(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    type_into(window.search, "暂停")
    assert "〔customer title〕" in window.preview.wording.text()
    window.set_call_values({"customer_title": "张经理", "account_ref": "ENT-1"})
    assert "张经理" in window.preview.wording.text()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard.texts == ["张经理，我先把您说的情况完整记下来，请您稍等我一下。"]
