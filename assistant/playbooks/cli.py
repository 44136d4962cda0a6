"""``agent-assist playbook ...``: check, search, render and lint packs."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    playbook = commands.add_parser("playbook", help="check, search, render and lint phrasing packs")
    sub = playbook.add_subparsers(dest="playbook_command", metavar="ACTION", required=True)
    del sub
