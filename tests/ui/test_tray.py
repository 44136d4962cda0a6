"""The tray icon: show or hide, quit; none where the desktop has no tray."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QSystemTrayIcon

from assistant.ui.icons import app_icon
from assistant.ui.tray import Tray


def test_tray_menu_toggles_and_offers_settings_and_quit(qtbot: Any, make_panel: Any) -> None:
    window = make_panel()
    actions = window.actions_by_name
    tray = Tray(window.toggle_visible, [actions["settings"], actions["quit"]])
    try:
        assert tray.available == QSystemTrayIcon.isSystemTrayAvailable()
        assert (tray.icon is not None) == tray.available
        texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
        assert texts == ["Show or hide the panel", "Settings", "Quit Agent Assist"]
        tray.toggle_action.trigger()
        assert not window.isVisible()
        tray.toggle_action.trigger()
        assert window.isVisible()
        with qtbot.waitSignal(window.quit_requested):
            actions["quit"].trigger()
    finally:
        tray.close()


def test_the_app_icon_loads() -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).isNull()
