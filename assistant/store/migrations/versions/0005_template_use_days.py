"""Copies of team and built-in phrases per day, for the team's use counts.

Revision ID: 0005
Revises: 0004

One row per (entry id, pack version, day): how many times the agent copied the
entry that day, and how many of those the team server has. Team sync sends the
rows where the two differ; no text of the call or of the phrase is kept here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "template_use_days",
        sa.Column("entry_id", sa.Text(), nullable=False),
        sa.Column("pack_version", sa.Text(), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("use_count", sa.Integer(), nullable=False),
        sa.Column("sent_count", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint(
            "entry_id", "pack_version", "day", name=op.f("pk_template_use_days")
        ),
    )


def downgrade() -> None:
    op.drop_table("template_use_days")
