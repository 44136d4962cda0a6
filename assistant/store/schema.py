"""Schema revisions the app knows, readable without importing SQLAlchemy or Alembic.

A test checks these against the Alembic scripts, so the fast start-up path can
compare a store's version with plain ``sqlite3``.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD_REVISION = KNOWN_REVISIONS[-1]
