"""Starting the panel."""

from __future__ import annotations


def run_panel(*, data_dir: str | None, exit_when_ready: bool) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    label = QLabel("Agent Assist")
    label.setWindowTitle("Agent Assist")
    label.show()
    if exit_when_ready:
        QTimer.singleShot(0, app.quit)
    return app.exec()
