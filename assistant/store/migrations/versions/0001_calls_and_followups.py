"""Call records and their follow-ups.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TEXT_COLUMNS = (
    "agent_id agent_name participants customer_name customer_title customer_contact "
    "account_ref facts emotions demands request key_problem outcome disposition "
    "escalated_to handoff notes"
).split()


def upgrade() -> None:
    op.create_table(
        "calls",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("started_at", sa.String(25)),
        sa.Column("ended_at", sa.String(25)),
        sa.Column("talk_seconds", sa.Integer()),
        sa.Column("wrap_up_seconds", sa.Integer()),
        sa.Column("channel", sa.String(16)),
        sa.Column("direction", sa.String(16)),
        sa.Column("connect_status", sa.String(16)),
        *[sa.Column(name, sa.Text()) for name in TEXT_COLUMNS[:7]],
        sa.Column("customer_type", sa.String(16)),
        sa.Column("level", sa.String(2)),
        sa.Column("emotion_start", sa.String(16)),
        sa.Column("emotion_end", sa.String(16)),
        *[sa.Column(name, sa.Text()) for name in TEXT_COLUMNS[7:13]],
        sa.Column("resolution", sa.String(16)),
        *[sa.Column(name, sa.Text()) for name in TEXT_COLUMNS[13:]],
        sa.Column("tags", sa.Text()),
        sa.Column("templates_used", sa.Text()),
        sa.Column("created_at", sa.String(25), nullable=False),
        sa.Column("updated_at", sa.String(25), nullable=False),
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
