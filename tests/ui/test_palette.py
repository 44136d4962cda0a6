"""The panel follows the system's light or dark palette."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from assistant.ui import style


def dark() -> QPalette:
    palette = QPalette(QApplication.palette())
    for role, colour in (
        (QPalette.ColorRole.Window, "#1f2125"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#17181b"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_colours_come_from_the_palette() -> None:
    light_palette = QApplication.palette()
    assert not style.is_dark(light_palette)
    assert style.is_dark(dark())
    light, night = style.colours(light_palette), style.colours(dark())
    assert light.warning_fill.lightnessF() > 0.8 > night.warning_fill.lightnessF()
    assert night.secondary.lightnessF() > 0.4  # readable on dark


def test_a_switch_to_dark_restyles_the_panel(qtbot: Any, make_panel: Any, request: Any) -> None:
    window = make_panel()
    qtbot.waitUntil(lambda: window.palette_watch is not None)  # a moment after start
    before = window.styleSheet()
    light = QApplication.palette()
    request.addfinalizer(lambda: QApplication.setPalette(light))
    QApplication.setPalette(dark())
    qtbot.waitUntil(lambda: window.styleSheet() != before)
    assert style.colours(dark()).warning_fill.name() in window.styleSheet()
