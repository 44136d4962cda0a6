"""The server's tables as SQLAlchemy Core sees them (server_schema.py creates them).

A test reflects a freshly created server and checks these against it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.types import TypeEngine

from assistant.store.fields import CALL_FIELDS, FOLLOWUP_FIELDS, FieldSpec
from assistant.sync.server_schema import SCHEMA

metadata = MetaData(schema=SCHEMA)


def _column(spec: FieldSpec) -> Column[Any]:
    kind: TypeEngine[Any]
    if spec.kind == "datetime":
        kind = DateTime(timezone=True)
    elif spec.kind == "seconds":
        kind = Integer()
    elif spec.kind == "list":
        kind = ARRAY(Text())
    else:
        kind = Text()
    return Column(spec.name, kind, primary_key=spec.name == "id")


calls = Table(
    "calls",
    metadata,
    *[_column(spec) for spec in CALL_FIELDS],
    Column("rev", BigInteger, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("pushed_by", Text, nullable=False),
    Column("pushed_from", Text, nullable=False),
    Column("pushed_at", DateTime(timezone=True), nullable=False),
)

followups = Table("followups", metadata, *[_column(spec) for spec in FOLLOWUP_FIELDS])

sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("call_id", Text, nullable=False),
    Column("lost_version", JSONB, nullable=False),
    Column("lost_hash", Text, nullable=False),
    Column("lost_updated_at", DateTime(timezone=True), nullable=False),
    Column("lost_by", Text, nullable=False),
    Column("lost_from", Text, nullable=False),
    Column("won_hash", Text, nullable=False),
    Column("won_updated_at", DateTime(timezone=True), nullable=False),
    Column("won_by", Text, nullable=False),
    Column("detected_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
)

team_packs = Table(
    "team_packs",
    metadata,
    Column("id", Text, primary_key=True),
    Column("version", Text, nullable=False),
    Column("yaml", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("published_by", Text, nullable=False),
)

phrase_use = Table(
    "phrase_use",
    metadata,
    Column("machine_id", Text, primary_key=True),
    Column("agent", Text, nullable=False),
    Column("teams", ARRAY(Text()), nullable=False),
    Column("entry_id", Text, primary_key=True),
    Column("pack_version", Text, primary_key=True),
    Column("day", Date, primary_key=True),
    Column("use_count", Integer, nullable=False),
    Column("pushed_at", DateTime(timezone=True), nullable=False),
)

erased_calls = Table(
    "erased_calls",
    metadata,
    Column("seq", BigInteger, nullable=False),
    Column("call_id", Text, primary_key=True),
    Column("erased_at", DateTime(timezone=True), nullable=False),
    Column("erased_by", Text, nullable=False),
)

# The record's own fields, in the order the app knows them (not the sync columns).
CALL_COLUMNS: tuple[str, ...] = tuple(spec.name for spec in CALL_FIELDS)
FOLLOWUP_COLUMNS: tuple[str, ...] = tuple(spec.name for spec in FOLLOWUP_FIELDS)
