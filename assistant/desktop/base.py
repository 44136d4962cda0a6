"""What every desktop backend shares: the summon key as written in the settings, the
interface the panel asks of a backend, and X keysym names (X11 and the portal)."""

from __future__ import annotations

from typing import NamedTuple, Protocol


class KeyCombo(NamedTuple):
    """``Ctrl+Alt+Space`` as modifiers and one key, as written in the settings."""

    modifiers: frozenset[str]  # of "ctrl", "alt", "shift", "meta"
    key: str  # the key's name as written: "Space", "F9", "K"

    @classmethod
    def parse(cls, text: str) -> KeyCombo:
        """Raise ValueError naming what is wrong with ``text``."""
        names = {"ctrl": "ctrl", "control": "ctrl", "alt": "alt", "shift": "shift"}
        names |= {"meta": "meta", "super": "meta", "win": "meta"}
        parts = [p.strip() for p in text.split("+")]
        if len(parts) < 2 or not all(parts):
            raise ValueError(f"{text!r}: write modifiers and a key, e.g. Ctrl+Alt+Space")
        *mods, key = parts
        unknown = [m for m in mods if m.lower() not in names]
        if unknown:
            raise ValueError(f"{text!r}: {unknown[0]!r} is not Ctrl, Alt, Shift or Meta")
        if key.lower() in names:
            raise ValueError(f"{text!r}: ends with a modifier; add a key, e.g. Space")
        return cls(frozenset(names[m.lower()] for m in mods), key)


class Desktop(Protocol):
    """What the panel asks of the windowing system."""

    kind: str  # "X11", "Windows", "Wayland (GlobalShortcuts portal)"

    def grab(self, combo: KeyCombo, description: str = "") -> str | None:
        """Hold ``combo`` for this program; None, or why not (another program has it).
        ``description``: what the key does, where the desktop shows it (Wayland)."""

    def problem(self) -> str | None:
        """Why the key was refused after all, once (the Wayland portal answers late)."""

    def release(self) -> None: ...

    def presses(self) -> int:
        """How many times the key was pressed since last asked (X11, Wayland; read
        when ``fileno()`` is readable)."""

    def fileno(self) -> int | None: ...

    def is_hotkey_message(self, message: int) -> bool:
        """Whether the native message at this address is the key (Windows)."""

    def active_window(self) -> int | None: ...

    def activate(self, window: int) -> None: ...

    def paste(self) -> None:
        """Press Ctrl+V in the active window."""

    def close(self) -> None: ...


def keysym_name(key: str) -> str:
    """Qt's key names (Space, PgUp, F9, K) as X keysym names (also the portal's)."""
    special = {"space": "space", "pgup": "Prior", "pgdown": "Next", "esc": "Escape"}
    special |= {"return": "Return", "enter": "Return", "ins": "Insert", "del": "Delete"}
    lowered = key.lower()
    if lowered in special:
        return special[lowered]
    return lowered if len(key) == 1 else key


class NoDesktop(NamedTuple):
    """No summon key here, and why (said once in the panel and by doctor)."""

    reason: str  # "wayland", "no_display", "no_xlib", "platform", "error"
    detail: str  # in English, for doctor and the log
