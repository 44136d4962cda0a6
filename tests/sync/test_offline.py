"""An unreachable server is a normal outcome: the records wait, nothing raises."""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from assistant.keychain import MemorySecretStore, SecretStoreUnavailable
from assistant.paths import Paths
from assistant.settings import Settings, save_settings
from assistant.store.db import Store
from assistant.sync.connection import parse_server_url
from assistant.sync.service import SyncConfig, run_sync
from assistant.sync.state import load_state, state_file


@pytest.fixture
def closed_url() -> str:
    """An address where nothing listens."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"postgresql://agent@127.0.0.1:{port}/team"


def _clock() -> datetime:
    return datetime(2024, 3, 15, 9, 30, tzinfo=UTC)


def _import_one(store: Store, make_record: Callable[..., dict[str, Any]], tmp_path: Path) -> None:
    import json

    from assistant.notes.importer import import_file

    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(make_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    import_file(store.sessions, source, now=_clock())


def test_run_sync_offline_returns_a_result_and_keeps_the_error(
    store: Store,
    paths: Paths,
    closed_url: str,
    make_record: Callable[..., dict[str, Any]],
    tmp_path: Path,
) -> None:
    _import_one(store, make_record, tmp_path)
    secrets = MemorySecretStore()
    secrets.set(parse_server_url(closed_url).account, "pw")
    config = SyncConfig(closed_url, paths.team_packs_dir, state_file(paths.data_dir))

    result = run_sync(store.sessions, config, secrets, _clock)

    assert result.state == "offline"
    assert not result.ok
    assert result.pending == 1
    assert result.last_sync_at is None
    [error] = result.errors
    assert error.startswith("cannot reach the sync server 127.0.0.1:")
    assert "Connection refused" in error
    state = load_state(config.state_file)
    assert (state.last_attempt_at, state.last_sync_at, state.last_error) == (_clock(), None, error)


def test_run_sync_without_a_password_says_how_to_log_in(store: Store, paths: Paths) -> None:
    config = SyncConfig(
        "postgresql://agent@db.example:5432/team", paths.team_packs_dir, paths.data_dir / "s.json"
    )

    result = run_sync(store.sessions, config, MemorySecretStore(), _clock)

    assert result.state == "failed"
    assert result.errors == [
        "no password saved for agent@db.example:5432/team: run "
        "'agent-assist sync --login postgresql://agent@db.example:5432/team'"
    ]


def test_run_sync_without_a_keychain_asks_the_caller_for_the_password(
    store: Store, paths: Paths
) -> None:
    class NoKeychain:
        def get(self, account: str) -> str | None:
            raise SecretStoreUnavailable("no usable keychain on this system (test)")

        def set(self, account: str, secret: str) -> None:
            raise SecretStoreUnavailable("no usable keychain on this system (test)")

        def delete(self, account: str) -> bool:
            raise SecretStoreUnavailable("no usable keychain on this system (test)")

    config = SyncConfig(
        "postgresql://agent@db.example:5432/team", paths.team_packs_dir, paths.data_dir / "s.json"
    )

    result = run_sync(store.sessions, config, NoKeychain(), _clock)

    assert result.state == "failed"
    assert result.errors == ["no usable keychain on this system (test)"]


def test_sync_offline_on_the_command_line(
    cli: Any,
    paths: Paths,
    prompts: Any,
    secrets: MemorySecretStore,
    closed_url: str,
    make_record: Callable[..., dict[str, Any]],
    write_jsonl: Callable[..., Path],
) -> None:
    assert cli("import", str(write_jsonl([make_record()]))).status == 0
    save_settings(paths.settings_file, Settings(sync_url=closed_url))
    secrets.set(parse_server_url(closed_url).account, "pw")

    result = cli("sync")

    assert result.status == 1
    lines = result.errors.splitlines()
    assert lines[0].startswith("agent-assist: cannot reach the sync server 127.0.0.1:")
    assert lines[1] == "agent-assist: offline: 1 record(s) wait for the next sync"
    assert "Traceback" not in result.errors
    assert "1 record(s) waiting" in result.text
