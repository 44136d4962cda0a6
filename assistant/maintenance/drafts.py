"""Crash-recovery drafts: the form's half-written record, kept in a file.

The panel autosaves the form here every few seconds while the agent types, and
discards the draft once the record is saved to the store. A draft survives a
crash, a power cut, a locked or damaged store and a full store; at start the panel
offers whatever ``load_drafts`` finds.

One JSON file per record in ``drafts/`` in the data dir, written atomically (a
temporary file, fsync, rename), so a crash mid-write leaves the previous draft.
Card numbers are masked in every string before it is written.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from assistant.errors import UserError
from assistant.files import write_text_atomically
from assistant.paths import Paths
from assistant.redact import mask_anything

log = logging.getLogger(__name__)

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


@dataclass(frozen=True, slots=True)
class Draft:
    key: str
    saved_at: str  # ISO 8601, as written
    values: dict[str, Any]
    followups: list[dict[str, Any]]


def drafts_dir(paths: Paths) -> Path:
    return paths.data_dir / "drafts"


def _file(paths: Paths, key: str) -> Path:
    if not _KEY.match(key):
        raise ValueError(f"draft key {key!r}: use the record id (letters, digits, - and _)")
    return drafts_dir(paths) / f"{key}.json"


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"a draft cannot hold {type(value).__name__}")


def save_draft(
    paths: Paths,
    key: str,
    values: dict[str, Any],
    followups: list[dict[str, Any]] | None = None,
    *,
    now: datetime,
) -> int:
    """Write the form's state for record ``key``; return how many card numbers were masked."""
    target = _file(paths, key)
    content, masked = mask_anything({"values": values, "followups": followups or []})
    content["saved_at"] = now.isoformat()
    data = json.dumps(content, ensure_ascii=False, default=_jsonable)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{target.parent}: cannot keep a draft: {exc.strerror}") from exc
    try:
        write_text_atomically(target, data)
    except OSError as exc:
        raise UserError(f"{target}: cannot keep a draft: {exc.strerror}") from exc
    if masked:
        log.info("draft %s: masked %d card number(s)", key, masked)
    return masked


def load_drafts(paths: Paths) -> list[Draft]:
    """Every draft left behind, oldest first; unreadable files are logged and kept."""
    folder = drafts_dir(paths)
    if not folder.is_dir():
        return []
    drafts = []
    for path in sorted(folder.glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            drafts.append(
                Draft(
                    path.stem,
                    str(raw["saved_at"]),
                    dict(raw["values"]),
                    [dict(f) for f in raw["followups"]],
                )
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning(
                "draft file %s is unreadable (%s); left in place", path.name, type(exc).__name__
            )
    return sorted(drafts, key=lambda d: d.saved_at)


def discard_draft(paths: Paths, key: str) -> None:
    """Forget the draft of ``key`` (the record is safely in the store)."""
    _file(paths, key).unlink(missing_ok=True)
