"""The Windows backend: ``RegisterHotKey``, ``GetForegroundWindow``, ``SendInput``.

``user32`` is passed in so the parts that are plain Python (the key codes, reading
``WM_HOTKEY``, the input records) are tested on any system.
"""

from __future__ import annotations

import ctypes
from ctypes import wintypes
from typing import Any

from assistant.desktop.base import KeyCombo

WM_HOTKEY = 0x0312
HOTKEY_ID = 0xA5A5
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
_MODS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "meta": MOD_WIN}
VK_CONTROL, VK_V = 0x11, 0x56
INPUT_KEYBOARD, KEYEVENTF_KEYUP = 1, 0x2
_VK_NAMES = {"space": 0x20, "pgup": 0x21, "pgdown": 0x22, "end": 0x23, "home": 0x24}
_VK_NAMES |= {"ins": 0x2D, "del": 0x2E, "return": 0x0D, "enter": 0x0D, "esc": 0x1B}


def virtual_key(combo: KeyCombo) -> tuple[int, int] | None:
    """(modifiers, virtual-key code) for ``RegisterHotKey``, or None for an unknown key."""
    key = combo.key.lower()
    if key in _VK_NAMES:
        vk = _VK_NAMES[key]
    elif len(key) == 1 and key.isascii() and key.isalnum():
        vk = ord(key.upper())
    elif key[:1] == "f" and key[1:].isdigit() and 1 <= int(key[1:]) <= 24:
        vk = 0x70 + int(key[1:]) - 1
    else:
        return None
    mods = MOD_NOREPEAT
    for name in combo.modifiers:
        mods |= _MODS[name]
    return mods, vk


class KEYBDINPUT(ctypes.Structure):
    _fields_ = (
        ("wVk", wintypes.WORD),
        ("wScan", wintypes.WORD),
        ("dwFlags", wintypes.DWORD),
        ("time", wintypes.DWORD),
        ("dwExtraInfo", ctypes.c_size_t),
    )


class _INPUTUNION(ctypes.Union):
    # The largest member (MOUSEINPUT) sets the record's size SendInput checks.
    _fields_ = (("ki", KEYBDINPUT), ("padding", ctypes.c_byte * 32))


class INPUT(ctypes.Structure):
    _fields_ = (("type", wintypes.DWORD), ("u", _INPUTUNION))


def paste_inputs() -> ctypes.Array[INPUT]:
    """Ctrl down, V down, V up, Ctrl up."""
    keys = ((VK_CONTROL, 0), (VK_V, 0), (VK_V, KEYEVENTF_KEYUP), (VK_CONTROL, KEYEVENTF_KEYUP))
    records = (INPUT * len(keys))()
    for record, (vk, flags) in zip(records, keys, strict=True):
        record.type = INPUT_KEYBOARD
        record.u.ki = KEYBDINPUT(vk, 0, flags, 0, 0)
    return records


class Win32Desktop:
    kind = "Windows"

    def __init__(self, user32: Any = None) -> None:
        if user32 is None:
            user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
        self._user32: Any = user32
        self._registered = False

    def grab(self, combo: KeyCombo, description: str = "") -> str | None:
        self.release()
        codes = virtual_key(combo)
        if codes is None:
            return f"Windows has no key {combo.key}"
        # Registered for the thread (no window): WM_HOTKEY arrives in Qt's event loop.
        if not self._user32.RegisterHotKey(None, HOTKEY_ID, *codes):
            return "another program holds it"
        self._registered = True
        return None

    def release(self) -> None:
        if self._registered:
            self._user32.UnregisterHotKey(None, HOTKEY_ID)
            self._registered = False

    def presses(self) -> int:
        return 0

    def fileno(self) -> int | None:
        return None

    def problem(self) -> str | None:
        return None  # a refusal is known at once, from grab()

    def is_hotkey_message(self, message: int) -> bool:
        msg = wintypes.MSG.from_address(message)
        return bool(msg.message == WM_HOTKEY and msg.wParam == HOTKEY_ID)

    def active_window(self) -> int | None:
        return int(self._user32.GetForegroundWindow() or 0) or None

    def activate(self, window: int) -> None:
        self._user32.SetForegroundWindow(wintypes.HWND(window))

    def paste(self) -> None:
        records = paste_inputs()
        self._user32.SendInput(len(records), records, ctypes.sizeof(INPUT))

    def close(self) -> None:
        self.release()
