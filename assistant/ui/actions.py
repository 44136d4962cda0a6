"""Every panel action with its keys: the source of the shortcuts, the tooltips and
the cheat sheet (F1), so the three never disagree."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.ui import style
from assistant.ui.labels import QT_TRANSLATE_NOOP

_CONTEXT = "actions"


class ActionSpec(NamedTuple):
    """One panel action: its name, text and keys."""

    name: str
    text: str  # untranslated source text
    keys: tuple[str, ...]  # shortcuts registered with Qt
    # Keys the search field handles itself (Enter, arrows, Esc): shown, not registered,
    # so an input method's Enter never reaches a shortcut.
    field_keys: tuple[str, ...] = ()
    section: str = "playbook"  # where the cheat sheet lists it


# Cheat-sheet sections, in order.
SECTIONS: dict[str, str] = {
    "playbook": QT_TRANSLATE_NOOP("actions", "Playbook"),
    "notes": QT_TRANSLATE_NOOP("actions", "Call notes"),
    "followups": QT_TRANSLATE_NOOP("actions", "Follow-ups"),
    "panel": QT_TRANSLATE_NOOP("actions", "Panel"),
}


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
    ActionSpec(
        "save_phrase",
        QT_TRANSLATE_NOOP("actions", "Save as my phrase (the filled-in words, or a new one)"),
        ("Ctrl+Shift+P",),
    ),
    ActionSpec(
        "edit_phrase",
        QT_TRANSLATE_NOOP("actions", "Edit my phrase, or edit a copy of the selection"),
        ("Ctrl+Shift+C",),
    ),
    ActionSpec(
        "delete_phrase",
        QT_TRANSLATE_NOOP("actions", "Delete my selected phrase"),
        ("Ctrl+Shift+Del",),
    ),
    ActionSpec(
        "undo_phrase",
        QT_TRANSLATE_NOOP("actions", "Undo the last change to my phrases"),
        ("Alt+U",),
    ),
    ActionSpec(
        "publish_phrases",
        QT_TRANSLATE_NOOP("actions", "Publish my phrases to the team (supervisors)"),
        ("Ctrl+Shift+U",),
    ),
    # -- call notes
    ActionSpec(
        "new_call",
        QT_TRANSLATE_NOOP("actions", "Start a new call and its timer"),
        ("Ctrl+N",),
        section="notes",
    ),
    ActionSpec(
        "end_call",
        QT_TRANSLATE_NOOP("actions", "End the call (wrap-up time starts); again: resume it"),
        ("Ctrl+E",),
        section="notes",
    ),
    ActionSpec(
        "save_call", QT_TRANSLATE_NOOP("actions", "Save the record"), ("Ctrl+S",), section="notes"
    ),
    ActionSpec(
        "finalise_call",
        QT_TRANSLATE_NOOP("actions", "Finalise the record"),
        ("Ctrl+Return", "Ctrl+Enter"),
        section="notes",
    ),
    ActionSpec(
        "draft_from_listening",
        QT_TRANSLATE_NOOP("actions", "Draft request and key problem from facts, emotions, demands"),
        ("Ctrl+R",),
        section="notes",
    ),
    ActionSpec(
        "handoff",
        QT_TRANSLATE_NOOP("actions", "Write the handoff, copy it and keep it in the record"),
        ("Ctrl+Shift+H",),
        section="notes",
    ),
    ActionSpec(
        "add_followup",
        QT_TRANSLATE_NOOP("actions", "Add the offered follow-up to this call"),
        ("Ctrl+T",),
        section="notes",
    ),
    # -- follow-ups
    ActionSpec(
        "mark_done",
        QT_TRANSLATE_NOOP("actions", "Mark the follow-up done"),
        ("Alt+D",),
        section="followups",
    ),
    ActionSpec(
        "snooze",
        QT_TRANSLATE_NOOP("actions", "Snooze the follow-up"),
        ("Alt+S",),
        section="followups",
    ),
    ActionSpec(
        "open_record",
        QT_TRANSLATE_NOOP("actions", "Open the follow-up's record"),
        (),
        ("Return",),
        section="followups",
    ),
    ActionSpec(
        "export",
        QT_TRANSLATE_NOOP("actions", "Export records to CSV"),
        ("Ctrl+Shift+E",),
        section="followups",
    ),
    # -- the panel
    ActionSpec(
        "show_playbook",
        QT_TRANSLATE_NOOP("actions", "Show the playbook"),
        ("Ctrl+1",),
        section="panel",
    ),
    ActionSpec(
        "show_notes",
        QT_TRANSLATE_NOOP("actions", "Show the call notes"),
        ("Ctrl+2",),
        section="panel",
    ),
    ActionSpec(
        "show_followups",
        QT_TRANSLATE_NOOP("actions", "Show the follow-ups"),
        ("Ctrl+3",),
        section="panel",
    ),
    ActionSpec(
        "show_shift",
        QT_TRANSLATE_NOOP("actions", "Show my shift and today's report"),
        ("Ctrl+4",),
        section="panel",
    ),
    ActionSpec(
        "hide_panel", QT_TRANSLATE_NOOP("actions", "Hide the panel"), ("Ctrl+W",), section="panel"
    ),
    ActionSpec(
        "other_edge",
        QT_TRANSLATE_NOOP("actions", "Dock on the other edge"),
        ("Ctrl+Shift+D",),
        section="panel",
    ),
    ActionSpec(
        "next_screen",
        QT_TRANSLATE_NOOP("actions", "Move to the next screen"),
        ("Ctrl+Shift+S",),
        section="panel",
    ),
    ActionSpec("settings", QT_TRANSLATE_NOOP("actions", "Settings"), ("Ctrl+,",), section="panel"),
    ActionSpec(
        "cheat_sheet", QT_TRANSLATE_NOOP("actions", "Keyboard shortcuts"), ("F1",), section="panel"
    ),
    ActionSpec(
        "quit", QT_TRANSLATE_NOOP("actions", "Quit Agent Assist"), ("Ctrl+Q",), section="panel"
    ),
)

# Keys a line edit would take for itself (Ctrl+E is "end of line" on X11) that must
# reach the panel's action instead, wherever the cursor is.
_WIN_OVER_FIELDS = (QKeySequence("Ctrl+E"),)


class ShortcutGuard(QObject):
    """Lets the panel's keys in ``_WIN_OVER_FIELDS`` win over the own keys of the
    fields it watches (line edits, date fields)."""

    def watch(self, *fields: QWidget) -> None:
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) in _WIN_OVER_FIELDS
        ):
            event.ignore()  # not the field's: the shortcut runs
            return True
        return False


def title(spec: ActionSpec) -> str:
    return QCoreApplication.translate(_CONTEXT, spec.text)


def key_text(spec: ActionSpec) -> str:
    """The keys as the agent reads them, e.g. ``Ctrl+L / Ctrl+F``."""
    keys = spec.field_keys or spec.keys
    native = QKeySequence.SequenceFormat.NativeText
    shown = [_readable(QKeySequence(k).toString(native)) for k in keys]
    return " / ".join(dict.fromkeys(shown))  # Return and keypad Enter read the same


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
        action = QAction(parent)  # QAction(text, parent) would build the QIcon type too
        action.setText(title(spec))
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


def bind_buttons(
    actions: Mapping[str, QAction], buttons: Mapping[str, tuple[QToolButton, str]]
) -> None:
    """Give each button its action (so the tooltip shows the keys) and a short text."""
    for name, (button, text) in buttons.items():
        action = actions[name]
        action.setIconText(text)
        button.setDefaultAction(action)


class CheatSheet(QScrollArea):
    """Every action and its keys, by section (F1 or Esc goes back)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 4, 4, 0)
        layout.setSpacing(style.SPACING)
        heading = QLabel(self.tr("Keyboard shortcuts"))
        heading.setFont(style.scaled(self.font(), 1.15, QFont.Weight.DemiBold))
        hint = QLabel(self.tr("Esc or F1 goes back to the list."))
        hint.setObjectName("caption")
        layout.addWidget(heading)
        layout.addWidget(hint)
        key_font = style.scaled(self.font(), 0.95, QFont.Weight.DemiBold)
        section_font = style.scaled(self.font(), 0.9, QFont.Weight.DemiBold)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for section, name in SECTIONS.items():
            label = QLabel(QCoreApplication.translate(_CONTEXT, name))
            label.setObjectName("heading")
            label.setFont(section_font)
            layout.addSpacing(4)
            layout.addWidget(label)
            grid = QGridLayout()
            grid.setHorizontalSpacing(14)
            grid.setVerticalSpacing(6)
            grid.setColumnStretch(1, 1)
            grid.setColumnMinimumWidth(0, 110)
            for row, spec in enumerate(s for s in ACTIONS if s.section == section):
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
        self.setWidget(body)
