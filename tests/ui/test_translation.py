"""Every visible string goes through Qt's translation functions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QFormLayout, QLabel

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
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        assert isinstance(label, QLabel)
        texts.append(label.text())
    assert untranslated(texts) == []
