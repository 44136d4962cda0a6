"""Shared fixtures: a data dir per test, a store built once and copied, sample records,
and one real PostgreSQL server per session for team sync (tests/sync and the bundle's
sync in tests/installer).

The server is started by the tests themselves (testsupport.postgres) and stopped
after them. Without the PostgreSQL programs the tests fail, with the command that
installs them: the setup script provides them, so a missing server is a broken setup,
not a reason to skip.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import keyring
import keyring.backend
import keyring.errors
import pytest

from assistant.paths import Paths
from assistant.store.db import Store, open_store

if TYPE_CHECKING:
    from testsupport.postgres import PostgresServer

AGENT = "agent"
AGENT_PASSWORD = "correct horse 电池"
CLERK = "clerk"
CLERK_PASSWORD = "clerk-pass"


@pytest.fixture(scope="session")
def _template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Migrating an empty store takes a while; build it once and copy it per test.
    path = tmp_path_factory.mktemp("template") / "calls.sqlite3"
    open_store(path).close()
    return path


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data")


@pytest.fixture
def store(paths: Paths, _template_store: Path) -> Iterator[Store]:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(_template_store, paths.store_file)
    opened = open_store(paths.store_file)
    yield opened
    opened.close()


def fill_store(store: Store, count: int) -> list[str]:
    """Save ``count`` records with long Chinese notes (a few pages' worth), for tests
    that damage, salvage or restore a store; their ids back."""
    from datetime import UTC, datetime

    from assistant.notes.records import save_call

    saved = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)
    ids = [str(uuid.uuid4()) for _ in range(count)]
    with store.transaction() as session:
        for i, call_id in enumerate(ids):
            save_call(session, {"id": call_id, "notes": f"第{i}条记录 " * 40}, None, now=saved)
    return ids


def call_record(**overrides: Any) -> dict[str, Any]:
    """A complete, finalisable record as JSON Lines carries it."""
    record: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "status": "final",
        "started_at": "2024-03-15T14:00:00+08:00",
        "ended_at": "2024-03-15T14:06:30+08:00",
        "talk_seconds": 390,
        "wrap_up_seconds": 120,
        "channel": "phone",
        "direction": "inbound",
        "connect_status": "connected",
        "agent_id": "A1024",
        "agent_name": "王芳",
        "participants": "王芳; 李明",
        "customer_name": "李明",
        "customer_title": "李总",
        "customer_contact": "+86 138 0013 8000",
        "account_ref": "ENT-2024-0042",
        "customer_type": "rational",
        "level": "L2",
        "emotion_start": "dissatisfied",
        "emotion_end": "calm",
        "facts": "3月14日提交升级申请, 未收到回复",
        "emotions": "着急, 担心影响下月业务",
        "demands": "下月1日前完成企业版升级",
        "request": "如何升级到企业版",
        "key_problem": "希望下月1日前完成，升级需要3个工作日",
        "outcome": "告知需3个工作日，建议提前5天申请",
        "resolution": "partial",
        "disposition": "callback_scheduled",
        "escalated_to": "技术支持二线",
        "handoff": "客户背景：企业客户；问题：升级时间；已做：说明流程",
        "notes": '客户说"务必"在月底前, 多行\n第二行',
        "tags": ["升级", "企业版"],
        "templates_used": ["zh.commit.callback"],
        "created_at": "2024-03-15T14:00:05+08:00",
        "updated_at": "2024-03-15T14:10:00+08:00",
        "followups": [
            {
                "id": str(uuid.uuid4()),
                "owner": "技术支持",
                "due_at": "2024-03-20T18:00:00+08:00",
                "resources": "升级工单",
                "plan": "提交升级申请",
                "status": "open",
            },
            {
                "id": str(uuid.uuid4()),
                "owner": "工程部",
                "due_at": "2024-03-25T18:00:00+08:00",
                "plan": "完成配置",
                "status": "open",
            },
        ],
    }
    record.update(overrides)
    return record


@pytest.fixture
def make_record() -> Callable[..., dict[str, Any]]:
    return call_record


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[..., Path]:
    def write(records: list[dict[str, Any]], name: str = "calls.jsonl") -> Path:
        path = tmp_path / name
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        return path

    return write


@pytest.fixture
def cli(paths: Paths, capsysbinary: pytest.CaptureFixture[bytes]) -> Callable[..., Any]:
    """Run ``agent-assist`` in-process against the test's data dir."""
    from assistant.cli import main

    class Result:
        def __init__(self, status: int, out: bytes, err: bytes) -> None:
            self.status, self.out, self.err = status, out, err
            self.text = out.decode("utf-8")
            self.errors = err.decode("utf-8")

    def run(*args: str) -> Result:
        status = main(["--data-dir", str(paths.data_dir), *args])
        captured = capsysbinary.readouterr()
        return Result(status, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    from testsupport.postgres import PostgresMissing, PostgresServer

    try:
        server = PostgresServer.start()
    except PostgresMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        server.create_role(AGENT, AGENT_PASSWORD)
        server.create_role(CLERK, CLERK_PASSWORD)
        yield server
    finally:
        server.stop()


@pytest.fixture
def server_db(pg_server: PostgresServer) -> Iterator[str]:
    """A fresh database owned by the agent's role (so it may create the schema)."""
    name = f"team_{uuid.uuid4().hex[:12]}"
    pg_server.create_database(name, AGENT)
    yield name
    pg_server.drop_database(name)


@pytest.fixture
def server_url(pg_server: PostgresServer, server_db: str) -> str:
    return pg_server.url(AGENT, server_db)


@pytest.fixture
def agent_password() -> str:
    return AGENT_PASSWORD


@pytest.fixture
def clerk_password() -> str:
    return CLERK_PASSWORD


# -- the OS keychain, through the real keyring module ---------------------------------


class DictKeyring(keyring.backend.KeyringBackend):
    """A working keyring backend in memory: the app's KeyringSecretStore and the keyring
    module run as they do, only the OS keychain under them is a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture
def keyring_backend() -> Iterator[Callable[[Any], None]]:
    """Set the keyring module's backend for one test, then put the old one back."""
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)
