"""Every string the notes side shows goes through Qt's translation functions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel


class Brackets(QTranslator):
    """A stand-in translation: every string it is asked for comes back in 【】."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"【{source}】" if source else source

    def isEmpty(self) -> bool:
        return False


def untranslated(texts: list[str]) -> list[str]:
    # Symbols, times and data have nothing to translate.
    return [t for t in texts if t and any(c.isalpha() for c in t) and "【" not in t]


def visible_texts(widget: Any) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    texts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisibleTo(widget)]
    texts += [w.toolTip() for w in widget.findChildren(QAbstractButton) if w.toolTip()]
    return texts


def test_notes_follow_up_and_export_strings_are_translatable(
    qtbot: Any, make_panel: Any, request: Any
) -> None:
    translator = Brackets()
    QCoreApplication.installTranslator(translator)
    request.addfinalizer(lambda: QCoreApplication.removeTranslator(translator))
    window = make_panel()
    texts = [window.pages.tabs.tabText(i) for i in range(window.pages.tabs.count())]
    texts += [window.pages.tabs.tabToolTip(i) for i in range(window.pages.tabs.count())]
    window.notes.show()
    page = window.notes.page
    page.form.show_more(True)
    texts += visible_texts(page)
    texts += [
        page.form.followups.plan.placeholderText(),
        page.form.followups.due.specialValueText(),
    ]
    for name in ("channel", "resolution", "customer_type", "emotion_start"):
        combo = page.form.editors[name]
        texts += [combo.itemText(i) for i in range(combo.count())]
    window.notes.new_call()
    texts.append(window.notes.timer.time.text())
    texts.append(window.notes.timer.toolTip())
    window.notes.end_call()
    texts.append(window.notes.timer.time.text())
    window.followups.show()
    texts += visible_texts(window.followups.page)
    texts += [a.text() for a in window.followups.page.snooze_menu.actions()]
    window.followups.show_export()
    export = window.followups.export_page
    texts += visible_texts(export)
    texts += [export.table.itemText(i) for i in range(export.table.count())]
    texts += [c.text() for c in export.findChildren(QCheckBox)]
    window.toggle_cheat_sheet()
    texts += [what.text() for _keys, what in window.cheat_sheet.rows]
    assert untranslated(texts) == []
