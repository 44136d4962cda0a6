"""The result list's mark for entries already used in this call: a small check in
the row's left margin (the row itself is drawn as always)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from assistant.ui import style
from assistant.ui.entry_delegate import EntryDelegate, is_selected
from assistant.ui.search_model import EntryRole

MARK = "✓"


class InCallDelegate(EntryDelegate):
    def __init__(self, used: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._used = used

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        entry = index.data(EntryRole)
        if entry is None or not self._used(entry.id):
            return
        selected = is_selected(option, index)
        m = self.measures(option)
        colour = (
            option.palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else style.colours(option.palette).accent
        )
        painter.save()
        painter.setFont(m.mark)
        painter.setPen(colour)
        rect = option.rect
        height = m.title_h
        mark = QRect(rect.x() + 1, rect.y() + style.ROW_PAD_Y, style.ROW_PAD_X - 1, height)
        painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, MARK)
        painter.restore()
