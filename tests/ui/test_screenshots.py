"""The panel as pictures, at 1x and 2x, light and dark, with the built-in Chinese packs.

Written to a temporary folder, or to ``screenshots/`` when AGENT_ASSIST_SCREENSHOTS
is set, so a person can look at them. The checks here only catch a blank or
mis-sized picture; the looking is done by eye.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from assistant.paths import builtin_packs_dir

SIZE = QSize(360, 780)


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    if os.environ.get("AGENT_ASSIST_SCREENSHOTS"):
        folder = Path(__file__).resolve().parents[2] / "screenshots"
    else:
        folder = tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save(window: Any, folder: Path, name: str, scale: int) -> QImage:
    for _ in range(3):  # let layouts settle, as the event loop would
        QApplication.processEvents()
    pixmap = QPixmap(window.size() * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(window.palette().color(QPalette.ColorRole.Window))
    window.render(pixmap)
    path = folder / f"{name}@{scale}x.png"
    assert pixmap.save(str(path))
    return QImage(str(path))


def assert_drawn(image: QImage, scale: int) -> None:
    assert image.width() == SIZE.width() * scale
    assert image.height() == SIZE.height() * scale
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20  # text and widgets, not an empty fill


@pytest.mark.parametrize("scale", [1, 2])
def test_panel_pictures(
    qtbot: Any,
    make_panel: Any,
    type_into: Any,
    shots_dir: Path,
    scale: int,
    go_dark: Callable[[], None],
) -> None:
    window = make_panel(builtin=builtin_packs_dir())
    window.resize(SIZE)
    window.set_call_values({"customer_title": "李总"})
    window.state.favourites = frozenset({"zh.opening.inbound_greeting"})
    window.refresh()
    assert_drawn(save(window, shots_dir, "1-browse", scale), scale)

    type_into(window.search, "退款")
    assert_drawn(save(window, shots_dir, "2-search", scale), scale)

    window.search.clear()
    type_into(window.search, "SLA")
    assert_drawn(save(window, shots_dir, "3-jargon", scale), scale)

    window.search.clear()
    window.category.setCurrentIndex(window.category.findData("taboo"))
    assert_drawn(save(window, shots_dir, "4-taboo", scale), scale)
    window.category.setCurrentIndex(0)

    window.search.clear()
    window.category.setCurrentIndex(window.category.findData("commitment"))
    qtbot.keyClick(window.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.stack.currentWidget() is window.form
    assert_drawn(save(window, shots_dir, "5-fill-in", scale), scale)
    qtbot.keyClick(window.form, Qt.Key.Key_Escape)
    type_into(window.search, "退款")
    qtbot.keyClick(window.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.stack.currentWidget() is window.form
    assert_drawn(save(window, shots_dir, "5-fill-in-zh", scale), scale)
    qtbot.keyClick(window.form, Qt.Key.Key_Escape)

    window.toggle_cheat_sheet()
    assert_drawn(save(window, shots_dir, "6-shortcuts", scale), scale)
    window.toggle_cheat_sheet()

    go_dark()
    window.search.clear()
    window.category.setCurrentIndex(0)
    assert_drawn(save(window, shots_dir, "7-dark", scale), scale)
    type_into(window.search, "投诉")
    assert_drawn(save(window, shots_dir, "8-dark-search", scale), scale)
