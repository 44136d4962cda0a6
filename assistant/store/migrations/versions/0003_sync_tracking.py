"""Change tracking for team sync: which records still have to go to the server.

Revision ID: 0003
Revises: 0002

``sync_calls`` holds one row per call record that ever changed here: ``change_seq``
is set whenever the record or one of its follow-ups is written, and cleared once
that exact change is on the server; ``server_rev`` is the server's revision this
machine last wrote or saw, so the server can tell an ordinary edit from a
conflicting one. ``change_seq`` comes from ``sync_clock``, a one-row counter that
only grows: a number is never handed out twice, so a push that read a record at
one number can never clear a later change to it.

Triggers do the marking, so every path that writes a record (the form through the
ORM, import through bulk upserts, raw SQL) is tracked without having to remember.
SQLite drops a table's triggers when a batch migration copies it: a later
revision that rebuilds ``calls`` or ``followups`` must create these again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_MARK = (
    "UPDATE sync_clock SET tick = tick + 1; "
    "INSERT INTO sync_calls (call_id, change_seq) "
    "VALUES ({id}, (SELECT tick FROM sync_clock)) "
    "ON CONFLICT (call_id) DO UPDATE SET change_seq = excluded.change_seq;"
)

TRIGGERS = {
    "trg_calls_insert_sync": ("AFTER INSERT ON calls", [_MARK.format(id="NEW.id")]),
    "trg_calls_update_sync": ("AFTER UPDATE ON calls", [_MARK.format(id="NEW.id")]),
    "trg_followups_insert_sync": ("AFTER INSERT ON followups", [_MARK.format(id="NEW.call_id")]),
    "trg_followups_update_sync": (
        "AFTER UPDATE ON followups",
        [_MARK.format(id="OLD.call_id"), _MARK.format(id="NEW.call_id")],
    ),
    "trg_followups_delete_sync": ("AFTER DELETE ON followups", [_MARK.format(id="OLD.call_id")]),
}


def upgrade() -> None:
    op.create_table(
        "sync_calls",
        sa.Column("call_id", sa.String(36), nullable=False),
        sa.Column("change_seq", sa.Integer()),
        sa.Column("server_rev", sa.Integer()),
        sa.PrimaryKeyConstraint("call_id", name=op.f("pk_sync_calls")),
    )
    op.create_index("ix_sync_calls_change_seq", "sync_calls", ["change_seq"])
    op.create_table(
        "sync_clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tick", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_clock")),
    )
    # Nothing in an existing store has been on a server yet.
    op.execute("INSERT INTO sync_calls (call_id, change_seq) SELECT id, rowid FROM calls")
    op.execute(
        "INSERT INTO sync_clock (id, tick) SELECT 1, coalesce(max(change_seq), 0) FROM sync_calls"
    )
    for name, (when, statements) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {' '.join(statements)} END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("sync_clock")
    op.drop_index("ix_sync_calls_change_seq", table_name="sync_calls")
    op.drop_table("sync_calls")
