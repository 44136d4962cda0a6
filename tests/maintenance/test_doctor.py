"""``agent-assist doctor``: finds what is wrong, changes nothing, exit 1 on a problem."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from assistant.maintenance import doctor
from assistant.notes.records import save_call
from assistant.paths import Paths
from assistant.store.db import Store

Cli = Callable[..., Any]


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def _fail_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("FAIL")]


def test_a_healthy_installation_passes(paths: Paths, store: Store, cli: Cli) -> None:
    with store.transaction() as session:
        save_call(session, {"id": str(uuid.uuid4()), "notes": "x"}, None, now=datetime.now(UTC))
    store.close()
    before = _files(paths.data_dir)
    result = cli("doctor")
    assert result.status == 0, result.text
    assert _fail_lines(result.text) == []
    for area in ("disk", "settings", "store", "schema", "records", "wal", "backups", "packs"):
        assert f"ok    {area}:" in result.text
    assert "passed quick_check" in result.text
    assert "1 call record(s), 1 draft(s)" in result.text
    assert "no problems found" in result.errors
    assert _files(paths.data_dir) == before  # read-only: nothing changed or added


def test_no_store_yet_is_not_a_problem_and_is_not_created(paths: Paths, cli: Cli) -> None:
    result = cli("doctor")
    assert result.status == 0
    assert "no store yet" in result.text
    assert not paths.store_file.exists()


def test_a_broken_pack_fails_with_its_file_and_line(paths: Paths, cli: Cli) -> None:
    paths.user_packs_dir.mkdir(parents=True)
    bad = paths.user_packs_dir / "mine.yaml"
    bad.write_text("pack: [unclosed\n", encoding="utf-8")
    result = cli("doctor")
    assert result.status == 1
    [problem, summary] = _fail_lines(result.text)
    assert problem.startswith(f"FAIL  packs: {bad}:")
    assert "1 problem(s)" in summary
    assert "problems found: packs" in result.errors


def test_a_store_from_a_newer_app_fails(paths: Paths, store: Store, cli: Cli) -> None:
    store.close()
    conn = sqlite3.connect(paths.store_file)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    result = cli("doctor")
    assert result.status == 1
    assert _fail_lines(result.text) == [
        "FAIL  schema: revision 9999 is from a newer app; update the app"
    ]


def test_an_older_store_is_reported_as_due_for_an_upgrade(
    paths: Paths, store: Store, cli: Cli
) -> None:
    store.close()
    conn = sqlite3.connect(paths.store_file)
    conn.execute("UPDATE alembic_version SET version_num = '0002'")
    conn.commit()
    conn.close()
    result = cli("doctor")
    assert "ok    schema: revision 0002; upgraded to" in result.text


def test_a_large_wal_and_a_nearly_full_disk_fail(
    paths: Paths, store: Store, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.transaction() as session:
        save_call(session, {"id": str(uuid.uuid4())}, None, now=datetime.now(UTC))
    monkeypatch.setattr(doctor, "MAX_WAL_BYTES", 0)
    monkeypatch.setattr(doctor, "MIN_FREE_BYTES", 1 << 62)
    result = cli("doctor")
    assert result.status == 1
    fails = _fail_lines(result.text)
    assert any(line.startswith("FAIL  wal: the write-ahead log is") for line in fails)
    assert any(line.startswith("FAIL  disk: only") for line in fails)


def test_bad_settings_fail(paths: Paths, cli: Cli) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.settings_file.write_text('{"backup_days": "seven"}', encoding="utf-8")
    result = cli("doctor")
    assert result.status == 1
    assert _fail_lines(result.text) == [
        f"FAIL  settings: {paths.settings_file}: backup_days: must be a whole number"
    ]


def test_a_busy_store_is_reported_not_crashed(
    paths: Paths, store: Store, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.store import connect, db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(connect, "BUSY_TIMEOUT_MS", 50)  # read-only checks and counts
    store.close()
    holder = sqlite3.connect(paths.store_file, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE scratch (x)")
    try:
        result = cli("doctor")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.status == 1
    assert "Traceback" not in result.errors
    assert any("busy" in line or "locked" in line for line in _fail_lines(result.text))


def test_damaged_data_pages_are_found_by_the_full_check(
    paths: Paths, store: Store, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even in a store too large for the start-up quick_check, doctor reads every page."""
    from assistant.store import db

    with store.transaction() as session:
        for i in range(300):
            values = {"id": str(uuid.uuid4()), "notes": f"记录 {i} " * 30}
            save_call(session, values, None, now=datetime.now(UTC))
    store.close()
    data = paths.store_file.read_bytes()
    paths.store_file.write_bytes(data[: -3 * 4096] + bytes(3 * 4096))
    monkeypatch.setattr(db, "FULL_CHECK_BYTES", 0)
    assert db.check_damage(paths.store_file) is None  # the cheap check cannot see it
    result = cli("doctor")
    assert result.status == 1
    [line] = _fail_lines(result.text)
    assert line.startswith(f"FAIL  store: {paths.store_file} is damaged")
    assert "agent-assist restore FILE" in line


@pytest.mark.parametrize(
    ("settings", "key", "reason"),
    [
        ('{"country": "XX"}', "country", "unknown country code 'XX'"),
        ('{"office_hours": "25:00-26:00"}', "office_hours", "25:00 is not a time of day"),
        ('{"office_hours": "18:00-09:00"}', "office_hours", "must end after they start"),
        ('{"backup_days": -5}', "backup_days", "must be 0 (no automatic backups) or more"),
    ],
)
def test_settings_the_commands_refuse_fail_naming_the_file_and_key(
    paths: Paths, cli: Cli, settings: str, key: str, reason: str
) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.settings_file.write_text(settings, encoding="utf-8")
    result = cli("doctor")
    assert result.status == 1
    [line] = _fail_lines(result.text)
    assert line.startswith(f"FAIL  settings: {paths.settings_file}: {key}: ")
    assert reason in line


def test_each_bad_setting_is_its_own_failure(paths: Paths, cli: Cli) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.settings_file.write_text(
        '{"country": "XX", "backup_days": "seven", "office_hours": "18:00-09:00"}',
        encoding="utf-8",
    )
    fails = _fail_lines(cli("doctor").text)
    assert [line.split(": ")[2] for line in fails] == ["backup_days", "office_hours", "country"]


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({"WAYLAND_DISPLAY": "wayland-0"}, "ok    summon key: none: Wayland session"),
        ({}, "ok    summon key: none: no X display (DISPLAY is not set)"),
    ],
)
def test_the_summon_key_line_says_why_there_is_none(
    paths: Paths, cli: Cli, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], line: str
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = cli("doctor")
    assert result.status == 0, result.text
    assert line in result.text
    if env:
        assert "agent-assist --toggle" in result.text


def test_the_summon_key_line_names_the_desktop_where_a_key_can_be_held(
    paths: Paths, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    if not os.environ.get("DISPLAY"):
        pytest.skip("needs an X server")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    result = cli("doctor")
    assert "ok    summon key: X11; agent-assist --toggle works too" in result.text
