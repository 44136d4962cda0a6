"""One version of a call record with its follow-ups: the unit that sync moves.

A record and its follow-ups travel together, so the conflict rule (newest
``updated_at`` wins) settles both at once. The content hash lets the server see
that it already holds exactly this version: a batch whose commit reached the
server but whose answer never came back is recognised when it is sent again.

The hash is taken over the values in the form the local store keeps them (UTC
ISO 8601 text to the second, lists as one ``;``-separated cell), fields in their
fixed order and follow-ups by id. Two machines holding the same record therefore
compute the same hash, and the push reads that form straight from SQLite without
converting every value twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assistant.store.fields import CALL_FIELDS, FOLLOWUP_FIELDS, LIST_SEPARATOR, FieldSpec
from assistant.store.timefmt import to_utc_text

CALL_NAMES: tuple[str, ...] = tuple(spec.name for spec in CALL_FIELDS)
FOLLOWUP_NAMES: tuple[str, ...] = tuple(spec.name for spec in FOLLOWUP_FIELDS)
_CALL_TIMES = tuple(s.name for s in CALL_FIELDS if s.kind == "datetime")
_CALL_LISTS = tuple(s.name for s in CALL_FIELDS if s.kind == "list")
_FOLLOWUP_TIMES = tuple(s.name for s in FOLLOWUP_FIELDS if s.kind == "datetime")


@dataclass(frozen=True, slots=True)
class RecordVersion:
    call: dict[str, Any]  # Python values: aware datetimes, lists of words
    followups: tuple[dict[str, Any], ...]  # sorted by id
    content_hash: str
    # The same values as the store keeps them, in field order: what is hashed and sent.
    stored_call: tuple[Any, ...]
    stored_followups: tuple[tuple[Any, ...], ...]

    @property
    def id(self) -> str:
        return str(self.call["id"])

    @property
    def updated_at(self) -> datetime:
        value = self.call["updated_at"]
        assert isinstance(value, datetime)
        return value

    def as_json(self) -> dict[str, Any]:
        """The version as JSON (times as UTC text), as the conflict list keeps it."""
        return {
            "call": {
                n: _stored(s, self.call[n]) for n, s in zip(CALL_NAMES, CALL_FIELDS, strict=True)
            },
            "followups": [
                {n: _stored(s, f[n]) for n, s in zip(FOLLOWUP_NAMES, FOLLOWUP_FIELDS, strict=True)}
                for f in self.followups
            ],
        }


@dataclass(frozen=True, slots=True)
class PendingRecord:
    """A record waiting to go up, as the local change tracking hands it to the push."""

    call_id: str
    change_seq: int
    server_rev: int | None  # the server's revision this machine last wrote or saw
    version: RecordVersion | None  # None: the record was deleted here


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def from_stored(call_row: Sequence[Any], followup_rows: Iterable[Sequence[Any]]) -> RecordVersion:
    """A version from values as the store keeps them, in field order (the fast path)."""
    stored_call = tuple(call_row)
    ordered = tuple(sorted((tuple(row) for row in followup_rows), key=lambda row: str(row[0])))
    text = json.dumps([stored_call, ordered], ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    call = dict(zip(CALL_NAMES, call_row, strict=True))
    for name in _CALL_TIMES:
        call[name] = _time(call[name])
    for name in _CALL_LISTS:
        call[name] = call[name].split(LIST_SEPARATOR) if call[name] else []
    followups = []
    for row in ordered:
        followup = dict(zip(FOLLOWUP_NAMES, row, strict=True))
        for name in _FOLLOWUP_TIMES:
            followup[name] = _time(followup[name])
        followups.append(followup)
    return RecordVersion(call, tuple(followups), digest, stored_call, ordered)


def _stored(spec: FieldSpec, value: Any) -> Any:
    if value is None:
        return None
    if spec.kind == "datetime":
        return to_utc_text(value)
    if spec.kind == "list":
        return LIST_SEPARATOR.join(value) if value else None
    return value


def make_version(call: Mapping[Any, Any], followups: Iterable[Mapping[Any, Any]]) -> RecordVersion:
    """A version from Python values (the server's rows, tests)."""
    return from_stored(
        [_stored(spec, call.get(spec.name)) for spec in CALL_FIELDS],
        [[_stored(spec, f.get(spec.name)) for spec in FOLLOWUP_FIELDS] for f in followups],
    )
