"""The search line: IME-safe, and the keys that drive the list from it.

Pre-edit (composition) text never reaches ``text()``, so it never searches; the
Enter that commits a composition is the IME's, so it never copies. Enter counts
as the IME's while a composition is open, and for the rest of the event-loop
turn in which one was committed (some input methods deliver the commit and the
key press back to back).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from assistant.ui.soon import soon

_NAVIGATION = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -10,
    Qt.Key.Key_PageDown: 10,
}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ImeSafeLineEdit(QLineEdit):
    """A line edit that knows whether an input method is composing."""

    # Enter pressed with no composition in progress; True with Shift.
    accepted = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preedit = ""
        self._just_committed = False
        self._settle = soon(self, self._commit_settled)

    @property
    def composing(self) -> bool:
        return bool(self._preedit) or self._just_committed

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        was_composing = bool(self._preedit)
        self._preedit = event.preeditString()
        if was_composing and not self._preedit:
            self._just_committed = True
            self._settle.start()
        super().inputMethodEvent(event)

    def _commit_settled(self) -> None:
        self._just_committed = False
        self._settle = soon(self, self._commit_settled)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            if self.composing:
                event.accept()  # the input method's Enter: commit only, never copy
                return
            self.accepted.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            event.accept()
            return
        super().keyPressEvent(event)


class SearchField(ImeSafeLineEdit):
    """The panel's search line: arrows move the list, Esc clears then hides."""

    navigate = Signal(int)  # rows to move the selection by
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if not self.composing:
            step = _NAVIGATION.get(key)
            if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.navigate.emit(step)
                event.accept()
                return
            if key == Qt.Key.Key_Escape:
                self.escape.emit()
                event.accept()
                return
        super().keyPressEvent(event)
