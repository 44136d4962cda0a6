"""Sync fixtures on top of the shared PostgreSQL server (tests/conftest.py): SQL on
the test's database, the in-memory keychain, a scripted terminal, machines that sync."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from assistant.keychain import MemorySecretStore
from assistant.paths import Paths
from assistant.settings import load_settings, save_settings
from assistant.store.db import Store, open_store
from assistant.store.timefmt import utc_now
from assistant.sync.connection import ServerAddress, parse_server_url
from assistant.sync.service import RetryPolicy, SyncConfig, SyncResult, TeamSync
from assistant.sync.state import state_file
from testsupport.postgres import PostgresServer

# Retries without the real waits: the tests make the failures happen on purpose.
FAST_RETRY = RetryPolicy(attempts=5, first_delay_s=0.001, max_delay_s=0.01)


@pytest.fixture
def server_sql(pg_server: PostgresServer, server_db: str) -> Callable[..., list[tuple[Any, ...]]]:
    """Run SQL on the test's database as the superuser; rows back (empty if none)."""

    def run(statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with pg_server.admin_session(server_db) as conn:
            cursor = conn.execute(statement, params or None)  # type: ignore[arg-type]
            return list(cursor.fetchall()) if cursor.description else []

    return run


@pytest.fixture
def secrets() -> MemorySecretStore:
    return MemorySecretStore()


@dataclass
class Prompts:
    """Stands in for the terminal: answers password prompts and counts them."""

    answers: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def __call__(self, prompt: str) -> str:
        self.asked.append(prompt)
        if not self.answers:
            raise AssertionError(f"unexpected password prompt: {prompt}")
        return self.answers.pop(0)


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch, secrets: MemorySecretStore) -> Prompts:
    """The command line with the in-memory keychain and a scripted terminal."""
    from assistant.sync import cli

    answers = Prompts()
    monkeypatch.setattr(cli, "ask_password", answers)
    monkeypatch.setattr(cli, "open_secret_store", lambda: secrets)
    return answers


@pytest.fixture
def logged_in(
    paths: Paths,
    server_url: str,
    agent_password: str,
    secrets: MemorySecretStore,
    prompts: Prompts,
) -> ServerAddress:
    """The test's data dir set up as after ``sync --login``."""
    address = parse_server_url(server_url)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    settings = load_settings(paths.settings_file)
    save_settings(paths.settings_file, settings.with_changes(sync_url=address.url))
    secrets.set(address.account, agent_password)
    return address


@dataclass
class Machine:
    """One agent's computer: its own data dir and store, syncing with the server."""

    name: str
    paths: Paths
    store: Store
    sync: TeamSync

    def run(self) -> SyncResult:
        return self.sync.run()

    def import_records(self, records: list[dict[str, Any]]) -> None:
        from assistant.notes.importer import import_file

        source = self.paths.data_dir / "import.jsonl"
        source.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        report = import_file(self.store.sessions, source, now=utc_now())
        assert report.problems == []

    def edit(self, call_id: str, at: datetime, **values: Any) -> None:
        from assistant.notes.records import save_call

        with self.store.sessions.begin() as session:
            save_call(session, {"id": call_id, **values}, None, now=at)

    def close(self) -> None:
        self.sync.close()
        self.store.close()


@pytest.fixture
def machine(
    tmp_path: Path,
    _template_store: Path,
    server_url: str,
    agent_password: str,
    secrets: MemorySecretStore,
) -> Iterator[Callable[..., Machine]]:
    """Make machines ("a", "b", ...) that sync with the test's database."""
    made: list[Machine] = []
    address = parse_server_url(server_url)
    secrets.set(address.account, agent_password)

    def make(
        name: str = "a",
        *,
        url: str | None = None,
        batch_size: int = 500,
        retry: RetryPolicy = FAST_RETRY,
    ) -> Machine:
        paths = Paths(tmp_path / f"machine-{name}")
        paths.data_dir.mkdir(parents=True)
        shutil.copy(_template_store, paths.store_file)
        store = open_store(paths.store_file)
        config = SyncConfig(
            url or server_url,
            paths.team_packs_dir,
            state_file(paths.data_dir),
            batch_size=batch_size,
            retry=retry,
        )
        sync = TeamSync(store.sessions, config, secrets, utc_now)
        made.append(Machine(name, paths, store, sync))
        return made[-1]

    yield make
    for item in made:
        item.close()


PACK_TEXT = """\
pack:
  id: team-acme
  name: ACME team phrasing
  language: en
  version: "3"
  author: Supervisor Li
entries:
  - id: team.acme.greeting
    title: ACME greeting
    category: opening
    body: "Thank you for calling ACME, this is {agent_name}, agent {agent_id}."
"""


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    """A small valid team pack."""
    path = tmp_path / "team-acme.yaml"
    path.write_text(PACK_TEXT, encoding="utf-8")
    return path
