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

from assistant.desktop.base import Desktop, KeyCombo, NoDesktop, keysym_name

__all__ = ["Desktop", "KeyCombo", "NoDesktop", "keysym_name", "open_desktop"]


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
