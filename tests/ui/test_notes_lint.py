"""Lint while typing in the notes: vague promises and jargon underlined (debounced),
the fix offered in the tooltip and the context menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMenu

from assistant.settings import Settings
from assistant.ui.text_fields import NoteEdit

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def underlined(edit: NoteEdit) -> list[str]:
    """The words drawn with a wavy underline, as the editor lays them out."""
    found = []
    block = edit.document().firstBlock()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == WAVE:
                found.append(block.text()[fmt.start : fmt.start + fmt.length])
        block = block.next()
    return found


def notes_field(qtbot: Any, make_panel: Any, name: str) -> tuple[Any, NoteEdit]:
    window = make_panel()
    window.notes.show()
    form = window.notes.page.form
    return form, form.editors[name]


def test_vague_promises_and_jargon_are_underlined_after_a_pause(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    form, edit = notes_field(qtbot, make_panel, "outcome")
    highlighter = form.highlighters["outcome"]
    type_into(edit, "我们会尽快处理，SLA 不受影响")
    # Debounced: typing is never held up by lint; the marks come a moment later.
    assert highlighter.findings == []
    qtbot.waitUntil(lambda: len(highlighter.findings) == 2)
    qtbot.waitUntil(lambda: underlined(edit) == ["尽快", "SLA"])
    assert edit.text() == "我们会尽快处理，SLA 不受影响"  # lint only paints
    type_into(edit, "。")
    assert underlined(edit) == ["尽快", "SLA"]  # other lines keep their marks meanwhile


def test_the_fix_is_a_dated_commitment(qtbot: Any, make_panel: Any, type_into: Any) -> None:
    form, edit = notes_field(qtbot, make_panel, "outcome")
    highlighter = form.highlighters["outcome"]
    type_into(edit, "我们会尽快处理")
    qtbot.waitUntil(lambda: bool(highlighter.findings))
    finding = highlighter.finding_at(4)
    assert finding is not None
    assert finding.text == "尽快"
    tip = highlighter.explain(finding)
    assert "Say instead: 明天（3月11日 周三）上午10:00前" in tip
    menu = QMenu()
    qtbot.addWidget(menu)
    highlighter.fix_actions(menu, finding)
    [action] = menu.actions()
    assert action.text() == "Make it a dated commitment: 明天（3月11日 周三）上午10:00前"
    action.trigger()
    assert edit.text() == "我们会明天（3月11日 周三）上午10:00前处理"
    assert highlighter.findings == []
    edit.undo()  # one undoable edit
    assert edit.text() == "我们会尽快处理"


def test_a_traditional_centre_gets_the_commitment_in_traditional(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    window = make_panel(Settings(phrase_languages=("zh-Hant", "en")))
    window.notes.show()
    form = window.notes.page.form
    edit, highlighter = form.editors["outcome"], form.highlighters["outcome"]
    type_into(edit, "我們會盡快處理")
    qtbot.waitUntil(lambda: bool(highlighter.findings))
    finding = highlighter.finding_at(4)
    assert finding is not None
    menu = QMenu()
    qtbot.addWidget(menu)
    highlighter.fix_actions(menu, finding)
    [action] = menu.actions()
    action.trigger()
    assert edit.text() == "我們會明天（3月11日 週三）上午10:00前處理"


def test_jargon_offers_the_plain_words_and_the_analogy(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    form, edit = notes_field(qtbot, make_panel, "key_problem")
    highlighter = form.highlighters["key_problem"]
    type_into(edit, "客户问SLA")
    qtbot.waitUntil(lambda: bool(highlighter.findings))
    finding = highlighter.finding_at(4)
    assert finding is not None
    assert finding.kind == "jargon"
    assert "It is like: 就像快递写明“次日达”" in highlighter.explain(finding)
    menu = QMenu()
    qtbot.addWidget(menu)
    highlighter.fix_actions(menu, finding)
    texts = [a.text() for a in menu.actions()]
    assert texts == [
        "Say it plainly: 我们书面写下的服务承诺",
        "Add the analogy: SLA（就像快递写明“次日达”，我们写明了故障 2 小时内响应）",
    ]
    menu.actions()[0].trigger()
    assert edit.text() == "客户问我们书面写下的服务承诺"


def test_the_context_menu_offers_the_fixes_first(
    qtbot: Any, make_panel: Any, type_into: Any
) -> None:
    form, edit = notes_field(qtbot, make_panel, "request")
    highlighter = form.highlighters["request"]
    type_into(edit, "maybe")
    qtbot.waitUntil(lambda: bool(highlighter.findings))
    cursor = edit.textCursor()
    cursor.setPosition(2)
    edit.setTextCursor(cursor)
    rect = edit.cursorRect()
    with qtbot.waitSignal(edit.customContextMenuRequested):
        edit.customContextMenuRequested.emit(rect.center())
    menus = [w for w in edit.findChildren(QMenu) if w.isVisible()]
    assert menus
    first = menus[0].actions()[0].text()
    assert first.startswith("Make it a dated commitment: by tomorrow")
    menus[0].close()
