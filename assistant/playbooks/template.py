"""Template bodies: ``{name}`` placeholders, ``{{``/``}}`` for literal braces.

Rendering fills every placeholder from the given values, a date spec, or a
default, and refuses (naming them) when any is left empty: the output never holds
an empty hole or a raw ``{placeholder}``. Nothing in a template is executed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from assistant.playbooks.model import Entry, Placeholder

if TYPE_CHECKING:
    from assistant.calendar.workcalendar import WorkCalendar

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class TemplateSyntaxError(ValueError):
    """A brace that does not open or close a placeholder."""


class MissingValues(ValueError):
    """Placeholders with no value and no default."""

    def __init__(self, names: list[str]) -> None:
        super().__init__("no value for " + ", ".join(names))
        self.names = names


def parse(body: str) -> list[str | tuple[str]]:
    """Split a body into literal text and ``(name,)`` placeholders."""
    parts: list[str | tuple[str]] = []
    position = 0
    literal: list[str] = []
    for match in _TOKEN.finditer(body):
        literal.append(body[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal.append(token[0])
            continue
        name = match.group(1)
        if name is None:
            raise TemplateSyntaxError(
                f"a lone {token!r} at character {match.start() + 1}; write {token * 2} for a brace"
            )
        name = name.strip()
        if not _NAME.fullmatch(name):
            raise TemplateSyntaxError(
                f"{{{name}}} is not a placeholder name (letters, digits and _ only)"
            )
        parts.append("".join(literal))
        literal.clear()
        parts.append((name,))
    literal.append(body[position:])
    parts.append("".join(literal))
    return [p for p in parts if p != ""]


def placeholder_names(body: str) -> list[str]:
    """Placeholder names in order of first use."""
    seen: dict[str, None] = {}
    for part in parse(body):
        if isinstance(part, tuple):
            seen.setdefault(part[0], None)
    return list(seen)


class Rendered(NamedTuple):
    """An entry filled in: the text to copy and the due times it promises."""

    text: str
    # Due times of the date placeholders, for turning a commitment into a follow-up.
    dues: dict[str, datetime]


def entry_placeholders(entry: Entry, body: str | None = None) -> list[Placeholder]:
    """The placeholders ``body`` (default: the entry's body) uses, with definitions."""
    return [
        entry.placeholder(name) or Placeholder(name)
        for name in placeholder_names(entry.body if body is None else body)
    ]


def due_times(entry: Entry, *, now: datetime, calendar: WorkCalendar) -> dict[str, datetime]:
    """The computed due time of each date placeholder, before the agent changes any."""
    from assistant.calendar.dates import resolve  # with the first date, not at start-up

    return {
        p.name: resolve(p.spec, now, calendar)
        for p in entry.placeholders
        if p.kind == "date" and p.spec
    }


def render(
    entry: Entry,
    values: Mapping[str, str | datetime],
    *,
    now: datetime,
    calendar: WorkCalendar,
    body: str | None = None,
) -> Rendered:
    """Fill ``body`` (default: the entry's) or raise MissingValues naming every gap.

    A value may be text, or a datetime for a date placeholder (the agent moved the
    computed time); a date placeholder with no value renders its spec from ``now``.
    """
    from assistant.calendar.dates import render_due, resolve  # not needed to show a wording
    from assistant.playbooks.date_context import drop_preposition

    text = entry.body if body is None else body
    filled: list[str] = []
    missing: list[str] = []
    dues: dict[str, datetime] = {}
    for part in parse(text):
        if isinstance(part, str):
            filled.append(part)
            continue
        name = part[0]
        definition = entry.placeholder(name) or Placeholder(name)
        value = values.get(name)
        if isinstance(value, str) and not value.strip():
            value = None
        if value is None and definition.kind == "date" and definition.spec:
            value = resolve(definition.spec, now, calendar)
        if value is None and definition.default:
            value = definition.default
        if value is None:
            if name not in missing:
                missing.append(name)
            continue
        if isinstance(value, datetime):
            dues[name] = value
            value = render_due(value, now, entry.language)
            if filled:
                filled[-1] = drop_preposition(filled[-1], value)
        filled.append(value)
    if missing:
        raise MissingValues(missing)
    return Rendered("".join(filled), dues)
