"""The keys of encryption at rest (``agent-assist encrypt``).

Revision ID: 0006
Revises: 0005

One row per key this store's customer fields were ever encrypted with: its id
(which every encrypted value carries), when it was made, whether new values are
encrypted with it (``active``, at most one row), and a check value encrypted with
it, so a key that is not this store's is refused before anything is written. The
key itself is never here: it is in the OS keychain (see assistant/store/encryption.py).
No row: encryption at rest was never switched on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_keys",
        sa.Column("key_id", sa.String(12), nullable=False),
        sa.Column("created_at", sa.String(25), nullable=False),
        sa.Column("active", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("check_value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_store_keys")),
    )


def downgrade() -> None:
    op.drop_table("store_keys")
