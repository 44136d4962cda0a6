"""Messages at the top of the panel that wait for the agent: a follow-up that came
due (when the desktop has no tray), drafts restored after a crash, a store that
was damaged, a follow-up a commitment offers. Each has a key (a newer message with
the same key replaces it), an optional button and a close button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

MAX_SHOWN = 3


class _Message(QFrame):
    def __init__(self, text: str, tone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("tone", tone)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.setSpacing(6)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setObjectName("bannerText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self.action: QToolButton | None = None
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setToolTip(self.tr("Dismiss"))
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.buttons = layout


class Banner(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banners")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.messages: dict[str, _Message] = {}
        self.hide()

    def show_message(
        self,
        key: str,
        text: str,
        *,
        tone: str = "info",
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        self.remove(key)
        message = _Message(text, tone)
        if action is not None:
            button = QToolButton()
            button.setText(action[0])
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action[1])
            message.buttons.insertWidget(1, button, 0, Qt.AlignmentFlag.AlignTop)
            message.action = button
        message.close_button.clicked.connect(lambda: self.remove(key))
        self._layout.insertWidget(0, message)
        self.messages[key] = message
        while len(self.messages) > MAX_SHOWN:
            self.remove(next(iter(self.messages)))
        self.show()

    def text(self, key: str) -> str:
        message = self.messages.get(key)
        return message.text.text() if message is not None else ""

    def remove(self, key: str) -> None:
        message = self.messages.pop(key, None)
        if message is not None:
            message.hide()
            message.deleteLater()
        if not self.messages:
            self.hide()
