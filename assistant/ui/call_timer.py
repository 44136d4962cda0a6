"""The call timer in the panel's top row: talk time, then wrap-up time, with the
quiet cues (a few words beside the time, no sound, no pop-up).

It reads a ``CallClock`` and the panel's injected clock once a second; tests call
``tick()`` after moving their fake clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from assistant.notes.call_clock import CallClock, CueKey, clock_text
from assistant.ui import style
from assistant.ui.labels import QT_TRANSLATE_NOOP

TICK_MS = 1000

CUE_TEXTS: dict[str, str] = {
    "opening": QT_TRANSLATE_NOOP("CallTimer", "Opening done?"),
    "core_problem": QT_TRANSLATE_NOOP("CallTimer", "Core problem clear?"),
    "close": QT_TRANSLATE_NOOP("CallTimer", "Time to close?"),
}


def cue_text(key: str) -> str:
    return QCoreApplication.translate("CallTimer", CUE_TEXTS[key])


class CallTimer(QWidget):
    cue = Signal(str)  # a cue key, once, when it is reached

    def __init__(
        self,
        clock: Callable[[], CallClock],
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._now = now
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.hint = QLabel()
        self.hint.setObjectName("cue")
        self.time = QLabel()
        self.time.setObjectName("callTime")
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.hint)
        layout.addWidget(self.time)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.tick()

    def tick(self) -> None:
        clock, now = self._clock(), self._now()
        phase = clock.phase()
        for key in clock.new_cues(now):
            self.cue.emit(key)
        current: CueKey | None = clock.current_cue(now)
        self.hint.setText(cue_text(current) if current else "")
        self.hint.setVisible(current is not None)
        seconds = clock.elapsed(now)
        if phase == "idle":
            self.time.setText(self.tr("No call"))
            tip = self.tr("Ctrl+N starts a call and its timer")
        elif phase == "talk":
            self.time.setText("● " + clock_text(seconds))
            tip = self.tr("Talk time. Cues at 0:30, 3:00 and 5:00. Ctrl+E ends the call.")
        elif phase == "wrap_up":
            self.time.setText(self.tr("Wrap-up %1").replace("%1", clock_text(seconds)))
            tip = self.tr("Wrap-up time, until the record is finalised (Ctrl+Enter).")
        else:
            talk = clock_text(clock.talk_seconds() or 0)
            self.time.setText("✓ " + talk + " + " + clock_text(seconds))
            tip = self.tr("Talk time + wrap-up time of the finalised call")
        style.set_state(self.time, "phase", phase)
        self.setToolTip(tip)
        running = phase in ("talk", "wrap_up")
        if running and not self._timer.isActive():
            self._timer.start()
        elif not running and self._timer.isActive():
            self._timer.stop()
