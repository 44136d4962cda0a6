"""The agent's own phrases, driven by keyboard: save, find at once, edit a copy, undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from assistant.paths import Paths
from assistant.playbooks.mine import MY_PACK_FILE, Phrase
from assistant.ui.phrase_editor import PhraseEditor

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _drive_editor(
    qtbot: Any, window: Any, steps: Callable[[PhraseEditor], None], seen: list[PhraseEditor]
) -> None:
    """Replace the modal run of the editor with the keys an agent presses in it."""

    def ask(phrase: Phrase, save: Callable[[Phrase], None]) -> bool:
        editor = PhraseEditor(phrase, save, window)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        seen.append(editor)
        steps(editor)
        return editor.result() == QDialog.DialogCode.Accepted

    window.phrases.ask = ask


def _panel(qtbot: Any, make_panel: Any) -> Any:
    window = make_panel()
    window.activateWindow()  # the panel's keys work once the agent is in the app
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _rows(window: Any) -> list[Any]:
    return [window.model.row(i).entry for i in range(window.model.rowCount())]


def _search(qtbot: Any, window: Any, text: str) -> list[Any]:
    window.search.clear()
    qtbot.keyClicks(window.search, text) if text.isascii() else window.search.setText(text)
    return _rows(window)


def test_save_a_new_phrase_and_find_it_at_once_by_title_tag_pinyin_and_shortcode(
    qtbot: Any, make_panel: Any, type_into: Any, ui_paths: Paths
) -> None:
    window = _panel(qtbot, make_panel)
    seen: list[PhraseEditor] = []

    def steps(editor: PhraseEditor) -> None:
        assert editor.focusWidget() is editor.title
        type_into(editor.title, "快递改址说明")
        qtbot.keyClick(editor.title, Qt.Key.Key_Tab)  # category: keep
        qtbot.keyClick(editor.category, Qt.Key.Key_Tab)
        type_into(editor.tags, "改地址")
        qtbot.keyClick(editor.tags, Qt.Key.Key_Tab)
        type_into(editor.shortcode, "kd9")
        qtbot.keyClick(editor.shortcode, Qt.Key.Key_Tab)
        assert editor.focusWidget() is editor.body
        type_into(editor.body, "地址改到{new_address}了")
        assert "{new_address}" in editor.blanks.text()
        qtbot.keyClick(editor.title, Qt.Key.Key_Return)

    _drive_editor(qtbot, window, steps, seen)
    with qtbot.waitSignal(window.state.library_loaded, timeout=30_000):
        qtbot.keyClick(window.search, Qt.Key.Key_P, CTRL_SHIFT)
    assert seen[0].result() == QDialog.DialogCode.Accepted
    assert "快递改址说明" in window.status.text()
    for query in ("快递改址", "改地址", "kuaidi", "kd9"):
        titles = [e.title for e in _search(qtbot, window, query)]
        assert "快递改址说明" in titles, query
    assert _search(qtbot, window, "kd9")[0].title == "快递改址说明"
    assert (ui_paths.user_packs_dir / MY_PACK_FILE).is_file()


def test_a_bad_blank_is_shown_on_the_words_field_and_nothing_is_written(
    qtbot: Any, make_panel: Any, type_into: Any, ui_paths: Paths
) -> None:
    window = _panel(qtbot, make_panel)
    seen: list[PhraseEditor] = []

    def steps(editor: PhraseEditor) -> None:
        type_into(editor.title, "Order check")
        editor.body.setFocus()
        type_into(editor.body, "Your order {order id}")
        qtbot.keyClick(editor.title, Qt.Key.Key_Return)
        assert editor.isVisible()  # still open, all typed text kept
        assert editor.problems["body"].isVisible()
        assert "order id" in editor.problems["body"].text()
        assert editor.focusWidget() is editor.body
        assert editor.title.text() == "Order check"
        qtbot.keyClick(editor.title, Qt.Key.Key_Escape)

    _drive_editor(qtbot, window, steps, seen)
    qtbot.keyClick(window.search, Qt.Key.Key_P, CTRL_SHIFT)
    assert seen[0].result() == QDialog.DialogCode.Rejected
    assert not (ui_paths.user_packs_dir / MY_PACK_FILE).exists()


def test_edit_a_copy_replaces_the_original_row_and_undo_brings_it_back(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = _panel(qtbot, make_panel)
    seen: list[PhraseEditor] = []
    _search(qtbot, window, "tuikuan")
    assert window.current_entry().id == "t.refund.commit"

    def steps(editor: PhraseEditor) -> None:
        assert editor.title.text() == "退款进度的承诺回复"
        editor.body.setFocus()
        qtbot.keyClick(editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        type_into(editor.body, "谢谢")
        qtbot.keyClick(editor.title, Qt.Key.Key_Return)

    _drive_editor(qtbot, window, steps, seen)
    with qtbot.waitSignal(window.state.library_loaded, timeout=30_000):
        qtbot.keyClick(window.search, Qt.Key.Key_C, CTRL_SHIFT)
    rows = _search(qtbot, window, "tuikuan")
    assert [e.id for e in rows if e.title == "退款进度的承诺回复"] != ["t.refund.commit"]
    assert rows[0].body.endswith("谢谢")
    with qtbot.waitSignal(window.state.library_loaded, timeout=30_000):
        qtbot.keyClick(window.search, Qt.Key.Key_U, ALT)
    rows = _search(qtbot, window, "tuikuan")
    assert rows[0].id == "t.refund.commit"
    assert not rows[0].body.endswith("谢谢")


def test_the_words_written_in_a_note_field_become_a_new_phrase(
    qtbot: Any, make_panel: Any, type_into: Any, ui_paths: Paths
) -> None:
    window = _panel(qtbot, make_panel)
    window.notes.show()
    field = window.notes.page.form.editors["outcome"]
    field.setFocus()
    type_into(field, "已为您加急处理，三个工作日内回电")
    seen: list[PhraseEditor] = []

    def steps(editor: PhraseEditor) -> None:
        assert editor.body.toPlainText() == "已为您加急处理，三个工作日内回电"
        type_into(editor.title, "加急回电承诺")
        qtbot.keyClick(editor.title, Qt.Key.Key_Return)

    _drive_editor(qtbot, window, steps, seen)
    with qtbot.waitSignal(window.state.library_loaded, timeout=30_000):
        qtbot.keyClick(field, Qt.Key.Key_P, CTRL_SHIFT)
    assert seen[0].result() == QDialog.DialogCode.Accepted
    assert field.text() == "已为您加急处理，三个工作日内回电"  # the note itself is kept
    window.pages.show("playbook")
    found = _search(qtbot, window, "加急回电")
    assert [(e.title, e.body) for e in found][:1] == [
        ("加急回电承诺", "已为您加急处理，三个工作日内回电")
    ]
