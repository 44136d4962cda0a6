"""Every visible string goes through Qt's translation functions, and in the Chinese
interfaces none is left in English."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

from assistant.settings import Settings
from assistant.ui.settings_dialog import SettingsDialog


class Brackets(QTranslator):
    """A stand-in translation: every string it is asked for comes back in 【】."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"【{source}】" if source else source

    def isEmpty(self) -> bool:
        return False


def untranslated(texts: list[str]) -> list[str]:
    # Symbols alone ("?", "⚙", "☆") and data (entry text) have nothing to translate.
    return [t for t in texts if t and any(c.isalpha() for c in t) and "【" not in t]


def test_panel_form_and_dialog_strings_are_translatable(
    qtbot: Any, make_panel: Any, type_into: Any, request: Any
) -> None:
    translator = Brackets()
    QCoreApplication.installTranslator(translator)
    request.addfinalizer(lambda: QCoreApplication.removeTranslator(translator))
    window = make_panel()
    texts = [window.windowTitle(), window.search.placeholderText(), window.status.text()]
    texts += [window.category.itemText(i) for i in range(window.category.count())]
    texts += [window.stage.itemText(i) for i in range(window.stage.count())]
    texts += [a.toolTip() for a in window.actions_by_name.values()]
    texts += [b.text() for b in (window.copy_button, window.fill_button, window.next_button)]
    texts.append(window.preview.wording_heading.text())
    window.toggle_cheat_sheet()
    texts += [what.text() for _keys, what in window.cheat_sheet.rows]
    window.toggle_cheat_sheet()
    type_into(window.search, "退款")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    form = window.form
    texts += [form.hint.text(), form.copy_button.text(), form.back_button.text()]
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    texts.append(dialog.windowTitle())
    layout = dialog.layout().itemAt(0).layout()
    assert isinstance(layout, QFormLayout)
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if label is None:  # a row of its own, such as a check box: its text
            whole = layout.itemAt(row, QFormLayout.ItemRole.SpanningRole)
            field = whole or layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            texts.append(field.widget().text())
            continue
        assert isinstance(label.widget(), QLabel)
        texts.append(label.widget().text())
    assert untranslated(texts) == []


# -- the Chinese interfaces: nothing left in English ---------------------------------------

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
LATIN = re.compile(r"[A-Za-z]")
# Written the same in every language: key names, as in the shortcuts and the F1 list
# (Ctrl+N, Shift+Enter, Esc, F1: what the keycaps say), and the file list's units
# (KiB; "byte" is how Qt's locale data writes it in Traditional Chinese)...
CODES = re.compile(
    r"\b(?:Ctrl|Shift|Alt|Meta|Esc|Enter|Tab|Space|Backspace|Del|PgUp|PgDown|Home|End"
    r"|F\d{1,2}|byte|[KMGT]iB)\b|(?<=\+)\w\b"
)
# ...and whole texts that are names or codes: English is the language's own name in the
# language list (an agent must find their language in any interface); CN is the example
# country code the settings field takes.
KEPT = {"English", "CN"}


def plain(text: str) -> str:
    if QtGui.Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text ``root`` shows or can show: labels, buttons, menus,
    tooltips, placeholders, choices, tabs, column headers and its actions. Not what
    the agent typed or the playbook says: that is the agent's and the centre's text."""
    found: list[tuple[str, str]] = []

    def add(where: Any, kind: str, text: str | None) -> None:
        if text:
            found.append((f"{type(where).__name__} {where.objectName()} {kind}", plain(text)))

    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if widget.isWindow():
            add(widget, "title", widget.windowTitle())
        add(widget, "tooltip", widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, "text", widget.text())
        if isinstance(widget, QToolButton) and widget.menu() is not None:
            for action in widget.menu().actions():
                add(action, "menu item", action.text())
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            add(widget, "placeholder", widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            add(widget, "special value", widget.specialValueText())
        if isinstance(widget, QComboBox) and widget.objectName() != "lookInCombo":  # paths
            for i in range(widget.count()):
                add(widget, "choice", widget.itemText(i))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget, "tab", widget.tabText(i))
                add(widget, "tab tooltip", widget.tabToolTip(i))
        if isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            for section in range(widget.count()):
                if not widget.isSectionHidden(section):
                    header = widget.model().headerData(section, widget.orientation())
                    add(widget, "header", str(header or ""))
    for action in root.findChildren(QAction):
        add(action, "action", action.text())
        add(action, "action tooltip", action.toolTip())
    return found


def english_left(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The texts with Latin letters and no Chinese, other than CODES and KEPT."""
    return [
        (where, text)
        for where, text in dict.fromkeys(texts)
        if not CJK.search(text) and text not in KEPT and LATIN.search(CODES.sub("", text))
    ]


def test_the_check_tells_english_from_names_and_keys() -> None:
    texts = ["Ctrl+Shift+E", "Ctrl+L / Ctrl+F", "Esc", "F1", "English", "3 byte", "4.88 KiB"]
    texts += ["已约定回电", "按 Alt+0"]
    english = ["callback scheduled", "&Look in:", "[card •••• 1111]", "Enter a name", "3 bytes"]
    shown = [("label", text) for text in [*texts, *english]]
    assert [text for _where, text in english_left(shown)] == english


def key(qtbot: Any, window: QWidget, sequence: str) -> None:
    """Press a shortcut where the focus is, as the agent would."""
    combo = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def when_shown(kind: type[QWidget], then: Callable[[Any], None], tries: int = 1000) -> None:
    """Call ``then`` with the modal ``kind`` once it is up: a dialog's exec() runs its own
    event loop, so the test looks from a timer. Gives up (closing it) after ~20 s."""
    widget = QApplication.activeModalWidget()
    if isinstance(widget, kind) and widget.isVisible():
        then(widget)
    elif tries:
        QTimer.singleShot(20, lambda: when_shown(kind, then, tries - 1))
    elif isinstance(widget, QFileDialog | QMessageBox):
        widget.reject()


def file_dialog_texts(export: Any, folder: Path) -> list[tuple[str, str]]:
    """Ask where to export as the Export page does; read the dialog in its detail view
    and the question it asks before replacing a file; cancel. (A desktop's own dialog
    speaks the desktop's language: the test asks for Qt's.)"""
    (folder / "archive").mkdir(parents=True)
    existing = folder / "calls.csv"
    existing.write_text("id\n", encoding="utf-8")
    texts: list[tuple[str, str]] = []

    def read_question(box: QMessageBox) -> None:
        texts.extend(shown_texts(box))
        box.button(QMessageBox.StandardButton.No).click()  # keep the file

    def read_dialog(dialog: QFileDialog, tries: int = 500) -> None:
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        view = dialog.findChild(QTreeView, "treeView")
        assert view is not None
        model, root = view.model(), view.rootIndex()
        if model.rowCount(root) < 2 and tries:  # the folder loads on a thread
            QTimer.singleShot(20, lambda: read_dialog(dialog, tries - 1))
            return
        texts.extend(shown_texts(dialog))
        columns = range(1, model.columnCount(root))  # after the name: size, type, date
        texts.extend(
            ("file list", model.index(r, c, root).data() or "") for r in range(2) for c in columns
        )
        when_shown(QMessageBox, read_question)
        dialog.selectFile(str(existing))
        dialog.accept()  # the file exists: Qt asks first, and the answer is No
        dialog.reject()

    when_shown(QFileDialog, read_dialog)
    assert export.ask_path(str(existing)) is None
    return texts


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
def test_the_chinese_interfaces_show_no_english(
    qtbot: Any,
    make_panel: Any,
    install: Any,
    type_into: Any,
    tmp_path: Path,
    qt_dialogs: None,
    language: str,
) -> None:
    install(language)
    window = make_panel()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    texts = shown_texts(window)  # the playbook and the status line
    key(qtbot, window, "F1")
    texts += shown_texts(window)
    key(qtbot, window, "F1")
    # A call: the fill-in form, then the follow-up a dated promise offers (a banner).
    key(qtbot, window, "Ctrl+N")
    form = window.notes.page.form
    form.set_text("customer_title", "李总")
    key(qtbot, window, "Ctrl+1")
    type_into(window.search, "退款进度")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    texts += shown_texts(window)
    type_into(window.form.editor("order_id"), "20260310")
    with qtbot.waitSignal(window.copied):
        qtbot.keyClick(window.form.editor("order_id"), Qt.Key.Key_Return)
    texts += shown_texts(window)
    key(qtbot, window, "Ctrl+T")
    # The notes page: every field and choice; a card number, masked when saved.
    key(qtbot, window, "Ctrl+2")
    form.show_more(True)
    form.set_choice("disposition", "callback_scheduled")
    form.set_text("notes", "4111 1111 1111 1111")
    with qtbot.waitSignal(window.notes.saver.done, timeout=20_000):
        key(qtbot, window, "Ctrl+S")
    qtbot.waitUntil(lambda: bool(window.notes.page.recent_menu.actions()))
    texts += shown_texts(window)
    texts.append(("the masked card", form.values()["notes"]))
    # Follow-ups (the one just added), then Export and its file dialog.
    key(qtbot, window, "Ctrl+3")
    followups = window.followups.page
    qtbot.waitUntil(lambda: followups.model.rowCount() == 1)
    texts += shown_texts(window)
    tooltip = followups.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    texts.append(("follow-up tooltip", tooltip))
    window.followups.show_export()
    texts += shown_texts(window)
    texts += file_dialog_texts(window.followups.export_page, tmp_path / "exports")
    # Settings, and what it says about a wrong entry.
    dialog = SettingsDialog(window.state.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    texts += shown_texts(dialog)
    for field, wrong in ((dialog.office_hours, "9 to 5"), (dialog.country, "XX")):
        field.setText(wrong)
        dialog.accept()
        texts += shown_texts(dialog)
        field.setText("")
    left = english_left(texts)
    assert not left, "English in the interface:\n" + "\n".join(f"{w}: {t!r}" for w, t in left)
