"""A stand-in for the desktop's GlobalShortcuts portal, on a private session bus.

A real portal needs GNOME or KDE running; this one speaks the same D-Bus interface
(``org.freedesktop.portal.GlobalShortcuts`` version 1, with the Request/Response
pattern and ``handle_token``), so the panel's own portal code runs unchanged:

- ``CreateSession`` and ``BindShortcuts`` return the Request path made from the
  caller's name and its ``handle_token``, then send ``Response`` on that path;
- ``Activated`` is sent when the test calls ``org.example.FakePortal.Press``
  (as the desktop does when the agent presses the bound keys).

Every call is written as a JSON line to the file named first on the command line.
``--refuse`` answers BindShortcuts as an agent who declined the dialog.

    python fake_portal.py calls.jsonl [--refuse]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    Message,
    MessageType,
    message_bus,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.io.blocking import DBusConnection, open_dbus_connection

NAME = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
SHORTCUTS = "org.freedesktop.portal.GlobalShortcuts"
FAKE = "org.example.FakePortal"


class FakePortal:
    def __init__(self, conn: DBusConnection, log: Path, refuse: bool) -> None:
        self.conn, self.log, self.refuse = conn, log, refuse
        self.sessions: dict[str, str] = {}  # session path -> caller

    def record(self, call: str, **details: Any) -> None:
        with self.log.open("a", encoding="utf-8") as out:
            out.write(json.dumps({"call": call, **details}) + "\n")

    @staticmethod
    def mangled(sender: str) -> str:
        return sender.lstrip(":").replace(".", "_")

    def respond(self, request: str, response: int, results: dict[str, Any]) -> None:
        address = DBusAddress(request, interface="org.freedesktop.portal.Request")
        self.conn.send(new_signal(address, "Response", "ua{sv}", (response, results)))

    def handle(self, msg: Message) -> None:
        fields = msg.header.fields
        interface = fields.get(HeaderFields.interface)
        member = fields.get(HeaderFields.member)
        sender = str(fields.get(HeaderFields.sender))
        if interface == "org.freedesktop.DBus.Properties" and member == "Get":
            if tuple(msg.body) == (SHORTCUTS, "version"):
                self.conn.send(new_method_return(msg, "v", (("u", 1),)))
                return
        elif interface == SHORTCUTS and member == "CreateSession":
            options = msg.body[0]
            request = f"{PATH}/request/{self.mangled(sender)}/{options['handle_token'][1]}"
            session = f"{PATH}/session/{self.mangled(sender)}/{options['session_handle_token'][1]}"
            self.sessions[session] = sender
            self.record("CreateSession", request=request)
            self.conn.send(new_method_return(msg, "o", (request,)))
            self.respond(request, 0, {"session_handle": ("s", session)})
            return
        elif interface == SHORTCUTS and member == "BindShortcuts":
            session, shortcuts, _parent, options = msg.body
            request = f"{PATH}/request/{self.mangled(sender)}/{options['handle_token'][1]}"
            bound = [
                {"id": sid, **{key: value[1] for key, value in props.items()}}
                for sid, props in shortcuts
            ]
            self.record("BindShortcuts", session=session, shortcuts=bound)
            self.conn.send(new_method_return(msg, "o", (request,)))
            if self.refuse:
                self.respond(request, 1, {})
            else:
                described = [
                    (s["id"], {"trigger_description": ("s", "Press Ctrl+Alt+Space")}) for s in bound
                ]
                self.respond(request, 0, {"shortcuts": ("a(sa{sv})", described)})
            return
        elif interface == "org.freedesktop.portal.Session" and member == "Close":
            path = str(fields.get(HeaderFields.path))
            self.sessions.pop(path, None)
            self.record("Close", session=path)
            self.conn.send(new_method_return(msg))
            return
        elif interface == FAKE and member == "Press":
            (shortcut,) = msg.body
            for session in self.sessions:
                address = DBusAddress(PATH, interface=SHORTCUTS)
                stamp = int(time.monotonic() * 1000)
                body = (session, shortcut, stamp, {})
                self.conn.send(new_signal(address, "Activated", "osta{sv}", body))
            self.conn.send(new_method_return(msg, "u", (len(self.sessions),)))
            return
        self.conn.send(
            new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (f"{member}",))
        )


def main() -> None:
    log = Path(sys.argv[1])
    conn = open_dbus_connection()
    conn.send_and_get_reply(message_bus.RequestName(NAME))
    portal = FakePortal(conn, log, "--refuse" in sys.argv)
    portal.record("ready")
    while True:
        msg = conn.receive()
        if msg.header.message_type == MessageType.method_call:
            portal.handle(msg)


if __name__ == "__main__":
    main()
