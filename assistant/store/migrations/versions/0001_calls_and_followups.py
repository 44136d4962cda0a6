"""Call records and their follow-ups.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from assistant.store.fields import FieldSpec, csv_line_sql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The calls table as this revision defines it: (name, SQL type, kind). Frozen here
# so later changes to the app's field list cannot change what this step creates.
CALL_COLUMNS: list[tuple[str, sa.types.TypeEngine[Any], str]] = [
    ("id", sa.String(36), "id"),
    ("status", sa.String(8), "enum"),
    ("started_at", sa.String(25), "datetime"),
    ("ended_at", sa.String(25), "datetime"),
    ("talk_seconds", sa.Integer(), "seconds"),
    ("wrap_up_seconds", sa.Integer(), "seconds"),
    ("channel", sa.String(16), "enum"),
    ("direction", sa.String(16), "enum"),
    ("connect_status", sa.String(16), "enum"),
    ("agent_id", sa.Text(), "text"),
    ("agent_name", sa.Text(), "text"),
    ("participants", sa.Text(), "text"),
    ("customer_name", sa.Text(), "text"),
    ("customer_title", sa.Text(), "text"),
    ("customer_contact", sa.Text(), "text"),
    ("account_ref", sa.Text(), "text"),
    ("customer_type", sa.String(16), "enum"),
    ("level", sa.String(2), "enum"),
    ("emotion_start", sa.String(16), "enum"),
    ("emotion_end", sa.String(16), "enum"),
    ("facts", sa.Text(), "text"),
    ("emotions", sa.Text(), "text"),
    ("demands", sa.Text(), "text"),
    ("request", sa.Text(), "text"),
    ("key_problem", sa.Text(), "text"),
    ("outcome", sa.Text(), "text"),
    ("resolution", sa.String(16), "enum"),
    ("disposition", sa.Text(), "text"),
    ("escalated_to", sa.Text(), "text"),
    ("handoff", sa.Text(), "text"),
    ("notes", sa.Text(), "text"),
    ("tags", sa.Text(), "list"),
    ("templates_used", sa.Text(), "list"),
    ("created_at", sa.String(25), "datetime"),
    ("updated_at", sa.String(25), "datetime"),
]
NOT_NULL = {"id", "status", "created_at", "updated_at"}


def upgrade() -> None:
    specs = tuple(FieldSpec(name, kind) for name, _, kind in CALL_COLUMNS)  # type: ignore[arg-type]
    op.create_table(
        "calls",
        *[sa.Column(name, kind, nullable=name not in NOT_NULL) for name, kind, _ in CALL_COLUMNS],
        # The row as a raw CSV line, kept by SQLite itself: exporting then only reads it.
        sa.Column("csv_raw", sa.Text(), sa.Computed(csv_line_sql(specs), persisted=True)),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
    )
    op.create_index("ix_calls_started_at", "calls", ["started_at", "id"])
    op.create_index("ix_calls_updated_at", "calls", ["updated_at"])
    op.create_table(
        "followups",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("call_id", sa.String(36), nullable=False),
        sa.Column("owner", sa.Text()),
        sa.Column("due_at", sa.String(25)),
        sa.Column("resources", sa.Text()),
        sa.Column("plan", sa.Text()),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("done_at", sa.String(25)),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["calls.id"],
            name=op.f("fk_followups_call_id_calls"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followups")),
    )
    op.create_index("ix_followups_call_id", "followups", ["call_id"])
    op.create_index("ix_followups_status_due_at", "followups", ["status", "due_at"])


def downgrade() -> None:
    op.drop_table("followups")
    op.drop_table("calls")
