"""Autosave: what the agent types is kept as a crash-safe draft within a second.

The first change after a save starts a half-second timer; when it fires, the
form's whole state goes to ``save_draft`` (written, fsynced and renamed) on the
drafts lane, which nothing else uses, so neither a busy store nor an export holds
it up. Typing without a pause is therefore saved every half second, and a kill
loses at most the last half second or so.

A draft is discarded once the store holds that same state of the record. At
start, drafts left behind (a crash, a power cut, a quit with unsaved notes) come
back: the newest into the form, older ones into the store as draft records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.errors import UserError

if TYPE_CHECKING:
    from assistant.maintenance.drafts import Draft
    from assistant.ui.state import PanelState

log = logging.getLogger(__name__)

AUTOSAVE_MS = 500


class Autosave(QObject):
    drafted = Signal(int)  # the revision now safe in a draft
    failed = Signal(str)  # why a draft could not be kept (the text stays in the form)

    def __init__(
        self,
        state: PanelState,
        snapshot: Callable[[], tuple[str, dict[str, Any], list[dict[str, Any]]]],
        key: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._snapshot = snapshot
        self._snapshot_key = key
        self.revision = 0  # bumped on every change the agent makes
        self.drafted_revision = 0
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return self.revision != self.drafted_revision

    def changed(self) -> None:
        self.revision += 1
        if not self._timer.isActive():
            self._timer.start()  # from the first change, not the last: typing never starves it

    def reset(self) -> None:
        """A record was loaded: nothing of it is unsaved."""
        self._timer.stop()
        self.revision += 1
        self.drafted_revision = self.revision

    def flush(self) -> None:
        """Write the draft now (also at quit)."""
        self._timer.stop()
        if not self.pending:
            return
        from assistant.notes.service import raw_values

        key, values, followups = self._snapshot()
        revision, paths, now = self.revision, self.state.paths, self.state.clock()
        values = raw_values(values)
        followups = [raw_values(f) for f in followups]

        def write() -> int:
            from assistant.maintenance.drafts import save_draft

            return save_draft(paths, key, values, followups, now=now)

        self.state.draft_lane.submit(
            write, lambda _masked: self._written(revision), self._write_failed, essential=True
        )

    def _written(self, revision: int) -> None:
        self.drafted_revision = max(self.drafted_revision, revision)
        if self._failing:
            self._failing = False
            self.failed.emit("")
        self.drafted.emit(revision)

    def _write_failed(self, exc: BaseException) -> None:
        self._failing = True
        if isinstance(exc, UserError):
            self.failed.emit(exc.message)
        else:
            log.error("draft not written", exc_info=exc)
            self.failed.emit(str(exc))

    def stored(self, key: str, revision: int) -> None:
        """The store now holds ``key`` as it was at ``revision``: drop its draft,
        unless the agent changed something since (that draft is still needed)."""
        if key != self._snapshot_key():
            self.discard(key)  # a record the agent left: the save had all of it
            return
        if revision != self.revision:
            return
        self._timer.stop()
        self.drafted_revision = self.revision
        self.discard(key)

    def discard(self, key: str) -> None:
        paths = self.state.paths

        def drop() -> None:
            from assistant.maintenance.drafts import discard_draft

            discard_draft(paths, key)

        self.state.draft_lane.submit(drop, None, self._write_failed, essential=True)

    def load(self, on_done: Callable[[list[Draft]], None]) -> None:
        """Read the drafts left behind (on the drafts lane)."""
        paths = self.state.paths

        def read() -> list[Draft]:
            from assistant.maintenance.drafts import load_drafts

            return load_drafts(paths)

        self.state.draft_lane.submit(read, on_done, self._write_failed)
