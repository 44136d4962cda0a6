"""SQLAlchemy models of the call record and its follow-ups."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Computed, ForeignKey, Index, Integer, MetaData, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from assistant.store.encryption import KeyProblem, is_sealed, keys_of
from assistant.store.fields import CALL_FIELDS, LIST_SEPARATOR, csv_line_sql
from assistant.store.timefmt import parse_time, to_utc_text

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC ISO 8601 text (sortable, exportable as is)."""

    impl = String(25)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else to_utc_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else parse_time(value)


class TextList(TypeDecorator[list[str]]):
    """A short list of words stored as one ``;``-separated cell, as it is exported."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str | None:
        return LIST_SEPARATOR.join(value) if value else None

    def process_result_value(self, value: Any, dialect: Dialect) -> list[str]:
        return value.split(LIST_SEPARATOR) if value else []


class SealedText(TypeDecorator[str]):
    """A customer field: kept encrypted while encryption at rest is on, always plain
    to the code (see assistant/store/encryption.py)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        keys = keys_of(dialect) if value else None
        return value if keys is None or value is None else keys.seal(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if not is_sealed(value):
            return None if value is None else str(value)
        keys = keys_of(dialect)
        if keys is None:
            raise KeyProblem("a customer field is encrypted but this store has no key for it")
        return keys.open(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CallRecord(Base):
    __tablename__ = "calls"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    status: Mapped[str] = mapped_column(String(8), default="draft")
    started_at: Mapped[datetime | None] = mapped_column(UtcTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcTime)
    talk_seconds: Mapped[int | None] = mapped_column(Integer)
    wrap_up_seconds: Mapped[int | None] = mapped_column(Integer)
    channel: Mapped[str | None] = mapped_column(String(16))
    direction: Mapped[str | None] = mapped_column(String(16))
    connect_status: Mapped[str | None] = mapped_column(String(16))
    agent_id: Mapped[str | None] = mapped_column(Text)
    agent_name: Mapped[str | None] = mapped_column(Text)
    participants: Mapped[str | None] = mapped_column(SealedText)
    customer_name: Mapped[str | None] = mapped_column(SealedText)
    customer_title: Mapped[str | None] = mapped_column(SealedText)
    customer_contact: Mapped[str | None] = mapped_column(SealedText)
    account_ref: Mapped[str | None] = mapped_column(SealedText)
    customer_type: Mapped[str | None] = mapped_column(String(16))
    level: Mapped[str | None] = mapped_column(String(2))
    emotion_start: Mapped[str | None] = mapped_column(String(16))
    emotion_end: Mapped[str | None] = mapped_column(String(16))
    facts: Mapped[str | None] = mapped_column(SealedText)
    emotions: Mapped[str | None] = mapped_column(SealedText)
    demands: Mapped[str | None] = mapped_column(SealedText)
    request: Mapped[str | None] = mapped_column(SealedText)
    key_problem: Mapped[str | None] = mapped_column(SealedText)
    outcome: Mapped[str | None] = mapped_column(SealedText)
    resolution: Mapped[str | None] = mapped_column(String(16))
    disposition: Mapped[str | None] = mapped_column(Text)
    escalated_to: Mapped[str | None] = mapped_column(Text)
    handoff: Mapped[str | None] = mapped_column(SealedText)
    notes: Mapped[str | None] = mapped_column(SealedText)
    tags: Mapped[list[str]] = mapped_column(TextList, nullable=True, default=list)
    templates_used: Mapped[list[str]] = mapped_column(TextList, nullable=True, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcTime)
    updated_at: Mapped[datetime] = mapped_column(UtcTime)
    # The row as a raw CSV line, computed by SQLite on every write (see export).
    csv_raw: Mapped[str | None] = mapped_column(
        Text, Computed(csv_line_sql(CALL_FIELDS), persisted=True), deferred=True
    )

    followups: Mapped[list[FollowUp]] = relationship(
        back_populates="call",
        cascade="all, delete-orphan",
        order_by="FollowUp.due_at",
    )

    __table_args__ = (
        Index("ix_calls_started_at", "started_at", "id"),
        Index("ix_calls_updated_at", "updated_at"),
    )


class FollowUp(Base):
    __tablename__ = "followups"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"))
    owner: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime | None] = mapped_column(UtcTime)
    resources: Mapped[str | None] = mapped_column(SealedText)
    plan: Mapped[str | None] = mapped_column(SealedText)
    status: Mapped[str] = mapped_column(String(12), default="open")
    done_at: Mapped[datetime | None] = mapped_column(UtcTime)

    call: Mapped[CallRecord] = relationship(back_populates="followups")

    __table_args__ = (
        Index("ix_followups_call_id", "call_id"),
        Index("ix_followups_status_due_at", "status", "due_at"),
    )


class TemplateUsage(Base):
    """How often and how lately the agent used a playbook entry (search ranking)."""

    __tablename__ = "template_usage"

    entry_id: Mapped[str] = mapped_column(Text, primary_key=True)
    use_count: Mapped[int] = mapped_column(Integer, default=0)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcTime)
    favourite: Mapped[int] = mapped_column(Integer, default=0)


class TemplateUseDay(Base):
    """Copies of a team or built-in entry on one day (the agent's own day), for team sync.

    ``sent_count`` is how many of them the team server has.
    """

    __tablename__ = "template_use_days"

    entry_id: Mapped[str] = mapped_column(Text, primary_key=True)
    pack_version: Mapped[str] = mapped_column(Text, primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # YYYY-MM-DD
    use_count: Mapped[int] = mapped_column(Integer, default=0)
    sent_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class QueryPick(Base):
    """A phrase the agent copied right after typing a query (search learns from it)."""

    __tablename__ = "query_picks"

    query: Mapped[str] = mapped_column(Text, primary_key=True)
    intent: Mapped[str] = mapped_column(Text, primary_key=True)
    pick_count: Mapped[int] = mapped_column(Integer, default=0)
    last_picked_at: Mapped[datetime | None] = mapped_column(UtcTime)


class CallSyncState(Base):
    """A record's team-sync state; triggers in the store keep ``change_seq`` current.

    ``change_seq`` is set whenever the record or its follow-ups change and cleared
    once that change is on the server; ``server_rev`` is the server's revision of
    the record this machine last wrote or saw (see assistant/sync).
    """

    __tablename__ = "sync_calls"

    call_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    change_seq: Mapped[int | None] = mapped_column(Integer)
    server_rev: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_sync_calls_change_seq", "change_seq"),)


class SyncClock(Base):
    """One row: the last ``change_seq`` handed out. It only grows (see migration 0003)."""

    __tablename__ = "sync_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tick: Mapped[int] = mapped_column(Integer)


class StoreKey(Base):
    """A key the customer fields were encrypted with; the key itself is in the OS
    keychain (see assistant/store/encryption.py and migration 0006)."""

    __tablename__ = "store_keys"

    key_id: Mapped[str] = mapped_column(String(12), primary_key=True)
    created_at: Mapped[str] = mapped_column(String(25))
    active: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    check_value: Mapped[str] = mapped_column(Text)
