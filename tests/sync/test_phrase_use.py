"""Phrase use counts: counted per day on each machine, carried up by team sync (ids,
pack versions, days and counts only) and shown per team by ``report --team``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import openpyxl

from assistant.store.usage import record_use

Sql = Callable[..., list[tuple[Any, ...]]]
SHANGHAI = timezone(timedelta(hours=8))
MORNING = datetime(2026, 3, 2, 9, 30, tzinfo=SHANGHAI)


def _agent(machine: Callable[..., Any], name: str, *groups: str) -> Any:
    agent = machine(name)
    agent.sync.config = replace(agent.sync.config, groups=groups)
    return agent


def _copy(
    agent: Any, entry_id: str, times: int = 1, *, at: datetime = MORNING, version: str | None = "3"
) -> None:
    with agent.store.sessions.begin() as session:
        for _ in range(times):
            record_use(session, entry_id, at, version)


def test_sync_carries_each_days_copies_up_once_and_without_text(
    machine: Callable[..., Any], server_sql: Sql
) -> None:
    a = _agent(machine, "a", "billing")
    _copy(a, "team.acme.greeting", 3)
    _copy(a, "team.acme.greeting", at=MORNING + timedelta(days=1))
    _copy(a, "mine.1", 5, version=None)  # the agent's own phrase: stays on the machine

    first = a.run()

    assert first.ok, first.errors
    rows = server_sql(
        "SELECT agent, teams, entry_id, pack_version, day, use_count "
        "FROM agent_assist.phrase_use ORDER BY day"
    )
    assert rows == [
        ("agent", ["billing"], "team.acme.greeting", "3", date(2026, 3, 2), 3),
        ("agent", ["billing"], "team.acme.greeting", "3", date(2026, 3, 3), 1),
    ]
    columns = server_sql(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'agent_assist' AND table_name = 'phrase_use'"
    )
    assert {c for (c,) in columns} == {
        "machine_id",
        "agent",
        "teams",
        "entry_id",
        "pack_version",
        "day",
        "use_count",
        "pushed_at",
    }

    # Nothing new: nothing sent. One more copy: the day's count becomes 4, not 3 + 4.
    assert a.run().phrase_days_sent == 0
    _copy(a, "team.acme.greeting")
    assert a.run().phrase_days_sent == 1
    assert server_sql(
        "SELECT sum(use_count) FROM agent_assist.phrase_use WHERE day = '2026-03-02'"
    ) == [(4,)]


def test_team_report_shows_phrase_use_per_team(
    cli: Any, logged_in: Any, machine: Callable[..., Any], tmp_path: Path
) -> None:
    a = _agent(machine, "a", "billing")
    b = _agent(machine, "b", "billing", "tier2")
    c = _agent(machine, "c")
    _copy(a, "team.acme.greeting", 3)
    _copy(b, "team.acme.greeting", 2)
    _copy(b, "zh.commit.callback", version="1")
    _copy(c, "zh.commit.callback", version="1", at=MORNING - timedelta(days=30))
    _copy(c, "team.acme.greeting", 4)
    for agent in (a, b, c):
        assert agent.run().ok

    out = tmp_path / "team.xlsx"
    result = cli("report", "--team", "--since", "2026-03-01", "--out", str(out))

    assert result.status == 0, result.errors
    sheet = openpyxl.load_workbook(out)["Phrases"]
    cells = [row for row in sheet.iter_rows(values_only=True) if any(row)]
    titles = [row[0] for row in cells]
    assert "Phrase use by team" in titles
    table = cells[titles.index("Phrase use by team") + 3 :]
    # b is in both groups and counts in both; c's copy is before the period. Every
    # machine here signs in as the same database account: one agent.
    assert [row[:5] for row in table] == [
        ("(no group)", "team.acme.greeting", "3", 4, 1),
        ("billing", "team.acme.greeting", "3", 5, 1),
        ("billing", "zh.commit.callback", "1", 1, 1),
        ("tier2", "team.acme.greeting", "3", 2, 1),
        ("tier2", "zh.commit.callback", "1", 1, 1),
    ]


def test_a_server_from_before_use_counts_gets_the_new_table_and_keeps_its_records(
    machine: Callable[..., Any],
    server_sql: Sql,
    make_record: Callable[..., dict[str, Any]],
    server_url: str,
    agent_password: str,
) -> None:
    from assistant.sync.connection import make_engine, parse_server_url
    from assistant.sync.server_schema import HEAD_VERSION, STEPS, _version_row

    # The first version of the app created the schema with the agent's account.
    engine = make_engine(parse_server_url(server_url), agent_password)
    try:
        with engine.begin() as conn:
            for statement in (*STEPS[0].statements, _version_row(STEPS[0])):
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()
    server_sql(
        "INSERT INTO agent_assist.team_packs (id, yaml, published_by) VALUES ('t', 'x', 'li')"
    )
    a = _agent(machine, "a", "billing")
    a.import_records([make_record()])
    _copy(a, "team.acme.greeting")

    result = a.run()

    assert result.ok, result.errors
    assert result.records_pushed == 1
    assert result.phrase_days_sent == 1
    assert server_sql("SELECT max(version) FROM agent_assist.schema_version") == [(HEAD_VERSION,)]
    assert server_sql("SELECT id, published_by FROM agent_assist.team_packs") == [("t", "li")]
