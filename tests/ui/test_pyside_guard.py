"""PySide6 6.12.0 drops a reference to None on every void call under CPython 3.11,
and the process aborts after a few thousand calls; pyproject pins a build without it."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Ping(QObject):
    ping = Signal(bool)

app = QApplication([])
label, ping = QLabel(), Ping()
none, true = sys.getrefcount(None), sys.getrefcount(True)
for i in range(50_000):  # more than None's natural reference count
    label.setText(str(i % 10))
    ping.ping.emit(True)
print(sys.getrefcount(None) - none, sys.getrefcount(True) - true)
"""


def test_many_void_calls_and_emits_leave_none_and_true_alone() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-500:]
    none_drift, true_drift = (int(v) for v in result.stdout.split())
    assert abs(none_drift) < 100
    assert abs(true_drift) < 100
