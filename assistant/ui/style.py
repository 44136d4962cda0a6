"""Spacing, type sizes and colours, all derived from the system palette.

Nothing here hard-codes a text or background colour: the panel follows the
light or dark palette the desktop gives it. Only the warning tint is chosen,
in a light and a dark variant, by the palette's lightness.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

MARGIN = 12
SPACING = 8
ROW_PAD_X = 12
ROW_PAD_Y = 8
ROW_GAP = 3
RADIUS = 6


def set_state(widget: QWidget, name: str, value: object) -> None:
    """Set a property the style sheet selects on, and restyle the widget if it changed.

    A widget not yet styled (not yet shown) picks the value up when it is; it is
    left alone, which also keeps Qt's large ``QStyle`` type out of start-up.
    """
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def flat_button(button: QToolButton, text: str) -> None:
    """A tool button in the panel's look: flat until hovered, never taking the focus
    from the search line."""
    button.setText(text)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def is_dark(palette: QPalette) -> bool:
    """Light text on a dark background (judged by text, which is never transparent)."""
    role = QPalette.ColorRole
    return palette.color(role.WindowText).lightnessF() > palette.color(role.Window).lightnessF()


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way towards ``b``."""

    def channel(x: float, y: float) -> float:
        return min(1.0, max(0.0, x + (y - x) * amount))

    return QColor.fromRgbF(
        channel(a.redF(), b.redF()),
        channel(a.greenF(), b.greenF()),
        channel(a.blueF(), b.blueF()),
    )


class Colours(NamedTuple):
    """The panel's colours, derived from the current palette."""

    text: QColor
    secondary: QColor
    accent: QColor
    warning_text: QColor
    warning_fill: QColor
    chip_fill: QColor
    card_fill: QColor
    border: QColor
    danger: QColor  # overdue follow-ups


_colours_by_palette: dict[int, Colours] = {}


def colours(palette: QPalette) -> Colours:
    """The panel's colours for ``palette``, worked out once per palette: row and text
    painting asks for them every time (a changed palette has a new cache key)."""
    key = palette.cacheKey()
    found = _colours_by_palette.get(key)
    if found is None:
        if len(_colours_by_palette) > 16:  # palettes come and go with the desktop's theme
            _colours_by_palette.clear()
        found = _colours_by_palette[key] = _derive_colours(palette)
    return found


def _derive_colours(palette: QPalette) -> Colours:
    role = QPalette.ColorRole
    text = palette.color(role.WindowText)
    base = palette.color(role.Base)
    window = palette.color(role.Window)
    dark = is_dark(palette)
    highlight = palette.color(role.Highlight)
    return Colours(
        text=text,
        secondary=mix(text, window, 0.38),
        accent=mix(highlight, text, 0.35) if dark else highlight,
        warning_text=QColor("#fbbf24") if dark else QColor("#9a3412"),
        warning_fill=QColor("#3a2a0a") if dark else QColor("#fff4e0"),
        chip_fill=mix(base, text, 0.08),
        card_fill=mix(window, text, 0.045) if not dark else mix(window, text, 0.07),
        border=mix(window, text, 0.18),
        danger=QColor("#f87171") if dark else QColor("#b91c1c"),
    )


def scaled(font: QFont, factor: float, weight: QFont.Weight | None = None) -> QFont:
    out = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        out.setPointSizeF(size * factor)
    else:
        out.setPixelSize(max(1, round(font.pixelSize() * factor)))
    if weight is not None:
        out.setWeight(weight)
    return out


def stylesheet(palette: QPalette) -> str:
    c = colours(palette)
    return f"""
QLineEdit#search {{
    padding: 7px 10px;
    border: 1px solid {c.border.name()};
    border-radius: {RADIUS}px;
    background: palette(base);
}}
QLineEdit#search:focus {{ border: 2px solid palette(highlight); padding: 6px 9px; }}
QListView#results {{ border: none; }}
QLabel#status {{ color: {c.secondary.name()}; }}
QLabel#status[tone="error"] {{ color: {c.warning_text.name()}; }}
QLabel#heading {{ color: {c.secondary.name()}; }}
QLabel#caption {{ color: {c.secondary.name()}; }}
QFrame#card {{
    background: {c.card_fill.name()};
    border: none;
    border-radius: {RADIUS}px;
}}
QFrame#warning {{
    background: {c.warning_fill.name()};
    border-left: 4px solid {c.warning_text.name()};
    border-radius: {RADIUS}px;
}}
QLabel#warningText {{ color: {c.warning_text.name()}; }}
QToolButton {{
    padding: 3px 9px;
    border: 1px solid {c.border.name()};
    border-radius: 4px;
}}
QToolButton#symbol {{ padding: 3px 5px; }}
QToolButton:hover {{ background: {c.chip_fill.name()}; }}
QToolButton:disabled {{ color: {c.secondary.name()}; }}
QScrollArea#previewScroll {{ border: none; }}
QTabBar#pages::tab {{
    padding: 4px 10px;
    margin-right: 2px;
    border: none;
    border-bottom: 2px solid transparent;
    color: {c.secondary.name()};
}}
QTabBar#pages::tab:selected {{
    color: palette(window-text);
    border-bottom: 2px solid palette(highlight);
}}
QLabel#callTime {{ color: {c.secondary.name()}; }}
QLabel#callTime[phase="talk"] {{ color: {c.accent.name()}; font-weight: 600; }}
QLabel#callTime[phase="wrap_up"] {{ color: {c.warning_text.name()}; font-weight: 600; }}
QLabel#cue {{
    color: {c.accent.name()};
    background: {c.chip_fill.name()};
    border-radius: 8px;
    padding: 1px 7px;
}}
QFrame#banner {{
    background: {c.card_fill.name()};
    border-left: 4px solid palette(highlight);
    border-radius: {RADIUS}px;
}}
QFrame#banner[tone="warning"] {{
    background: {c.warning_fill.name()};
    border-left: 4px solid {c.warning_text.name()};
}}
QFrame#banner[tone="due"] {{
    background: {c.warning_fill.name()};
    border-left: 4px solid {c.danger.name()};
}}
QLabel#fieldLabel {{ color: {c.secondary.name()}; }}
QLabel#fieldLabel[required="true"] {{ color: palette(window-text); }}
QLabel#fieldLabel[missing="true"], QLabel#heading[missing="true"] {{
    color: {c.danger.name()};
    font-weight: 600;
}}
QToolButton#fold {{ border: none; padding: 2px 0; color: {c.secondary.name()}; }}
QToolButton#primary {{ border: 1px solid palette(highlight); font-weight: 600; }}
QScrollArea#notesScroll {{ border: none; }}
QListView#followups {{ border: none; }}
"""


def problem_label() -> QLabel:
    """A hidden line in the warning colour, for why something was refused (shown
    with its text, hidden again when the problem is gone)."""
    label = QLabel()
    label.setObjectName("warningText")
    label.setWordWrap(True)
    label.hide()
    return label
