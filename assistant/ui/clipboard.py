"""The system clipboard behind a small interface, so tests can pass their own.

Copying goes through pyperclip (xclip/xsel/wl-clipboard on Linux, the native
API elsewhere): the text stays on the clipboard after the panel quits, which
Qt's own clipboard does not promise on X11. A missing mechanism becomes a
:class:`ClipboardUnavailable` whose message says what to install.
"""

from __future__ import annotations

import sys
from typing import Protocol

from PySide6.QtCore import QCoreApplication


class ClipboardUnavailable(Exception):
    """No way to reach the system clipboard; ``message`` tells the agent the fix."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Clipboard(Protocol):
    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard or raise :class:`ClipboardUnavailable`."""


def install_hint(platform: str = sys.platform) -> str:
    tr = QCoreApplication.translate
    if platform.startswith("linux") or "bsd" in platform:
        return tr(
            "clipboard",
            "Cannot reach the clipboard: install xclip or xsel (X11) "
            "or wl-clipboard (Wayland), then copy again.",
        )
    return tr("clipboard", "Cannot reach the system clipboard; copy again in a moment.")


class SystemClipboard:
    """The real clipboard, through pyperclip (imported on the first copy)."""

    def copy(self, text: str) -> None:
        import pyperclip

        try:
            pyperclip.copy(text)
        except pyperclip.PyperclipException as exc:
            raise ClipboardUnavailable(install_hint()) from exc
