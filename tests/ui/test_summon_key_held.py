"""The summon key already held by another program: the panel says so and which key."""

from __future__ import annotations

import os
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
    make_panel: Any, other_program: Any
) -> None:
    from assistant.desktop.x11 import X11Desktop
    from assistant.ui.summon import Summoner

    assert other_program.grab(KeyCombo.parse("Ctrl+Alt+F9")) is None
    window = make_panel()
    settings = Settings(hotkey="Ctrl+Alt+F9")
    summoner = Summoner(window, lambda: settings, lambda: X11Desktop(os.environ["DISPLAY"]))
    try:
        summoner.start()
        assert window.status.text().startswith("Summon key Ctrl+Alt+F9: another program holds it")
        assert "Settings (Ctrl+,)" in window.status.text()
        # Another key is free: held, and the message is not repeated.
        window.show_status("")
        assert summoner.hold("Ctrl+Alt+F8")
        assert window.status.text() == ""
    finally:
        summoner.close()
