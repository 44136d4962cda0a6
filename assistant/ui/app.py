"""Starting the panel: the application, the single-instance check, the settings and
the window, wired together. What waits until after the first paint, and why, is
told in ``startup``."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from assistant.errors import UserError
from assistant.paths import Paths, keep_private, resolve_paths
from assistant.settings import Settings, load_settings, save_settings
from assistant.ui.background import BackgroundLane
from assistant.ui.clipboard import Clipboard, SystemClipboard
from assistant.ui.i18n import install_translations
from assistant.ui.single_instance import (
    SHOW,
    TOGGLE,
    SingleInstance,
    knock_needs_app,
    notify_running,
    server_name,
)
from assistant.ui.soon import soon
from assistant.ui.startup import (
    SUMMON_DELAY_MS,
    TRAY_DELAY_MS,
    TRAY_FALLBACK_MS,
    resume_collection,
)
from assistant.ui.state import PanelState
from assistant.ui.window import MainWindow

if TYPE_CHECKING:
    from assistant.desktop import Desktop, NoDesktop
    from assistant.ui.summon import Summoner
    from assistant.ui.tray import Tray

log = logging.getLogger(__name__)

# The query --exit-when-ready asks before it reports ready: Chinese, so it goes
# through the same folding an agent's first keystrokes do.
PROBE_QUERY = "退款"
READY_TIMEOUT_MS = 60_000


def read_settings(paths: Paths) -> tuple[Settings, str | None]:
    """The settings, or the defaults and the reason the file could not be used."""
    try:
        return load_settings(paths.settings_file), None
    except UserError as exc:
        return Settings(), exc.message


class Panel(QObject):
    """Everything one running panel is made of, wired together."""

    def __init__(
        self,
        paths: Paths,
        settings: Settings,
        clipboard: Clipboard,
        *,
        settings_problem: str | None = None,
        instance: SingleInstance | None = None,
        start_note: str = "",
        desktop: Callable[[], Desktop | NoDesktop] | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.state = PanelState(paths, settings, BackgroundLane())
        self.window = MainWindow(self.state, clipboard, self._persist)
        self._settings_usable = settings_problem is None
        self.instance = instance
        # Logged with the tray: the log's first record brings in logging.handlers
        # and the secret filter's patterns, which search need not wait for.
        self.start_note = start_note
        self.tray: Tray | None = None
        # The summon key a moment after the first paint: Xlib and the grab are not
        # what the first paint needs.
        self._desktop = desktop
        self._summoner: Summoner | None = None
        self._summon_soon = soon(self, self._start_summoner, SUMMON_DELAY_MS)
        self.window.first_painted.connect(self._summon_soon.start)
        self.window.settings_changed.connect(lambda: self.summoner.hold(self.state.settings.hotkey))
        self.window.copied.connect(lambda *_: self.summoner.paste_back())
        if instance is not None:
            instance.activation_requested.connect(self.window.show_panel)
            instance.toggle_requested.connect(self._summon)
        # The tray icon a moment after search works (the agent's first keys come first),
        # or a while after the first paint if the playbook cannot load.
        self._tray_soon = soon(self, self._make_tray, TRAY_DELAY_MS)
        self._tray_later = soon(self, self._make_tray, TRAY_FALLBACK_MS)
        self.window.ready.connect(resume_collection)
        self.window.ready.connect(self._tray_soon.start)
        self.window.first_painted.connect(self._tray_later.start)
        self.window.quit_requested.connect(self.quit)
        if settings_problem:
            self.window.show_status(settings_problem, error=True)

    @property
    def summoner(self) -> Summoner:
        """The summon key and paste-back, made a moment after the first paint."""
        if self._summoner is None:
            from assistant.desktop import open_desktop
            from assistant.ui.summon import Summoner

            opener = self._desktop or open_desktop
            self._summoner = Summoner(self.window, lambda: self.state.settings, opener)
        return self._summoner

    def _start_summoner(self) -> None:
        self.summoner.start()

    def _summon(self) -> None:
        self.summoner.summon()

    def _persist(self, settings: Settings) -> None:
        # A settings file the app could not read is the centre's to fix: never overwrite it.
        if self._settings_usable:
            save_settings(self.paths.settings_file, settings)

    def _make_tray(self) -> None:
        resume_collection()  # the panel is up, even if its playbook could not load
        if self.tray is not None:
            return
        if self.start_note:
            log.info("panel started: %s", self.start_note)
        from assistant.ui.tray import Tray

        actions = self.window.actions_by_name
        window = self.window
        self.tray = Tray(
            window.toggle_visible,
            [actions["settings"], actions["quit"]],
            self,
            on_message_clicked=window.followups.show_from_notification,
        )
        if self.tray.available:  # due follow-ups as desktop notifications, else a banner
            window.followups.notifier = self.tray.notify
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # With a tray, closing the window hides it; without one, closing quits.
            app.setQuitOnLastWindowClosed(not self.tray.available)

    def quit(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def close(self, *, exiting: bool = False) -> None:
        """``exiting``: the process ends right after (see ``PanelState.close``)."""
        self.window.dock.flush()
        self.window.notes.autosave.flush()  # what was typed last is kept as a draft
        self.state.close(exiting=exiting)
        self.window.phrases.shutdown()
        if self.tray is not None:
            self.tray.close()
        if self.instance is not None:
            self.instance.close()
        if self._summoner is not None:
            self._summoner.close()
        self.window.close()


def run_panel(*, data_dir: str | None, exit_when_ready: bool, toggle: bool = False) -> int:
    paths = resolve_paths(data_dir)
    name = server_name(paths.data_dir)
    request = TOGGLE if toggle else SHOW
    # A knock on the pipe needs no QApplication: --toggle answers in a few ms.
    if not knock_needs_app() and notify_running(name, request):
        return 0  # the running panel shows or hides
    from assistant.logs import setup_logging

    keep_private(paths)
    setup_logging(paths)
    owns_process = QApplication.instance() is None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("agent-assist")
    app.setApplicationDisplayName("Agent Assist")
    app.setDesktopFileName("agent-assist")
    if knock_needs_app() and notify_running(name, request):
        return 0  # the running panel comes forward
    instance = SingleInstance(name)
    instance.listen()
    settings, problem = read_settings(paths)
    translations = install_translations(app, settings.language)
    if problem:
        print(f"agent-assist: {problem}; using the default settings", file=sys.stderr)
    panel = Panel(
        paths,
        settings,
        SystemClipboard(),
        settings_problem=problem,
        instance=instance,
        start_note=translations.summary(),
    )
    status = {"code": 0}
    if exit_when_ready:
        _exit_when_ready(app, panel, status)
    panel.window.show()
    try:
        code = app.exec()
    finally:
        panel.close(exiting=owns_process)
    code = status["code"] or code
    if owns_process:
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End the process without freeing the playbook object by object.

    Everything that must reach the disk is already there: the lane waited for
    the store's writes, the dock saved the settings. Tearing down a 10,000-entry
    library and the Qt object tree takes ~0.1 s nobody waits for.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _exit_when_ready(app: QApplication, panel: Panel, status: dict[str, int]) -> None:
    def ready() -> None:
        panel.window.search.setText(PROBE_QUERY)  # searches, as a keystroke would
        if panel.window.model.rowCount() == 0:
            print("agent-assist: the playbook answered nothing", file=sys.stderr)
            status["code"] = 1
        else:
            print(f"agent-assist: ready; {panel.start_note}")  # for smoke tests
        app.quit()

    def timeout() -> None:
        print("agent-assist: not ready in time", file=sys.stderr)
        status["code"] = 1
        app.quit()

    panel.window.ready.connect(ready)
    panel.state.notice.connect(lambda text: log.warning("%s", text))
    soon(panel, timeout, READY_TIMEOUT_MS).start()
