"""A customer erased team-wide: on the server, and on every machine that syncs.

``agent-assist erase --contact VALUE --team`` removes the customer's records and
follow-ups from the team server (every agent's, not only this machine's), drops any
conflict copies of them kept there, and notes their ids in ``erased_calls``: ids and
a time, never customer data. From then on:

- every machine's sync round first reads the ids erased since it last looked and
  removes its own copies (``erased_since``), so an agent who also took that
  customer's calls loses them too;
- the server refuses to take an erased record again (``erased_among``): a machine
  that had not synced since cannot push it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import text

from assistant.notes.erasure import Found, same_contact
from assistant.sync.server_schema import SCHEMA

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

    from assistant.sync.connection import ServerAddress


def find_on_server(conn: Connection, contact: str) -> Found:
    """The server's records of this customer (matched as ``erase`` matches locally)."""
    rows = conn.execute(
        text(f"SELECT id, customer_contact FROM {SCHEMA}.calls WHERE customer_contact IS NOT NULL")
    )
    ids = [row.id for row in rows if same_contact(row.customer_contact, contact)]
    if not ids:
        return Found([], 0)
    count = conn.execute(
        text(f"SELECT count(*) FROM {SCHEMA}.followups WHERE call_id = ANY(:ids)"), {"ids": ids}
    ).scalar_one()
    return Found(ids, int(count))


def erase_on_server(conn: Connection, ids: Sequence[str], erased_by: str) -> None:
    """Note ``ids`` as erased and remove them, their follow-ups and conflict copies
    (the caller's transaction)."""
    if not ids:
        return
    conn.execute(
        text(
            f"INSERT INTO {SCHEMA}.erased_calls (call_id, erased_by) "
            "SELECT unnest(CAST(:ids AS text[])), :by ON CONFLICT (call_id) DO NOTHING"
        ),
        {"ids": list(ids), "by": erased_by},
    )
    conn.execute(
        text(f"DELETE FROM {SCHEMA}.sync_conflicts WHERE call_id = ANY(:ids)"), {"ids": list(ids)}
    )
    # Follow-ups go with their record (ON DELETE CASCADE).
    conn.execute(text(f"DELETE FROM {SCHEMA}.calls WHERE id = ANY(:ids)"), {"ids": list(ids)})


def erased_among(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` were erased: the server takes them no more."""
    rows = conn.execute(
        text(f"SELECT call_id FROM {SCHEMA}.erased_calls WHERE call_id = ANY(:ids)"),
        {"ids": list(ids)},
    )
    return set(rows.scalars())


def erased_since(conn: Connection, after: int) -> tuple[list[str], int]:
    """Ids erased after the mark ``after``, and the new mark."""
    rows = conn.execute(
        text(f"SELECT seq, call_id FROM {SCHEMA}.erased_calls WHERE seq > :after ORDER BY seq"),
        {"after": after},
    ).all()
    return [row.call_id for row in rows], (rows[-1].seq if rows else after)


class TeamErasure:
    """``erase --team``'s side on the server: find first (to say and ask), then erase."""

    def __init__(self, address: ServerAddress, password: str) -> None:
        from assistant.sync.connection import make_engine

        self.address = address
        self.engine: Engine = make_engine(address, password)

    def find(self, contact: str) -> Found:
        from assistant.sync.server_schema import ensure_schema

        try:
            ensure_schema(self.engine, self.address.user)
            with self.engine.connect() as conn:
                return find_on_server(conn, contact)
        except Exception as exc:
            raise self._failure(exc) from None

    def erase(self, ids: Sequence[str]) -> None:
        try:
            with self.engine.begin() as conn:
                erase_on_server(conn, ids, self.address.user)
        except Exception as exc:
            raise self._failure(exc) from None

    def close(self) -> None:
        self.engine.dispose()

    def _failure(self, exc: Exception) -> Exception:
        from assistant.errors import UserError
        from assistant.sync.connection import classify, describe

        if isinstance(exc, UserError) or classify(exc) == "other":
            return exc
        return UserError(f"nothing removed: {describe(exc, self.address)}")
