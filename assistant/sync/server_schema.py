"""The sync server's schema: numbered SQL steps, applied in one transaction.

Plain SQL rather than a second Alembic directory, because the same text has to
work two ways: the app applies the missing steps on first sync when the account
may create tables, and ``agent-assist sync --print-schema`` prints them as a
script for a database administrator when it may not. Every statement is
idempotent (``IF NOT EXISTS``, ``ON CONFLICT DO NOTHING``), so the printed script
can be run again safely. Steps are frozen once shipped: change the schema by
appending a step, never by editing one.

Everything lives in its own PostgreSQL schema, ``agent_assist``, so the tables
can share a database with other applications. ``schema_version`` holds one row
per applied step; a server with a step this app does not know is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

SCHEMA = "agent_assist"
# Serialises concurrent first syncs (two agents creating the schema at once).
LOCK_KEY = 0x6167_6173_7379_6E63  # "agassync"


@dataclass(frozen=True, slots=True)
class Step:
    version: int
    description: str
    statements: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step(
        1,
        "call records, follow-ups, conflicts, team packs",
        (
            f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
            f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.schema_version (
    version integer PRIMARY KEY,
    description text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)""",
            f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.calls (
    id text PRIMARY KEY,
    status text NOT NULL,
    started_at timestamptz,
    ended_at timestamptz,
    talk_seconds integer,
    wrap_up_seconds integer,
    channel text,
    direction text,
    connect_status text,
    agent_id text,
    agent_name text,
    participants text,
    customer_name text,
    customer_title text,
    customer_contact text,
    account_ref text,
    customer_type text,
    level text,
    emotion_start text,
    emotion_end text,
    facts text,
    emotions text,
    demands text,
    request text,
    key_problem text,
    outcome text,
    resolution text,
    disposition text,
    escalated_to text,
    handoff text,
    notes text,
    tags text[] NOT NULL DEFAULT '{{}}',
    templates_used text[] NOT NULL DEFAULT '{{}}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    rev bigint NOT NULL,
    content_hash text NOT NULL,
    pushed_by text NOT NULL,
    pushed_from text NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now()
)""",
            f"CREATE INDEX IF NOT EXISTS ix_calls_started_at ON {SCHEMA}.calls (started_at)",
            f"CREATE INDEX IF NOT EXISTS ix_calls_updated_at ON {SCHEMA}.calls (updated_at)",
            f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.followups (
    id text PRIMARY KEY,
    call_id text NOT NULL REFERENCES {SCHEMA}.calls (id) ON DELETE CASCADE,
    owner text,
    due_at timestamptz,
    resources text,
    plan text,
    status text NOT NULL,
    done_at timestamptz
)""",
            f"CREATE INDEX IF NOT EXISTS ix_followups_call_id ON {SCHEMA}.followups (call_id)",
            f"CREATE INDEX IF NOT EXISTS ix_followups_status_due_at "
            f"ON {SCHEMA}.followups (status, due_at)",
            f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.sync_conflicts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_id text NOT NULL,
    lost_version jsonb NOT NULL,
    lost_hash text NOT NULL,
    lost_updated_at timestamptz NOT NULL,
    lost_by text NOT NULL,
    lost_from text NOT NULL,
    won_hash text NOT NULL,
    won_updated_at timestamptz NOT NULL,
    won_by text NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    CONSTRAINT uq_sync_conflicts_call_id_lost_hash UNIQUE (call_id, lost_hash)
)""",
            f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.team_packs (
    id text PRIMARY KEY,
    version text NOT NULL DEFAULT '',
    yaml text NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by text NOT NULL
)""",
        ),
    ),
    # Added in step 2 (nothing before it changes): copies of team and built-in
    # phrases per day, summed over machines by ``agent-assist report --team``. Only
    # ids, pack versions, days and counts: never the text of a call or a phrase.
    Step(
        2,
        "phrase use counts",
        (
            f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.phrase_use (
    machine_id text NOT NULL,
    agent text NOT NULL,
    teams text[] NOT NULL DEFAULT '{{}}',
    entry_id text NOT NULL,
    pack_version text NOT NULL,
    day date NOT NULL,
    use_count integer NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (machine_id, entry_id, pack_version, day)
)""",
            f"CREATE INDEX IF NOT EXISTS ix_phrase_use_day ON {SCHEMA}.phrase_use (day)",
        ),
    ),
    # Added in step 3: the ids of records erased team-wide (right to erasure), so
    # every machine removes its copies and none can push them back. Ids only.
    Step(
        3,
        "erased records",
        (
            f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.erased_calls (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    call_id text PRIMARY KEY,
    erased_at timestamptz NOT NULL DEFAULT now(),
    erased_by text NOT NULL
)""",
        ),
    ),
)
HEAD_VERSION = STEPS[-1].version

GRANTS_HELP = f"""\
-- Then let the agents' database role use it (replace "agents" and "supervisors"
-- with your roles):
--   GRANT USAGE ON SCHEMA {SCHEMA} TO agents;
--   GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO agents;
--   GRANT INSERT, UPDATE, DELETE ON {SCHEMA}.calls, {SCHEMA}.followups TO agents;
--   GRANT INSERT ON {SCHEMA}.sync_conflicts TO agents;
-- Whoever runs 'agent-assist erase --team' (a supervisor, say) also needs:
--   GRANT INSERT ON {SCHEMA}.erased_calls TO supervisors;
--   GRANT DELETE ON {SCHEMA}.sync_conflicts TO supervisors;
--   GRANT INSERT, UPDATE ON {SCHEMA}.phrase_use TO agents;
-- Supervisors, who publish team packs, also need:
--   GRANT INSERT, UPDATE ON {SCHEMA}.team_packs TO supervisors;
"""


def _version_row(step: Step) -> str:
    description = step.description.replace("'", "''")
    return (
        f"INSERT INTO {SCHEMA}.schema_version (version, description) "
        f"VALUES ({step.version}, '{description}') ON CONFLICT (version) DO NOTHING"
    )


def schema_script() -> str:
    """Every step as one SQL script for an administrator (``--print-schema``)."""
    parts = [
        f"-- Agent Assist team sync: server schema version {HEAD_VERSION}.",
        "-- Run it once as a role that may create schemas in the sync database, e.g.",
        '--   psql "postgresql://admin@host:5432/dbname" -v ON_ERROR_STOP=1 -f this-file.sql',
        "-- It is safe to run again: it only adds what is missing.",
        GRANTS_HELP,
        "BEGIN;",
        f"SELECT pg_advisory_xact_lock({LOCK_KEY});",
    ]
    for step in STEPS:
        parts.append(f"\n-- step {step.version}: {step.description}")
        parts.extend(f"{statement};" for statement in step.statements)
        parts.append(f"{_version_row(step)};")
    parts.append("COMMIT;")
    return "\n".join(parts) + "\n"


class SchemaMissing(UserError):
    """The sync tables are missing or old and this account may not create them."""


def server_version(conn: Connection) -> int:
    """The newest applied step, 0 when the schema is not there at all."""
    from sqlalchemy import text

    exists = conn.execute(text(f"SELECT to_regclass('{SCHEMA}.schema_version')")).scalar()
    if exists is None:
        return 0
    return int(
        conn.execute(text(f"SELECT max(version) FROM {SCHEMA}.schema_version")).scalar() or 0
    )


def ensure_schema(engine: Engine, user: str) -> bool:
    """Bring the server to this app's schema; True if anything was applied."""
    from sqlalchemy import text

    from assistant.sync.connection import classify

    try:
        with engine.begin() as conn:
            version = server_version(conn)
            if version == HEAD_VERSION:
                return False
            if version > HEAD_VERSION:
                raise UserError(
                    f"the sync server's schema (version {version}) is newer than this "
                    f"version of Agent Assist knows ({HEAD_VERSION}); update the app"
                )
            conn.execute(text(f"SELECT pg_advisory_xact_lock({LOCK_KEY})"))
            version = server_version(conn)  # another agent may have just done it
            for step in STEPS:
                if step.version > version:
                    for statement in step.statements:
                        conn.exec_driver_sql(statement)
                    conn.exec_driver_sql(_version_row(step))
            return version < HEAD_VERSION
    except UserError:
        raise
    except Exception as exc:
        if classify(exc) != "permission":
            raise
        raise SchemaMissing(
            f"the account {user} may not create or use the sync tables on the server: ask "
            f"the database administrator to run the SQL that 'agent-assist sync "
            f"--print-schema' prints and to grant the account access"
        ) from None
