"""``agent-assist report``: the workbook a supervisor opens, read back with openpyxl
(and by LibreOffice Calc), checked against figures computed here from the records."""

from __future__ import annotations

import csv
import statistics
import subprocess
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from assistant.report.workbook import SHEETS
from assistant.settings import load_settings, save_settings

SECONDS = [(390, 120), (200, 60), (100, 30), (600, 300), (45, 400)]


def _local(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone().replace(tzinfo=None)


def _records(make_record: Any) -> list[dict[str, Any]]:
    """Five calls on five days by two agents; the first contact calls back two days later."""
    contacts = ["02158886666", "13800138000", "02158886666", "0012345678901234567", ""]
    resolutions = ["resolved", "partial", "resolved", "unresolved", "resolved"]
    records = []
    for i, ((talk, wrap), contact, resolution) in enumerate(
        zip(SECONDS, contacts, resolutions, strict=True)
    ):
        day = f"2024-03-{15 + 2 * i:02d}"
        records.append(
            make_record(
                started_at=f"{day}T14:00:00+08:00",
                ended_at=f"{day}T14:10:00+08:00",
                created_at=f"{day}T14:00:00+08:00",
                updated_at=f"{day}T14:20:00+08:00",
                talk_seconds=talk,
                wrap_up_seconds=wrap,
                customer_contact=contact or None,
                status="final" if contact else "draft",  # a draft may lack the contact
                resolution=resolution,
                agent_name="王芳" if i % 2 else "李明",
                escalated_to="技术支持二线" if i == 3 else None,
                disposition="escalated" if i == 1 else "info_provided",
                templates_used=["zh.commit.callback"] if i < 2 else ["zh.deesc.angry.pause"],
                account_ref="0012345678901234567" if i == 0 else "1234567890123456789",
                outcome="=1+1" if i == 0 else "@SUM(1,2)",
                notes="+cmd|' /C calc'!A0",
                followups=[]
                if resolution == "resolved"
                else [
                    {
                        "id": str(uuid.uuid4()),
                        "owner": "王芳",
                        "due_at": f"{day}T18:00:00+08:00",
                        "plan": "回电",
                    }
                ],
            )
        )
    return records


@pytest.fixture
def workbook(cli: Any, make_record: Any, write_jsonl: Any, tmp_path: Path) -> Any:
    records = _records(make_record)
    imported = cli("import", str(write_jsonl(records)))
    assert imported.status == 0, imported.errors
    out = tmp_path / "report.xlsx"
    result = cli("report", "--out", str(out))
    assert result.status == 0, result.errors
    assert result.text == f"wrote {out}: 5 call(s), 2 follow-up(s), 2 promise(s)\n"
    return openpyxl.load_workbook(out), records


def _table(sheet: Any, header_first: str) -> tuple[list[str], list[list[Any]]]:
    """The rows under the header row whose first cell is ``header_first``."""
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == header_first)
    body = []
    for row in rows[start + 1 :]:
        if row[0] is None:
            break
        body.append(list(row))
    return list(rows[start]), body


def test_every_sheet_is_there_with_the_summary_charts(workbook: Any) -> None:
    book, _ = workbook
    assert book.sheetnames == list(SHEETS)
    charts = book["Summary"]._charts
    assert sorted(type(c).__name__ for c in charts) == [
        "BarChart",
        "LineChart",
        "PieChart",
        "ScatterChart",
    ]
    calls = book["Calls"]
    assert calls.freeze_panes == "A2"
    assert calls.auto_filter.ref == f"A1:AI{len(SECONDS) + 1}"


def test_calls_cells_are_typed_and_text_stays_exactly_as_typed(workbook: Any) -> None:
    book, records = workbook
    sheet = book["Calls"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert [r["id"].value for r in rows] == [r["id"] for r in records]
    for cells, record in zip(rows, records, strict=True):
        started = cells["started_at"]
        assert started.is_date
        assert started.value == _local(record["started_at"])
        talk = cells["talk_seconds"]
        assert talk.number_format.startswith("[h]:mm:ss")
        assert talk.value == timedelta(seconds=record["talk_seconds"])
        for name in ("customer_contact", "account_ref", "outcome", "notes"):
            if record[name]:
                assert (cells[name].data_type, cells[name].value) == ("s", record[name]), name
    assert rows[3]["customer_contact"].value == "0012345678901234567"
    assert rows[0]["outcome"].value == "=1+1"  # text, never a formula


def test_summary_figures_match_the_records(workbook: Any) -> None:
    book, records = workbook
    header, body = _table(book["Summary"], "Agent")
    table = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert set(table) == {"All agents", "李明", "王芳"}
    for name, indexes in (("All agents", range(5)), ("李明", (0, 2, 4)), ("王芳", (1, 3))):
        talk = [SECONDS[i][0] for i in indexes]
        wrap = [SECONDS[i][1] for i in indexes]
        row = table[name]
        assert row["Calls"] == len(talk)
        assert row["Talk mean"].total_seconds() == pytest.approx(statistics.mean(talk), abs=1e-3)
        assert row["Talk SD"].total_seconds() == pytest.approx(statistics.stdev(talk), abs=1e-3)
        assert row["Talk CV"] == pytest.approx(statistics.stdev(talk) / statistics.mean(talk))
        assert row["Wrap-up SD"].total_seconds() == pytest.approx(statistics.stdev(wrap), abs=1e-3)
        handle = [t + w for t, w in zip(talk, wrap, strict=True)]
        assert row["Handle mean"].total_seconds() == pytest.approx(
            statistics.mean(handle), abs=1e-3
        )
    everyone = table["All agents"]
    assert everyone["Resolved"] == pytest.approx(3 / 5)
    assert everyone["Partial"] == pytest.approx(1 / 5)
    assert everyone["Escalations"] == 2  # one by disposition, one by escalated_to
    # Four calls have a contact; of the three resolved, the first was followed by a
    # call from the same number two days later: 2 first-contact resolutions in 4.
    assert everyone["First-contact resolution"] == pytest.approx(1 / 4)
    _, days = _table(book["Summary"], "Day")
    assert [(d[0].date().isoformat(), d[1]) for d in days] == [
        (_local(r["started_at"]).date().isoformat(), 1) for r in records
    ]
    _, levels = _table(book["Summary"], "Level")
    assert [row[:2] for row in levels] == [["L2", 5]]


def test_first_contact_window_is_a_setting(
    cli: Any, make_record: Any, write_jsonl: Any, tmp_path: Path, paths: Any
) -> None:
    assert cli("import", str(write_jsonl(_records(make_record)))).status == 0
    save_settings(
        paths.settings_file, load_settings(paths.settings_file).with_changes(fcr_window_days=1)
    )
    out = tmp_path / "r.xlsx"
    assert cli("report", "--out", str(out)).status == 0
    header, body = _table(openpyxl.load_workbook(out)["Summary"], "Agent")
    everyone = dict(zip(header, body[0], strict=True))
    assert everyone["First-contact resolution"] == pytest.approx(2 / 4)


def test_promises_are_kept_late_or_open_overdue_first(
    cli: Any, make_record: Any, write_jsonl: Any, tmp_path: Path
) -> None:
    def followup(plan: str, due: str, status: str = "open", done: str | None = None) -> dict:
        return {"owner": "王芳", "plan": plan, "due_at": due, "status": status, "done_at": done}

    future = (datetime.now().astimezone() + timedelta(days=3)).isoformat(timespec="seconds")
    record = make_record(
        followups=[
            followup("kept", "2024-03-16T10:00:00+08:00", "done", "2024-03-16T09:00:00+08:00"),
            followup("late", "2024-03-16T10:00:00+08:00", "done", "2024-03-16T11:00:00+08:00"),
            followup("not yet due", future),
            followup("overdue", "2024-03-17T10:00:00+08:00"),
            followup("dropped", "2024-03-17T10:00:00+08:00", "cancelled"),
            followup("no date", None),
        ]
    )
    for n, item in enumerate(record["followups"]):
        item["id"] = f"00000000-0000-4000-8000-{n:012d}"
    assert cli("import", str(write_jsonl([record]))).status == 0, "import"
    out = tmp_path / "r.xlsx"
    result = cli("report", "--out", str(out))
    assert result.text.endswith("6 follow-up(s), 4 promise(s)\n")
    sheet = openpyxl.load_workbook(out)["Promises"]
    header, rows = _table(sheet, "state")
    listed = [dict(zip(header, r, strict=True)) for r in rows]
    assert [(r["state"], r["plan"]) for r in listed] == [
        ("overdue", "overdue"),
        ("open", "not yet due"),
        ("late", "late"),
        ("kept", "kept"),
    ]
    assert listed[0]["due_at"] == _local("2024-03-17T10:00:00+08:00")
    assert listed[3]["done_at"] == _local("2024-03-16T09:00:00+08:00")
    header, agents = _table(sheet, "Agent")
    kept = dict(zip(header, agents[0], strict=True))
    assert kept["Promises"] == 4
    assert kept["Kept %"] == pytest.approx(1 / 3)  # kept / (kept + late + overdue)


def test_phrases_show_the_outcomes_of_the_calls_they_were_copied_in(workbook: Any) -> None:
    book, _ = workbook
    header, rows = _table(book["Phrases"], "Playbook entry")
    table = {r[0]: dict(zip(header, r, strict=True)) for r in rows}
    calm = table["zh.deesc.angry.pause"]  # calls 3, 4, 5: resolved, unresolved, resolved
    assert calm["Calls"] == 3
    assert calm["Resolved"] == pytest.approx(2 / 3)
    assert calm["Escalated"] == pytest.approx(1 / 3)
    callback = table["zh.commit.callback"]  # calls 1 and 2: resolved, partial (escalated)
    assert (callback["Calls"], callback["Partial"], callback["Escalated"]) == (2, 0.5, 0.5)


def test_a_period_without_calls_says_so(
    cli: Any, make_record: Any, write_jsonl: Any, tmp_path: Path
) -> None:
    assert cli("import", str(write_jsonl(_records(make_record)))).status == 0
    out = tmp_path / "empty.xlsx"
    result = cli("report", "--since", "2030-01-01", "--until", "2030-01-31", "--out", str(out))
    assert result.status == 0
    book = openpyxl.load_workbook(out)
    summary = [c for row in book["Summary"].iter_rows(values_only=True) for c in row if c]
    assert "No calls in this period." in summary
    assert book["Calls"].max_row == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "r.csv"], "--out r.csv: the workbook's name must end in .xlsx"),
        (["--since", "2024-03-02", "--until", "2024-03-01"], "--since 2024-03-02 is after"),
    ],
)
def test_bad_options_get_one_line_and_exit_2(
    cli: Any, store: Any, args: list[str], message: str
) -> None:
    result = cli("report", *args)
    assert result.status == 2
    assert result.errors.startswith(f"agent-assist: {message}")
    assert result.errors.count("\n") == 1


@pytest.mark.slow
def test_calc_reads_the_same_numbers(workbook: Any, tmp_path: Path) -> None:
    from tests.notes.test_export_in_calc import soffice

    _, records = workbook
    source = tmp_path / "report.xlsx"
    # Every sheet to its own CSV (the filter's last option, -1), numbers as shown.
    options = "44,34,76,1,,0,false,true,true,false,false,-1"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{options}",
            "--outdir",
            str(tmp_path / "csv"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )

    def sheet(name: str) -> list[list[str]]:
        text = (tmp_path / "csv" / f"report-{name}.csv").read_text(encoding="utf-8")
        return list(csv.reader(text.splitlines()))

    calls = sheet("Calls")
    header = calls[0]
    for row, record in zip(calls[1:], records, strict=True):
        cells = dict(zip(header, row, strict=True))
        assert cells["customer_contact"] == (record["customer_contact"] or "")
        assert cells["account_ref"] == record["account_ref"]
        assert cells["outcome"] == record["outcome"]
        assert cells["started_at"] == _local(record["started_at"]).strftime("%Y-%m-%d %H:%M:%S")
        talk = timedelta(seconds=record["talk_seconds"])
        assert (
            cells["talk_seconds"]
            == f"{talk.seconds // 3600}:{talk.seconds // 60 % 60:02d}:{talk.seconds % 60:02d}"
        )
    summary = sheet("Summary")
    everyone = next(r for r in summary if r and r[0] == "All agents")
    assert everyone[1] == "5"
    talk = statistics.mean(s[0] for s in SECONDS)
    assert everyone[2] == str(timedelta(seconds=round(talk)))
    assert everyone[9] == "60.0%"


def test_times_are_local_on_both_sides_of_a_clock_change(
    cli: Any, make_record: Any, write_jsonl: Any, tmp_path: Path
) -> None:
    """Berlin's clocks went forward at 01:00 UTC on 2024-03-31 and back at 01:00 UTC
    on 2024-10-27: each call's cells show the wall-clock time there and then."""
    from zoneinfo import ZoneInfo

    from assistant.report.source import LocalSource
    from assistant.report.workbook import write_report

    berlin = ZoneInfo("Europe/Berlin")
    starts = [
        "2024-03-31T00:59:59+00:00",
        "2024-03-31T01:00:00+00:00",
        "2024-03-31T12:00:00+00:00",
        "2024-10-27T00:30:00+00:00",
        "2024-10-27T01:15:00+00:00",
        "2024-07-01T23:59:59+00:00",
    ]
    records = []
    for start in starts:
        end = (datetime.fromisoformat(start) + timedelta(minutes=5)).isoformat()
        records.append(
            make_record(
                started_at=start,
                ended_at=end,
                created_at=start,
                updated_at=end,
                resolution="resolved",
                followups=[],
            )
        )
    imported = cli("import", str(write_jsonl(records)))
    assert imported.status == 0, imported.errors
    store = next(tmp_path.rglob("*.sqlite3"))
    out = tmp_path / "berlin.xlsx"
    source = LocalSource(store)
    with out.open("wb") as stream:
        write_report(source, stream, now=datetime.now().astimezone(), tz=berlin)
    source.close()
    sheet = openpyxl.load_workbook(out)["Calls"]
    header = [c.value for c in sheet[1]]
    rows = sheet.iter_rows(min_row=2, values_only=True)
    shown = sorted(dict(zip(header, row, strict=True))["started_at"] for row in rows)
    expected = sorted(
        datetime.fromisoformat(s).astimezone(berlin).replace(tzinfo=None) for s in starts
    )
    assert shown == expected
    assert expected[0] == datetime(2024, 3, 31, 1, 59, 59)  # still winter time
    assert expected[1] == datetime(2024, 3, 31, 3, 0)  # summer time
