"""What the agent copied after typing a query, so that query finds it first next time.

Revision ID: 0004
Revises: 0003

One row per (folded query, intent): how often the agent copied that intent's
phrase right after typing that query, and when last.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "query_picks",
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("intent", sa.Text(), nullable=False),
        sa.Column("pick_count", sa.Integer(), nullable=False),
        sa.Column("last_picked_at", sa.String(25)),
        sa.PrimaryKeyConstraint("query", "intent", name=op.f("pk_query_picks")),
    )


def downgrade() -> None:
    op.drop_table("query_picks")
