"""The app icon, from ``resources/icons`` (loaded on first use, after the first paint)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from assistant.paths import resources_dir


@cache
def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "agent-assist.svg"))
