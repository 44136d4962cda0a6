"""After a damaged store was moved aside: doctor keeps saying so, salvage reads back
what it can, restore keeps what was written since, a writing command says it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.paths import Paths
from assistant.store.db import RECOVERED_EXIT_STATUS, Store, open_store
from tests.conftest import fill_store

Cli = Callable[..., Any]
SAVED = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)


def _call_ids(path: Path) -> set[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM calls")}
    finally:
        conn.close()


def _damage_half(paths: Paths, store: Store, count: int = 400) -> list[str]:
    """Fill the store, then cut its file in half; return the ids it held."""
    ids = fill_store(store, count)
    store.close()
    data = paths.store_file.read_bytes()
    paths.store_file.write_bytes(data[: len(data) // 2])
    return ids


def _start_after_damage(
    paths: Paths, store: Store, cli: Cli, write_jsonl: Any, make_record: Any
) -> tuple[list[str], dict[str, Any], Any]:
    held = _damage_half(paths, store)
    record = make_record()
    result = cli("import", str(write_jsonl([record])))
    return held, record, result


def test_a_writing_command_that_moved_the_store_aside_exits_with_its_own_status(
    paths: Paths, store: Store, cli: Cli, write_jsonl: Any, make_record: Any
) -> None:
    _held, _record, result = _start_after_damage(paths, store, cli, write_jsonl, make_record)
    assert result.status == RECOVERED_EXIT_STATUS == 6
    assert "imported 1 record(s)" in result.text  # the work itself was done
    assert "was damaged" in result.errors
    assert "agent-assist doctor --salvage" in result.errors
    again = cli("import", str(write_jsonl([make_record()], name="more.jsonl")))
    assert again.status == 0  # the next command finds a sound store


def test_doctor_warns_about_the_damaged_file_until_it_is_dismissed(
    paths: Paths, store: Store, cli: Cli, write_jsonl: Any, make_record: Any
) -> None:
    held, _record, _ = _start_after_damage(paths, store, cli, write_jsonl, make_record)
    [damaged] = paths.data_dir.glob("calls.sqlite3.damaged-*[0-9]")
    result = cli("doctor")
    [warning] = [line for line in result.text.splitlines() if line.startswith("WARN")]
    assert warning.startswith(f"WARN  damaged: a damaged store was moved aside to {damaged} (")
    assert " MiB)" in warning
    readable = int(warning.split("; ", 1)[1].split(" call record(s)")[0])
    assert 0 < readable < len(held)  # half the file: some records, not all
    assert "agent-assist doctor --salvage" in warning
    assert "no problems found, but see the warnings: damaged" in result.errors
    assert "1 call record(s)" in result.text  # the new store, as before

    dismissed = cli("doctor", "--dismiss")
    assert dismissed.status == 0
    assert not damaged.exists()
    [kept] = paths.data_dir.glob("calls.sqlite3.dismissed-*[0-9]")
    assert kept.stat().st_size > 0  # kept, only no longer reported
    after = cli("doctor")
    assert "WARN" not in after.text
    assert after.errors.strip().endswith("no problems found")


def test_salvage_reads_back_what_can_still_be_read_into_a_new_store(
    paths: Paths, store: Store, cli: Cli, write_jsonl: Any, make_record: Any
) -> None:
    held, _record, _ = _start_after_damage(paths, store, cli, write_jsonl, make_record)
    result = cli("doctor", "--salvage")
    assert result.status == 0, result.errors
    [salvaged] = paths.data_dir.glob("calls.sqlite3.salvaged-*[0-9]")
    back = _call_ids(salvaged)
    assert 0 < len(back) < len(held)
    assert back <= set(held)  # nothing invented
    assert f"read back {len(back)} call record(s) and 0 follow-up(s)" in result.text
    assert f"agent-assist restore {salvaged}" in result.errors


def test_salvage_skips_a_bad_page_in_the_middle_and_reads_the_rows_after_it(
    paths: Paths, store: Store
) -> None:
    from assistant.store.salvage import count_readable, salvage

    held = fill_store(store, 400)
    store.close()
    data = bytearray(paths.store_file.read_bytes())
    # The page holding record 200's notes: a page of call rows, wherever it lies.
    page_size = int.from_bytes(data[16:18], "big")
    middle = data.find("第200条记录 ".encode()) // page_size * page_size
    assert middle > 0
    data[middle : middle + page_size] = b"\xff" * page_size
    damaged = paths.data_dir / "calls.sqlite3.damaged-20240315T140005"
    damaged.write_bytes(bytes(data))
    found = count_readable(damaged)
    assert len(held) - 10 < found.calls < len(held)
    result = salvage(damaged, paths.data_dir / "out.sqlite3")
    assert result.found == found
    assert _call_ids(result.target) <= set(held)


def test_restore_after_damage_keeps_what_was_written_since(
    paths: Paths, store: Store, cli: Cli, write_jsonl: Any, make_record: Any
) -> None:
    before = fill_store(store, 2)
    backup = Path(cli("backup").text.strip())
    held, record, _ = _start_after_damage(paths, store, cli, write_jsonl, make_record)
    result = cli("restore", str(backup))
    assert result.status == 0, result.errors
    assert "merged 1 call record(s) and 2 follow-up(s) written since" in result.text
    assert _call_ids(paths.store_file) == {*before, record["id"]}
    assert list(paths.data_dir.glob("calls.sqlite3.damaged-*[0-9]")) == []
    assert "no longer reported" in result.errors
    assert "WARN" not in cli("doctor").text
    del held


def test_restoring_the_salvaged_store_brings_back_old_and_new_records(
    paths: Paths, store: Store, cli: Cli, write_jsonl: Any, make_record: Any
) -> None:
    held, record, _ = _start_after_damage(paths, store, cli, write_jsonl, make_record)
    cli("doctor", "--salvage")
    [salvaged] = paths.data_dir.glob("calls.sqlite3.salvaged-*[0-9]")
    back = _call_ids(salvaged)
    result = cli("restore", str(salvaged))
    assert result.status == 0, result.errors
    assert _call_ids(paths.store_file) == {*back, record["id"]}
    assert len(back) > len(held) // 3


def test_a_plain_restore_merges_nothing(paths: Paths, store: Store, cli: Cli) -> None:
    fill_store(store, 1)
    backup = Path(cli("backup").text.strip())
    later = fill_store(store, 1)
    store.close()
    result = cli("restore", str(backup))
    assert result.status == 0
    assert "merged" not in result.text
    assert later[0] not in _call_ids(paths.store_file)  # a restore goes back in time
    shutil.rmtree(paths.backups_dir)
    open_store(paths.store_file).close()
