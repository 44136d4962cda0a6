"""``agent-assist sync`` and ``agent-assist pack publish``."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    del commands
