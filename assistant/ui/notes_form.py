"""The call-record form, compact enough for the 360-px panel.

From the top: what the customer says (facts, emotions, demands: filled while
listening) with the emotion stage and customer type; then the fields the centre
requires, marked; the record's follow-ups; and the rest folded under "More".
Labels sit left of their fields; the form knows nothing of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.store.fields import CALL_SPECS, LIST_SEPARATOR
from assistant.ui import style
from assistant.ui.labels import choice_label, field_label
from assistant.ui.lint_highlighter import LintHighlighter, LintSupport
from assistant.ui.record_followups import RecordFollowUps
from assistant.ui.text_fields import DateTimeField, NoteEdit

QUICK_FIELDS = ("facts", "emotions", "demands")
# Every other field the form shows, in the order it shows them.
ORDER = (
    "started_at",
    "channel",
    "direction",
    "customer_contact",
    "customer_title",
    "customer_name",
    "account_ref",
    "request",
    "key_problem",
    "outcome",
    "resolution",
    "level",
    "disposition",
    "escalated_to",
    "connect_status",
    "participants",
    "ended_at",
    "handoff",
    "notes",
    "tags",
)
# Multi-line fields: lines shown when empty. Lint runs on these.
NOTE_LINES = {
    "facts": 2,
    "emotions": 1,
    "demands": 1,
    "request": 1,
    "key_problem": 1,
    "outcome": 1,
    "handoff": 2,
    "notes": 2,
}

Editor = NoteEdit | QLineEdit | QComboBox | DateTimeField


class NotesForm(QWidget):
    edited = Signal(str)  # the field the agent changed

    def __init__(
        self,
        required: Iterable[str],
        dispositions: Iterable[str],
        lint: LintSupport | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.required = tuple(required)
        self._dispositions = tuple(dispositions)
        self.editors: dict[str, Editor] = {}
        self.labels: dict[str, QLabel] = {}
        self.highlighters: dict[str, LintHighlighter] = {}
        self._lint = lint
        self.last_focused = "facts"
        self._grids: list[QGridLayout] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(6)

        layout.addWidget(self._heading(self.tr("While listening")))
        layout.addLayout(self._while_listening())

        layout.addWidget(self._heading(self.tr("Record")))
        self._record = self._grid()
        layout.addLayout(self._record)

        self.followups_heading = self._heading(self.tr("Follow-ups"))
        layout.addWidget(self.followups_heading)
        self.followups = RecordFollowUps()
        layout.addWidget(self.followups)

        self.more_button = self._fold_button()
        layout.addWidget(self.more_button)
        self.more = QWidget()
        self._more = self._grid()
        self._more.setContentsMargins(0, 0, 0, 0)
        self.more.setLayout(self._more)
        self.more.hide()
        layout.addWidget(self.more)
        layout.addStretch(1)
        self._place_fields()

    # -- building ------------------------------------------------------------------

    def _while_listening(self) -> QGridLayout:
        """Facts, emotions, demands, the draft button, the emotion from → to, the
        customer type."""
        quick = self._grid()
        for name in QUICK_FIELDS:
            self._row(quick, name)
        self.draft_button = QToolButton()
        self.draft_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        quick.addWidget(self.draft_button, quick.rowCount(), 0, 1, 2, Qt.AlignmentFlag.AlignRight)
        row = quick.rowCount()
        self.labels["emotion_start"] = self._label("emotion_start")
        self.labels["emotion_end"] = self.labels["emotion_start"]
        quick.addWidget(self.labels["emotion_start"], row, 0)
        quick.addLayout(self._emotion_change(), row, 1)
        self._row(quick, "customer_type")
        return quick

    def _emotion_change(self) -> QHBoxLayout:
        """The emotion at the start → at the end, on one row under one label."""
        emotion = QHBoxLayout()
        emotion.setSpacing(4)
        for name in ("emotion_start", "emotion_end"):
            editor = self._make(name)
            self.editors[name] = editor
            emotion.addWidget(editor, 1)
            if name == "emotion_start":
                arrow = QLabel("→")
                arrow.setObjectName("caption")
                emotion.addWidget(arrow)
        return emotion

    def _fold_button(self) -> QToolButton:
        """The "More" fold: the rest of the fields show while it is open."""
        button = QToolButton()
        button.setObjectName("fold")
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setArrowType(Qt.ArrowType.RightArrow)
        button.setAutoRaise(True)
        button.toggled.connect(self.show_more)
        return button

    def _heading(self, text: str) -> QLabel:
        heading = QLabel(text)
        heading.setObjectName("heading")
        heading.setFont(style.scaled(self.font(), 0.9, QFont.Weight.DemiBold))
        return heading

    def _grid(self) -> QGridLayout:
        grid = QGridLayout()
        self._grids.append(grid)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(5)
        grid.setColumnStretch(1, 1)
        return grid

    def _label(self, name: str) -> QLabel:
        label = QLabel(field_label(name))
        label.setObjectName("fieldLabel")
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 4, 0, 0)
        return label

    def _make(self, name: str) -> Editor:
        spec = CALL_SPECS[name]
        editor: Editor
        if name in NOTE_LINES:
            editor = NoteEdit(NOTE_LINES[name])
            editor.edited.connect(lambda n=name: self.edited.emit(n))
            if self._lint is not None:
                self.highlighters[name] = LintHighlighter(editor, self._lint)
        elif spec.kind == "datetime":
            editor = DateTimeField()
            editor.edited.connect(lambda n=name: self.edited.emit(n))
        elif spec.kind == "enum" or name == "disposition":
            editor = QComboBox()
            editor.addItem("—", "")
            choices = self._dispositions if name == "disposition" else spec.choices
            for choice in choices:
                editor.addItem(choice_label(choice), choice)
            editor.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            editor.setMinimumContentsLength(4)
            editor.currentIndexChanged.connect(lambda _i, n=name: self.edited.emit(n))
        else:
            editor = QLineEdit()
            editor.textEdited.connect(lambda _t, n=name: self.edited.emit(n))
            if name == "tags":
                editor.setPlaceholderText(self.tr("separate with ;"))
        editor.setAccessibleName(field_label(name))
        editor.installEventFilter(self)
        return editor

    def _row(self, grid: QGridLayout, name: str) -> None:
        editor = self.editors.get(name) or self._make(name)
        self.editors[name] = editor
        label = self.labels.get(name) or self._label(name)
        label.setBuddy(editor)
        self.labels[name] = label
        row = grid.rowCount()
        grid.addWidget(label, row, 0)
        grid.addWidget(editor, row, 1)

    def _place_fields(self) -> None:
        folded = 0
        for name in ORDER:
            if name in self.required:
                self._row(self._record, name)
            else:
                self._row(self._more, name)
                folded += 1
        for name, label in self.labels.items():
            if name in self.required:
                label.setText(field_label(name) + " •")
                label.setProperty("required", True)
        # One label column for every section, so the fields line up.
        width = max(label.sizeHint().width() for label in self.labels.values())
        for grid in self._grids:
            grid.setColumnMinimumWidth(0, width)
        self.more_button.setText(self.tr("More fields (%1)").replace("%1", str(folded)))
        self.more_button.setToolTip(self.tr("Show or hide the fields the centre does not require"))

    def show_more(self, shown: bool) -> None:
        if self.more_button.isChecked() != shown:
            self.more_button.setChecked(shown)
            return
        self.more.setVisible(shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    # -- values --------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every field as typed: text, a choice ("" for none), a datetime or None."""
        out: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, NoteEdit | QLineEdit):
                out[name] = editor.text()
            elif isinstance(editor, QComboBox):
                out[name] = editor.currentData() or ""
            else:
                out[name] = editor.value()
        return out

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Show a record's values (no ``edited``); fields not given are cleared."""
        for name, editor in self.editors.items():
            value = values.get(name)
            if isinstance(editor, DateTimeField):
                editor.set_value(value if isinstance(value, datetime) else None)
            elif isinstance(editor, QComboBox):
                index = editor.findData(value or "")
                if index < 0 and value:  # a value the centre's list no longer has
                    editor.addItem(choice_label(str(value)), value)
                    index = editor.count() - 1
                editor.blockSignals(True)
                editor.setCurrentIndex(max(index, 0))
                editor.blockSignals(False)
            else:
                if isinstance(value, list):
                    value = f"{LIST_SEPARATOR} ".join(value)
                text = "" if value is None else str(value)
                if isinstance(editor, NoteEdit):
                    editor.set_text(text)
                elif editor.text() != text:
                    editor.setText(text)
        self.mark_missing(())

    def set_text(self, name: str, text: str) -> None:
        """Change a text field as an undoable edit (drafting, masking, handoff)."""
        editor = self.editors[name]
        if isinstance(editor, NoteEdit):
            if editor.text() != text:
                editor.replace_all(text)
        elif isinstance(editor, QLineEdit) and editor.text() != text:
            editor.setText(text)
            self.edited.emit(name)

    def set_choice(self, name: str, value: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))

    def editor(self, name: str) -> QWidget:
        if name.startswith("followups"):
            return self.followups.owner
        return self.editors[name]

    def is_folded(self, name: str) -> bool:
        return name in ORDER and name not in self.required

    def mark_missing(self, names: Iterable[str]) -> None:
        missing = set(names)
        for name, label in self.labels.items():
            style.set_state(label, "missing", name in missing)
        followups = any(n.startswith("followups") for n in missing)
        style.set_state(self.followups_heading, "missing", followups)

    def lint_now(self) -> None:
        for highlighter in self.highlighters.values():
            highlighter.run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for name, editor in self.editors.items():
                if editor is watched:
                    self.last_focused = name
                    break
        return False
