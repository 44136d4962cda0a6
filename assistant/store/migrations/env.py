"""Alembic environment: always run with a connection handed in by assistant.store.db."""

from __future__ import annotations

from alembic import context

from assistant.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only ALTER through table copies
)
with context.begin_transaction():
    context.run_migrations()
