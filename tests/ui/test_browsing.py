"""Browsing: filters, favourites and recent use on top, wordings, jargon, shortcuts."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from assistant.ui.actions import ACTIONS, key_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def activate(qtbot: Any, window: Any) -> None:
    """Shortcuts work once the agent is in the panel (it opens without taking focus)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def ids(window: Any) -> list[str]:
    return [window.model.row(i).entry.id for i in range(window.model.rowCount())]


def test_category_filter(qtbot: Any, make_panel: Any) -> None:
    window = make_panel()
    activate(qtbot, window)
    window.category.setCurrentIndex(window.category.findData("jargon"))
    assert ids(window) == ["t.sla"]
    qtbot.keyClick(window.search, Qt.Key.Key_0, ALT)  # reset filters
    assert len(ids(window)) == 6


def test_emotion_stage_filter_keeps_lines_for_that_stage(qtbot: Any, make_panel: Any) -> None:
    window = make_panel()
    window.stage.setCurrentIndex(window.stage.findData("angry"))
    assert set(ids(window)) == {"t.angry.pause", "t.refund.commit"}
    window.stage.setCurrentIndex(window.stage.findData("calm"))
    assert ids(window) == []


def test_filter_keys_open_the_combos(qtbot: Any, make_panel: Any) -> None:
    window = make_panel()
    activate(qtbot, window)
    qtbot.keyClick(window.search, Qt.Key.Key_C, ALT)
    assert window.category.view().isVisible()
    window.category.hidePopup()
    qtbot.keyClick(window.search, Qt.Key.Key_E, ALT)
    assert window.stage.view().isVisible()
    window.stage.hidePopup()


def test_star_key_puts_a_favourite_on_top_of_the_empty_search(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel()
    activate(qtbot, window)
    type_into(window.search, "thanks")
    qtbot.keyClick(window.search, Qt.Key.Key_D, CTRL)
    assert "t.closing.thanks" in window.state.favourites
    assert window.status.text() == "Starred"
    window.search.clear()
    assert ids(window)[0] == "t.closing.thanks"
    assert window.model.row(0).favourite
    assert window.star_button.text() == "★"
    qtbot.keyClick(window.search, Qt.Key.Key_D, CTRL)  # toggles back
    assert "t.closing.thanks" not in window.state.favourites


def test_recently_used_comes_first_in_the_empty_search(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel()
    before = ids(window)
    assert before[0] != "t.sla"
    type_into(window.search, "SLA")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    window.search.clear()
    assert ids(window)[0] == "t.sla"
    assert window.model.row(0).used


def test_one_key_cycles_the_wordings(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any
) -> None:
    window = make_panel()
    activate(qtbot, window)
    window.set_call_values({"customer_title": "李总"})
    type_into(window.search, "接听来电")
    assert "Wording 1 of 3" in window.preview.wording_heading.text()
    qtbot.keyClick(window.search, Qt.Key.Key_Right, ALT)
    assert "Wording 2 of 3" in window.preview.wording_heading.text()
    assert "很高兴为您服务" in window.preview.wording.text()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard.texts == ["李总您好，我是王芳（工号A1024），很高兴为您服务。"]
    qtbot.keyClick(window.search, Qt.Key.Key_Right, ALT)
    qtbot.keyClick(window.search, Qt.Key.Key_Right, ALT)  # wraps round
    assert "Wording 1 of 3" in window.preview.wording_heading.text()
    qtbot.keyClick(window.search, Qt.Key.Key_Left, ALT)
    assert "Wording 3 of 3" in window.preview.wording_heading.text()


def test_jargon_shows_term_meaning_and_analogy_side_by_side(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel()
    type_into(window.search, "SLA")
    preview = window.preview
    QApplication.processEvents()
    assert preview.jargon.isVisibleTo(window)
    assert preview.term.text() == "SLA"
    assert preview.plain.text() == "我们书面写下的服务承诺"
    assert preview.analogy.text().startswith("就像快递")
    plain, analogy = preview.plain_card.geometry(), preview.analogy_card.geometry()
    assert plain.top() == analogy.top()
    assert plain.right() < analogy.left()


def test_preview_shows_when_to_use(qtbot: Any, make_panel: Any, type_into: Any) -> None:
    window = make_panel()
    type_into(window.search, "退款")
    assert window.preview.when.text() == "客户追问退款什么时候到账，而你需要先和财务确认。"
    assert "Dissatisfied · Angry" in window.preview.meta.text()


def test_an_empty_preview_has_no_scroll_bar(qtbot: Any, make_panel: Any, type_into: Any) -> None:
    window = make_panel()
    window.resize(window.width(), 460)  # short: the refund entry's preview scrolls
    bar = window.preview.verticalScrollBar()
    type_into(window.search, "退款")
    qtbot.waitUntil(bar.isVisible)
    window.search.clear()
    type_into(window.search, "zzqx")
    assert window.model.rowCount() == 0
    qtbot.waitUntil(lambda: not bar.isVisible())


class LayoutRequests(QObject):
    """Counts the re-layouts posted to a widget."""

    def __init__(self, widget: Any) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_a_shown_preview_settles_and_the_panel_idles(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel()
    window.resize(window.width(), 460)  # short: the refund entry's preview scrolls
    type_into(window.search, "退款")
    qtbot.waitUntil(window.preview.verticalScrollBar().isVisible)
    relayouts = LayoutRequests(window.preview.body)
    # Laid out, measured, sized: then a quiet 300 ms comes, however busy the machine.
    # A preview that keeps resizing itself to fit never has one.
    deadline = time.monotonic() + 10
    while True:
        relayouts.count = 0
        qtbot.wait(300)
        if relayouts.count == 0:
            break
        assert time.monotonic() < deadline, "the preview kept laying itself out"


def test_every_action_has_keys_in_its_tooltip_and_in_the_cheat_sheet(
    qtbot: Any, make_panel: Any
) -> None:
    window = make_panel()
    activate(qtbot, window)
    for spec in ACTIONS:
        keys = key_text(spec)
        assert keys, spec.name
        assert keys in window.actions_by_name[spec.name].toolTip()
    for button in (window.copy_button, window.fill_button, window.star_button, window.next_button):
        assert "(" in button.toolTip()
        assert ")" in button.toolTip()
    qtbot.keyClick(window.search, Qt.Key.Key_F1)
    sheet = window.cheat_sheet
    assert window.stack.currentWidget() is sheet
    shown = [(keys.text(), what.text()) for keys, what in sheet.rows]
    assert shown == [(key_text(spec), spec.text) for spec in ACTIONS]
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.splitter
    assert window.isVisible()


def test_hide_and_quit_keys(qtbot: Any, make_panel: Any) -> None:
    window = make_panel()
    activate(qtbot, window)
    with qtbot.waitSignal(window.quit_requested):
        qtbot.keyClick(window.search, Qt.Key.Key_Q, CTRL)
    qtbot.keyClick(window.search, Qt.Key.Key_W, CTRL)
    assert not window.isVisible()
    window.show_panel()
    assert window.isVisible()
    assert window.focusWidget() is window.search


def test_enter_pressed_while_the_playbook_loads_copies_once_it_is_in(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any, monkeypatch: Any
) -> None:
    from assistant.ui.state import PanelState

    load = PanelState.load_library
    held: list[PanelState] = []
    # A method: the panel's state is what it is called on, and is kept to load later.
    monkeypatch.setattr(PanelState, "load_library", lambda state: held.append(state))  # noqa: PLW0108
    window = make_panel(wait_ready=False)
    qtbot.waitUntil(lambda: bool(held))  # painted; the playbook not in yet
    type_into(window.search, "SLA")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert clipboard.texts == []
    load(held[0])
    qtbot.waitUntil(lambda: bool(clipboard.texts))
    assert clipboard.texts[0].startswith("SLA 就是我们写在合同里的服务承诺")


def test_a_query_changed_after_enter_while_loading_copies_nothing(
    qtbot: Any, make_panel: Any, type_into: Any, clipboard: Any, monkeypatch: Any
) -> None:
    from assistant.ui.state import PanelState

    load = PanelState.load_library
    held: list[PanelState] = []
    # A method: the panel's state is what it is called on, and is kept to load later.
    monkeypatch.setattr(PanelState, "load_library", lambda state: held.append(state))  # noqa: PLW0108
    window = make_panel(wait_ready=False)
    qtbot.waitUntil(lambda: bool(held))
    type_into(window.search, "SLA")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    type_into(window.search, " 合同")  # the agent went on typing: no copy of their own
    load(held[0])
    qtbot.waitUntil(lambda: window.is_ready)
    assert clipboard.texts == []
