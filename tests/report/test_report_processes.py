"""A large report's long sheets are written in processes of their own: the workbook
is the same as one written in a single process, Cancel leaves nothing behind, and a
record the store cannot read gets the same message either way."""

from __future__ import annotations

import multiprocessing
import sqlite3
import tempfile
import uuid
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from assistant.report import parallel
from assistant.report.splice import ReportCancelled


def _records(make_record: Any) -> list[dict[str, Any]]:
    records = []
    for i in range(12):
        day = f"2024-03-{10 + i:02d}"
        records.append(
            make_record(
                started_at=f"{day}T09:{i:02d}:00+08:00",
                ended_at=f"{day}T09:{i + 5:02d}:00+08:00",
                created_at=f"{day}T09:00:00+08:00",
                updated_at=f"{day}T10:00:00+08:00",
                talk_seconds=60 * i + 7,
                agent_name="王芳" if i % 2 else "李明",
                customer_name=" 张先生" if i == 3 else "李总 ",  # kept spaces
                notes="第一行\n第二行 & <b>" if i == 5 else "回电\t确认",
                outcome="=1+1" if i == 2 else "已回复",
                followups=[
                    {
                        "id": str(uuid.uuid4()),
                        "owner": "王芳",
                        "due_at": f"{day}T18:00:00+08:00",
                        "plan": "回电 ",
                        "status": "done" if i % 3 else "open",
                        "done_at": f"{day}T19:00:00+08:00" if i % 3 else None,
                    },
                    {
                        "id": str(uuid.uuid4()),
                        "owner": "财务",
                        "due_at": f"{day}T20:00:00+08:00",
                        "plan": "核实到账",
                    },
                    {"id": str(uuid.uuid4()), "owner": "财务", "due_at": None, "plan": "归档"},
                ],
            )
        )
    return records


def _cells(path: Path) -> dict[str, list[list[tuple[Any, str, str]]]]:
    book = openpyxl.load_workbook(path)
    return {
        name: [
            [(c.value, c.data_type, c.number_format) for c in row] for row in book[name].iter_rows()
        ]
        for name in ("Calls", "Follow-ups", "Promises")
    }


@pytest.fixture
def imported(cli: Any, make_record: Any, write_jsonl: Any) -> list[dict[str, Any]]:
    records = _records(make_record)
    result = cli("import", str(write_jsonl(records)))
    assert result.status == 0, result.errors
    return records


def test_the_workbook_is_the_same_written_in_processes_or_not(
    cli: Any, imported: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here, there = tmp_path / "here.xlsx", tmp_path / "there.xlsx"
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 10**9)
    assert cli("report", "--out", str(here)).status == 0
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 0)
    done = cli("report", "--out", str(there))
    assert done.status == 0, done.errors
    assert done.text == f"wrote {there}: 12 call(s), 36 follow-up(s), 24 promise(s)\n"
    assert _cells(there) == _cells(here)
    calls = openpyxl.load_workbook(there)["Calls"]
    header = [c.value for c in calls[1]]
    rows = [dict(zip(header, r, strict=True)) for r in calls.iter_rows(2, values_only=True)]
    assert [r["id"] for r in rows] == [r["id"] for r in imported]
    assert rows[3]["customer_name"] == " 张先生"
    assert rows[4]["customer_name"] == "李总 "
    assert rows[5]["notes"] == "第一行\n第二行 & <b>"
    assert rows[2]["outcome"] == "=1+1"
    assert not multiprocessing.active_children()


def _report_folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("agent-assist-report-*"))


def test_cancel_leaves_no_file_and_no_process(
    imported: Any, paths: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.report.cli import report_to_file

    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 0)
    before = _report_folders()
    target = tmp_path / "out" / "today.xlsx"
    target.parent.mkdir()
    totals: list[int] = []
    with pytest.raises(ReportCancelled):
        report_to_file(
            paths.store_file,
            target,
            since=None,
            until=None,
            fcr_window_days=7,
            progress=lambda n: None,
            on_total=totals.append,
            should_stop=lambda: bool(totals),  # Cancel as soon as the total is shown
        )
    assert totals == [12 + 36 + 24]
    assert list(target.parent.iterdir()) == []
    assert _report_folders() == before
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("in_processes", [False, True])
def test_a_record_the_store_cannot_read_gets_one_clear_line(
    cli: Any,
    imported: Any,
    paths: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_processes: bool,
) -> None:
    """Notes that are not UTF-8 (written by another program) fail the Calls sheet only."""
    conn = sqlite3.connect(paths.store_file)
    conn.execute("UPDATE calls SET notes = CAST(x'ff' AS TEXT) WHERE talk_seconds = 7")
    conn.commit()
    conn.close()
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 0 if in_processes else 10**9)
    out = tmp_path / "r.xlsx"
    result = cli("report", "--out", str(out))
    assert result.status == 1
    assert result.errors.startswith(f"agent-assist: {paths.store_file}")
    assert "UTF-8" in result.errors
    assert result.errors.count("\n") == 1
    assert not out.exists()
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("in_processes", [False, True])
def test_a_workbook_with_zip64_records_opens(
    cli: Any, imported: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_processes: bool
) -> None:
    """A workbook past 4 GiB (a million calls or so) needs ZIP64 records: here every
    size and offset takes them, and the workbook still reads the same."""
    from assistant.report import package

    plain = tmp_path / "plain.xlsx"
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 0 if in_processes else 10**9)
    assert cli("report", "--out", str(plain)).status == 0
    monkeypatch.setattr(package, "ZIP64_FROM", 0)
    wide = tmp_path / "wide.xlsx"
    assert cli("report", "--out", str(wide)).status == 0
    with zipfile.ZipFile(wide) as opened:
        assert opened.testzip() is None
    assert _cells(wide) == _cells(plain)
