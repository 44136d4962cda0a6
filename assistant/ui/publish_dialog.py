"""Publish the agent's own phrases as a team pack: its id, its name, which phrases.

The pack text is built (and the id and name checked) when the supervisor presses
Publish; a refusal is shown under its field and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.playbooks.mine import PhraseRefused
from assistant.ui import style

# (pack id, name, chosen entry ids); raises PhraseRefused
Build = Callable[[str, str, list[str]], None]
ID_ROLE = Qt.ItemDataRole.UserRole


class PublishDialog(QDialog):
    def __init__(
        self,
        phrases: list[tuple[str, str]],
        build: Build,
        pack_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish my phrases to the team"))
        self._build = build
        self.pack_id = QLineEdit(pack_id)
        self.pack_id.setPlaceholderText(self.tr("e.g. team-billing"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("the name agents see"))
        self.phrases = QListWidget()
        for entry_id, title in phrases:
            item = QListWidgetItem(title)
            item.setData(ID_ROLE, entry_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.phrases.addItem(item)
        self.phrases.setCurrentRow(0)  # Space ticks from the first phrase on
        self.problems: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        fields: dict[str, tuple[str, QWidget]] = {
            "pack id": (self.tr("Team pack id"), self.pack_id),
            "name": (self.tr("Name"), self.name),
            "": (self.tr("Phrases (Space ticks or unticks)"), self.phrases),
        }
        for key, (text, widget) in fields.items():
            problem = style.problem_label()
            self.problems[key] = problem
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(problem)
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, holder)
        self._fields = {"pack id": self.pack_id, "name": self.name, "": self.phrases}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        publish = buttons.addButton(self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole)
        publish.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACING)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.pack_id.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> list[str]:
        items = (self.phrases.item(i) for i in range(self.phrases.count()))
        return [str(i.data(ID_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        for label in self.problems.values():
            label.hide()
        try:
            self._build(self.pack_id.text(), self.name.text(), self.chosen())
        except PhraseRefused as refused:
            key = refused.field if refused.field in self.problems else ""
            self.problems[key].setText(refused.message)
            self.problems[key].show()
            self._fields[key].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    @classmethod
    def ask(
        cls, phrases: list[tuple[str, str]], build: Build, pack_id: str, parent: QWidget | None
    ) -> bool:
        dialog = cls(phrases, build, pack_id, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
