"""The command line's import and export, through ``agent-assist`` itself."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def _count(paths: Any, table: str = "calls") -> int:
    with sqlite3.connect(paths.store_file) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_import_then_export_raw_gives_the_record_back(
    cli: Any, make_record: Any, write_jsonl: Any
) -> None:
    record = make_record()
    assert cli("import", str(write_jsonl([record]))).status == 0
    result = cli("export", "--raw")
    assert result.status == 0
    [row] = _rows(result.text)
    assert row["id"] == record["id"]
    assert row["started_at"] == "2024-03-15T06:00:00+00:00"
    assert row["notes"] == record["notes"]
    assert row["tags"] == "升级;企业版"
    followups = _rows(cli("export", "--raw", "--table", "followups").text)
    assert {f["owner"] for f in followups} == {"技术支持", "工程部"}


def test_import_is_idempotent_on_id(
    cli: Any, paths: Any, make_record: Any, write_jsonl: Any
) -> None:
    record = make_record()
    path = write_jsonl([record, make_record()])
    assert cli("import", str(path)).status == 0
    changed = {**record, "outcome": "已改为加急处理"}
    second = cli("import", str(write_jsonl([changed], name="again.jsonl")))
    assert second.status == 0
    assert "0 new, 1 updated" in second.text
    assert _count(paths) == 2
    assert _count(paths, "followups") == 4
    rows = {r["id"]: r for r in _rows(cli("export", "--raw").text)}
    assert rows[record["id"]]["outcome"] == "已改为加急处理"


def test_one_bad_line_imports_nothing_and_names_every_problem(
    cli: Any, paths: Any, make_record: Any, write_jsonl: Any
) -> None:
    good = make_record()
    bad = make_record(channel="fax", started_at="2024-03-15 14:00")
    path = write_jsonl([good, bad, make_record(request=None)])
    result = cli("import", str(path))
    assert result.status == 2
    assert f"{path}:2: channel: 'fax' is not one of" in result.errors
    assert f"{path}:2: started_at:" in result.errors
    assert f"{path}:3: request: required to finalise" in result.errors
    assert _count(paths) == 0


def test_skip_invalid_imports_the_good_lines_and_lists_the_bad(
    cli: Any, paths: Any, make_record: Any, write_jsonl: Any
) -> None:
    path = write_jsonl([make_record(), make_record(level="L9"), make_record()])
    result = cli("import", "--skip-invalid", str(path))
    assert result.status == 2
    assert f"{path}:2: level:" in result.errors
    assert _count(paths) == 2


def test_bad_json_and_follow_up_problems_name_line_and_field(
    cli: Any, make_record: Any, tmp_path: Path
) -> None:
    record = make_record()
    record["followups"][1]["due_at"] = "next week"
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(record) + "\n{not json\n", encoding="utf-8")
    result = cli("import", str(path))
    assert result.status == 2
    assert f"{path}:1: followups[1].due_at:" in result.errors
    assert f"{path}:2: (line): not valid JSON" in result.errors


def test_unresolved_final_record_without_follow_up_is_refused(
    cli: Any, make_record: Any, write_jsonl: Any
) -> None:
    path = write_jsonl([make_record(resolution="unresolved", followups=[])])
    result = cli("import", str(path))
    assert result.status == 2
    assert f"{path}:1: followups: a unresolved call needs an open follow-up" in result.errors


def test_raw_round_trip_is_byte_identical(
    cli: Any, paths: Any, make_record: Any, write_jsonl: Any, tmp_path: Path
) -> None:
    records = [
        make_record(),
        make_record(status="draft", request=None, notes='引号"和逗号,\r\n换行', tags=[]),
        make_record(outcome="=HYPERLINK(1)", customer_contact="+44 20 7946 0958"),
    ]
    cli("import", str(write_jsonl(records)))
    calls, followups = tmp_path / "calls.csv", tmp_path / "followups.csv"
    assert cli("export", "--raw", "--out", str(calls)).status == 0
    assert cli("export", "--raw", "--table", "followups", "--out", str(followups)).status == 0
    paths.store_file.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.store_file}{suffix}").unlink(missing_ok=True)
    assert cli("import", str(calls)).status == 0
    assert cli("import", str(followups)).status == 0
    assert cli("export", "--raw").out == calls.read_bytes()
    assert cli("export", "--raw", "--table", "followups").out == followups.read_bytes()


def test_follow_ups_csv_needs_its_calls(
    cli: Any, make_record: Any, write_jsonl: Any, tmp_path: Path
) -> None:
    cli("import", str(write_jsonl([make_record()])))
    followups = tmp_path / "followups.csv"
    cli("export", "--raw", "--table", "followups", "--out", str(followups))
    other = tmp_path / "other-store.csv"
    rows = followups.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace(rows[1].split(",")[1], "0b0c0d0e-1f20-4a3b-8c4d-5e6f7a8b9c0d")
    other.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli("import", str(other))
    assert result.status == 2
    assert f"{other}:2: call_id: no such call" in result.errors


def test_excel_export_has_bom_local_times_and_offset(
    cli: Any, make_record: Any, write_jsonl: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        cli("import", str(write_jsonl([make_record()])))
        result = cli("export")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert result.out.startswith("\ufeff".encode())
    [row] = _rows(result.text)
    assert row["started_at"] == "2024-03-15 14:00:00"
    assert row["ended_at"] == "2024-03-15 14:06:30"
    assert row["utc_offset"] == "UTC+08:00"  # text, not a formula or a time


@pytest.mark.parametrize(
    ("column", "value", "written"),
    [
        ("customer_contact", "02158886666", '="02158886666"'),
        ("customer_contact", "13800138000", '="13800138000"'),
        ("customer_contact", "+86 138 0013 8000", '="+86 138 0013 8000"'),
        ("customer_contact", "+44 (20) 7946-0958", '="+44 (20) 7946-0958"'),
        ("customer_contact", "wang@example.com", "wang@example.com"),
        ("account_ref", "0012345678901234567", '="0012345678901234567"'),
        ("account_ref", "ENT-2024-0042", '="ENT-2024-0042"'),
        ("agent_id", "007", '="007"'),
        ("outcome", '=HYPERLINK("http://x")', '="=HYPERLINK(""http://x"")"'),
        ("outcome", "+SUM(A1:A2)", '="+SUM(A1:A2)"'),
        ("outcome", "-2+3", '="-2+3"'),
        ("outcome", "@cmd", '="@cmd"'),
        ("outcome", "\tTAB", '="\tTAB"'),
        ("outcome", "\rCR", '=CHAR(13)&"CR"'),
        ("notes", "- 第一条\r\n- 第二条", '="- 第一条"&CHAR(13)&CHAR(10)&"- 第二条"'),
        ("facts", "0012345678901234567", '="0012345678901234567"'),
        ("facts", "订单 0012345678901234567", "订单 0012345678901234567"),
        ("facts", "3.5", "3.5"),
        ("outcome", "普通文本", "普通文本"),
    ],
)
def test_excel_export_writes_identifiers_and_formula_looking_cells_as_text(
    cli: Any, make_record: Any, write_jsonl: Any, column: str, value: str, written: str
) -> None:
    cli("import", str(write_jsonl([make_record(**{column: value})])))
    [row] = _rows(cli("export").text)
    assert row[column] == written


def test_excel_export_splits_long_text_into_constants_excel_accepts(
    cli: Any, make_record: Any, write_jsonl: Any
) -> None:
    long, too_long = "=" + "长" * 600, "-" + "长" * 9000
    cli("import", str(write_jsonl([make_record(outcome=long, notes=too_long)])))
    [row] = _rows(cli("export").text)
    constants = row["outcome"].removeprefix("=").split("&")
    assert "".join(c.strip('"') for c in constants) == long
    assert max(len(c) for c in constants) <= 255 + 2  # Excel's limit, plus the quotes
    # Beyond Excel's 8,192-character formula: a visible quote, but nothing runs.
    assert row["notes"] == "'" + too_long


def test_raw_export_does_not_escape(cli: Any, make_record: Any, write_jsonl: Any) -> None:
    cli("import", str(write_jsonl([make_record(outcome="=1+1")])))
    result = cli("export", "--raw")
    assert not result.out.startswith("\ufeff".encode())
    [row] = _rows(result.text)
    assert row["outcome"] == "=1+1"


def test_date_range_selects_calls_by_local_start_day(
    cli: Any, make_record: Any, write_jsonl: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    days = ["2024-03-14T23:30:00+00:00", "2024-03-15T10:00:00+00:00", "2024-03-16T00:30:00+00:00"]
    records = [make_record(started_at=d, ended_at=None) for d in days]
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    cli("import", str(write_jsonl(records)))
    rows = _rows(cli("export", "--raw", "--since", "2024-03-15", "--until", "2024-03-15").text)
    assert [r["started_at"] for r in rows] == [days[1]]
    rows = _rows(cli("export", "--raw", "--since", "2024-03-15").text)
    assert [r["started_at"] for r in rows] == days[1:]


def test_export_to_an_unwritable_place_is_a_clear_error(
    cli: Any, make_record: Any, write_jsonl: Any, tmp_path: Path
) -> None:
    cli("import", str(write_jsonl([make_record()])))
    out = tmp_path / "missing-dir" / "calls.csv"
    result = cli("export", "--out", str(out))
    assert result.status == 1
    assert result.errors.startswith(f"agent-assist: {out}: cannot write here")
    assert not out.exists()


def test_cancelled_export_leaves_no_file(
    store: Any, make_record: Any, write_jsonl: Any, tmp_path: Path, cli: Any
) -> None:
    from assistant.files import write_chosen_file
    from assistant.notes.export import ExportCancelled, export_csv

    cli("import", str(write_jsonl([make_record() for _ in range(3)])))
    out = tmp_path / "calls.csv"
    with pytest.raises(ExportCancelled):
        write_chosen_file(out, lambda f: export_csv(store.path, f, should_stop=lambda: True))
    assert list(tmp_path.glob("*.csv*")) == []


def test_user_errors_are_one_clear_line(cli: Any, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "nope.jsonl"))
    assert result.status == 1
    assert result.errors == f"agent-assist: {tmp_path / 'nope.jsonl'}: no such file\n"
    bad_csv = tmp_path / "weird.csv"
    bad_csv.write_text("a,b\n1,2\n", encoding="utf-8")
    result = cli("import", str(bad_csv))
    assert result.status == 1
    assert f"{bad_csv}:1: not a calls or followups CSV" in result.errors
    assert "Traceback" not in result.errors


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("id,call_id,owner,due_at,plan,status,done_at", "resources"),
        ("id,status,notes", "started_at, ended_at"),
    ],
)
def test_a_csv_with_missing_columns_names_them(
    cli: Any, tmp_path: Path, header: str, missing: str
) -> None:
    partial = tmp_path / "partial.csv"
    partial.write_text(f"{header}\n", encoding="utf-8")
    result = cli("import", str(partial))
    assert result.status == 1
    assert f"{partial}:1: not a calls or followups CSV" in result.errors
    assert f"(columns are missing: {missing}" in result.errors


def test_a_gbk_file_names_the_line_and_how_to_fix_it(
    cli: Any, make_record: Any, tmp_path: Path
) -> None:
    lines = [json.dumps(make_record(), ensure_ascii=False) for _ in range(3)]
    gbk = tmp_path / "gbk.jsonl"
    gbk.write_bytes("\n".join(lines[:2]).encode("utf-8") + b"\n" + lines[2].encode("gbk"))
    result = cli("import", str(gbk))
    assert result.status == 1
    # UTF-8 up to line 2, GBK on line 3: no one encoding reads it all.
    assert f"{gbk}:3: not UTF-8, GBK or Big5 text" in result.errors
    assert "'CSV UTF-8'" in result.errors
    assert "--encoding" in result.errors


def test_excel_export_is_refused_by_import_with_a_hint(
    cli: Any, make_record: Any, write_jsonl: Any, tmp_path: Path
) -> None:
    cli("import", str(write_jsonl([make_record()])))
    excel = tmp_path / "excel.csv"
    cli("export", "--out", str(excel))
    result = cli("import", str(excel))
    assert result.status == 1
    assert "--raw" in result.errors


def test_raw_lines_are_quoted_exactly_as_the_csv_module_quotes(
    cli: Any, paths: Any, make_record: Any, write_jsonl: Any
) -> None:
    from assistant.store.fields import CALL_FIELD_NAMES

    tricky = ["a,b", 'say "hi"', "two\nlines", "cr\rhere", "plain", "，全角逗号", " lead"]
    cli("import", str(write_jsonl([make_record(notes=t, facts=t, tags=[t]) for t in tricky])))
    with sqlite3.connect(paths.store_file) as conn:
        columns = ", ".join(CALL_FIELD_NAMES)
        rows = conn.execute(f"SELECT {columns} FROM calls ORDER BY started_at, id").fetchall()
    conn.close()
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\r\n")
    writer.writerow(CALL_FIELD_NAMES)
    writer.writerows(rows)
    assert cli("export", "--raw").text == expected.getvalue()
