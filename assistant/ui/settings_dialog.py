"""The small settings dialog: the agent's name and ID, dock edge, country, office hours.

``ask()`` is the one entry point, so tests replace it instead of clicking.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.settings import Settings
from assistant.ui import style
from assistant.ui.geometry import EDGES
from assistant.ui.labels import EDGE_LABELS, label


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agent Assist settings"))
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        layout.setSpacing(style.SPACING)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.agent_name = QLineEdit(settings.agent_name)
        self.agent_name.setPlaceholderText(self.tr("as you say it on the phone"))
        self.agent_id = QLineEdit(settings.agent_id)
        self.dock_edge = QComboBox()
        for edge in EDGES:
            self.dock_edge.addItem(label(EDGE_LABELS, edge), edge)
        self.dock_edge.setCurrentIndex(max(0, self.dock_edge.findData(settings.dock_edge)))
        self.country = QLineEdit(settings.country)
        self.country.setPlaceholderText("CN")
        self.country.setMaxLength(8)
        self.office_hours = QLineEdit(settings.office_hours)
        self.office_hours.setPlaceholderText("09:00-18:00")
        form.addRow(self.tr("&Your name"), self.agent_name)
        form.addRow(self.tr("Agent &ID"), self.agent_id)
        form.addRow(self.tr("&Dock on"), self.dock_edge)
        form.addRow(self.tr("&Country (holidays)"), self.country)
        form.addRow(self.tr("&Office hours"), self.office_hours)
        self.error = QLabel()
        self.error.setObjectName("warningText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def result_settings(self) -> Settings:
        return self._settings.with_changes(
            agent_name=self.agent_name.text().strip(),
            agent_id=self.agent_id.text().strip(),
            dock_edge=str(self.dock_edge.currentData()),
            country=self.country.text().strip().upper() or "CN",
            office_hours=self.office_hours.text().strip() or "09:00-18:00",
        )

    def problem(self) -> str | None:
        """What is wrong with the entered values, or None."""
        from assistant.workcalendar import OfficeHours, WorkCalendar

        settings = self.result_settings()
        try:
            WorkCalendar(settings.country, OfficeHours.parse(settings.office_hours))
        except ValueError as exc:
            return str(exc)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, settings: Settings, parent: QWidget | None = None) -> Settings | None:
        """Show the dialog; the changed settings, or None when cancelled."""
        dialog = cls(settings, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_settings()
            return None
        finally:
            dialog.deleteLater()
