"""CSV files as Chinese offices have them: saved by Excel on Chinese Windows (GBK or
Big5, no UTF-8), or with Excel's own variants (BOM, CRLF, a sep= line, semicolons)."""

from __future__ import annotations

import csv
import io
import uuid
from pathlib import Path
from typing import Any

import pytest


def _exported(cli: Any, records: list[dict[str, Any]], write_jsonl: Any) -> str:
    """A raw calls CSV as the app writes it, then the store emptied of those records."""
    assert cli("import", str(write_jsonl(records))).status == 0
    text: str = cli("export", "--raw").text
    return text


def _names(cli: Any) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(cli("export", "--raw").text))
    return {row["id"]: row["customer_name"] for row in rows}


def _fresh(record_id: str, name: str, notes: str) -> dict[str, Any]:
    return {"id": record_id, "status": "draft", "customer_name": name, "notes": notes}


@pytest.mark.parametrize(
    ("encoding", "said", "name", "notes"),
    [
        ("gbk", "GBK (code page 936)", "李明", "客户投诉账单错误，请尽快处理"),
        ("big5", "Big5 (code page 950)", "陳大文", "客戶投訴帳單錯誤，請儘快處理"),
    ],
)
def test_a_csv_saved_on_chinese_windows_is_read_and_says_in_what(
    cli: Any, write_jsonl: Any, tmp_path: Path, encoding: str, said: str, name: str, notes: str
) -> None:
    record_id = str(uuid.uuid4())
    text = _exported(cli, [_fresh(record_id, "someone else", "x")], write_jsonl)
    text = text.replace("someone else", name).replace(",x,", f",{notes},")
    source = tmp_path / "calls.csv"
    source.write_bytes(text.encode(encoding))

    result = cli("import", str(source))

    assert result.status == 0, result.errors
    assert result.text.startswith(f"{source}: read as {said} (the file is not UTF-8)\n")
    assert _names(cli)[record_id] == name
    given = cli("import", "--encoding", encoding, str(source))
    assert given.status == 0
    assert f"read as {said} (as given)" in given.text


def test_a_wrong_encoding_names_the_line_and_the_option(
    cli: Any, write_jsonl: Any, tmp_path: Path
) -> None:
    text = _exported(cli, [_fresh(str(uuid.uuid4()), "李明", "x")], write_jsonl)
    source = tmp_path / "calls.csv"
    source.write_bytes(text.encode("gbk"))

    result = cli("import", "--encoding", "utf-8", str(source))

    assert result.status == 1
    assert result.errors == (
        f"agent-assist: {source}:2: not UTF-8 text (invalid start byte); "
        "pass the file's encoding: --encoding utf-8, gbk or big5\n"
    )


def test_bytes_in_no_known_encoding_name_their_line(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "calls.jsonl"
    source.write_bytes(b'{"id": "a"}\n{"id": "b"}\n{"notes": "\xff\xfe\xff"}\n')

    result = cli("import", str(source))

    assert result.status == 1
    assert result.errors.startswith(f"agent-assist: {source}:3: not UTF-8, GBK or Big5 text")
    assert "--encoding" in result.errors


@pytest.mark.parametrize(
    "shape",
    ["bom", "crlf", "sep-line", "semicolons", "everything"],
)
def test_excels_own_csv_variants_import(
    cli: Any, write_jsonl: Any, make_record: Any, tmp_path: Path, shape: str
) -> None:
    records = [make_record(), make_record()]
    rows = list(csv.reader(io.StringIO(_exported(cli, records, write_jsonl))))
    delimiter = ";" if shape in ("semicolons", "sep-line", "everything") else ","
    out = io.StringIO()
    lineterminator = "\r\n" if shape in ("crlf", "everything") else "\n"
    csv.writer(out, delimiter=delimiter, lineterminator=lineterminator).writerows(rows)
    text = out.getvalue()
    if shape in ("sep-line", "everything"):
        text = f"sep={delimiter}{lineterminator}" + text
    if shape in ("bom", "everything"):
        text = "\ufeff" + text
    # The second record made invalid, to see that lines are still counted right.
    text = text.replace(records[1]["id"], "not-an-id")
    source = tmp_path / "calls.csv"
    source.write_bytes(text.encode("utf-8"))

    result = cli("import", "--skip-invalid", str(source))

    assert result.status == 2
    bad_line = text[: text.index("not-an-id")].count("\n") + 1
    assert result.errors.startswith(f"{source}:{bad_line}: id:")
    assert "imported 1 record(s) (0 new, 1 updated)" in result.text
