"""Checking call records: field types on the way in, and the finalise rule.

Values arrive as text (CSV, the form) or JSON types (JSON Lines) and leave as the
Python values the store keeps: aware datetimes, ints, strings, lists of strings.
Every problem names its field, and all problems are reported at once.

Limits on what the store accepts, so bad input gets a message instead of a crash
or a broken spreadsheet:

* Text is at most 32,767 characters per field: what one Excel cell holds, so a
  supervisor's export never splits or cuts a note. A 1 MB paste is refused with a
  message naming the field (an agent's note is a few hundred characters).
* No control characters except tab, line feed and carriage return (NUL and the
  rest of C0 break CSV consumers and terminals), no invisible bidirectional
  controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C: they reorder what
  a spreadsheet shows), and no unpaired surrogates (JSON can carry them, UTF-8
  cannot store them).
* Times between the years 1900 and 2199 (a typo outside that would also overflow
  when shown in local time); durations up to 30 days.
* Card numbers are masked (``assistant.redact``) in every text and list
  field; ``check_call``/``check_followup`` say which fields.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from assistant.redact import mask_cards, mask_value
from assistant.store.fields import (
    CALL_SPECS,
    FOLLOWUP_SPECS,
    LIST_SEPARATOR,
    FieldSpec,
)
from assistant.store.timefmt import parse_time

Values = dict[str, Any]

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 32_767  # one Excel cell
MAX_SECONDS = 30 * 24 * 3600
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
# C0 controls except tab, LF and CR; unpaired surrogates; and the invisible
# bidirectional controls, which can make an exported cell read differently from
# what was typed (U+202E shows "1234" as "4321").
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BAD_CHAR = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff{_BIDI}]")
_SHOWN_CHARS = 40
_MAX_REASON = 200


def shown(value: Any) -> str:
    """A value for a message: quoted, escaped, cut short (a message never carries 1 MB)."""
    text = mask_cards(repr(value))[0]
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 4] + "...'"


def _reason(exc: ValueError) -> str:
    """The reason for a message: library errors can quote the whole value."""
    text = mask_cards(str(exc))[0]
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 3] + "..."


def _check_length(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(
            f"is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,} "
            "(what one spreadsheet cell holds)"
        )


def _check_text(text: str) -> None:
    bad = _BAD_CHAR.search(text)
    if bad is not None:
        char = bad.group(0)
        if "\ud800" <= char <= "\udfff":
            kind, why = "an unpaired surrogate", "only tab and line breaks are allowed"
        elif re.fullmatch(f"[{_BIDI}]", char):
            kind = "an invisible text-direction control"
            why = "it can make the text read differently from what was typed; delete it"
        else:
            kind, why = "a control character", "only tab and line breaks are allowed"
        raise ValueError(
            f"contains {kind} (U+{ord(char):04X}) at character {bad.start() + 1}; {why}"
        )
    _check_length(text)


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


@dataclass(frozen=True, slots=True)
class SavedRecord:
    """A record as the store now holds it, and what the agent should be told."""

    id: str
    values: Values
    followups: list[Values]
    masked: tuple[str, ...] = ()  # fields where a card number was masked
    refused: tuple[FieldProblem, ...] = ()  # why finalising was refused

    @property
    def final(self) -> bool:
        return self.values.get("status") == "final"


def _coerce(spec: FieldSpec, value: Any) -> Any:
    """Return the stored value, or raise ValueError with the reason."""
    if value is None or (isinstance(value, str) and value.strip() == "" and spec.kind != "text"):
        return [] if spec.kind == "list" else None
    if spec.kind == "text":
        if not isinstance(value, str):
            raise ValueError("must be text")
        _check_text(value)
        return value if value != "" else None
    if spec.kind == "id":
        if not isinstance(value, str):
            raise ValueError("must be a UUID string")
        try:
            return str(uuid.UUID(value.strip()))
        except ValueError:
            raise ValueError(f"not a UUID: {shown(value)}") from None
    if spec.kind == "enum":
        if not isinstance(value, str) or value.strip() not in spec.choices:
            raise ValueError(f"{shown(value)} is not one of {', '.join(spec.choices)}")
        return value.strip()
    if spec.kind == "datetime":
        if not isinstance(value, str):
            raise ValueError("must be an ISO 8601 time string")
        try:
            parsed = parse_time(value)
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"{shown(value)}: {exc}") from None
        if not EARLIEST <= parsed < LATEST:
            raise ValueError(f"{shown(value)}: is outside the years 1900-2199")
        return parsed
    if spec.kind == "seconds":
        if isinstance(value, bool):
            raise ValueError("must be a whole number of seconds")
        if isinstance(value, str):
            value = value.strip()
            if not (value.isascii() and value.isdigit()):
                raise ValueError(f"{shown(value)} is not a whole number of seconds")
            value = int(value)
        if not isinstance(value, int) or value < 0:
            raise ValueError("must be a whole number of seconds, 0 or more")
        if value > MAX_SECONDS:
            raise ValueError(f"{value} seconds is more than 30 days")
        return value
    if spec.kind == "list":
        items = value.split(LIST_SEPARATOR) if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError("must be a list of strings")
        cleaned = [i.strip() for i in items if i.strip()]
        if any(LIST_SEPARATOR in i for i in cleaned):
            raise ValueError(f"an item may not contain {LIST_SEPARATOR!r}")
        _check_text(LIST_SEPARATOR.join(cleaned))
        return cleaned
    raise AssertionError(spec.kind)  # pragma: no cover - every kind is handled above


def _field_name(name: Any) -> str:
    text = str(name)
    if 0 < len(text) <= _SHOWN_CHARS and text.isprintable() and text == text.strip():
        return text
    return shown(text)  # quoted, so an empty or odd name is still visible


@dataclass(frozen=True, slots=True)
class Checked:
    """What checking a record gives: the stored values, the problems, and the fields
    where a card number was masked (the form says so beside them)."""

    values: Values
    problems: list[FieldProblem]
    masked: tuple[str, ...]


def _coerce_all(
    raw: Mapping[str, Any], specs: Mapping[str, FieldSpec], ignore: Iterable[str] = ()
) -> tuple[Values, list[FieldProblem], list[str]]:
    values: Values = {}
    problems: list[FieldProblem] = []
    masked: list[str] = []
    skip = set(ignore)
    for name, value in raw.items():
        if name in skip:
            continue
        spec = specs.get(name)
        if spec is None:
            problems.append(FieldProblem(_field_name(name), "unknown field"))
            continue
        try:
            coerced = _coerce(spec, value)
            if spec.kind in ("text", "list"):
                coerced, hit = mask_value(coerced)
                if hit:
                    masked.append(name)
                    # A mask can be longer than the digits it hides.
                    _check_length(coerced if isinstance(coerced, str) else ";".join(coerced))
        except ValueError as exc:
            problems.append(FieldProblem(name, _reason(exc)))
            continue
        values[name] = coerced
    return values, problems, masked


def check_call(
    raw: Mapping[str, Any], *, dispositions: Sequence[str] = (), ignore: Iterable[str] = ()
) -> Checked:
    """Coerce and check a call record; card numbers come back masked."""
    values, problems, masked = _coerce_all(raw, CALL_SPECS, ignore)
    if values.get("id") is None and not any(p.field == "id" for p in problems):
        problems.append(FieldProblem("id", "required"))
    started, ended = values.get("started_at"), values.get("ended_at")
    if started is not None and ended is not None and ended < started:
        problems.append(FieldProblem("ended_at", "is before started_at"))
    disposition = values.get("disposition")
    if disposition is not None and dispositions and disposition not in dispositions:
        problems.append(
            FieldProblem("disposition", f"{shown(disposition)} is not in the centre's list")
        )
    if masked:
        log.debug("call %s: masked card numbers in %s", values.get("id"), ", ".join(masked))
    return Checked(values, problems, tuple(masked))


def coerce_call(
    raw: Mapping[str, Any], *, dispositions: Sequence[str] = (), ignore: Iterable[str] = ()
) -> tuple[Values, list[FieldProblem]]:
    checked = check_call(raw, dispositions=dispositions, ignore=ignore)
    return checked.values, checked.problems


def check_followup(raw: Mapping[str, Any]) -> Checked:
    """Coerce and check a follow-up; card numbers come back masked."""
    values, problems, masked = _coerce_all(raw, FOLLOWUP_SPECS)
    if values.get("id") is None and not any(p.field == "id" for p in problems):
        problems.append(FieldProblem("id", "required"))
    if values.get("status") is None:
        values["status"] = "open"
    if masked:
        log.debug("follow-up %s: masked card numbers in %s", values.get("id"), ", ".join(masked))
    return Checked(values, problems, tuple(masked))


def coerce_followup(raw: Mapping[str, Any]) -> tuple[Values, list[FieldProblem]]:
    checked = check_followup(raw)
    return checked.values, checked.problems


def _blank(value: Any) -> bool:
    return value is None or value in ("", [])


def finalise_problems(
    call: Mapping[str, Any], followups: Sequence[Mapping[str, Any]], required: Sequence[str]
) -> list[FieldProblem]:
    """Everything that stops this record from being final, all at once."""
    problems = [
        FieldProblem(name, "required to finalise") for name in required if _blank(call.get(name))
    ]
    resolution = call.get("resolution")
    if resolution is not None and resolution != "resolved":
        ready = [
            f
            for f in followups
            if f.get("status", "open") == "open"
            and not _blank(f.get("owner"))
            and f.get("due_at") is not None
        ]
        if not ready:
            problems.append(
                FieldProblem(
                    "followups",
                    f"a {resolution} call needs an open follow-up with an owner and a due time",
                )
            )
    return problems
