"""The current record's follow-ups inside the notes form: one line each, and a row
to add one (owner, due time, plan). A record that is not resolved needs one with
an owner and a due time before it can be finalised. A new follow-up cannot be due
in the past (an imported record's old follow-ups may be: that is history).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.notes.service import is_overdue
from assistant.ui import style
from assistant.ui.labels import field_label
from assistant.ui.text_fields import DateTimeField


def due_text(due: Any) -> str:
    return due.astimezone().strftime("%m-%d %H:%M") if isinstance(due, datetime) else "—"


class RecordFollowUps(QWidget):
    # A new follow-up: owner, due_at, plan (the controller gives it an id).
    added = Signal(object)
    removed = Signal(str)  # follow-up id: cancelled

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.items = QVBoxLayout()
        self.items.setSpacing(2)
        self.empty = QLabel(self.tr("None yet."))
        self.empty.setObjectName("caption")
        layout.addWidget(self.empty)
        layout.addLayout(self.items)

        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(field_label("owner"))
        self.owner.setToolTip(self.tr("Who keeps this promise"))
        self.due = DateTimeField(self.tr("Due: pick a time"))
        self.due.setToolTip(self.tr("When it must be done"))
        self.plan = QLineEdit()
        self.plan.setPlaceholderText(self.tr("Plan: what will be done"))
        self.plan.returnPressed.connect(self.add)
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add this follow-up to the record"))
        self.add_button.clicked.connect(self.add)
        grid.addWidget(self.owner, 0, 0)
        grid.addWidget(self.due, 0, 1, 1, 2)
        grid.addWidget(self.plan, 1, 0, 1, 2)
        grid.addWidget(self.add_button, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.error = style.problem_label()
        layout.addWidget(self.error)
        self._rows: list[QWidget] = []
        self.now: Callable[[], datetime] = lambda: datetime.now().astimezone()

    def set_items(self, items: Sequence[Mapping[str, Any]]) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        shown = [i for i in items if i.get("status", "open") != "cancelled"]
        for item in shown:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(4)
            done = item.get("status") == "done"
            mark = "✓ " if done else "• "
            parts = [due_text(item.get("due_at")), item.get("owner") or "", item.get("plan") or ""]
            text = QLabel(mark + " · ".join(p for p in parts if p))
            text.setWordWrap(True)
            text.setToolTip(item.get("plan") or "")
            line.addWidget(text, 1)
            if not done:
                remove = QToolButton()
                remove.setText("×")
                remove.setAutoRaise(True)
                remove.setToolTip(self.tr("Cancel this follow-up"))
                remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                fid = str(item.get("id"))
                remove.clicked.connect(lambda _c=False, f=fid: self.removed.emit(f))
                line.addWidget(remove)
            self.items.addWidget(row)
            self._rows.append(row)
        self.empty.setVisible(not shown)

    def set_default_owner(self, owner: str) -> None:
        if not self.owner.text():
            self.owner.setText(owner)

    def add(self) -> None:
        owner, plan, due = self.owner.text().strip(), self.plan.text().strip(), self.due.value()
        if not owner or due is None:
            missing = [field_label(n) for n, v in (("owner", owner), ("due_at", due)) if not v]
            text = self.tr("Still empty: %1").replace("%1", ", ".join(missing))
            self._refuse(text, self.owner if not owner else self.due)
            return
        if is_overdue(due, self.now()):
            text = self.tr("%1 is in the past: pick a later time")
            self._refuse(text.replace("%1", field_label("due_at")), self.due)
            return
        self.error.hide()
        self.added.emit({"owner": owner, "due_at": due, "plan": plan})
        self.plan.clear()
        self.due.set_value(None)

    def _refuse(self, text: str, field: QWidget) -> None:
        """Nothing is added: say why under the row and put the cursor in ``field``."""
        self.error.setText(text)
        self.error.show()
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first(self) -> None:
        (self.owner if not self.owner.text() else self.due).setFocus(
            Qt.FocusReason.OtherFocusReason
        )
