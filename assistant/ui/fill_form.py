"""The fill-in form: one field per blank, opened inside the panel before copying.

Tab moves between fields, Enter copies, Esc goes back to the list. Defaults are
pre-filled; a date blank shows the computed due time in a QDateTimeEdit and, under
it, the words the customer will hear; a blank with choices is a combo box.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.calendar.dates import render_due
from assistant.playbooks.model import Entry, Placeholder
from assistant.ui import style
from assistant.ui.search_field import ImeSafeLineEdit
from assistant.ui.wording import blank_label, rich_text

Value = str | datetime
Editor = ImeSafeLineEdit | QComboBox | QDateTimeEdit


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch()).astimezone()


class FillForm(QWidget):
    accepted = Signal(object)  # dict: placeholder name -> str | datetime
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry: Entry | None = None
        self._body = ""
        self._known: dict[str, str] = {}
        self._now = datetime.now().astimezone()
        self._editors: dict[str, Editor] = {}
        self._captions: dict[str, QLabel] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(style.SPACING)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setFont(style.scaled(self.font(), 1.1, QFont.Weight.DemiBold))
        self.hint = QLabel(self.tr("Tab: next field · Enter: copy · Esc: back"))
        self.hint.setObjectName("caption")
        self.hint.setWordWrap(True)
        self.fields = QFormLayout()
        self.fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.fields.setVerticalSpacing(8)
        self.fields.setContentsMargins(0, 4, 0, 4)
        self.error = style.problem_label()
        self.result_frame = QFrame()
        self.result_frame.setObjectName("card")
        result_layout = QVBoxLayout(self.result_frame)
        result_layout.setContentsMargins(12, 10, 12, 10)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        result_layout.addWidget(self.result)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the filled-in text (Enter)"))
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.accept)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setToolTip(self.tr("Back to the list without copying (Esc)"))
        self.back_button.clicked.connect(self.cancelled)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.copy_button)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.result_frame)
        layout.addLayout(buttons)
        layout.addStretch(1)

    # -- building -------------------------------------------------------------------

    def open(
        self,
        entry: Entry,
        body: str,
        blanks: Sequence[Placeholder],
        *,
        known: Mapping[str, str],
        dues: Mapping[str, datetime],
        now: datetime,
    ) -> None:
        self._entry, self._body, self._known, self._now = entry, body, dict(known), now
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self._editors.clear()
        self._captions.clear()
        self.error.hide()
        self.title.setText(entry.title)
        previous: QWidget | None = None
        for blank in blanks:
            editor = self._editor(blank, dues.get(blank.name))
            self._editors[blank.name] = editor
            label = QLabel(blank_label(entry, blank.name))
            label.setWordWrap(True)
            label.setBuddy(editor)
            if isinstance(editor, QDateTimeEdit):
                holder = QWidget()
                column = QVBoxLayout(holder)
                column.setContentsMargins(0, 0, 0, 0)
                column.setSpacing(2)
                caption = QLabel()
                caption.setObjectName("caption")
                caption.setWordWrap(True)
                self._captions[blank.name] = caption
                column.addWidget(editor)
                column.addWidget(caption)
                self.fields.addRow(label, holder)
            else:
                self.fields.addRow(label, editor)
            label.show()
            editor.show()
            if previous is not None:
                QWidget.setTabOrder(previous, editor)
            previous = editor
        if previous is not None:
            QWidget.setTabOrder(previous, self.copy_button)
            QWidget.setTabOrder(self.copy_button, self.back_button)
        self._update()
        first = next(iter(self._editors.values()), None)
        (first or self.copy_button).setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(first, ImeSafeLineEdit):
            first.selectAll()

    def _editor(self, blank: Placeholder, due: datetime | None) -> Editor:
        if blank.kind == "date":
            edit = QDateTimeEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setDateTime(to_qdatetime(due or self._now))
            edit.dateTimeChanged.connect(self._update)
            return edit
        if blank.choices:
            combo = QComboBox()
            combo.addItems(list(blank.choices))
            if blank.default in blank.choices:
                combo.setCurrentText(blank.default)
            combo.currentTextChanged.connect(self._update)
            return combo
        line = ImeSafeLineEdit()
        line.setText(self._known.get(blank.name) or blank.default or "")
        line.setPlaceholderText(blank_label(self._entry, blank.name) if self._entry else "")
        line.textChanged.connect(self._update)
        line.accepted.connect(lambda _shift: self.accept())
        return line

    # -- values ---------------------------------------------------------------------

    def values(self) -> dict[str, Value]:
        out: dict[str, Value] = {}
        for name, editor in self._editors.items():
            if isinstance(editor, QDateTimeEdit):
                out[name] = from_qdatetime(editor.dateTime())
            elif isinstance(editor, QComboBox):
                out[name] = editor.currentText()
            else:
                out[name] = editor.text()
        return out

    def phrase_text(self) -> str:
        """The words as the agent has filled them in so far: typed values in place,
        blanks left empty (and dates, which change each call) kept as blanks."""
        from assistant.playbooks.template import parse

        values = self.values()
        out: list[str] = []
        for part in parse(self._body):
            if isinstance(part, tuple):
                value = values.get(part[0]) or self._known.get(part[0]) or ""
                text = value.strip() if isinstance(value, str) else ""
                out.append(_escaped(text) if text else "{" + part[0] + "}")
            else:
                out.append(_escaped(part))
        return "".join(out)

    def editor(self, name: str) -> Editor:
        return self._editors[name]

    def _spoken(self, value: Value) -> str:
        if isinstance(value, datetime):
            language = self._entry.language if self._entry else "en"
            try:
                return render_due(value, self._now, language)
            except ValueError:
                return value.strftime("%Y-%m-%d %H:%M")
        return value

    def _update(self) -> None:
        if self._entry is None:
            return
        values = self.values()
        spoken = {name: self._spoken(v) for name, v in values.items()}
        for name, caption in self._captions.items():
            caption.setText(spoken[name])
        shown = {**self._known, **{k: v for k, v in spoken.items() if v.strip()}}
        accent = style.colours(self.palette()).accent.name()
        self.result.setText(rich_text(self._entry, self._body, shown, accent))

    def show_missing(self, labels: Sequence[str], first: str) -> None:
        self.error.setText(self.tr("Still empty: %1").replace("%1", "、".join(labels)))
        self.error.show()
        if first in self._editors:
            self._editors[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        self.accepted.emit(self.values())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            event.accept()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


def _escaped(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")
