"""The notes page: where the record stands, the form (scrolling), and the call's
buttons. Each button carries a panel action, so its tooltip shows the key."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.ui.labels import field_label
from assistant.ui.lint_highlighter import LintSupport
from assistant.ui.notes_form import NotesForm


class NotesPage(QWidget):
    def __init__(
        self,
        required: Iterable[str],
        dispositions: Iterable[str],
        lint: LintSupport | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(6)

        top = QHBoxLayout()
        top.setSpacing(4)
        self.state = QLabel()
        self.state.setObjectName("caption")
        self.state.setWordWrap(True)
        self.recent_button = QToolButton()
        self.recent_button.setText(self.tr("Recent"))
        self.recent_button.setToolTip(self.tr("Open a record saved earlier"))
        self.recent_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.recent_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent_menu = QMenu(self.recent_button)
        self.recent_button.setMenu(self.recent_menu)
        self.handoff_button = QToolButton()
        top.addWidget(self.state, 1)
        top.addWidget(self.handoff_button)
        top.addWidget(self.recent_button)
        layout.addLayout(top)

        self.problem = QLabel()
        self.problem.setObjectName("warningText")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)

        self.form = NotesForm(required, dispositions, lint)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("notesScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.form)
        layout.addWidget(self.scroller, 1)

        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.new_button, self.end_button = QToolButton(), QToolButton()
        self.save_button, self.finalise_button = QToolButton(), QToolButton()
        for button in (self.new_button, self.end_button, self.save_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.finalise_button)
        layout.addLayout(bar)

    def bind(self, actions: Mapping[str, QAction], short: Mapping[str, str]) -> None:
        buttons = {
            "new_call": self.new_button,
            "end_call": self.end_button,
            "save_call": self.save_button,
            "finalise_call": self.finalise_button,
            "draft_from_listening": self.form.draft_button,
            "handoff": self.handoff_button,
        }
        for name, button in buttons.items():
            button.setDefaultAction(actions[name])
            actions[name].setIconText(short[name])
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)
        self.finalise_button.setObjectName("primary")

    def focus_field(self, name: str) -> None:
        """Put the cursor in ``name``, unfolding "More" and scrolling to it."""
        form = self.form
        if form.is_folded(name):
            form.show_more(True)
        editor = form.editor(name)
        if name.startswith("followups"):
            form.followups.focus_first()
        else:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroller.ensureWidgetVisible(editor, 0, 40)

    def show_problem(self, fields: Iterable[str], text: str = "") -> None:
        names = list(dict.fromkeys(field_label(f) for f in fields))
        if names:
            text = self.tr("Still missing: %1").replace("%1", ", ".join(names))
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
