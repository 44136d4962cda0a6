"""The key as the Wayland portal is asked for it (the shortcuts specification's
notation: CTRL, ALT, SHIFT, LOGO and an XKB key name)."""

from __future__ import annotations

import pytest

from assistant.desktop import KeyCombo

portal = pytest.importorskip("assistant.desktop.portal")


@pytest.mark.parametrize(
    ("keys", "asked"),
    [
        ("Ctrl+Alt+Space", "CTRL+ALT+space"),
        ("Alt+Ctrl+Space", "CTRL+ALT+space"),
        ("Meta+K", "LOGO+k"),
        ("Ctrl+Shift+F9", "CTRL+SHIFT+F9"),
        ("Ctrl+PgDown", "CTRL+Next"),
    ],
)
def test_settings_keys_become_portal_triggers(keys: str, asked: str) -> None:
    assert portal.trigger(KeyCombo.parse(keys)) == asked
