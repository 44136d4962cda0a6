"""The tray icon: show or hide, quit; none where the desktop has no tray."""

from __future__ import annotations

import gc
import logging
from typing import Any

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from assistant.paths import Paths
from assistant.settings import Settings
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


def test_the_log_notes_how_the_panel_started_once_its_tray_is_made(
    qtbot: Any, ui_paths: Paths, clipboard: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from assistant.ui.app import Panel

    caplog.set_level(logging.INFO, logger="assistant.ui.app")
    panel = Panel(ui_paths, Settings(), clipboard, start_note="interface language en")
    try:
        panel.window.show()
        qtbot.waitUntil(lambda: panel.tray is not None, timeout=30_000)
        assert caplog.messages.count("panel started: interface language en") == 1
    finally:
        panel.close()


def test_garbage_collection_resumes_once_search_works(
    qtbot: Any, ui_paths: Paths, clipboard: Any
) -> None:
    from assistant.ui.app import Panel

    gc.disable()  # as the command line does while the panel starts
    panel = Panel(ui_paths, Settings(), clipboard)
    try:
        panel.window.show()
        qtbot.waitUntil(lambda: panel.window.is_ready, timeout=30_000)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 10_000  # what starting made is never walked again
    finally:
        gc.enable()
        gc.unfreeze()
        panel.close()
