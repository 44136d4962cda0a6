"""Keeps the panel docked: places it, follows screen changes, remembers edge, width
and screen in the settings (saved a moment after the agent stops resizing).

The panel tells it when it is shown or resized: no event filter, which would cost
start-up time (see ``assistant/ui/startup.py``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMargins, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from assistant.settings import Settings
from assistant.ui.geometry import EDGES, clamp_width, dock_rect, pick_screen
from assistant.ui.soon import soon

SAVE_DELAY_MS = 600


class Dock(QObject):
    def __init__(
        self,
        window: QWidget,
        get_settings: Callable[[], Settings],
        set_settings: Callable[[Settings], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._get = get_settings
        self._set = set_settings
        self._placing = False
        self._tracked: QScreen | None = None
        self._handle: QObject | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._remember_width)
        self._replace = soon(self, self.place)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._screen_removed)

    def screen(self) -> QScreen:
        return pick_screen(
            self._get().screen, QGuiApplication.screens(), QGuiApplication.primaryScreen()
        )

    def place(self) -> None:
        """Dock on the remembered edge of the remembered (or primary) screen."""
        settings = self._get()
        screen = self.screen()
        frame = self._frame()
        rect = dock_rect(
            screen.availableGeometry(), settings.dock_edge, settings.panel_width, frame
        )
        self._placing = True
        try:
            handle = self.window.windowHandle()
            if handle is not None and handle.screen() is not screen:
                handle.setScreen(screen)
            self.window.setGeometry(rect)
        finally:
            self._placing = False
        self._track(screen)

    def _frame(self) -> QMargins:
        w = self.window
        if not w.isVisible():
            return QMargins()
        frame, inner = w.frameGeometry(), w.geometry()
        return QMargins(
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )

    def _track(self, screen: QScreen) -> None:
        if self._tracked is screen:
            return
        if self._tracked is not None:
            self._tracked.availableGeometryChanged.disconnect(self._area_changed)
        self._tracked = screen
        screen.availableGeometryChanged.connect(self._area_changed)

    def _area_changed(self) -> None:
        self.place()

    def _screen_removed(self, screen: QScreen) -> None:
        if screen is self._tracked:
            self._tracked = None
            self._replace.start()

    # -- changes by the agent -----------------------------------------------------------

    def other_edge(self) -> None:
        settings = self._get()
        edge = EDGES[1 - EDGES.index(settings.dock_edge)] if settings.dock_edge in EDGES else "left"
        self._set(settings.with_changes(dock_edge=edge, screen=self.screen().name()))
        self.place()

    def next_screen(self) -> None:
        screens = QGuiApplication.screens()
        current = self.screen()
        following = screens[(screens.index(current) + 1) % len(screens)]
        self._set(self._get().with_changes(screen=following.name()))
        self.place()

    def shown(self) -> None:
        """The window was shown: follow its native window from screen to screen."""
        handle = self.window.windowHandle()
        if not self._placing and handle is not None and handle is not self._handle:
            self._handle = handle
            handle.screenChanged.connect(self._moved_to)

    def resized(self) -> None:
        """The window was resized: by the agent, unless the dock is placing it."""
        if not self._placing and self.window.isVisible():
            self._save_timer.start()

    def _moved_to(self, screen: QScreen | None) -> None:
        """The agent (or the window manager) moved the panel to another screen."""
        if screen is None or self._placing:
            return
        if screen.name() != self._get().screen:
            self._set(self._get().with_changes(screen=screen.name()))
            self.place()

    def _remember_width(self) -> None:
        settings = self._get()
        area = self.screen().availableGeometry()
        width = clamp_width(self.window.width(), area)
        if width != settings.panel_width:
            self._set(settings.with_changes(panel_width=width, screen=self.screen().name()))

    def flush(self) -> None:
        """Save a pending width change now (the panel is hiding or quitting)."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._remember_width()
