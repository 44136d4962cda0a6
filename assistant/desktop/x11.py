"""The X11 backend: a passive grab on the root window, EWMH activation, XTest."""

from __future__ import annotations

from typing import Any

from Xlib import XK, X, display, error
from Xlib.ext import xtest

from assistant.desktop.base import KeyCombo, keysym_name

_MASKS = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask, "meta": X.Mod4Mask}
# Caps Lock and Num Lock are modifiers to X: the key is grabbed with each of them on.
_LOCKS = (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask)


class X11Desktop:
    kind = "X11"

    def __init__(self, name: str | None = None) -> None:
        self._display: Any = display.Display(name)
        self._root: Any = self._display.screen().root
        self._grabbed: tuple[int, int] | None = None
        self._active = self._display.intern_atom("_NET_ACTIVE_WINDOW")
        self._pressed = 0
        self._followed = False
        # The window manager's active window, followed through PropertyNotify: the
        # summon key then shows the panel without a round trip to the X server.
        self._root.change_attributes(event_mask=X.PropertyChangeMask)
        self._active_window = self._read_active()

    def fileno(self) -> int | None:
        return int(self._display.fileno())

    def grab(self, combo: KeyCombo, description: str = "") -> str | None:
        self.release()
        keysym = XK.string_to_keysym(keysym_name(combo.key))
        keycode = self._display.keysym_to_keycode(keysym) if keysym else 0
        if not keycode:
            return f"this keyboard has no key {combo.key}"
        mask = 0
        for name in combo.modifiers:
            mask |= _MASKS[name]
        refused = error.CatchError(error.BadAccess)
        for lock in _LOCKS:
            self._root.grab_key(
                keycode, mask | lock, True, X.GrabModeAsync, X.GrabModeAsync, onerror=refused
            )
        self._display.sync()
        self._grabbed = (keycode, mask)
        if refused.get_error() is not None:
            self.release()
            return "another program holds it"
        return None

    def release(self) -> None:
        if self._grabbed is not None:
            keycode, mask = self._grabbed
            for lock in _LOCKS:
                self._root.ungrab_key(keycode, mask | lock)
            self._display.sync()
            self._grabbed = None

    def _read_active(self) -> int | None:
        """The active window as the window manager says, else the X input focus
        (None: the root or nothing)."""
        reply = self._root.get_full_property(self._active, X.AnyPropertyType)
        self._followed = reply is not None  # a window manager keeps it up to date
        if reply is None or not reply.value:
            focus = self._display.get_input_focus().focus
            return int(getattr(focus, "id", 0)) or None
        return int(reply.value[0]) or None

    def _take_events(self) -> None:
        """Everything the server sent (and the library holds), in order."""
        while self._display.pending_events():
            event = self._display.next_event()
            if event.type == X.PropertyNotify and event.atom == self._active:
                self._active_window = self._read_active()
            elif (
                event.type == X.KeyPress
                and self._grabbed is not None
                and event.detail == self._grabbed[0]
            ):
                self._pressed += 1

    def presses(self) -> int:
        self._take_events()
        count, self._pressed = self._pressed, 0
        return count

    def problem(self) -> str | None:
        return None  # a refusal is known at once, from grab()

    def is_hotkey_message(self, message: int) -> bool:
        return False

    def active_window(self) -> int | None:
        self._take_events()
        if not self._followed or self._active_window is None:
            # No window manager keeps _NET_ACTIVE_WINDOW: ask for the focus each time.
            self._active_window = self._read_active()
        return self._active_window

    def activate(self, window: int) -> None:
        """Ask the window manager to activate ``window`` (as a pager would, which it
        honours); without one, give it the keyboard focus directly."""
        from Xlib.protocol import event

        target = self._display.create_resource_object("window", window)
        request = event.ClientMessage(
            window=target, client_type=self._active, data=(32, [2, X.CurrentTime, 0, 0, 0])
        )
        mask = X.SubstructureRedirectMask | X.SubstructureNotifyMask
        self._root.send_event(request, event_mask=mask)
        if self._root.get_full_property(self._active, X.AnyPropertyType) is None:
            target.set_input_focus(X.RevertToParent, X.CurrentTime)
        self._display.sync()

    def paste(self) -> None:
        control = self._display.keysym_to_keycode(XK.XK_Control_L)
        v = self._display.keysym_to_keycode(XK.XK_v)
        for kind, code in (
            (X.KeyPress, control),
            (X.KeyPress, v),
            (X.KeyRelease, v),
            (X.KeyRelease, control),
        ):
            xtest.fake_input(self._display, kind, code)
        self._display.sync()

    def close(self) -> None:
        self.release()
        self._display.close()
