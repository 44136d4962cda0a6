"""Checking call records: field types on the way in, and the finalise rule.

Values arrive as text (CSV, the form) or JSON types (JSON Lines) and leave as the
Python values the store keeps: aware datetimes, ints, strings, lists of strings.
Every problem names its field, and all problems are reported at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.notes.fields import (
    CALL_SPECS,
    FOLLOWUP_SPECS,
    LIST_SEPARATOR,
    FieldSpec,
)
from assistant.notes.timefmt import parse_time

Values = dict[str, Any]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


class FinaliseRefused(Exception):
    """Finalising would leave required parts of the record empty."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = tuple(problems)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(p.field for p in self.problems)


def _coerce(spec: FieldSpec, value: Any) -> Any:
    """Return the stored value, or raise ValueError with the reason."""
    if value is None or (isinstance(value, str) and value.strip() == "" and spec.kind != "text"):
        return [] if spec.kind == "list" else None
    if spec.kind == "text":
        if not isinstance(value, str):
            raise ValueError("must be text")
        return value if value != "" else None
    if spec.kind == "id":
        if not isinstance(value, str):
            raise ValueError("must be a UUID string")
        try:
            return str(uuid.UUID(value.strip()))
        except ValueError:
            raise ValueError(f"not a UUID: {value!r}") from None
    if spec.kind == "enum":
        if not isinstance(value, str) or value.strip() not in spec.choices:
            raise ValueError(f"{value!r} is not one of {', '.join(spec.choices)}")
        return value.strip()
    if spec.kind == "datetime":
        if not isinstance(value, str):
            raise ValueError("must be an ISO 8601 time string")
        try:
            return parse_time(value)
        except ValueError as exc:
            raise ValueError(f"{value!r}: {exc}") from None
    if spec.kind == "seconds":
        if isinstance(value, bool):
            raise ValueError("must be a whole number of seconds")
        if isinstance(value, str):
            value = value.strip()
            if not value.isdigit():
                raise ValueError(f"{value!r} is not a whole number of seconds")
            value = int(value)
        if not isinstance(value, int) or value < 0:
            raise ValueError("must be a whole number of seconds, 0 or more")
        return value
    if spec.kind == "list":
        items = value.split(LIST_SEPARATOR) if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError("must be a list of strings")
        cleaned = [i.strip() for i in items if i.strip()]
        if any(LIST_SEPARATOR in i for i in cleaned):
            raise ValueError(f"an item may not contain {LIST_SEPARATOR!r}")
        return cleaned
    raise AssertionError(spec.kind)  # pragma: no cover - every kind is handled above


def _coerce_all(
    raw: Mapping[str, Any], specs: Mapping[str, FieldSpec], ignore: Iterable[str] = ()
) -> tuple[Values, list[FieldProblem]]:
    values: Values = {}
    problems: list[FieldProblem] = []
    skip = set(ignore)
    for name, value in raw.items():
        if name in skip:
            continue
        spec = specs.get(name)
        if spec is None:
            problems.append(FieldProblem(str(name), "unknown field"))
            continue
        try:
            values[name] = _coerce(spec, value)
        except ValueError as exc:
            problems.append(FieldProblem(name, str(exc)))
    return values, problems


def coerce_call(
    raw: Mapping[str, Any], *, dispositions: Sequence[str] = (), ignore: Iterable[str] = ()
) -> tuple[Values, list[FieldProblem]]:
    values, problems = _coerce_all(raw, CALL_SPECS, ignore)
    if values.get("id") is None and not any(p.field == "id" for p in problems):
        problems.append(FieldProblem("id", "required"))
    started, ended = values.get("started_at"), values.get("ended_at")
    if started is not None and ended is not None and ended < started:
        problems.append(FieldProblem("ended_at", "is before started_at"))
    disposition = values.get("disposition")
    if disposition is not None and dispositions and disposition not in dispositions:
        problems.append(FieldProblem("disposition", f"{disposition!r} is not in the centre's list"))
    return values, problems


def coerce_followup(raw: Mapping[str, Any]) -> tuple[Values, list[FieldProblem]]:
    values, problems = _coerce_all(raw, FOLLOWUP_SPECS)
    if values.get("id") is None and not any(p.field == "id" for p in problems):
        problems.append(FieldProblem("id", "required"))
    if values.get("status") is None:
        values["status"] = "open"
    return values, problems


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
