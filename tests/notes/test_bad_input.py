"""Random, huge and malformed input: a message naming the field, never a crash."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import UserError
from assistant.notes.export import export_csv
from assistant.notes.importer import import_file
from assistant.notes.validation import MAX_TEXT_CHARS, check_call, coerce_call, coerce_followup
from assistant.settings import DEFAULT_DISPOSITIONS, DEFAULT_REQUIRED_FIELDS
from assistant.store.db import open_store
from assistant.store.fields import CALL_FIELD_NAMES, CALL_SPECS, FREE_TEXT_FIELDS

NOW = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)
ALLOWED_CONTROLS = {"\t", "\n", "\r"}
# Hypothesis' text() leaves out surrogates; JSON can carry them, so add them.
ANY_CHAR = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0, max_codepoint=0x1F),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.sampled_from("李明王芳ñ€😀\u200b\u202e\u2067\u200f\ufeff"),
)
ANY_TEXT = st.text(ANY_CHAR, max_size=60)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=8,
)
FIELD_NAMES = st.sampled_from(CALL_FIELD_NAMES) | ANY_TEXT
BAD_TIMES = st.one_of(
    ANY_TEXT,
    st.sampled_from(
        [
            "0001-01-01T00:00:00+01:00",  # overflows when moved to UTC
            "9999-12-31T23:59:59-01:00",
            "1899-12-31T23:59:59+00:00",
            "2200-01-01T00:00:00+00:00",
            "2024-02-30T10:00:00+08:00",
            "2024-03-15 14:00",
            "2024-03-15T25:00:00Z",
            "15/03/2024 14:00",
            "２０２４-03-15T14:00:00+08:00",
        ]
    ),
)
EXAMPLES = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# Invisible bidirectional controls: they reorder what a spreadsheet cell shows.
DIRECTION_CONTROLS = {"\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F))}
DIRECTION_CONTROLS |= set(map(chr, range(0x2066, 0x206A)))


def _valid_text(value: str) -> bool:
    return len(value) <= MAX_TEXT_CHARS and not any(
        (ord(c) < 0x20 and c not in ALLOWED_CONTROLS)
        or 0xD800 <= ord(c) <= 0xDFFF
        or c in DIRECTION_CONTROLS
        for c in value
    )


@EXAMPLES
@given(st.dictionaries(FIELD_NAMES, JSON_VALUES, max_size=8))
def test_coerce_call_never_crashes_and_names_the_field(raw: dict[str, Any]) -> None:
    raw.setdefault("id", str(uuid.uuid4()))
    checked = check_call(raw, dispositions=DEFAULT_DISPOSITIONS)
    named = {p.field for p in checked.problems}
    for name in raw:
        if name in checked.values:
            continue
        plain = 0 < len(name) <= 40 and name.isprintable() and name == name.strip()
        shown = name if plain else None
        assert shown is None or shown in named, (name, checked.problems)
    for name, value in checked.values.items():
        spec = CALL_SPECS[name]
        if spec.kind == "text" and value is not None:
            assert _valid_text(value)
        if spec.kind == "list":
            assert all(_valid_text(v) for v in value)
    for problem in checked.problems:
        assert len(str(problem)) < 400


@EXAMPLES
@given(st.sampled_from(FREE_TEXT_FIELDS), ANY_TEXT)
def test_text_fields_refuse_control_characters_with_a_message(field: str, text: str) -> None:
    values, problems = coerce_call({"id": str(uuid.uuid4()), field: text})
    if _valid_text(text):
        assert problems == []
    else:
        [problem] = problems
        assert problem.field == field
        assert any(
            kind in problem.reason
            for kind in ("control character", "surrogate", "text-direction control")
        )
        assert field not in values


@pytest.mark.parametrize("char", sorted(DIRECTION_CONTROLS))
def test_invisible_direction_controls_are_refused_by_name(char: str) -> None:
    # "1234" followed by U+202E would show reversed in the exported cell.
    values, problems = coerce_call({"id": str(uuid.uuid4()), "notes": f"退款 {char}1234"})
    [problem] = problems
    assert problem.field == "notes"
    assert f"invisible text-direction control (U+{ord(char):04X}) at character 4" in (
        problem.reason
    )
    assert "notes" not in values


@pytest.mark.parametrize("field", ["notes", "handoff", "facts"])
def test_a_megabyte_in_a_field_is_refused_by_name(field: str) -> None:
    huge = "客户说明情况。" * (1024 * 1024 // 7)
    values, problems = coerce_call({"id": str(uuid.uuid4()), field: huge})
    assert field not in values
    [problem] = problems
    assert problem.field == field
    assert "limit is 32,767" in problem.reason
    assert len(str(problem)) < 200
    # The limit itself is accepted: one full spreadsheet cell.
    _, problems = coerce_call({"id": str(uuid.uuid4()), field: "字" * MAX_TEXT_CHARS})
    assert problems == []


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x1f", "\ud800"])
def test_nul_and_other_controls_are_refused(char: str) -> None:
    _, problems = coerce_call({"id": str(uuid.uuid4()), "notes": f"退款{char}进度"})
    [problem] = problems
    assert problem.field == "notes"
    assert f"U+{ord(char):04X}" in problem.reason
    assert "at character 3" in problem.reason


def test_tabs_and_line_breaks_are_kept() -> None:
    text = "第一行\r\n第二行\n\t缩进"
    values, problems = coerce_call({"id": str(uuid.uuid4()), "notes": text})
    assert problems == []
    assert values["notes"] == text


@EXAMPLES
@given(BAD_TIMES, st.sampled_from(["started_at", "ended_at", "created_at", "updated_at"]))
def test_malformed_times_get_a_message_naming_the_field(text: str, field: str) -> None:
    values, problems = coerce_call({"id": str(uuid.uuid4()), field: text})
    if field in values:
        moment = values[field]
        assert moment is None or 1900 <= moment.year < 2200
    else:
        assert [p.field for p in problems] == [field]


@EXAMPLES
@given(st.one_of(st.integers(), ANY_TEXT, st.floats(), st.booleans()))
def test_durations_are_whole_seconds_within_limits(value: Any) -> None:
    values, problems = coerce_call({"id": str(uuid.uuid4()), "talk_seconds": value})
    if "talk_seconds" in values:
        seconds = values["talk_seconds"]
        assert seconds is None or 0 <= seconds <= 30 * 24 * 3600
    else:
        assert [p.field for p in problems] == ["talk_seconds"]


@EXAMPLES
@given(st.dictionaries(ANY_TEXT, JSON_VALUES, max_size=6))
def test_coerce_followup_never_crashes(raw: dict[str, Any]) -> None:
    values, problems = coerce_followup(raw)
    assert all(p.field for p in problems)
    for value in values.values():
        assert not isinstance(value, str) or _valid_text(value)


# --- whole files through import, then export ---


@pytest.fixture(scope="module")
def fresh_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bad-input") / "calls.sqlite3"
    open_store(path).close()
    return path


@contextmanager
def _store_copy(template: Path) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "calls.sqlite3"
        shutil.copy(template, path)
        yield path


def _import(store_path: Path, file: Path, *, skip_invalid: bool) -> Any:
    store = open_store(store_path)
    try:
        return import_file(
            store.sessions,
            file,
            skip_invalid=skip_invalid,
            dispositions=DEFAULT_DISPOSITIONS,
            required=DEFAULT_REQUIRED_FIELDS,
            now=NOW,
        )
    finally:
        store.close()


def _export_all(store_path: Path) -> dict[str, bytes]:
    out = {}
    for table in ("calls", "followups"):
        for raw in (False, True):
            buffer = io.BytesIO()
            export_csv(store_path, buffer, table=table, raw=raw, tz=UTC)
            out[f"{table}{'-raw' if raw else ''}"] = buffer.getvalue()
    return out


LINES = st.lists(
    st.one_of(
        st.dictionaries(FIELD_NAMES, JSON_VALUES, max_size=6).map(
            lambda d: json.dumps({"id": str(uuid.uuid4()), **d}, ensure_ascii=False)
        ),
        ANY_TEXT,  # not JSON at all
        st.just('{"id": "not-a-uuid"'),
    ),
    max_size=6,
)


@EXAMPLES
@given(LINES, st.booleans())
def test_import_of_random_json_lines_reports_lines_and_never_crashes(
    fresh_store: Path, lines: list[str], skip_invalid: bool
) -> None:
    with _store_copy(fresh_store) as store_path:
        file = store_path.parent / "in.jsonl"
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        file.write_bytes(data)
        try:
            report = _import(store_path, file, skip_invalid=skip_invalid)
        except UserError as exc:
            refused = exc.message  # e.g. not UTF-8 (a surrogate on disk)
        else:
            refused = None
        if refused is not None:
            assert str(file) in refused
            return
        for problem in report.problems:
            assert problem.startswith(f"{file}:")
        _export_all(store_path)


CELLS = st.one_of(ANY_TEXT, st.sampled_from(["", "draft", "final", "phone", "=1+1", "+86 10"]))


@EXAMPLES
@given(st.lists(st.lists(CELLS, min_size=len(CALL_FIELD_NAMES), max_size=len(CALL_FIELD_NAMES))))
def test_import_of_random_raw_csv_never_crashes(fresh_store: Path, rows: list[list[str]]) -> None:
    with _store_copy(fresh_store) as store_path:
        file = store_path.parent / "calls.csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CALL_FIELD_NAMES)
        for row in rows:
            writer.writerow([str(uuid.uuid4()), *row[1:]])
        file.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
        try:
            report = _import(store_path, file, skip_invalid=True)
        except UserError as exc:
            refused = exc.message
        else:
            refused = None
        if refused is not None:
            assert str(file) in refused
            return
        assert report.imported + report.invalid_lines == len(rows)
        _export_all(store_path)


PRINTABLE_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
    .filter(lambda c: ord(c) >= 0x20 or c in ALLOWED_CONTROLS)
    .filter(lambda c: c != ";"),
    max_size=80,
)


@EXAMPLES
@given(st.lists(st.dictionaries(st.sampled_from(FREE_TEXT_FIELDS), PRINTABLE_TEXT), max_size=5))
def test_anything_accepted_exports_and_round_trips_through_raw_csv(
    fresh_store: Path, texts: list[dict[str, str]]
) -> None:
    """What validation lets in, export writes, and the raw export imports back identically."""
    with _store_copy(fresh_store) as store_path:
        records = [{"id": str(uuid.uuid4()), "status": "draft", **t} for t in texts]
        file = store_path.parent / "in.jsonl"
        file.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        report = _import(store_path, file, skip_invalid=False)
        assert report.problems == []
        first = _export_all(store_path)
        raw = store_path.parent / "raw.csv"
        raw.write_bytes(first["calls-raw"])
        with _store_copy(fresh_store) as again:
            assert _import(again, raw, skip_invalid=False).problems == []
            assert _export_all(again)["calls-raw"] == first["calls-raw"]


def test_a_megabyte_field_in_an_import_file_names_file_line_and_field(
    cli: Any, tmp_path: Path, paths: Any
) -> None:
    huge = "长" * (1024 * 1024)
    jsonl = tmp_path / "huge.jsonl"
    jsonl.write_text(
        json.dumps({"id": str(uuid.uuid4()), "handoff": huge}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    result = cli("import", str(jsonl))
    assert result.status == 2
    assert f"{jsonl}:1: handoff: is 1,048,576 characters long; the limit is 32,767" in (
        result.errors
    )
    assert len(result.errors) < 1000
    # The raw CSV path: 100 KB is read and refused by field; above the csv module's
    # 128 KiB cell limit the importer stops at the line (its own message, not a crash).
    for size, status, expected in (
        (100_000, 2, "notes: is 100,000 characters long"),
        (1024 * 1024, 1, "unreadable CSV: field larger than field limit"),
    ):
        raw = tmp_path / f"huge-{size}.csv"
        with raw.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(CALL_FIELD_NAMES)
            writer.writerow(
                [
                    str(uuid.uuid4()) if n == "id" else "长" * size if n == "notes" else ""
                    for n in CALL_FIELD_NAMES
                ]
            )
        result = cli("import", str(raw))
        assert result.status == status
        assert f"{raw}:2: {expected}" in result.errors
        assert "Traceback" not in result.errors
    assert not paths.store_file.exists() or cli("export", "--raw").text.count("\n") == 1
