"""``agent-assist report --team``: the workbook from the team's PostgreSQL store, with the
login team sync keeps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from tests.conftest import call_record


def test_team_report_holds_every_agents_calls(
    cli: Any, logged_in: Any, machine: Any, tmp_path: Path
) -> None:
    first, second = machine("a"), machine("b")
    first.import_records([call_record(agent_name="王芳", customer_contact="02158886666")])
    second.import_records(
        [call_record(agent_name="李明", customer_contact="0012345678901234567", tags=[])]
    )
    assert first.run().ok
    assert second.run().ok

    out = tmp_path / "team.xlsx"
    result = cli("report", "--team", "--out", str(out))
    assert result.status == 0, result.errors
    assert result.text == f"wrote {out}: 2 call(s), 4 follow-up(s), 4 promise(s)\n"
    book = openpyxl.load_workbook(out)
    calls = book["Calls"]
    header = [c.value for c in calls[1]]
    rows = [dict(zip(header, r, strict=True)) for r in calls.iter_rows(min_row=2, values_only=True)]
    assert sorted(r["customer_contact"] for r in rows) == ["0012345678901234567", "02158886666"]
    assert {r["templates_used"] for r in rows} == {"zh.commit.callback"}
    agents = {r[0] for r in book["Summary"].iter_rows(min_row=6, max_col=1, values_only=True)}
    assert {"王芳", "李明"} <= agents


def test_team_report_without_a_login_says_how_to_log_in(cli: Any, store: Any) -> None:
    result = cli("report", "--team")
    assert result.status == 1
    assert result.errors == (
        "agent-assist: no sync server set: run "
        "'agent-assist sync --login postgresql://user@host:port/dbname'\n"
    )
