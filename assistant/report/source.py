"""Where a report reads its records: this machine's SQLite store or the team's
PostgreSQL store. Both are read with plain DB-API cursors, streamed in chunks: the
ORM builds an object per row, which is the wrong tool for 100,000 rows.

The SQL is written once, for SQLite, with ``?`` parameters, a ``{list:col}``
marker for list columns and a ``{time:col}`` marker for times bound for a sheet's
cells; the team dialect rewrites those for PostgreSQL (``%s``, ``text[]`` joined
with ``;``, the time as it is). Times arrive as ISO text from SQLite and as aware
datetimes from PostgreSQL; ``as_time`` reads both. A ``{time:col}`` from SQLite
arrives as a UTC Excel serial (SQLite reads the text far faster than Python does),
or as the text itself if SQLite cannot read it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from assistant.errors import UserError
from assistant.store.fields import LIST_SEPARATOR
from assistant.store.timefmt import to_utc_text

if TYPE_CHECKING:
    from assistant.sync.connection import ServerAddress

CHUNK = 2000
_LIST = re.compile(r"\{list:(\w+(?:\.\w+)?)\}")
_TIME = re.compile(r"\{time:(\w+(?:\.\w+)?)\}")
# Julian day of Excel's day 0, 1899-12-30.
_EXCEL_JULIAN = 2415018.5


class TeamUse(NamedTuple):
    """Copies of one entry (of one pack version) by one team in the period."""

    team: str  # an agent group; "" for agents with none
    entry_id: str
    pack_version: str
    copies: int
    agents: int


class Source(Protocol):
    """A store to report on."""

    description: str  # for the Summary sheet: "this machine" or the server's place

    def rows(self, sql: str, params: Sequence[object]) -> Iterator[Sequence[Any]]:
        """Stream the rows of ``sql`` (SQLite spelling, see the module doc)."""
        ...

    def phrase_use(self, since: date | None, until: date | None) -> list[TeamUse]:
        """Phrase copies per team, from the days ``since`` to ``until`` (inclusive)."""
        ...

    def close(self) -> None: ...


def as_time(value: object) -> datetime | None:
    """A stored time (ISO text or a datetime) as an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.fromisoformat(str(value))


class LocalSource:
    """This machine's store (the SQLite file the panel writes)."""

    description = "this machine"

    def __init__(self, store: Path) -> None:
        from assistant.notes.export import connect

        self.store = store
        self.conn = connect(store)

    def rows(self, sql: str, params: Sequence[object]) -> Iterator[Sequence[Any]]:
        from assistant.notes.export import read_error

        sql = _LIST.sub(r"\1", sql.replace("{calls}", "calls").replace("{followups}", "followups"))
        sql = _TIME.sub(rf"coalesce(julianday(\1) - {_EXCEL_JULIAN}, \1)", sql)
        try:
            values = [to_utc_text(p) if isinstance(p, datetime) else p for p in params]
            cursor = self.conn.execute(sql, values)
            while batch := cursor.fetchmany(CHUNK):
                yield from batch
        except sqlite3.Error as exc:
            raise read_error(self.store, self.conn, exc) from exc

    def phrase_use(self, since: date | None, until: date | None) -> list[TeamUse]:
        return []  # one machine has no teams: the Phrases sheet's calls say it all

    def close(self) -> None:
        self.conn.close()


@dataclass
class TeamSource:
    """The team's PostgreSQL store, read with the login team sync keeps."""

    address: ServerAddress
    password: str

    def __post_init__(self) -> None:
        from assistant.sync.connection import make_engine

        self.description = f"team server {self.address.place}"
        self.engine = make_engine(self.address, self.password)

    def rows(self, sql: str, params: Sequence[object]) -> Iterator[Sequence[Any]]:
        from assistant.sync.server_schema import SCHEMA

        sql = sql.replace("{calls}", f"{SCHEMA}.calls").replace(
            "{followups}", f"{SCHEMA}.followups"
        )
        sql = _LIST.sub(rf"array_to_string(\1, '{LIST_SEPARATOR}')", sql).replace("?", "%s")
        sql = _TIME.sub(r"\1", sql)
        try:
            raw = self.engine.raw_connection()
        except Exception as exc:
            raise self._failure(exc) from None
        try:
            # A named cursor is read on the server in chunks: memory stays flat.
            driver: Any = raw.driver_connection
            with driver.cursor(name="report") as cursor:
                cursor.itersize = CHUNK
                cursor.execute(sql, list(params))
                yield from cursor
            driver.rollback()
        except UserError:
            raise
        except Exception as exc:
            raise self._failure(exc) from None
        finally:
            raw.close()

    def phrase_use(self, since: date | None, until: date | None) -> list[TeamUse]:
        from assistant.sync.server_schema import SCHEMA

        (table,) = next(iter(self.rows(f"SELECT to_regclass('{SCHEMA}.phrase_use')", [])))
        if table is None:  # a server from before use counts: none sent yet
            return []
        where, params = ["true"], []
        if since is not None:
            where.append("u.day >= ?")
            params.append(since)
        if until is not None:
            where.append("u.day <= ?")
            params.append(until)
        sql = (
            "SELECT coalesce(team, ''), u.entry_id, u.pack_version, sum(u.use_count), "
            f"count(DISTINCT u.agent) FROM {SCHEMA}.phrase_use u "
            "LEFT JOIN LATERAL unnest(u.teams) AS team ON true "
            f"WHERE {' AND '.join(where)} GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC, 2, 3"
        )
        return [
            TeamUse(str(team), str(entry), str(version), int(copies), int(agents))
            for team, entry, version, copies, agents in self.rows(sql, params)
        ]

    def _failure(self, exc: Exception) -> Exception:
        from assistant.sync.connection import classify, describe

        if classify(exc) == "other" and "does not exist" not in str(exc):
            return exc
        if "does not exist" in str(exc):
            return UserError(
                f"{self.address.place}: no team records yet (nobody has synced to this server)"
            )
        return UserError(describe(exc, self.address))

    def close(self) -> None:
        self.engine.dispose()
