"""Export CSV, or the supervisor's report workbook (XLSX), from the panel: a date
range, what to export, a file; a progress bar and a Cancel button while the worker
writes. A cancelled or failed export leaves no
file (it is written under a temporary name and renamed only when complete).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.notes.service import export_to_file
from assistant.ui import style
from assistant.ui.background import BackgroundLane
from assistant.ui.file_job import FileJob
from assistant.ui.save_dialog import ask_save_path

REPORT = "report"  # the "What" choice that writes the report workbook


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _suggested_name(table: str, since: date | None, until: date | None) -> str:
    """The file name the save dialog offers: what and which days."""
    if table == REPORT:
        from assistant.report.cli import default_name

        return default_name(since, until)
    return f"{table}-{since or 'all'}-{until or 'all'}.csv"


class ExportPage(QWidget):
    finished = Signal(str)  # the message shown at the end (done, cancelled, failed)
    back = Signal()

    def __init__(
        self,
        store_file: Path,
        lane: BackgroundLane,
        stopping: threading.Event,
        today: Callable[[], date],
        fcr_window_days: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store_file = store_file
        self._lane = lane
        self._stopping = stopping
        self._fcr_window_days = fcr_window_days
        self.job = FileJob(self.tr("Cancel export"), self.tr("Cancelling…"), self)
        self.job.finished.connect(self.finished)
        # Replaced by tests: asks where to write, returns None when the agent cancels.
        self.ask_path: Callable[[str], Path | None] = self._ask_path

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(style.SPACING)
        self.title = QLabel(self.tr("Export to CSV"))
        self.title.setFont(style.scaled(self.font(), 1.1, QFont.Weight.DemiBold))
        layout.addWidget(self.title)
        layout.addLayout(self._choices(today()))
        hint = QLabel(
            self.tr("Calls are picked by start day, follow-ups by due day (local days, inclusive).")
        )
        hint.setObjectName("caption")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.bar, self.result = self.job.bar, self.job.result
        layout.addWidget(self.bar)
        layout.addWidget(self.result)
        layout.addLayout(self._buttons())
        layout.addStretch(1)

    def _choices(self, today: date) -> QFormLayout:
        """What to export, the days (this month so far to start with), raw or not."""
        form = QFormLayout()
        form.setVerticalSpacing(6)
        self.table = QComboBox()
        self.table.addItem(self.tr("Call records"), "calls")
        self.table.addItem(self.tr("Follow-ups"), "followups")
        self.table.addItem(self.tr("Report workbook (XLSX)"), REPORT)
        self.table.currentIndexChanged.connect(self._what_changed)
        self.all_dates = QCheckBox(self.tr("All dates"))
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit, value in ((self.since, today.replace(day=1)), (self.until, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(value.year, value.month, value.day))
        self.all_dates.toggled.connect(self._all_dates)
        self.raw = QCheckBox(self.tr("Raw: UTC times, for other systems"))
        self.raw.setToolTip(
            self.tr("Plain UTF-8 with ISO 8601 UTC times and no escaping; import reads it back")
        )
        form.addRow(self.tr("What"), self.table)
        form.addRow(self.tr("From"), self.since)
        form.addRow(self.tr("To"), self.until)
        form.addRow("", self.all_dates)
        form.addRow("", self.raw)
        return form

    def _buttons(self) -> QHBoxLayout:
        """Back, and Export (Cancel in its place while an export runs)."""
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.back)
        self.cancel_button = self.job.cancel_button
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        return buttons

    def _dates(self) -> tuple[QDateEdit, QDateEdit]:
        return self.since, self.until

    def _all_dates(self, on: bool) -> None:
        for edit in self._dates():
            edit.setDisabled(on)

    def _what_changed(self) -> None:
        # The workbook has its own local times; "raw" is a CSV choice.
        report = self.table.currentData() == REPORT
        self.raw.setDisabled(report)
        self.title.setText(
            self.tr("Export the report workbook") if report else self.tr("Export to CSV")
        )

    def _ask_path(self, suggested: str) -> Path | None:
        if suggested.endswith(".xlsx"):
            return ask_save_path(
                self,
                self.tr("Save the report workbook"),
                suggested,
                self.tr("Excel workbooks (*.xlsx)"),
            )
        return ask_save_path(
            self, self.tr("Export to CSV"), suggested, self.tr("CSV files (*.csv)")
        )

    @property
    def running(self) -> bool:
        return self.job.running

    def start(self) -> None:
        """Export…: ask for the file, then write it on the worker, showing progress."""
        if self.running:
            return
        table = str(self.table.currentData())
        since, until = (None, None) if self.all_dates.isChecked() else map(_day, self._dates())
        if since is not None and until is not None and since > until:
            self.result.setText(self.tr("The first day is after the last day."))
            return
        target = self.ask_path(str(Path.home() / _suggested_name(table, since, until)))
        if target is None:
            return
        job = self._job(table, target, since, until)
        self.job.run(
            self._lane, job, self.tr("Exporting…"), self.export_button, self._done, self._failed
        )

    def _job(
        self, table: str, target: Path, since: date | None, until: date | None
    ) -> Callable[[], tuple[int, Path, bool]]:
        """The export as the worker runs it: (rows, the file, whether a workbook).
        Cancel and quitting stop it; its progress is what the bar polls."""
        stopping, store, raw = self._stopping, self._store_file, self.raw.isChecked()
        if table == REPORT:
            write = self.job.report_job(
                store, target, since, until, self._fcr_window_days(), stopping
            )
            return lambda: (write(), target, True)
        cancel, progress = self.job.prepare()

        def should_stop() -> bool:
            return cancel.is_set() or stopping.is_set()

        def export() -> tuple[int, Path, bool]:
            count = export_to_file(
                store,
                target,
                table=table,
                since=since,
                until=until,
                raw=raw,
                should_stop=should_stop,
                progress=progress,
            )
            return count, target, False

        return export

    def _done(self, result: tuple[int, Path, bool]) -> None:
        count, target, workbook = result
        if workbook:
            message = self.tr("Report of %n call(s) written to %1", "", count)
        else:
            message = self.tr("%n row(s) exported to %1", "", count)
        self.job.end(message.replace("%1", str(target)))

    def _failed(self, exc: BaseException) -> None:
        self.job.fail(
            exc,
            self.tr("Export cancelled; no file was written."),
            self.tr("Export failed: %1"),
            self.tr("Export failed (see the log)."),
        )
