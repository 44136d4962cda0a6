"""Every panel action with its keys: the source of the shortcuts, the tooltips and
the cheat sheet (F1), so the three never disagree."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from assistant.ui import style
from assistant.ui.labels import QT_TRANSLATE_NOOP

_CONTEXT = "actions"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    text: str  # untranslated source text
    keys: tuple[str, ...]  # shortcuts registered with Qt
    # Keys the search field handles itself (Enter, arrows, Esc): shown, not registered,
    # so an input method's Enter never reaches a shortcut.
    field_keys: tuple[str, ...] = ()


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "focus_search", QT_TRANSLATE_NOOP("actions", "Search the playbook"), ("Ctrl+L", "Ctrl+F")
    ),
    ActionSpec(
        "move",
        QT_TRANSLATE_NOOP("actions", "Move through the results"),
        (),
        ("Up", "Down", "PgUp", "PgDown"),
    ),
    ActionSpec("copy", QT_TRANSLATE_NOOP("actions", "Copy the selected wording"), (), ("Return",)),
    ActionSpec(
        "fill_in",
        QT_TRANSLATE_NOOP("actions", "Fill in the blanks, then copy"),
        (),
        ("Shift+Return",),
    ),
    ActionSpec(
        "favourite", QT_TRANSLATE_NOOP("actions", "Star or unstar the selection"), ("Ctrl+D",)
    ),
    ActionSpec("next_wording", QT_TRANSLATE_NOOP("actions", "Next wording"), ("Alt+Right",)),
    ActionSpec("previous_wording", QT_TRANSLATE_NOOP("actions", "Previous wording"), ("Alt+Left",)),
    ActionSpec("category_filter", QT_TRANSLATE_NOOP("actions", "Filter by category"), ("Alt+C",)),
    ActionSpec("stage_filter", QT_TRANSLATE_NOOP("actions", "Filter by emotion stage"), ("Alt+E",)),
    ActionSpec(
        "reset_filters", QT_TRANSLATE_NOOP("actions", "Show all categories and stages"), ("Alt+0",)
    ),
    ActionSpec(
        "escape", QT_TRANSLATE_NOOP("actions", "Clear the search; again: hide"), (), ("Esc",)
    ),
    ActionSpec("hide_panel", QT_TRANSLATE_NOOP("actions", "Hide the panel"), ("Ctrl+W",)),
    ActionSpec(
        "other_edge", QT_TRANSLATE_NOOP("actions", "Dock on the other edge"), ("Ctrl+Shift+D",)
    ),
    ActionSpec(
        "next_screen", QT_TRANSLATE_NOOP("actions", "Move to the next screen"), ("Ctrl+Shift+S",)
    ),
    ActionSpec("settings", QT_TRANSLATE_NOOP("actions", "Settings"), ("Ctrl+,",)),
    ActionSpec("cheat_sheet", QT_TRANSLATE_NOOP("actions", "Keyboard shortcuts"), ("F1",)),
    ActionSpec("quit", QT_TRANSLATE_NOOP("actions", "Quit Agent Assist"), ("Ctrl+Q",)),
)


def title(spec: ActionSpec) -> str:
    return QCoreApplication.translate(_CONTEXT, spec.text)


def key_text(spec: ActionSpec) -> str:
    """The keys as the agent reads them, e.g. ``Ctrl+L / Ctrl+F``."""
    keys = spec.field_keys or spec.keys
    native = QKeySequence.SequenceFormat.NativeText
    shown = [_readable(QKeySequence(k).toString(native)) for k in keys]
    return " / ".join(shown)


_KEY_NAMES = {"Return": "Enter", "Up": "↑", "Down": "↓", "Left": "←", "Right": "→"}


def _readable(keys: str) -> str:
    return "+".join(_KEY_NAMES.get(part, part) for part in keys.split("+"))


def tooltip(spec: ActionSpec) -> str:
    return f"{title(spec)} ({key_text(spec)})"


def make_actions(
    parent: QWidget, handlers: Mapping[str, Callable[[], object]]
) -> dict[str, QAction]:
    """One QAction per spec, added to ``parent``; its keys work anywhere in the app."""
    made: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(title(spec), parent)
        action.setToolTip(tooltip(spec))
        if spec.keys:
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            # The panel opens without taking focus from the softphone; application
            # context keeps its keys working once the agent clicks into it.
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        handler = handlers.get(spec.name)
        if handler is not None:
            action.triggered.connect(lambda _checked=False, h=handler: h())
        parent.addAction(action)
        made[spec.name] = action
    return made


class CheatSheet(QWidget):
    """Every action and its keys (F1 or Esc goes back)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(style.SPACING)
        heading = QLabel(self.tr("Keyboard shortcuts"))
        heading.setFont(style.scaled(self.font(), 1.15, QFont.Weight.DemiBold))
        hint = QLabel(self.tr("Esc or F1 goes back to the list."))
        hint.setObjectName("caption")
        layout.addWidget(heading)
        layout.addWidget(hint)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(7)
        grid.setColumnStretch(1, 1)
        key_font = style.scaled(self.font(), 0.95, QFont.Weight.DemiBold)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for row, spec in enumerate(ACTIONS):
            keys = QLabel(key_text(spec))
            keys.setWordWrap(True)
            keys.setFont(key_font)
            keys.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            what = QLabel(title(spec))
            what.setWordWrap(True)
            what.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(keys, row, 0)
            grid.addWidget(what, row, 1)
            self.rows.append((keys, what))
        layout.addLayout(grid)
        elsewhere = QLabel(
            self.tr(
                "From the softphone or anywhere else: run agent-assist again (for example"
                " from a desktop shortcut) and the panel comes forward with the search ready."
            )
        )
        elsewhere.setObjectName("caption")
        elsewhere.setWordWrap(True)
        layout.addSpacing(6)
        layout.addWidget(elsewhere)
        layout.addStretch(1)
