"""Right to erasure and retention: ``erase --contact`` and ``purge --before``."""

from __future__ import annotations

import csv
import io
import sqlite3
from typing import Any

import pytest

from assistant.paths import Paths


def _ids(cli: Any, table: str = "calls") -> set[str]:
    rows = csv.DictReader(io.StringIO(cli("export", "--raw", "--table", table).text))
    return {row["id"] for row in rows}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def three_customers(cli: Any, make_record: Any, write_jsonl: Any) -> dict[str, str]:
    records = {
        "li": make_record(customer_contact="+86 138 0013 8000"),
        "li-again": make_record(
            customer_contact="13800138000", started_at="2023-06-01T10:00:00+08:00"
        ),
        "wang": make_record(
            customer_contact="wang@example.com", started_at="2023-05-01T10:00:00+08:00"
        ),
    }
    assert cli("import", str(write_jsonl(list(records.values())))).status == 0
    return {key: r["id"] for key, r in records.items()}


def test_erase_removes_every_record_and_follow_up_of_the_customer(
    cli: Any, paths: Paths, three_customers: dict[str, str]
) -> None:
    result = cli("erase", "--contact", "+8613800138000", "--yes")

    assert result.status == 0, result.errors
    assert result.text.splitlines() == [
        f"this removes 2 record(s) and 4 follow-up(s) of +8613800138000 from {paths.store_file}",
        "removed 2 record(s) and 4 follow-up(s); store checked",
    ]
    assert _ids(cli) == {three_customers["wang"]}
    assert len(_ids(cli, "followups")) == 2
    with sqlite3.connect(paths.store_file) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_erase_asks_first_and_a_no_keeps_everything(
    cli: Any, monkeypatch: pytest.MonkeyPatch, three_customers: dict[str, str]
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    result = cli("erase", "--contact", "WANG@example.com ")
    assert result.status == 1
    assert "this removes 1 record(s) and 2 follow-up(s)" in result.text
    assert result.errors == "agent-assist: nothing removed\n"
    assert _ids(cli) == set(three_customers.values())

    monkeypatch.setattr("sys.stdin", _Terminal("y\n"))
    assert cli("erase", "--contact", "wang@example.com").status == 0
    assert three_customers["wang"] not in _ids(cli)


def test_without_a_terminal_erase_needs_yes(
    cli: Any, monkeypatch: pytest.MonkeyPatch, three_customers: dict[str, str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    result = cli("erase", "--contact", "13800138000")
    assert result.status == 2
    assert result.errors == (
        "agent-assist: nothing removed: confirm with --yes (there is no terminal to ask on)\n"
    )
    assert _ids(cli) == set(three_customers.values())


def test_purge_removes_records_from_before_the_date(
    cli: Any, three_customers: dict[str, str]
) -> None:
    result = cli("purge", "--before", "2023-06-01", "--yes")

    assert result.status == 0, result.errors
    assert "this removes 1 record(s) and 2 follow-up(s) from before 2023-06-01" in result.text
    assert three_customers["wang"] not in _ids(cli)
    assert cli("purge", "--before", "2000-01-01", "--yes").text == (
        "no records from before 2000-01-01\n"
    )


def test_erased_records_are_not_sent_to_the_team_server(
    cli: Any, paths: Paths, three_customers: dict[str, str]
) -> None:
    from assistant.store.db import open_store
    from assistant.sync.tracking import next_batch

    assert cli("erase", "--contact", "13800138000", "--yes").status == 0
    store = open_store(paths.store_file)
    try:
        with store.sessions.begin() as session:
            sent = [p for p in next_batch(session, 0, 100) if p.version is not None]
    finally:
        store.close()
    assert {p.call_id for p in sent} == {three_customers["wang"]}
