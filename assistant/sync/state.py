"""What this machine remembers between syncs, in ``sync-state.json`` in the data dir.

The last successful sync, the last error (for the panel), this machine's name on
the server, and which team packs it has downloaded. Losing the file costs little:
the packs are fetched again and the machine gets a new name.
"""

from __future__ import annotations

import json
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.files import write_text_atomically

STATE_NAME = "sync-state.json"


@dataclass(slots=True)
class SyncState:
    machine_id: str
    last_sync_at: datetime | None = None  # the last round that finished without errors
    last_attempt_at: datetime | None = None
    last_error: str = ""
    packs: dict[str, str] = field(default_factory=dict)  # pack id -> version marker
    erased_seq: int = 0  # the server's erased records this machine has removed, up to here


def state_file(data_dir: Path) -> Path:
    return data_dir / STATE_NAME


def new_machine_id() -> str:
    host = socket.gethostname().split(".")[0] or "machine"
    return f"{host}-{uuid.uuid4().hex[:8]}"


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _whole(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def load_state(path: Path) -> SyncState:
    """Read the state; a missing or unreadable file starts afresh (see the module doc)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return SyncState(new_machine_id())
    except (OSError, ValueError):
        return SyncState(new_machine_id())
    if not isinstance(raw, dict):
        return SyncState(new_machine_id())
    packs = raw.get("packs")
    return SyncState(
        machine_id=str(raw.get("machine_id") or new_machine_id()),
        last_sync_at=_time(raw.get("last_sync_at")),
        last_attempt_at=_time(raw.get("last_attempt_at")),
        last_error=str(raw.get("last_error") or ""),
        packs={str(k): str(v) for k, v in packs.items()} if isinstance(packs, dict) else {},
        erased_seq=_whole(raw.get("erased_seq")),
    )


def save_state(path: Path, state: SyncState) -> None:
    """Write atomically: a crash leaves the old file, never half a file."""
    data = {
        "machine_id": state.machine_id,
        "last_sync_at": state.last_sync_at.isoformat() if state.last_sync_at else None,
        "last_attempt_at": state.last_attempt_at.isoformat() if state.last_attempt_at else None,
        "last_error": state.last_error,
        "packs": state.packs,
        "erased_seq": state.erased_seq,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
