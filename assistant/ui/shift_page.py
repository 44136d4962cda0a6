"""My shift (Ctrl+4): today's calls, average handle time, open and overdue follow-ups,
promises kept, and a button that writes today's report workbook.

The figures come from the Qt-free core (assistant.report.shift), read on the
background lane when the page is shown and after every save; the workbook is written
on the slow lane with a progress bar and a Cancel button, as the export page does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QWidget

from assistant.notes.call_clock import clock_text
from assistant.ui import style
from assistant.ui.file_job import FileJob

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel

    from assistant.report.shift import ShiftFigures
    from assistant.ui.background import BackgroundLane
    from assistant.ui.panel_pages import PanelPages
    from assistant.ui.state import PanelState

tr = QCoreApplication.translate


def _duration(seconds: float | None) -> str:
    return "–" if seconds is None else clock_text(round(seconds))


class ShiftPage(QWidget):
    finished = Signal(str)  # the message shown when the report is done, cancelled or failed

    def __init__(
        self,
        store_file: Path,
        lane: BackgroundLane,
        slow_lane: BackgroundLane,
        stopping: threading.Event,
        clock: Callable[[], datetime],
        fcr_window_days: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store_file = store_file
        self._lane, self._slow_lane = lane, slow_lane
        self._stopping = stopping
        self._clock = clock
        self._fcr_window_days = fcr_window_days
        self.job = FileJob(tr("ShiftPage", "Cancel"), tr("ShiftPage", "Cancelling…"), self)
        self.job.finished.connect(self.finished)
        self.figures: ShiftFigures | None = None
        # Replaced by tests: asks where to write, returns None when the agent cancels.
        self.ask_path: Callable[[str], Path | None] = self._ask_path
        self._build()

    def _build(self) -> None:
        # The page is made when first shown: its widget classes load then, not at start.
        from PySide6.QtGui import QFont
        from PySide6.QtWidgets import QLabel, QVBoxLayout

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(style.SPACING)
        self.title = QLabel(tr("ShiftPage", "My shift"))
        self.title.setFont(style.scaled(self.font(), 1.1, QFont.Weight.DemiBold))
        layout.addWidget(self.title)
        layout.addLayout(self._figure_rows())
        hint = QLabel(
            tr(
                "ShiftPage",
                "Handle time is talk plus wrap-up time. A promise is kept when its "
                "follow-up is done by the due time; counted once it is due.",
            )
        )
        hint.setObjectName("caption")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.bar, self.result = self.job.bar, self.job.result
        layout.addWidget(self.bar)
        layout.addWidget(self.result)
        layout.addLayout(self._buttons())
        layout.addStretch(1)

    def _figure_rows(self) -> QFormLayout:
        """One row a figure: its name, and its value once read."""
        from PySide6.QtWidgets import QFormLayout, QLabel

        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for name, label in (
            ("calls", tr("ShiftPage", "Calls today")),
            ("handle", tr("ShiftPage", "Average handle time")),
            ("open", tr("ShiftPage", "Open follow-ups")),
            ("overdue", tr("ShiftPage", "Overdue follow-ups")),
            ("kept", tr("ShiftPage", "Promises kept today")),
        ):
            value = QLabel("–")
            value.setObjectName(f"shift_{name}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = value
            form.addRow(label, value)
        return form

    def _buttons(self) -> QHBoxLayout:
        """Cancel (while a report is written) and the report button, to the right."""
        from PySide6.QtWidgets import QHBoxLayout, QPushButton

        buttons = QHBoxLayout()
        self.cancel_button = self.job.cancel_button
        self.report_button = QPushButton(tr("ShiftPage", "Write today's report…"))
        self.report_button.setDefault(True)
        self.report_button.clicked.connect(self.write_report)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.report_button)
        return buttons

    # -- the figures -------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures again, off the UI thread."""
        from assistant.report.shift import shift_figures

        store, now = self._store_file, self._clock()
        self._lane.submit(lambda: shift_figures(store, now), self.show_figures, self._no_figures)

    def show_figures(self, figures: ShiftFigures) -> None:
        self.figures = figures
        self.title.setText(tr("ShiftPage", "My shift · %1").replace("%1", str(figures.day)))
        self.values["calls"].setText(str(figures.calls))
        self.values["handle"].setText(_duration(figures.handle_mean))
        self.values["open"].setText(str(figures.open_followups))
        self.values["overdue"].setText(str(figures.overdue_followups))
        overdue = "error" if figures.overdue_followups else ""
        style.set_state(self.values["overdue"], "tone", overdue)
        if figures.promises_due:
            kept = tr("ShiftPage", "%1 of %2 (%3%)")
            share = round(100 * (figures.kept_share or 0))
            for mark, text in (
                ("%1", str(figures.promises_kept)),
                ("%2", str(figures.promises_due)),
                ("%3", str(share)),
            ):
                kept = kept.replace(mark, text)
        else:
            kept = tr("ShiftPage", "none due yet")
        self.values["kept"].setText(kept)

    def _no_figures(self, exc: BaseException) -> None:
        from assistant.errors import UserError

        message = exc.message if isinstance(exc, UserError) else str(exc)
        self.result.setText(tr("ShiftPage", "Figures not read: %1").replace("%1", message))

    # -- today's report ------------------------------------------------------------------

    def _ask_path(self, suggested: str) -> Path | None:
        from assistant.ui.save_dialog import ask_save_path

        return ask_save_path(
            self,
            tr("ShiftPage", "Save today's report"),
            suggested,
            tr("ShiftPage", "Excel workbooks (*.xlsx)"),
        )

    @property
    def running(self) -> bool:
        return self.job.running

    def write_report(self) -> None:
        if self.running:
            return
        from assistant.report.cli import default_name

        day = self._clock().astimezone().date()
        target = self.ask_path(str(Path.home() / default_name(day, day)))
        if target is None:
            return
        job = self.job.report_job(
            self._store_file, target, day, day, self._fcr_window_days(), self._stopping
        )
        self.job.run(
            self._slow_lane,
            job,
            tr("ShiftPage", "Writing the report…"),
            self.report_button,
            lambda count: self._written(count, target),
            self._failed,
        )

    def _written(self, count: int, target: Path) -> None:
        message = self.tr("Report of %n call(s) written to %1", "", count)
        self.job.end(message.replace("%1", str(target)))

    def _failed(self, exc: BaseException) -> None:
        self.job.fail(
            exc,
            tr("ShiftPage", "Report cancelled; no file was written."),
            tr("ShiftPage", "Report not written: %1"),
            tr("ShiftPage", "Report not written (see the log)."),
        )


class ShiftFlow:
    """The page in the panel (made when first wanted): fresh on every showing and
    whenever records in the store change (``records_changed``)."""

    def __init__(
        self, state: PanelState, pages: PanelPages, show_status: Callable[[str], None]
    ) -> None:
        self.state = state
        self.pages = pages
        self._show_status = show_status
        self._page: ShiftPage | None = None
        pages.changed.connect(self._page_changed)

    @property
    def page(self) -> ShiftPage:
        if self._page is None:
            state = self.state
            page = ShiftPage(
                state.paths.store_file,
                state.lane,
                state.slow_lane,
                state.stopping,
                state.clock,
                lambda: state.settings.fcr_window_days,
            )
            page.finished.connect(self._show_status)
            self._page = page
        return self._page

    def show(self) -> None:
        self.pages.show("shift")
        self.page.report_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def records_changed(self) -> None:
        if self._page is not None:
            self._page.refresh()

    def _page_changed(self, name: str) -> None:
        if name == "shift":
            self.page.refresh()
