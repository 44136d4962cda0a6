"""The server schema: created on first sync when allowed, or handed to the administrator."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from assistant.keychain import MemorySecretStore
from assistant.sync import server_tables
from assistant.sync.connection import make_engine, parse_server_url
from assistant.sync.server_schema import HEAD_VERSION, SCHEMA, ensure_schema, schema_script
from testsupport.postgres import PostgresServer

Sql = Callable[..., list[tuple[Any, ...]]]


def test_the_core_tables_match_the_schema_the_steps_create(
    server_url: str, agent_password: str
) -> None:
    from sqlalchemy import inspect

    engine = make_engine(parse_server_url(server_url), agent_password)
    try:
        assert ensure_schema(engine, "agent") is True
        assert ensure_schema(engine, "agent") is False  # already there: nothing to do
        inspector = inspect(engine)
        tables = set(inspector.get_table_names(schema=SCHEMA))
        assert tables == {"schema_version", *(t.name for t in server_tables.metadata.sorted_tables)}
        for table in server_tables.metadata.sorted_tables:
            columns = {c["name"]: c for c in inspector.get_columns(table.name, schema=SCHEMA)}
            assert list(columns) == [c.name for c in table.columns], table.name
            for column in table.columns:
                reflected = columns[column.name]
                dialect = engine.dialect
                assert reflected["type"].compile(dialect) == column.type.compile(dialect), (
                    table.name,
                    column.name,
                )
                if not column.nullable:
                    assert reflected["nullable"] is False, (table.name, column.name)
    finally:
        engine.dispose()


def test_an_account_without_rights_gets_the_script_for_the_administrator(
    pg_server: PostgresServer,
    server_db: str,
    server_sql: Sql,
    machine: Callable[..., Any],
    secrets: MemorySecretStore,
    clerk_password: str,
    make_record: Callable[..., dict[str, Any]],
) -> None:
    server_sql(f'REVOKE CREATE ON DATABASE "{server_db}" FROM PUBLIC')
    clerk_url = pg_server.url("clerk", server_db)
    secrets.set(parse_server_url(clerk_url).account, clerk_password)
    a = machine("a", url=clerk_url)
    a.import_records([make_record()])

    refused = a.run()

    assert refused.state == "failed"
    assert refused.errors == [
        "the account clerk may not create or use the sync tables on the server: ask the "
        "database administrator to run the SQL that 'agent-assist sync --print-schema' "
        "prints and to grant the account access"
    ]
    assert refused.pending == 1

    # The administrator runs the script (twice: it is safe to repeat) and the grants.
    script = schema_script()
    server_sql(script)
    server_sql(script)
    grants = [
        line.removeprefix("--").strip()
        for line in script.splitlines()
        if line.startswith("--   GRANT") and "supervisors" not in line
    ]
    assert len(grants) == 5
    for grant in grants:
        server_sql(grant.replace("TO agents", "TO clerk"))

    result = a.run()

    assert result.state == "ok", result.errors
    assert result.records_pushed == 1
    assert server_sql(f"SELECT max(version) FROM {SCHEMA}.schema_version") == [(HEAD_VERSION,)]
    # The grants also cover a conflict (another machine's newer edit, made here by hand).
    server_sql(
        f"UPDATE {SCHEMA}.calls SET outcome = 'elsewhere', rev = rev + 1, "
        f"content_hash = 'elsewhere', updated_at = '2030-01-01T00:00:00Z'"
    )
    record_id = server_sql(f"SELECT id FROM {SCHEMA}.calls")[0][0]
    a.edit(record_id, datetime(2025, 1, 1, tzinfo=UTC), outcome="here")
    settled = a.run()
    assert settled.state == "ok", settled.errors
    assert [c.kept for c in settled.conflicts] == ["server"]
    assert server_sql(f"SELECT lost_by FROM {SCHEMA}.sync_conflicts") == [("clerk",)]


def test_an_agent_account_may_not_publish_team_packs(
    pg_server: PostgresServer,
    server_db: str,
    server_sql: Sql,
    secrets: MemorySecretStore,
    clerk_password: str,
    pack_file: Any,
    paths: Any,
    prompts: Any,
    cli: Any,
) -> None:
    from assistant.settings import Settings, save_settings

    server_sql(schema_script())
    server_sql(f"GRANT USAGE ON SCHEMA {SCHEMA} TO clerk")
    server_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO clerk")
    clerk_url = pg_server.url("clerk", server_db)
    save_settings(paths.settings_file, Settings(sync_url=clerk_url))
    secrets.set(parse_server_url(clerk_url).account, clerk_password)

    result = cli("pack", "publish", str(pack_file))

    assert result.status == 1
    assert "the account clerk may not publish team packs" in result.errors
    assert "a supervisor's account is needed" in result.errors
    assert server_sql(f"SELECT count(*) FROM {SCHEMA}.team_packs") == [(0,)]


def test_a_server_with_a_newer_schema_is_refused(
    machine: Callable[..., Any], server_sql: Sql, make_record: Callable[..., dict[str, Any]]
) -> None:
    a = machine("a")
    a.run()
    server_sql(
        f"INSERT INTO {SCHEMA}.schema_version (version, description) VALUES (99, 'from the future')"
    )
    b = machine("b")
    b.import_records([make_record()])

    result = b.run()

    assert result.state == "failed"
    assert result.errors == [
        f"the sync server's schema (version 99) is newer than this version of Agent Assist "
        f"knows ({HEAD_VERSION}); update the app"
    ]
    assert server_sql(f"SELECT count(*) FROM {SCHEMA}.calls") == [(0,)]
