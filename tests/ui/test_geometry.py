"""Docking: the strip's rectangle, remembering edge, width and screen, and fallbacks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMargins, QRect, Qt
from PySide6.QtGui import QGuiApplication

from assistant.settings import Settings
from assistant.ui.geometry import DEFAULT_WIDTH, MIN_WIDTH, clamp_width, dock_rect, pick_screen

AREA = QRect(0, 30, 1920, 1050)  # a work area below a 30 px top bar


def test_dock_rect_on_each_edge() -> None:
    assert dock_rect(AREA, "left", 360) == QRect(0, 30, 360, 1050)
    assert dock_rect(AREA, "right", 360) == QRect(1560, 30, 360, 1050)


def test_the_window_frame_fits_inside_the_work_area() -> None:
    frame = QMargins(1, 24, 1, 1)
    client = dock_rect(AREA, "right", 360, frame)
    assert client == QRect(1559, 54, 360, 1025)
    assert client.marginsAdded(frame).right() == AREA.right()
    assert client.marginsAdded(frame).height() == AREA.height()


def test_width_is_kept_readable_and_at_most_half_the_screen() -> None:
    assert clamp_width(0, AREA) == DEFAULT_WIDTH
    assert clamp_width(100, AREA) == MIN_WIDTH
    assert clamp_width(5000, AREA) == 960


def test_a_vanished_screen_falls_back_to_the_primary(qapp: Any) -> None:
    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    assert pick_screen("HDMI-gone", screens, primary) is primary
    assert pick_screen("", screens, primary) is primary
    assert pick_screen(primary.name(), screens, primary) is primary


def test_the_panel_docks_full_height_at_the_default_width(make_panel: Any) -> None:
    window = make_panel()
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert frame.right() == area.right()
    assert frame.top() == area.top()
    assert frame.bottom() == area.bottom()
    assert window.width() == min(DEFAULT_WIDTH, max(MIN_WIDTH, area.width() // 2))


def test_edge_width_and_screen_are_saved_and_restored(
    qtbot: Any, make_panel: Any, saved_settings: Any
) -> None:
    window = make_panel()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.search,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    window.resize(300, window.height())
    window.hide_panel()  # saves a pending width at once
    saved = saved_settings()
    assert saved.dock_edge == "left"
    assert saved.panel_width == 300
    assert saved.screen == window.screen().name()
    before = window.geometry()
    window.state.close()

    again = make_panel(saved)
    assert again.geometry() == before
    assert again.geometry().left() == again.screen().availableGeometry().left()


def test_a_remembered_screen_that_is_gone_uses_the_primary(make_panel: Any) -> None:
    window = make_panel(Settings(screen="DP-that-was-unplugged", dock_edge="left"))
    primary = QGuiApplication.primaryScreen()
    assert window.screen() is primary
    assert window.geometry().left() == primary.availableGeometry().left()


def test_next_screen_remembers_the_choice(make_panel: Any, saved_settings: Any) -> None:
    window = make_panel()
    window.dock.next_screen()  # one screen under Xvfb: stays, but is remembered by name
    assert saved_settings().screen == QGuiApplication.screens()[0].name()
