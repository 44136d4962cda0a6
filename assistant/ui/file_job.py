"""A file written on a worker while the page shows a progress bar, a result line and
Cancel: the export page and the shift page's report button share it.

The worker reports through a ``Progress`` (rows done of a total), which a timer
polls; Cancel sets an event the job checks between chunks. The page supplies the
words (each page names its own action) and what to do when the job ends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

if TYPE_CHECKING:
    from assistant.notes.service import Progress
    from assistant.ui.background import BackgroundLane

POLL_MS = 100

log = logging.getLogger(__name__)


class FileJob(QObject):
    finished = Signal(str)  # the message shown at the end (done, cancelled, failed)

    def __init__(self, cancel_text: str, cancelling_text: str, parent: QObject) -> None:
        super().__init__(parent)
        self._cancelling_text = cancelling_text
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.bar.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel_button = QPushButton(cancel_text)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self._start_button: QPushButton | None = None
        self._cancel: threading.Event | None = None
        self._progress: Progress | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._show_progress)

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def prepare(self) -> tuple[threading.Event, Progress]:
        """A new job's cancel event (set by Cancel) and the progress it reports."""
        from assistant.notes.service import Progress

        self._cancel, self._progress = threading.Event(), Progress()
        return self._cancel, self._progress

    def report_job(
        self,
        store: Path,
        target: Path,
        since: date | None,
        until: date | None,
        fcr_window_days: int,
        stopping: threading.Event,
    ) -> Callable[[], int]:
        """A prepared job writing the supervisor's workbook; it returns the number of
        calls. Cancel and quitting (``stopping``) stop it."""
        cancel, progress = self.prepare()

        def total(n: int) -> None:
            progress.total = n

        def job() -> int:
            from assistant.report.cli import report_to_file

            return report_to_file(
                store,
                target,
                since=since,
                until=until,
                fcr_window_days=fcr_window_days,
                progress=progress.set,
                on_total=total,
                should_stop=lambda: cancel.is_set() or stopping.is_set(),
            ).calls

        return job

    def run(
        self,
        lane: BackgroundLane,
        job: Callable[[], Any],
        busy_text: str,
        start_button: QPushButton,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run the prepared ``job`` on ``lane``; ``start_button`` waits until it ends."""
        self.bar.setRange(0, 0)  # busy until the total is known
        self.bar.show()
        self.result.setText(busy_text)
        self.cancel_button.show()
        self._start_button = start_button
        start_button.setEnabled(False)
        self._poll.start()
        lane.submit(job, done, failed)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.result.setText(self._cancelling_text)

    def end(self, message: str) -> None:
        """The job is over: say ``message`` and offer the start button again."""
        self._poll.stop()
        self._cancel = self._progress = None
        self.cancel_button.hide()
        if self._start_button is not None:
            self._start_button.setEnabled(True)
        self.bar.hide()
        self.result.setText(message)
        self.finished.emit(message)

    def fail(self, exc: BaseException, cancelled: str, not_done: str, see_the_log: str) -> None:
        """End a job that raised: ``cancelled`` when Cancel (or quitting) stopped it,
        ``not_done`` with the reason (``%1``) for the agent's own problem (a full disk,
        a locked store), else ``see_the_log`` and the whole error in the log."""
        from assistant.errors import UserError
        from assistant.notes.export import ExportCancelled
        from assistant.report.splice import ReportCancelled

        if isinstance(exc, ExportCancelled | ReportCancelled):
            self.end(cancelled)
        elif isinstance(exc, UserError):
            self.end(not_done.replace("%1", exc.message))
        else:
            log.error("writing a file failed", exc_info=exc)
            self.end(see_the_log)

    def _show_progress(self) -> None:
        progress = self._progress
        if progress is None or not progress.total:
            return
        self.bar.setRange(0, progress.total)
        self.bar.setValue(min(progress.done, progress.total))
