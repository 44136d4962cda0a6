"""The call record's fields: names (CSV headers and JSON keys), kinds and choices.

Kept free of SQLAlchemy so the fast export path and the form can use it cheaply.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Kind = Literal["id", "enum", "datetime", "seconds", "text", "list"]


class FieldSpec(NamedTuple):
    """One field of the call record: its name, kind and allowed values."""

    name: str
    kind: Kind
    choices: tuple[str, ...] = ()


STATUSES = ("draft", "final")
CHANNELS = ("phone", "in_person", "online", "email")
DIRECTIONS = ("inbound", "outbound", "internal")
CONNECT_STATUSES = ("connected", "no_answer", "busy", "voicemail", "failed", "cancelled")
CUSTOMER_TYPES = ("rational", "emotional", "direct", "unknown")
LEVELS = ("L1", "L2", "L3", "L4")
EMOTIONS = ("calm", "dissatisfied", "angry", "confrontational")
RESOLUTIONS = ("resolved", "partial", "unresolved")
FOLLOWUP_STATUSES = ("open", "done", "cancelled")

# Lists are stored and exported as one text cell, items separated by this.
LIST_SEPARATOR = ";"

CALL_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id"),
    FieldSpec("status", "enum", STATUSES),
    FieldSpec("started_at", "datetime"),
    FieldSpec("ended_at", "datetime"),
    FieldSpec("talk_seconds", "seconds"),
    FieldSpec("wrap_up_seconds", "seconds"),
    FieldSpec("channel", "enum", CHANNELS),
    FieldSpec("direction", "enum", DIRECTIONS),
    FieldSpec("connect_status", "enum", CONNECT_STATUSES),
    FieldSpec("agent_id", "text"),
    FieldSpec("agent_name", "text"),
    FieldSpec("participants", "text"),
    FieldSpec("customer_name", "text"),
    FieldSpec("customer_title", "text"),
    FieldSpec("customer_contact", "text"),
    FieldSpec("account_ref", "text"),
    FieldSpec("customer_type", "enum", CUSTOMER_TYPES),
    FieldSpec("level", "enum", LEVELS),
    FieldSpec("emotion_start", "enum", EMOTIONS),
    FieldSpec("emotion_end", "enum", EMOTIONS),
    FieldSpec("facts", "text"),
    FieldSpec("emotions", "text"),
    FieldSpec("demands", "text"),
    FieldSpec("request", "text"),
    FieldSpec("key_problem", "text"),
    FieldSpec("outcome", "text"),
    FieldSpec("resolution", "enum", RESOLUTIONS),
    FieldSpec("disposition", "text"),
    FieldSpec("escalated_to", "text"),
    FieldSpec("handoff", "text"),
    FieldSpec("notes", "text"),
    FieldSpec("tags", "list"),
    FieldSpec("templates_used", "list"),
    FieldSpec("created_at", "datetime"),
    FieldSpec("updated_at", "datetime"),
)

FOLLOWUP_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id"),
    FieldSpec("call_id", "id"),
    FieldSpec("owner", "text"),
    FieldSpec("due_at", "datetime"),
    FieldSpec("resources", "text"),
    FieldSpec("plan", "text"),
    FieldSpec("status", "enum", FOLLOWUP_STATUSES),
    FieldSpec("done_at", "datetime"),
)

CALL_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in CALL_FIELDS)
FOLLOWUP_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FOLLOWUP_FIELDS)
CALL_SPECS: dict[str, FieldSpec] = {f.name: f for f in CALL_FIELDS}
FOLLOWUP_SPECS: dict[str, FieldSpec] = {f.name: f for f in FOLLOWUP_FIELDS}

# Fields that hold what an agent types; the form, redaction and lint work on these.
FREE_TEXT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in CALL_FIELDS if f.kind == "text" and f.name not in ("agent_id", "disposition")
)


def csv_line_sql(specs: tuple[FieldSpec, ...]) -> str:
    """SQL for a row's raw CSV line, quoted exactly as ``csv.writer`` quotes it.

    Text cells holding a comma, quote or line break are quoted with quotes doubled;
    NULL is an empty cell. SQLite builds the line far faster than Python can.
    """
    cells = []
    for spec in specs:
        name = spec.name
        if spec.kind in ("text", "list"):
            cells.append(
                f"iif({name} GLOB '*[\",'||char(10)||char(13)||']*', "
                f"'\"'||replace({name}, '\"', '\"\"')||'\"', {name})"
            )
        else:
            cells.append(name)
    pattern = ",".join(["%s"] * len(specs))
    return f"printf('{pattern}', {', '.join(cells)})"
