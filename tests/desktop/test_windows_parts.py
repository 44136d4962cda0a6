"""The Windows summon key's plain-Python parts, checked on any system: the key
names to virtual-key codes, reading WM_HOTKEY, and the Ctrl+V records SendInput gets."""

from __future__ import annotations

import ctypes
from ctypes import wintypes
from typing import Any

import pytest

from assistant.desktop import KeyCombo
from assistant.desktop.win32 import (
    HOTKEY_ID,
    INPUT,
    INPUT_KEYBOARD,
    KEYEVENTF_KEYUP,
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    MOD_SHIFT,
    MOD_WIN,
    WM_HOTKEY,
    Win32Desktop,
    paste_inputs,
    virtual_key,
)


@pytest.mark.parametrize(
    ("keys", "mods", "vk"),
    [
        ("Ctrl+Alt+Space", MOD_CONTROL | MOD_ALT, 0x20),
        ("Ctrl+Shift+K", MOD_CONTROL | MOD_SHIFT, ord("K")),
        ("Meta+F9", MOD_WIN, 0x78),
        ("Alt+F24", MOD_ALT, 0x87),
        ("Ctrl+Alt+7", MOD_CONTROL | MOD_ALT, ord("7")),
        ("Ctrl+PgDown", MOD_CONTROL, 0x22),
    ],
)
def test_keys_as_written_in_settings_become_windows_key_codes(
    keys: str, mods: int, vk: int
) -> None:
    # No repeat: holding the key down must not toggle the panel over and over.
    assert virtual_key(KeyCombo.parse(keys)) == (mods | MOD_NOREPEAT, vk)


@pytest.mark.parametrize("keys", ["Ctrl+F25", "Ctrl+Alt+Ä", "Ctrl+Menu"])
def test_keys_windows_does_not_have_are_refused(keys: str) -> None:
    assert virtual_key(KeyCombo.parse(keys)) is None


class FakeUser32:
    def __init__(self, accept: bool = True) -> None:
        self.accept = accept
        self.registered: list[tuple[Any, ...]] = []
        self.unregistered = 0
        self.sent: list[tuple[int, ...]] = []

    def RegisterHotKey(self, *args: Any) -> bool:
        self.registered.append(args)
        return self.accept

    def UnregisterHotKey(self, *args: Any) -> bool:
        self.unregistered += 1
        return True

    def SendInput(self, count: int, records: Any, size: int) -> int:
        self.sent.append(tuple((r.u.ki.wVk, r.u.ki.dwFlags) for r in records[:count]))
        return count


def test_the_key_is_registered_and_a_refusal_says_another_program_holds_it() -> None:
    user32 = FakeUser32()
    desktop = Win32Desktop(user32)
    assert desktop.grab(KeyCombo.parse("Ctrl+Alt+Space")) is None
    assert user32.registered == [(None, HOTKEY_ID, MOD_NOREPEAT | MOD_CONTROL | MOD_ALT, 0x20)]
    desktop.close()
    assert user32.unregistered == 1
    assert Win32Desktop(FakeUser32(accept=False)).grab(KeyCombo.parse("Ctrl+Alt+Space")) == (
        "another program holds it"
    )
    assert Win32Desktop(user32).grab(KeyCombo.parse("Ctrl+Menu")) == "Windows has no key Menu"


def _message(kind: int, wparam: int) -> wintypes.MSG:
    msg = wintypes.MSG()
    msg.message, msg.wParam = kind, wparam
    return msg


def test_only_our_hotkey_message_counts_as_the_key() -> None:
    desktop = Win32Desktop(FakeUser32())
    ours, other_id, other_kind = (
        _message(WM_HOTKEY, HOTKEY_ID),
        _message(WM_HOTKEY, 7),
        _message(0x0100, HOTKEY_ID),  # WM_KEYDOWN
    )
    assert desktop.is_hotkey_message(ctypes.addressof(ours))
    assert not desktop.is_hotkey_message(ctypes.addressof(other_id))
    assert not desktop.is_hotkey_message(ctypes.addressof(other_kind))


def test_paste_sends_ctrl_v_down_and_up_as_keyboard_records_of_the_size_windows_checks() -> None:
    records = paste_inputs()
    assert [r.type for r in records] == [INPUT_KEYBOARD] * 4
    assert [(r.u.ki.wVk, r.u.ki.dwFlags) for r in records] == [
        (0x11, 0),
        (0x56, 0),
        (0x56, KEYEVENTF_KEYUP),
        (0x11, KEYEVENTF_KEYUP),
    ]
    # SendInput rejects records whose size is not the system's INPUT: 40 bytes on
    # 64-bit Windows, 28 on 32-bit.
    assert ctypes.sizeof(INPUT) == (40 if ctypes.sizeof(ctypes.c_void_p) == 8 else 28)
    user32 = FakeUser32()
    Win32Desktop(user32).paste()
    assert user32.sent == [((0x11, 0), (0x56, 0), (0x56, 2), (0x11, 2))]
