"""The small settings dialog: the agent's name and ID, dock edge, country, office hours,
and the panel's language (which takes effect at the next start: the panel's widgets
translate their texts when they are built).

``ask()`` is the one entry point, so tests replace it instead of clicking.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.desktop import KeyCombo
from assistant.settings import Settings
from assistant.ui import style
from assistant.ui.geometry import EDGES
from assistant.ui.i18n import LANGUAGES, system_language
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
        self.hotkey = QKeySequenceEdit(QKeySequence(settings.hotkey))
        self.hotkey.setMaximumSequenceLength(1)
        self.hotkey.setClearButtonEnabled(True)
        self.paste_back = QCheckBox(self.tr("After copying, paste into the window I came from"))
        self.paste_back.setChecked(settings.paste_back)
        form.addRow(self.tr("&Summon key (from any program)"), self.hotkey)
        form.addRow("", self.paste_back)
        language = self._language_field(settings.language)
        language_label = QLabel(self.tr("&Language"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, language)
        self.error = style.problem_label()
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
            language=str(self.language.currentData()),
            hotkey=self.hotkey.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
            or self._settings.hotkey,
            paste_back=self.paste_back.isChecked(),
        )

    def _language_field(self, current: str) -> QWidget:
        self.language = QComboBox()
        system = LANGUAGES[system_language()]
        self.language.addItem(self.tr("Same as the system (%1)").replace("%1", system), "")
        for value, native in LANGUAGES.items():
            self.language.addItem(native, value)
        index = self.language.findData(current)
        if index < 0:  # a locale name typed into settings.json: keep it as it is
            self.language.addItem(current, current)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        self.language_note = QLabel(
            self.tr("Applies after a restart: quit Agent Assist (Ctrl+Q) and open it again.")
        )
        self.language_note.setObjectName("caption")
        self.language_note.setWordWrap(True)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.language)
        column.addWidget(self.language_note)
        return holder

    def problem(self) -> str | None:
        """What is wrong with the entered values, naming the field; or None.

        The calendar's own messages are English: the dialog says it in the panel's language.
        """
        from assistant.calendar.workcalendar import OfficeHours, WorkCalendar

        settings = self.result_settings()
        try:
            hours = OfficeHours.parse(settings.office_hours)
        except ValueError:
            return self.tr(
                "Office hours: write them as HH:MM-HH:MM, e.g. 09:00-18:00, "
                "ending after they start."
            )
        try:
            KeyCombo.parse(settings.hotkey)
        except ValueError:
            return self.tr("Summon key: hold Ctrl, Alt or Meta with one key, e.g. Ctrl+Alt+Space.")
        try:
            WorkCalendar(settings.country, hours)
        except ValueError:
            return self.tr(
                "Country: the holiday calendar does not know %1; "
                "use a country code such as CN, HK, TW or US."
            ).replace("%1", settings.country)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            layout = self.layout()
            assert layout is not None
            layout.activate()
            # Taller by the problem's lines (wrapped at this width), not squeezing the rows.
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)
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
