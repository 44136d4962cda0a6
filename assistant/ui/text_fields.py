"""Editors of the call-notes form: text that grows with what is typed, and a time
that can be empty.

``NoteEdit`` is a QPlainTextEdit (so lint can underline inside it) that starts one
or two lines high and grows to a few lines before it scrolls, and lets Tab move
on. ``edited`` fires only when the text itself changed by the agent's hand, not
when a value is loaded or lint repaints an underline.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from math import ceil

from PySide6.QtCore import QDate, QDateTime, QPoint, QSize, Qt, QTime, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QDateTimeEdit, QFrame, QPlainTextEdit, QSizePolicy, QWidget

from assistant.ui.fill_form import from_qdatetime, to_qdatetime

_EMPTY = QDateTime(QDate(2000, 1, 1), QTime(0, 0))
_SAMPLE = "国語Ágy"  # a CJK fallback font can make a line taller than the Latin font's


def text_line_height(font: QFont) -> int:
    """The height of one laid-out line of mixed Chinese and Latin text in ``font``."""
    layout = QTextLayout(_SAMPLE, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return max(QFontMetrics(font).lineSpacing(), ceil(line.height()))


class NoteEdit(QPlainTextEdit):
    edited = Signal()

    def __init__(self, lines: int = 1, max_lines: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._max_lines = max_lines
        self._text = ""
        self._loading = False
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(3)
        self.textChanged.connect(self._changed)
        self._fit()

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Load a value: no ``edited``; the cursor goes to the end."""
        if text == self._text:
            return
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self._text = text
        self._fit()

    def replace_all(self, text: str) -> None:
        """Replace the text as an edit the agent can undo (Ctrl+Z)."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def _changed(self) -> None:
        text = self.toPlainText()
        if text == self._text:
            return  # a format change (lint underline), not an edit
        self._text = text
        self._fit()
        if not self._loading:
            self.edited.emit()

    def _visual_lines(self) -> int:
        """Lines the text takes at the current width, wrapped as the editor wraps it."""
        width = self.viewport().width() - 2 * round(self.document().documentMargin())
        if width <= 10:
            return self._lines
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        count = 0
        for paragraph in self._text.split("\n"):
            layout = QTextLayout(paragraph, self.font())
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                count += 1
            layout.endLayout()
            if count > self._max_lines:
                break
        return max(count, 1)

    def _height_for(self, lines: int) -> int:
        margins = self.contentsMargins()
        doc = 2 * round(self.document().documentMargin())
        return lines * text_line_height(self.font()) + doc + margins.top() + margins.bottom()

    def _fit(self) -> None:
        wanted = self._visual_lines()
        lines = min(max(self._lines, wanted), self._max_lines)
        height = self._height_for(lines)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if wanted > self._max_lines
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        if self.verticalScrollBarPolicy() != policy:
            self.setVerticalScrollBarPolicy(policy)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()  # wrapping changed with the width

    def sizeHint(self) -> QSize:
        return QSize(200, self._height_for(self._lines))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._fit()


class DateTimeField(QDateTimeEdit):
    """A date and time, or nothing (shown as a dash).

    Alt+Down and F4 open the month calendar, as in a desktop date field. The keys
    that step (Up, Down, Page Up/Down) start on the day: Qt puts the cursor on the
    first section, the year, where a key press would move the date a year unseen.
    """

    edited = Signal()

    def __init__(self, empty_text: str = "—", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: datetime | None = None
        # What an empty field starts from when the agent edits it (None: the year 2000).
        self.suggest: Callable[[], datetime] | None = None
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setCalendarPopup(True)
        self.setMinimumDateTime(_EMPTY)
        self.setSpecialValueText(empty_text)
        self.setDateTime(_EMPTY)
        self.dateTimeChanged.connect(self._changed)

    def value(self) -> datetime | None:
        return self._value

    def _wake(self) -> None:
        # An empty field the agent starts to edit begins at a sensible time, not in 2000.
        if self._value is None and self.suggest is not None:
            self.set_value(self.suggest())
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)
            self.edited.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape):
            self._wake()
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._wake()
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # A click keeps the section clicked; the popup closing keeps the agent's place.
        by_keys = (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
            Qt.FocusReason.OtherFocusReason,
        )
        if self._value is not None and event.reason() in by_keys:
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)

    def show_calendar(self) -> None:
        """The month calendar under the field, as a click on its arrow shows it."""
        if self.isReadOnly():
            return
        calendar = self.calendarWidget()
        calendar.setSelectedDate(self.date())
        popup = calendar.window()
        size = popup.sizeHint()
        corner = QPoint(self.width() - size.width() if self.isRightToLeft() else 0, 0)
        top = self.mapToGlobal(corner)
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = max(area.left(), min(top.x(), area.right() + 1 - size.width()))
        y = top.y() + self.height()  # below the field, or above it near the bottom
        if y + size.height() > area.bottom() + 1:
            y = max(area.top(), top.y() - size.height())
        popup.move(x, y)
        popup.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def set_value(self, value: datetime | None) -> None:
        self._value = value
        self.blockSignals(True)
        try:
            self.setDateTime(_EMPTY if value is None else to_qdatetime(value))
        finally:
            self.blockSignals(False)

    def _changed(self, value: QDateTime) -> None:
        self._value = None if value == _EMPTY else from_qdatetime(value)
        self.edited.emit()
