from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from assistant.errors import UserError
from assistant.store.db import open_store
from assistant.store.schema import HEAD_REVISION, KNOWN_REVISIONS

MIGRATIONS = Path(__file__).resolve().parents[2] / "assistant" / "store" / "migrations"


def _alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _upgrade_to(path: Path, revision: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()


def test_known_revisions_match_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(revisions) == KNOWN_REVISIONS
    assert script.get_current_head() == HEAD_REVISION


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from assistant.store.models import Base

    store = open_store(tmp_path / "s.sqlite3")
    engine = create_engine(f"sqlite:///{store.path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    store.close()
    assert diff == []


def test_new_store_is_created_stamped_with_pragmas(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new" / "calls.sqlite3")
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    store.close()
    with sqlite3.connect(tmp_path / "new" / "calls.sqlite3") as conn:
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
        )
    assert store.backup is None


def test_first_revision_store_is_backed_up_and_upgraded_with_rows_intact(tmp_path: Path) -> None:
    path = tmp_path / "calls.sqlite3"
    _upgrade_to(path, KNOWN_REVISIONS[0])
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO calls (id, status, request, created_at, updated_at) VALUES "
            "('7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b', 'draft', '退款进度', "
            "'2024-03-15T06:00:00+00:00', '2024-03-15T06:00:00+00:00')"
        )
    conn.close()
    before = path.read_bytes()
    store = open_store(path)
    store.close()
    assert store.backup is not None
    assert store.backup.parent == path.parent
    assert store.backup.name.startswith(f"calls.sqlite3.before-{HEAD_REVISION}-")
    with sqlite3.connect(store.backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT request FROM calls").fetchone()[0] == "退款进度"
    conn.close()
    assert len(before) > 0
    with sqlite3.connect(path) as conn:
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
        )
        assert conn.execute("SELECT request FROM calls").fetchall() == [("退款进度",)]
        assert conn.execute("SELECT count(*) FROM template_usage").fetchone()[0] == 0
    conn.close()


def test_newer_store_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "calls.sqlite3"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="newer version of Agent Assist") as info:
        open_store(path)
    assert info.value.exit_status == 3
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.bak")) == []


def test_newer_store_refusal_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli import main

    data = tmp_path / "data"
    data.mkdir()
    open_store(data / "calls.sqlite3").close()
    with sqlite3.connect(data / "calls.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    assert main(["--data-dir", str(data), "export"]) == 3
    err = capsys.readouterr().err
    assert "newer version of Agent Assist" in err
    assert "Traceback" not in err


def test_garbage_file_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "calls.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(UserError, match="damaged"):
        open_store(path)


def test_foreign_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "calls.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(path, copy)
    with pytest.raises(UserError, match="not an Agent Assist store"):
        open_store(path)
    assert path.read_bytes() == copy.read_bytes()
