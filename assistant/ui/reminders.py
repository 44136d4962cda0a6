"""Follow-ups coming due: the open list (loaded on the worker thread), a check every
few seconds against the panel's clock, and one notification per follow-up when its
time comes. At start, the ones that fell due while the panel was closed are
announced together.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from assistant.notes.service import FollowUpRow
    from assistant.ui.state import PanelState

CHECK_MS = 15_000


class Reminders(QObject):
    rows_changed = Signal()
    ticked = Signal()  # a check ran (every few seconds)
    # Follow-ups that just came due; True when they fell due while the panel was closed.
    due = Signal(object, bool)

    def __init__(
        self, state: PanelState, now: Callable[[], datetime], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._now = now
        self.rows: list[FollowUpRow] = []
        self.loaded = False
        self.told: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def reload(self) -> None:
        from assistant.notes.service import followup_rows

        self.state.with_store(followup_rows, self._loaded)

    def _loaded(self, rows: list[FollowUpRow]) -> None:
        from assistant.notes.service import newly_due

        first = not self.loaded
        self.rows, self.loaded = rows, True
        self.rows_changed.emit()
        if first:
            missed = newly_due(rows, self._now(), self.told)
            self.told.update(r.id for r in missed)
            if missed:
                self.due.emit(missed, True)
            self._timer.start()
        else:
            self.check()

    def check(self) -> None:
        from assistant.notes.service import newly_due

        self.ticked.emit()
        fresh = newly_due(self.rows, self._now(), self.told)
        if fresh:
            self.told.update(r.id for r in fresh)
            self.due.emit(fresh, False)

    def forget(self, followup_id: str) -> None:
        """Tell again when this follow-up comes due (it was snoozed)."""
        self.told.discard(followup_id)

    def drop(self, followup_id: str) -> None:
        """Take a follow-up off the list at once (done); the reload confirms it."""
        self.rows = [r for r in self.rows if r.id != followup_id]
        self.rows_changed.emit()
