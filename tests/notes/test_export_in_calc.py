"""The Excel export opened by a real spreadsheet: headless LibreOffice Calc reads the CSV
as its Text Import dialog does and saves it as .xlsx; openpyxl reads what Calc made of
each cell. Phone, account and order numbers must arrive as text exactly as typed, and
nothing typed may run as a formula."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from assistant.store.fields import CALL_FIELDS

# The columns Calc must show as text; times and seconds may become dates and numbers.
TEXT_COLUMNS = [f.name for f in CALL_FIELDS if f.kind in ("id", "enum", "text", "list")]

RECORDS: list[dict[str, Any]] = [
    {
        "customer_contact": "+86 138 0013 8000",
        "account_ref": "0012345678901234567",
        "agent_id": "007",
        "outcome": "=1+1",
        "notes": "- 第一条\n- 第二条",
        "facts": "0012345678",
    },
    {
        "customer_contact": "+8613800138000",
        "account_ref": "1234567890123456789",
        "outcome": "@SUM(1,2)",
        "notes": '=HYPERLINK("http://x","点我")',
        "request": "-2+3",
    },
    {
        "customer_contact": "02158886666",
        "account_ref": "ORD-2024-0001",
        "outcome": "+cmd|' /C calc'!A0",
        "notes": "=" + "长" * 300,
        "tags": ["2024", "加急"],
    },
    {
        "customer_contact": "13800138000",
        "account_ref": "20240315000123456789",
        "notes": "\t制表符开头",
    },
    {"customer_contact": "wang@example.com", "account_ref": "ENT-ABC"},
]


def soffice() -> str:
    path = shutil.which("soffice")
    if path is None:
        message = "needs LibreOffice Calc (soffice); scripts/dev.sh installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


def open_in_calc(csv_file: Path, work: Path, *, evaluate_formulas: bool) -> Any:
    """The first sheet Calc makes of ``csv_file``, with the Text Import dialog's settings
    on a fresh profile (comma, semicolon and tab separate; " quotes; UTF-8; no "quoted
    field as text", no "detect special numbers", no trimming), "Evaluate formulas" as
    given."""
    options = f"44/59/9,34,76,1,,0,false,false,false,false,false,0,{evaluate_formulas}".lower()
    out = work / f"evaluate-{evaluate_formulas}"
    subprocess.run(
        [
            soffice(),
            # A private profile, so parallel runs never share one.
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            f"--infilter=Text - txt - csv (StarCalc):{options}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(csv_file),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    # Cached values: what the cells show, formulas evaluated by Calc.
    return openpyxl.load_workbook(out / f"{csv_file.stem}.xlsx", data_only=True).active


def by_id(text: str) -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))}


@pytest.mark.slow
def test_calc_opens_numbers_as_typed_text_and_runs_nothing(
    cli: Any, make_record: Any, write_jsonl: Any, tmp_path: Path
) -> None:
    soffice()
    assert cli("import", str(write_jsonl([make_record(**r) for r in RECORDS]))).status == 0
    excel = tmp_path / "calls.csv"
    assert cli("export", "--out", str(excel)).status == 0
    typed = by_id(cli("export", "--raw").text)
    written = by_id(excel.read_text(encoding="utf-8-sig"))

    # "Evaluate formulas" ticked: every cell is text, exactly as typed.
    sheet = open_in_calc(excel, tmp_path, evaluate_formulas=True)
    header = [c.value for c in sheet[1]]
    assert sheet.max_row == len(RECORDS) + 1
    assert sheet.max_column == len(header)  # no ";" or tab split a cell
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        record = typed[cells["id"].value]
        for name in TEXT_COLUMNS:
            shown = (cells[name].data_type, cells[name].value)
            assert shown == (("s", record[name]) if record[name] else ("n", None)), name
        assert cells["utc_offset"].data_type == "s"
        assert cells["utc_offset"].value.startswith(("UTC+", "UTC-"))

    # Calc's default leaves formulas unevaluated: each cell is then the text the file
    # holds, never a number and never a result.
    sheet = open_in_calc(excel, tmp_path, evaluate_formulas=False)
    assert sheet.max_column == len(header)
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        in_file = written[cells["id"].value]
        for name in TEXT_COLUMNS:
            shown = (cells[name].data_type, cells[name].value)
            assert shown == (("s", in_file[name]) if in_file[name] else ("n", None)), name
