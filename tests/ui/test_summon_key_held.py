"""Holding the summon key: opened off the UI thread, and a key another program holds
or a desktop that cannot be opened is said in the panel."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.desktop import KeyCombo
from assistant.settings import Settings

pytestmark = pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs an X server")


@pytest.fixture
def other_program() -> Iterator[Any]:
    """Another X client of the same display, as a second program would be."""
    from assistant.desktop.x11 import X11Desktop

    other = X11Desktop(os.environ["DISPLAY"])
    yield other
    other.close()


def test_a_key_another_program_holds_is_named_in_the_panel(
    make_panel: Any, qtbot: Any, other_program: Any
) -> None:
    from assistant.desktop.x11 import X11Desktop
    from assistant.ui.summon import Summoner

    assert other_program.grab(KeyCombo.parse("Ctrl+Alt+F9")) is None
    window = make_panel()
    settings = Settings(hotkey="Ctrl+Alt+F9")
    summoner = Summoner(window, lambda: settings, lambda: X11Desktop(os.environ["DISPLAY"]))
    try:
        summoner.start()
        qtbot.waitUntil(lambda: window.status.text().startswith("Summon key Ctrl+Alt+F9:"))
        assert "another program holds it" in window.status.text()
        assert "Settings (Ctrl+,)" in window.status.text()
        # Another key is free: held, and the message is not repeated.
        window.show_status("")
        assert summoner.hold("Ctrl+Alt+F8")
        assert window.status.text() == ""
    finally:
        summoner.close()


def test_the_panel_takes_keys_while_the_desktop_is_still_opening(
    make_panel: Any, qtbot: Any
) -> None:
    """Opening the desktop (Xlib's imports, the connection) is slow: the agent's first
    keys do not wait for it, and the key is held once it is open."""
    from PySide6.QtCore import Qt

    from assistant.desktop.x11 import X11Desktop
    from assistant.ui.summon import Summoner

    window = make_panel()
    released = threading.Event()
    opened: list[X11Desktop] = []

    def slow_open() -> X11Desktop:
        released.wait(10)
        opened.append(X11Desktop(os.environ["DISPLAY"]))
        return opened[-1]

    summoner = Summoner(window, lambda: Settings(hotkey="Ctrl+Alt+F7"), slow_open)
    try:
        summoner.start()
        window.search.setFocus()
        qtbot.keyClicks(window.search, "refund")
        qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
        assert window.search.text() == "refun"
        assert not opened  # the desktop is still opening: the keys did not wait for it
        released.set()
        qtbot.waitUntil(lambda: bool(opened) and summoner.desktop is opened[0])
        # Held: a second program cannot take the same key.
        other = X11Desktop(os.environ["DISPLAY"])
        try:
            assert other.grab(KeyCombo.parse("Ctrl+Alt+F7")) == "another program holds it"
        finally:
            other.close()
    finally:
        released.set()
        summoner.close()


def test_a_desktop_that_fails_to_open_is_said_in_the_panel(make_panel: Any, qtbot: Any) -> None:
    from assistant.ui.summon import Summoner

    def broken() -> Any:
        raise OSError("no such socket")

    window = make_panel()
    summoner = Summoner(window, Settings, broken)
    try:
        summoner.start()
        qtbot.waitUntil(lambda: "No summon key on this desktop" in window.status.text())
        assert "agent-assist --toggle" in window.status.text()
    finally:
        summoner.close()
