"""The Wayland backend: the ``org.freedesktop.portal.GlobalShortcuts`` portal.

Programs may not grab keys on Wayland; the desktop's portal binds a shortcut for
them (GNOME 48+, KDE Plasma 5.27+, Hyprland) and says when it is pressed. Spoken to
through jeepney, a pure-Python D-Bus library (already there on Linux for keyring):
its socket is read from Qt's event loop like the X11 display connection, and the
messages are built with their D-Bus signatures written out, which PySide6's QtDBus
makes awkward for ``a(sa{sv})``.

The portal answers each call through a Request object: the call returns its path at
once, and a ``Response`` signal on that path brings the result (for BindShortcuts,
after the desktop asked the agent). Flow: CreateSession, then BindShortcuts with the
``summon`` shortcut and its preferred trigger, then ``Activated`` for each press.

There is no "window the agent came from" on Wayland: paste-back is not offered.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

from jeepney import DBusAddress, MatchRule, MessageType, Properties, message_bus, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from assistant.desktop.base import KeyCombo, keysym_name

BUS_NAME = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.GlobalShortcuts"
REQUEST = "org.freedesktop.portal.Request"
SESSION = "org.freedesktop.portal.Session"
SHORTCUT_ID = "summon"
CALL_TIMEOUT = 2.0  # seconds, for the few calls made while opening

_PORTAL = DBusAddress(PATH, bus_name=BUS_NAME, interface=INTERFACE)
# The shortcuts specification's modifier names (xdg-desktop-portal, "Shortcuts").
_MODIFIERS = {"ctrl": "CTRL", "alt": "ALT", "shift": "SHIFT", "meta": "LOGO"}
_ORDER = ("ctrl", "alt", "shift", "meta")


class PortalMissing(Exception):
    """The session bus has no GlobalShortcuts portal."""


def trigger(combo: KeyCombo) -> str:
    """``Ctrl+Alt+Space`` in the portal's shortcut format: ``CTRL+ALT+space``."""
    mods = [_MODIFIERS[m] for m in _ORDER if m in combo.modifiers]
    return "+".join([*mods, keysym_name(combo.key)])


class PortalDesktop:
    kind = "Wayland (GlobalShortcuts portal)"

    def __init__(self, bus: str | None = None) -> None:
        address = bus or "SESSION"  # jeepney reads DBUS_SESSION_BUS_ADDRESS for it
        try:
            self._conn: DBusConnection = open_dbus_connection(address)
        except Exception as exc:  # no bus, refused, or a bad address: all say "none here"
            raise PortalMissing(f"no session bus ({exc})") from exc
        try:
            self._check_portal()
            sender = (self._conn.unique_name or "").lstrip(":").replace(".", "_")
            self._requests = f"{PATH}/request/{sender}"
            self._subscribe(
                MatchRule(
                    type="signal",
                    interface=REQUEST,
                    member="Response",
                    path_namespace=self._requests,
                )
            )
            self._subscribe(
                MatchRule(type="signal", interface=INTERFACE, member="Activated", path=PATH)
            )
        except BaseException:
            self._conn.close()
            raise
        self._tokens = itertools.count(1)
        self._pending: dict[str, str] = {}  # request path -> "session" or "bind"
        self._session: str | None = None
        self._wanted: tuple[KeyCombo, str] | None = None
        self._pressed = 0
        self._problem: str | None = None

    def _check_portal(self) -> None:
        try:
            reply = self._conn.send_and_get_reply(
                Properties(_PORTAL).get("version"), timeout=CALL_TIMEOUT
            )
        except TimeoutError as exc:
            raise PortalMissing("the desktop portal did not answer") from exc
        if reply.header.message_type == MessageType.error:
            raise PortalMissing("the desktop portal offers no GlobalShortcuts")

    def _subscribe(self, rule: MatchRule) -> None:
        reply = self._conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT)
        if reply.header.message_type == MessageType.error:
            raise PortalMissing(f"the session bus refused a match rule: {reply.body}")

    def fileno(self) -> int | None:
        return int(self._conn.sock.fileno())

    def _request(self, kind: str, method: str, signature: str, *body: Any) -> None:
        """Call ``method``; its Response comes later, to ``presses()``."""
        token = f"agent_assist_{os.getpid()}_{next(self._tokens)}"
        self._pending[f"{self._requests}/{token}"] = kind
        options: dict[str, tuple[str, str]] = {"handle_token": ("s", token)}
        if kind == "session":
            options["session_handle_token"] = ("s", token)
        self._conn.send(new_method_call(_PORTAL, method, signature, (*body, options)))

    def grab(self, combo: KeyCombo, description: str = "") -> str | None:
        """Ask the desktop for the shortcut. The answer comes later (the desktop may
        ask the agent first): a refusal is then told by ``problem()``."""
        self._wanted = (combo, description or "Show or hide the Agent Assist panel")
        if self._session is None:
            if "session" not in self._pending.values():
                self._request("session", "CreateSession", "a{sv}")
        else:
            self._bind()
        return None

    def _bind(self) -> None:
        if self._wanted is None or self._session is None:
            return
        combo, description = self._wanted
        shortcut = {"description": ("s", description), "preferred_trigger": ("s", trigger(combo))}
        self._request(
            "bind",
            "BindShortcuts",
            "oa(sa{sv})sa{sv}",
            self._session,
            [(SHORTCUT_ID, shortcut)],
            "",
        )

    def release(self) -> None:
        """Close the session: the desktop forgets the shortcut's binding to us."""
        session, self._session = self._session, None
        self._wanted = None
        if session is not None:
            address = DBusAddress(session, bus_name=BUS_NAME, interface=SESSION)
            self._conn.send(new_method_call(address, "Close"))

    def _take_messages(self) -> None:
        while True:
            try:
                message = self._conn.receive(timeout=0)
            except (TimeoutError, BlockingIOError):
                return
            header = message.header
            if header.message_type == MessageType.error:
                self._problem = f"the desktop portal answered with an error: {message.body}"
            if header.message_type != MessageType.signal:
                continue
            fields = {field.name: value for field, value in header.fields.items()}
            member, path = fields.get("member"), fields.get("path")
            if member == "Response" and path in self._pending:
                self._answered(self._pending.pop(path), *message.body)
            elif member == "Activated" and self._session is not None:
                session, shortcut = message.body[0], message.body[1]
                if session == self._session and shortcut == SHORTCUT_ID:
                    self._pressed += 1

    def _answered(self, kind: str, response: int, results: dict[str, tuple[str, Any]]) -> None:
        if response != 0:
            self._problem = (
                "the desktop did not give the shortcut"
                if response == 1
                else "the desktop could not bind the shortcut"
            )
            return
        if kind == "session":
            handle = results.get("session_handle", ("s", ""))[1]
            if handle:
                self._session = str(handle)
                self._bind()
            else:
                self._problem = "the desktop portal made no session"

    def presses(self) -> int:
        self._take_messages()
        count, self._pressed = self._pressed, 0
        return count

    def problem(self) -> str | None:
        """Why the shortcut was not given, once (after ``presses()`` read the answer)."""
        found, self._problem = self._problem, None
        return found

    def is_hotkey_message(self, message: int) -> bool:
        return False

    def active_window(self) -> int | None:
        return None  # Wayland keeps other programs' windows to itself

    def activate(self, window: int) -> None:
        pass

    def paste(self) -> None:
        pass

    def close(self) -> None:
        try:
            self.release()
        finally:
            self._conn.close()
