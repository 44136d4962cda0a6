"""Where the panel docks: a full-height strip on the left or right of one screen.

The screen is remembered by name; when that screen is gone (a laptop off its
dock) the panel goes to the primary screen. The strip is the screen's work area
(task bars and docks excluded), so nothing of the panel hides behind them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, QRect
from PySide6.QtGui import QScreen

EDGES = ("left", "right")
MIN_WIDTH = 280
DEFAULT_WIDTH = 360


def pick_screen(name: str, screens: Sequence[QScreen], primary: QScreen) -> QScreen:
    for screen in screens:
        if name and screen.name() == name:
            return screen
    return primary


def clamp_width(width: int, area: QRect) -> int:
    """Wide enough to read, never more than half the screen."""
    upper = max(MIN_WIDTH, area.width() // 2)
    return max(MIN_WIDTH, min(width or DEFAULT_WIDTH, upper))


def dock_rect(area: QRect, edge: str, width: int, frame: QMargins | None = None) -> QRect:
    """The client rectangle of a panel docked on ``edge`` of ``area``.

    ``frame`` is the window-manager frame around the client area; the whole
    frame fits inside the work area.
    """
    frame = frame or QMargins()
    outer_w = clamp_width(width, area) + frame.left() + frame.right()
    x = area.left() if edge == "left" else area.right() + 1 - outer_w
    outer = QRect(x, area.top(), outer_w, area.height())
    return outer.marginsRemoved(frame)
