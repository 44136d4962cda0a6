"""Team sync in the panel: a round after each finalise and every few minutes.

Rounds run on their own worker (a slow or unreachable server never delays the
store's lane) and report one status line; offline is a normal state, shown
quietly, never a dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.ui.background import BackgroundLane

if TYPE_CHECKING:
    from assistant.keychain import SecretStore
    from assistant.paths import Paths
    from assistant.settings import Settings
    from assistant.store.db import Store
    from assistant.sync.service import SyncResult

log = logging.getLogger(__name__)

INTERVAL_MS = 5 * 60 * 1000


class PanelSync(QObject):
    """Runs sync rounds in the background and says how the last one went."""

    status = Signal(str, bool)  # the line to show, and whether it is an error
    # Records here changed under the panel: erased team-wide, or a conflict the
    # server's version won.
    records_changed = Signal()

    def __init__(
        self,
        paths: Paths,
        settings: Callable[[], Settings],
        *,
        secrets: SecretStore | None = None,
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._settings = settings
        self._secrets = secrets
        self._lane = BackgroundLane()
        self._store: Store | None = None
        self._running = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.request)

    @property
    def enabled(self) -> bool:
        return bool(self._settings().sync_url)

    def start(self) -> None:
        """Sync now (when a server is set) and then every few minutes."""
        self._timer.start()
        self.request()

    def request(self) -> None:
        """Ask for a round; one already running is followed by exactly one more."""
        if not self.enabled:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        settings = self._settings()
        url, groups = settings.sync_url, settings.groups
        self._lane.submit(lambda: self._round(url, groups), self._done, self._failed)

    def _round(self, url: str, groups: tuple[str, ...]) -> SyncResult:
        from assistant.keychain import KeyringSecretStore
        from assistant.store.db import open_store
        from assistant.store.timefmt import utc_now
        from assistant.sync.connection import parse_server_url
        from assistant.sync.service import SyncConfig, run_sync
        from assistant.sync.state import state_file

        if self._store is None:
            self._store = open_store(self._paths.store_file)
        address = parse_server_url(url)
        config = SyncConfig(
            address.url,
            self._paths.team_packs_dir,
            state_file(self._paths.data_dir),
            groups=groups,
        )
        secrets = self._secrets if self._secrets is not None else KeyringSecretStore()
        return run_sync(self._store.sessions, config, secrets, utc_now)

    def _finish(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.request()

    def _done(self, result: SyncResult) -> None:
        self._finish()
        self.status.emit(*self.describe(result))
        if result.records_erased or any(c.kept == "server" for c in result.conflicts):
            self.records_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        log.warning("sync round failed: %s", type(exc).__name__)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        self.status.emit(self.tr("Team sync failed: %1").replace("%1", first), True)

    def describe(self, result: SyncResult) -> tuple[str, bool]:
        """The status line for a round: (text, is_error)."""
        if result.state == "offline":
            text = self.tr("Team sync: offline · last synced %1")
            return text.replace("%1", _clock(result.last_sync_at)), False
        if result.state != "ok":
            error = result.errors[0] if result.errors else ""
            return self.tr("Team sync failed: %1").replace("%1", error), True
        text = self.tr("Team sync %1 · %2 sent").replace("%1", _clock(result.last_sync_at))
        text = text.replace("%2", str(result.records_pushed))
        if result.records_erased:
            erased = self.tr("%1 record(s) erased team-wide removed here")
            text += " · " + erased.replace("%1", str(result.records_erased))
        if result.conflicts:
            conflicts = self.tr("%1 conflict(s): the newer edit was kept")
            text += " · " + conflicts.replace("%1", str(len(result.conflicts)))
        return text, bool(result.conflicts)

    def shutdown(self) -> None:
        self._timer.stop()
        self._lane.shutdown()
        if self._store is not None:
            self._store.close()


def _clock(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M") if moment is not None else "—"
