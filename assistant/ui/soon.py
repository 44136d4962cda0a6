"""A call made once the event loop is free again, through a timer the caller owns.

Used instead of ``QTimer.singleShot(0, fn)``: an owned timer is stopped with its
owner, so a call never lands on a half-destroyed object, and starting it again
before it fired still makes one call.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def soon(owner: QObject, call: Callable[[], object], delay_ms: int = 0) -> QTimer:
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(call)
    return timer
