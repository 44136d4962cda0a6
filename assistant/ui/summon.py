"""The summon key and paste-back: the panel's side of :mod:`assistant.desktop`.

The key is held from a moment after the first paint for as long as the panel runs.
The desktop is opened on a thread of its own: Xlib's imports and its connection take
a tenth of a second or more, which the agent's first keys would wait behind; the key
is then held here, on the UI thread (Windows posts ``WM_HOTKEY`` to the thread that
registered it). Pressing it (or ``agent-assist --toggle``) notes the window the agent
was in, then brings the panel forward or hides it. With paste-back on, a copy hands
focus back to that window and presses Ctrl+V there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject, QSocketNotifier

from assistant.desktop import Desktop, KeyCombo, NoDesktop, open_desktop
from assistant.settings import Settings
from assistant.ui.background import BackgroundLane
from assistant.ui.soon import soon

if TYPE_CHECKING:
    from assistant.ui.window import MainWindow

log = logging.getLogger(__name__)

PASTE_POLL_MS = 10
PASTE_TRIES = 50  # half a second for the window manager to hand focus back


tr = QCoreApplication.translate


def no_desktop_text(reason: str) -> str:
    if reason == "wayland":
        return tr(
            "summon",
            "No summon key on Wayland: bind “agent-assist --toggle” to a key in your"
            " desktop's keyboard settings.",
        )
    return tr(
        "summon",
        "No summon key on this desktop: bind “agent-assist --toggle” to a key in your"
        " desktop's keyboard settings.",
    )


class _HotkeyMessages(QAbstractNativeEventFilter):
    """WM_HOTKEY on Windows: it comes to the thread, not to a window."""

    def __init__(self, desktop: Desktop, pressed: Callable[[], None]) -> None:
        super().__init__()
        self._desktop, self._pressed = desktop, pressed

    def nativeEventFilter(self, kind: object, message: object) -> tuple[bool, int]:
        if bytes(kind) == b"windows_generic_MSG" and self._desktop.is_hotkey_message(  # type: ignore[call-overload]
            int(message)  # type: ignore[call-overload]
        ):
            self._pressed()
            return True, 0
        return False, 0


class Summoner(QObject):
    def __init__(
        self,
        window: MainWindow,
        settings: Callable[[], Settings],
        opener: Callable[[], Desktop | NoDesktop] = open_desktop,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._settings = settings
        self._opener = opener
        self.desktop: Desktop | None = None
        self._opening: BackgroundLane | None = None
        self.came_from: int | None = None  # the window the agent summoned the panel from
        self._held = ""
        self._notifier: QSocketNotifier | None = None
        self._filter: _HotkeyMessages | None = None
        self._paste_tries = 0
        self._paste_soon = soon(self, self._paste_when_back, PASTE_POLL_MS)
        # Asking for the active window reads what the X server sent, a press of the key
        # too, which the socket then does not announce again: read those right after.
        self._read_soon = soon(self, self._read)

    def start(self) -> None:
        """Open the desktop off the UI thread; the key is held once it is open."""
        self._opening = BackgroundLane()
        self._opening.submit(self._opener, self._opened, self._not_opened)

    def _not_opened(self, exc: BaseException) -> None:
        log.warning("summon key: the desktop could not be opened", exc_info=exc)
        self._opened(NoDesktop("error", f"{type(exc).__name__}: {exc}"))

    def _opened(self, opened: Desktop | NoDesktop) -> None:
        if self._opening is not None:
            self._opening.shutdown()  # its one job is done
            self._opening = None
        if isinstance(opened, NoDesktop):
            log.info("summon key: %s", opened.detail)
            self.window.show_status(no_desktop_text(opened.reason))
            return
        self.desktop = opened
        fd = opened.fileno()
        if fd is not None:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._read)
        else:
            app = QCoreApplication.instance()
            self._filter = _HotkeyMessages(opened, self.summon)
            if app is not None:
                app.installNativeEventFilter(self._filter)
        self.hold(self._settings().hotkey)

    def hold(self, keys: str) -> bool:
        """Hold ``keys`` as the summon key; a message in the panel when it cannot be."""
        if self.desktop is None or keys == self._held:
            return True
        self.desktop.release()
        self._held = ""
        try:
            description = tr("summon", "Show or hide the Agent Assist panel")
            problem = self.desktop.grab(KeyCombo.parse(keys), description)
        except ValueError as exc:
            problem = str(exc)
        if problem is None:
            self._held = keys
            return True
        log.warning("summon key %s: %s", keys, problem)
        self.window.show_status(
            tr(
                "summon",
                "Summon key %1: another program holds it, or it is not a key here;"
                " choose another in Settings (Ctrl+,).",
            ).replace("%1", keys),
            error=True,
        )
        return False

    def _read(self) -> None:
        while self.desktop is not None:
            count = self.desktop.presses()
            if not count:
                break
            for _ in range(count):
                self.summon()
        refused = self.desktop.problem() if self.desktop is not None else None
        if refused is not None:
            log.warning("summon key %s: %s", self._held, refused)
            self.window.show_status(
                tr(
                    "summon",
                    "Summon key %1: the desktop did not give it; bind “agent-assist --toggle”"
                    " to a key in your desktop's keyboard settings.",
                ).replace("%1", self._held),
                error=True,
            )

    def summon(self) -> None:
        """The key, or --toggle: note where the agent was, then show or hide."""
        in_panel = self.window.isActiveWindow()
        if self.desktop is not None and not in_panel:
            active = self.desktop.active_window()
            # Qt can miss the focus coming back after the key's own grab when the
            # agent types fast; the window manager's answer is the one to trust.
            in_panel = active == int(self.window.winId()) and self.window.isVisible()
            if active is not None and not in_panel:
                self.came_from = active
            self._read_soon.start()
        self.window.summon_or_hide(in_panel)

    def paste_back(self) -> None:
        """After a copy: back to the window the agent came from, and paste there."""
        if not self._settings().paste_back or self.desktop is None or self.came_from is None:
            return
        self.desktop.activate(self.came_from)
        self._paste_tries = PASTE_TRIES
        self._paste_soon.start()

    def _paste_when_back(self) -> None:
        if self.desktop is None or self.came_from is None:
            return
        self._read_soon.start()
        if self.desktop.active_window() == self.came_from:
            self.desktop.paste()
            return
        self._paste_tries -= 1
        if self._paste_tries > 0:
            self._paste_soon.start()
        else:
            self.window.show_status(
                tr(
                    "summon",
                    "Copied; the window you came from did not take focus, paste with Ctrl+V.",
                )
            )

    def close(self) -> None:
        if self._opening is not None:
            # Not waited for: a desktop still opening goes with the process.
            self._opening.shutdown(abandon=True)
            self._opening = None
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._filter is not None:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeNativeEventFilter(self._filter)
        if self.desktop is not None:
            self.desktop.close()
            self.desktop = None
