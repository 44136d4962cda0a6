"""Logging in and out: the password goes to the keychain, never to a file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail

from assistant.keychain import KeyringSecretStore, MemorySecretStore, SecretStoreUnavailable
from assistant.paths import Paths
from assistant.settings import load_settings
from assistant.sync.connection import parse_server_url
from tests.conftest import DictKeyring

REPO = Path(__file__).resolve().parents[2]


def _files_mention(folder: Path, secret: str) -> list[Path]:
    return [
        p for p in folder.rglob("*") if p.is_file() and secret.encode("utf-8") in p.read_bytes()
    ]


def test_login_checks_and_keeps_the_password(
    cli: Any,
    paths: Paths,
    prompts: Any,
    secrets: MemorySecretStore,
    server_url: str,
    agent_password: str,
) -> None:
    prompts.answers.append(agent_password)

    result = cli("sync", "--login", server_url)

    assert result.status == 0, result.errors
    address = parse_server_url(server_url)
    assert result.text == f"logged in to {address.place} as agent\n"
    assert prompts.asked == [f"Password for agent@{address.place}: "]
    assert secrets.secrets == {f"agent@{address.place}": agent_password}
    assert load_settings(paths.settings_file).sync_url == server_url
    assert _files_mention(paths.data_dir, agent_password) == []


def test_a_wrong_password_is_refused_and_nothing_is_kept(
    cli: Any, paths: Paths, prompts: Any, secrets: MemorySecretStore, server_url: str
) -> None:
    prompts.answers.append("not the password")

    result = cli("sync", "--login", server_url)

    assert result.status == 1
    address = parse_server_url(server_url)
    assert result.errors == (
        f"agent-assist: the server {address.place} refused the password for agent; "
        f"run 'agent-assist sync --login {server_url}' with the right one\n"
    )
    assert secrets.secrets == {}
    assert not paths.settings_file.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://agent:hunter2@db.example:5432/team", "leave the password out"),
        ("mysql://agent@db.example/team", "the sync server is PostgreSQL"),
        ("postgresql://db.example:5432/team", "no user"),
        ("postgresql://agent@db.example:5432", "no database"),
        ("not a url", "is not a server address"),
    ],
)
def test_a_bad_address_is_refused_with_one_line(
    cli: Any, prompts: Any, secrets: MemorySecretStore, url: str, message: str
) -> None:
    result = cli("sync", "--login", url)

    assert result.status == 1
    assert message in result.errors
    assert result.errors.count("\n") == 1
    assert "hunter2" not in result.errors
    assert prompts.asked == []
    assert secrets.secrets == {}


def test_logout_removes_the_password(cli: Any, logged_in: Any, secrets: MemorySecretStore) -> None:
    result = cli("sync", "--logout")

    assert result.status == 0
    assert (
        result.text
        == f"logged out: the password for {logged_in.account} is removed from the keychain\n"
    )
    assert secrets.secrets == {}
    after = cli("sync")
    assert after.status == 1
    assert after.errors == (
        f"agent-assist: no password saved for {logged_in.account}: "
        f"run 'agent-assist sync --login {logged_in.url}'\n"
    )
    assert cli("sync", "--logout").text == f"no password was saved for {logged_in.account}\n"


def test_sync_before_login_says_how_to_log_in(cli: Any, prompts: Any) -> None:
    result = cli("sync")

    assert result.status == 1
    assert result.errors == (
        "agent-assist: no sync server set: run "
        "'agent-assist sync --login postgresql://user@host:port/dbname'\n"
    )


def test_print_schema_needs_no_server(cli: Any) -> None:
    result = cli("sync", "--print-schema")

    assert result.status == 0
    assert result.text.count("BEGIN;") == 1
    assert result.text.rstrip().endswith("COMMIT;")
    assert "CREATE TABLE IF NOT EXISTS agent_assist.calls" in result.text


# -- the real keyring module ------------------------------------------------------


def test_keyring_store_uses_the_agent_assist_service(
    keyring_backend: Callable[[Any], None],
) -> None:
    backend = DictKeyring()
    keyring_backend(backend)
    store = KeyringSecretStore()

    store.set("agent@db:5432/team", "s3cret")

    assert backend.items == {("agent-assist", "agent@db:5432/team"): "s3cret"}
    assert store.get("agent@db:5432/team") == "s3cret"
    assert store.delete("agent@db:5432/team") is True
    assert store.delete("agent@db:5432/team") is False
    assert store.get("agent@db:5432/team") is None


def test_keyring_store_without_a_backend_says_so(keyring_backend: Callable[[Any], None]) -> None:
    keyring_backend(fail.Keyring())
    store = KeyringSecretStore()

    for call in (lambda: store.get("a"), lambda: store.set("a", "b"), lambda: store.delete("a")):
        with pytest.raises(SecretStoreUnavailable, match="no usable keychain"):
            call()


def test_without_a_keychain_login_keeps_only_the_address_and_sync_asks_once(
    cli: Any,
    paths: Paths,
    monkeypatch: pytest.MonkeyPatch,
    keyring_backend: Callable[[Any], None],
    server_url: str,
    agent_password: str,
    make_record: Callable[..., dict[str, Any]],
    write_jsonl: Callable[..., Path],
) -> None:
    from assistant.sync import cli as sync_cli

    keyring_backend(fail.Keyring())  # the real KeyringSecretStore, over the fail backend
    asked: list[str] = []

    def terminal(prompt: str) -> str:
        asked.append(prompt)
        return agent_password

    monkeypatch.setattr(sync_cli, "ask_password", terminal)

    login = cli("sync", "--login", server_url)

    assert login.status == 0, login.errors
    assert "no usable keychain on this system" in login.errors
    assert "asks for it on every sync" in login.errors
    assert load_settings(paths.settings_file).sync_url == server_url
    assert _files_mention(paths.data_dir, agent_password) == []

    asked.clear()
    assert cli("import", str(write_jsonl([make_record()]))).status == 0
    result = cli("sync")
    assert result.status == 0, result.errors
    assert len(asked) == 1
    assert "sent 1 record(s)" in result.text
    assert _files_mention(paths.data_dir, agent_password) == []


def test_without_a_keychain_in_a_fresh_process(
    tmp_path: Path, server_url: str, agent_password: str
) -> None:
    """The backend named by PYTHON_KEYRING_BACKEND, as a user's broken desktop would have."""
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    data = tmp_path / "data"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "assistant", "--data-dir", str(data), *args],
            input=agent_password + "\n",
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )

    login = run("sync", "--login", server_url, "--password-stdin")
    assert login.returncode == 0, login.stderr
    assert "no usable keychain on this system" in login.stderr
    assert "Traceback" not in login.stderr

    sync = run("sync", "--password-stdin")
    assert sync.returncode == 0, sync.stderr
    assert "no records to send" in sync.stdout
    assert _files_mention(data, agent_password) == []


@pytest.mark.parametrize("stdin", ["closed", "empty"])
def test_a_scheduled_task_without_keychain_or_terminal_is_told_how_to_give_the_password(
    tmp_path: Path, server_url: str, stdin: str
) -> None:
    """Standard input closed (fd 0 gone) or empty (/dev/null), as a scheduled task has it."""
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(f'{{"sync_url": "{server_url}"}}', encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "assistant", "--data-dir", str(data), *args]
        return subprocess.run(
            ["sh", "-c", 'exec "$@" <&-', "sh", *command] if stdin == "closed" else command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )

    for args in (("sync", "--login", server_url), ("sync",), ("sync", "--password-stdin")):
        result = run(*args)
        assert result.returncode == 4, (args, result.stderr)
        assert result.stderr.count("\n") == 1, (args, result.stderr)
        assert result.stderr.startswith("agent-assist: a password is needed and "), args
        assert "--password-stdin" in result.stderr
        assert result.stdout == ""
