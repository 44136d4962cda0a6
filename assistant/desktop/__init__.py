"""The desktop around the panel: a summon key held for the whole session, the window
the agent came from, and a paste into it. One small interface, one backend per
windowing system; plain Python (no Qt), so ``agent-assist doctor`` can ask too.

- X11: python-xlib (pure Python, packaged by Debian and conda, maintained since
  2000): a passive key grab on the root window, ``_NET_ACTIVE_WINDOW`` and XTest.
  xcffib would need cffi and a compiled module for no gain at one key.
- Windows: ``RegisterHotKey``, ``GetForegroundWindow`` and ``SendInput`` through
  ctypes; the panel reads ``WM_HOTKEY`` in a native event filter.
- Wayland: programs may not grab keys there. Where the desktop offers the
  ``org.freedesktop.portal.GlobalShortcuts`` portal, the panel asks it for the
  shortcut (jeepney, see :mod:`assistant.desktop.portal`); otherwise the desktop's own
  shortcut settings run ``agent-assist --toggle``. A Wayland session uses the portal
  even when Qt runs through XWayland: an X grab there sees keys only while another X
  program has the focus.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
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

    reason: str  # "wayland", "no_display", "no_xlib", "platform"
    detail: str  # in English, for doctor and the log


def open_desktop(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> Desktop | NoDesktop:
    if platform == "win32":
        from assistant.desktop.win32 import Win32Desktop

        return Win32Desktop()
    if not platform.startswith("linux") and "bsd" not in platform:
        return NoDesktop("platform", f"no summon key on {platform}; bind agent-assist --toggle")
    wayland = environ.get("XDG_SESSION_TYPE") == "wayland" or bool(environ.get("WAYLAND_DISPLAY"))
    if wayland:
        return _open_portal(environ)
    if not environ.get("DISPLAY"):
        return NoDesktop("no_display", "no X display (DISPLAY is not set)")
    try:
        from assistant.desktop.x11 import X11Desktop
    except ImportError:
        return NoDesktop("no_xlib", "python-xlib is not installed (pip install python-xlib)")
    try:
        return X11Desktop(environ["DISPLAY"])
    except Exception as exc:  # Xlib raises its own kinds for a refused display
        return NoDesktop("no_display", f"cannot open X display {environ['DISPLAY']}: {exc}")


def _open_portal(environ: Mapping[str, str]) -> Desktop | NoDesktop:
    advice = "bind 'agent-assist --toggle' in the desktop's keyboard settings"
    try:
        from assistant.desktop.portal import PortalDesktop, PortalMissing
    except ImportError:
        return NoDesktop("wayland", f"Wayland session, jeepney is not installed; {advice}")
    try:
        return PortalDesktop(environ.get("DBUS_SESSION_BUS_ADDRESS"))
    except PortalMissing as exc:
        return NoDesktop("wayland", f"Wayland session, no GlobalShortcuts portal ({exc}); {advice}")
