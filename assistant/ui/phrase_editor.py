"""The phrase editor: title, category, tags, shortcode and words of one of the agent's phrases.

Saving calls back into the agent's own pack; a refusal is shown under the field it
names and the dialog stays open with everything typed kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.playbooks.mine import Phrase, PhraseRefused, found_placeholders
from assistant.playbooks.model import CATEGORIES
from assistant.playbooks.template import TemplateSyntaxError
from assistant.ui import style
from assistant.ui.labels import category_label

Save = Callable[[Phrase], None]


class PhraseEditor(QDialog):
    def __init__(self, phrase: Phrase, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My phrase"))
        self._phrase = phrase
        self._save = save
        self._make_fields(phrase)
        self.problems: dict[str, QLabel] = {}
        self.general = style.problem_label()  # a refusal that names no field
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACING)
        layout.addLayout(self._form())
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self._show_blanks()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def _make_fields(self, phrase: Phrase) -> None:
        """The fields, filled from ``phrase``, and the line that lists its blanks."""
        self.title = QLineEdit(phrase.title)
        self.category = QComboBox()
        for name in CATEGORIES:
            self.category.addItem(category_label(name), name)
        self.category.setCurrentIndex(max(0, self.category.findData(phrase.category or "opening")))
        self.tags = QLineEdit(", ".join(phrase.tags))
        self.tags.setPlaceholderText(self.tr("words it is found by, separated by commas"))
        self.shortcode = QLineEdit(phrase.shortcode)
        self.shortcode.setPlaceholderText(self.tr("optional, e.g. th1"))
        self.body = QPlainTextEdit(phrase.body)
        self.body.setTabChangesFocus(True)
        self.body.textChanged.connect(self._show_blanks)
        self.blanks = QLabel()
        self.blanks.setObjectName("caption")
        self.blanks.setWordWrap(True)
        self._fields: dict[str, QWidget] = {
            "title": self.title,
            "category": self.category,
            "tags": self.tags,
            "shortcode": self.shortcode,
            "body": self.body,
        }

    def _form(self) -> QFormLayout:
        """One row a field: its label, the field, and a hidden line for a refusal."""
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        labels = {
            "title": self.tr("Title"),
            "category": self.tr("Category"),
            "tags": self.tr("Tags"),
            "shortcode": self.tr("Shortcode"),
            "body": self.tr("Words"),
        }
        for name, widget in self._fields.items():
            problem = self.problems[name] = style.problem_label()
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            if name == "body":
                column.addWidget(self.blanks)
            column.addWidget(problem)
            label = QLabel(labels[name])
            label.setBuddy(widget)
            form.addRow(label, holder)
        return form

    def phrase(self) -> Phrase:
        tags = tuple(t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip())
        return self._phrase._replace(
            title=self.title.text(),
            category=str(self.category.currentData()),
            tags=tags,
            shortcode=self.shortcode.text(),
            body=self.body.toPlainText(),
        )

    def _show_blanks(self) -> None:
        try:
            names = found_placeholders(self.body.toPlainText())
        except TemplateSyntaxError as exc:
            self.blanks.setText(str(exc))
            return
        shown = "  ".join("{" + n + "}" for n in names) or self.tr("none")
        self.blanks.setText(self.tr("Blanks found: %1").replace("%1", shown))

    def accept(self) -> None:
        for label in (*self.problems.values(), self.general):
            label.hide()
        try:
            self._save(self.phrase())
        except PhraseRefused as refused:
            label = self.problems.get(refused.field, self.general)
            label.setText(refused.message)
            label.show()
            self._fields.get(refused.field, self.title).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    @classmethod
    def ask(cls, phrase: Phrase, save: Save, parent: QWidget | None = None) -> bool:
        """Show the editor until saved (True) or cancelled (False)."""
        dialog = cls(phrase, save, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
