"""The tray icon: show or hide the panel, settings, quit.

Made after the first paint. Where the desktop has no tray (a bare X server, some
Wayland shells) there is no icon; the panel's own keys and a second launch of
``agent-assist`` still bring it back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from assistant.ui.icons import app_icon


class Tray(QObject):
    def __init__(
        self,
        toggle: Callable[[], None],
        actions: list[QAction],
        parent: QObject | None = None,
        on_message_clicked: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.menu = QMenu()
        self.toggle_action = self.menu.addAction(self.tr("Show or hide the panel"))
        self.toggle_action.triggered.connect(toggle)
        self.menu.addSeparator()
        for action in actions:
            self.menu.addAction(action)
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(app_icon(), self)
            self.icon.setToolTip(self.tr("Agent Assist"))
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(
                lambda reason: (
                    toggle() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
                )
            )
            if on_message_clicked is not None:
                self.icon.messageClicked.connect(on_message_clicked)
            self.icon.show()

    def notify(self, title: str, text: str) -> None:
        """A desktop notification from the tray icon (a follow-up came due)."""
        if self.icon is not None:
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def close(self) -> None:
        if self.icon is not None:
            self.icon.hide()
        self.menu.deleteLater()
