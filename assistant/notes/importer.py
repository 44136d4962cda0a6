"""Importing call records from JSON Lines or this tool's own raw CSV.

The whole file is read and checked before anything is written: one bad line and
nothing is imported (unless the caller skips invalid lines), with every problem
reported as ``FILE:LINE: field: reason``. Writing is one transaction of upserts by
``id``, so importing the same file again updates and never duplicates.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from assistant.errors import UserError
from assistant.notes.validation import (
    FieldProblem,
    Values,
    coerce_call,
    coerce_followup,
    finalise_problems,
)
from assistant.store.fields import CALL_FIELD_NAMES, FOLLOWUP_FIELD_NAMES

Kind = Literal["calls", "followups"]


@dataclass(slots=True)
class ParsedLine:
    line: int
    kind: Kind
    values: Values
    followups: list[Values] | None
    problems: list[FieldProblem]


@dataclass(slots=True)
class ImportReport:
    created: int = 0
    updated: int = 0
    followups: int = 0
    invalid_lines: int = 0
    problems: list[str] = field(default_factory=list)
    encoding: str = "utf-8"  # what the file was read as: a key of ENCODINGS

    @property
    def imported(self) -> int:
        return self.created + self.updated


def detect_format(path: Path, head: str) -> Literal["jsonl", "csv"]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    return "jsonl" if head.lstrip("\ufeff \t\r\n").startswith("{") else "csv"


# What ``--encoding`` accepts, and the codec that reads it: GBK as Windows writes it
# (code page 936, read by its superset GB 18030) and Big5 as code page 950.
ENCODINGS = {"utf-8": "utf-8-sig", "gbk": "gb18030", "big5": "cp950"}
ENCODING_NAMES = {"utf-8": "UTF-8", "gbk": "GBK (code page 936)", "big5": "Big5 (code page 950)"}
# Tried in turn on bytes that are not UTF-8. Big5 text also decodes as GBK (to the
# wrong characters), so GB 2312, which Big5's second bytes mostly fall outside,
# decides for GBK first; full GBK comes last, for the rarer characters.
_GUESSES = (("gbk", "gb2312"), ("big5", "cp950"), ("gbk", "gb18030"))


def decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, str]:
    """The file's text and the encoding it was read in (a key of ``ENCODINGS``).

    Without ``encoding``: UTF-8 (a BOM or not), else GBK or Big5 when the bytes read
    as one of them, else a message naming the line of the first byte UTF-8 refuses.
    """
    chosen = [(encoding, ENCODINGS[encoding])] if encoding else [("utf-8", "utf-8-sig")]
    try:
        return data.decode(chosen[0][1]), chosen[0][0]
    except UnicodeDecodeError as exc:
        first = exc
    if encoding is None:
        for name, codec in _GUESSES:
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                continue
    line = data.count(b"\n", 0, first.start) + 1
    if encoding is not None:
        raise UserError(
            f"{path}:{line}: not {ENCODING_NAMES[encoding]} text ({first.reason}); "
            "pass the file's encoding: --encoding utf-8, gbk or big5"
        )
    raise UserError(
        f"{path}:{line}: not UTF-8, GBK or Big5 text ({first.reason}); save it from Excel "
        "as 'CSV UTF-8', or pass the file's encoding with --encoding"
    )


def read_lines(
    path: Path,
    *,
    dispositions: Sequence[str],
    required: Sequence[str],
    encoding: str | None = None,
    used: list[str] | None = None,
) -> Iterator[ParsedLine]:
    """Parse every line; ``used`` receives the encoding the file was read in."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror}") from None
    text, name = decode(path, data, encoding)
    if used is not None:
        used.append(name)
    handle = io.StringIO(text, newline="")
    if detect_format(path, text[:4096]) == "jsonl":
        yield from _read_jsonl(handle, dispositions, required)
    else:
        yield from _read_csv(path, handle, dispositions, required)


def _read_jsonl(
    handle: Any, dispositions: Sequence[str], required: Sequence[str]
) -> Iterator[ParsedLine]:
    for number, text in enumerate(handle, start=1):
        if not text.strip():
            continue
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            problem = FieldProblem("(line)", f"not valid JSON: {exc.msg} at column {exc.colno}")
            yield ParsedLine(number, "calls", {}, None, [problem])
            continue
        if not isinstance(raw, dict):
            yield ParsedLine(
                number, "calls", {}, None, [FieldProblem("(line)", "not a JSON object")]
            )
            continue
        values, problems = coerce_call(raw, dispositions=dispositions, ignore=("followups",))
        followups: list[Values] = []
        nested = raw.get("followups", [])
        if not isinstance(nested, list):
            problems.append(FieldProblem("followups", "must be a list of objects"))
            nested = []
        for index, item in enumerate(nested):
            if not isinstance(item, dict):
                problems.append(FieldProblem(f"followups[{index}]", "must be an object"))
                continue
            fvalues, fproblems = coerce_followup(item)
            if fvalues.get("call_id") not in (None, values.get("id")):
                fproblems.append(FieldProblem("call_id", "does not match the record's id"))
            fvalues["call_id"] = values.get("id")
            problems.extend(
                FieldProblem(f"followups[{index}].{p.field}", p.reason) for p in fproblems
            )
            followups.append(fvalues)
        if values.get("status") == "final" and not problems:
            problems.extend(finalise_problems(values, followups, required))
        yield ParsedLine(number, "calls", values, followups, problems)


def _read_csv(
    path: Path, handle: Any, dispositions: Sequence[str], required: Sequence[str]
) -> Iterator[ParsedLine]:
    # Excel's variants: a "sep=;" first line names the delimiter; with European
    # regional settings it writes semicolons without saying so.
    first = handle.readline()
    skipped = 0
    if _SEP_LINE.fullmatch(first.rstrip("\r\n")):
        delimiter, skipped = first.rstrip("\r\n")[4], 1
    else:
        delimiter = max(",;\t", key=lambda d: _known_columns(first, d))
        handle.seek(0)
    reader = csv.reader(handle, strict=True, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise UserError(f"{path}:{1 + skipped}: unreadable CSV: {exc}") from None
    kind = _table_of(path, header)
    start = reader.line_num + 1 + skipped
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise UserError(f"{path}:{start}: unreadable CSV: {exc}") from None
        number, start = start, reader.line_num + 1 + skipped
        if not row:
            continue
        if len(row) != len(header):
            problem = FieldProblem("(line)", f"has {len(row)} cells, the header has {len(header)}")
            yield ParsedLine(number, kind, {}, None, [problem])
            continue
        raw = dict(zip(header, row, strict=True))
        if kind == "calls":
            values, problems = coerce_call(raw, dispositions=dispositions)
            if values.get("status") == "final" and not problems:
                # Follow-ups travel in their own CSV file, so only the fields are checked here.
                problems.extend(
                    p for p in finalise_problems(values, [], required) if p.field != "followups"
                )
        else:
            values, problems = coerce_followup(raw)
            if values.get("call_id") is None and not any(p.field == "call_id" for p in problems):
                problems.append(FieldProblem("call_id", "required"))
        yield ParsedLine(number, kind, values, None, problems)


_SEP_LINE = re.compile(r"sep=.")


def _known_columns(line: str, delimiter: str) -> int:
    names = {cell.strip('"') for cell in line.rstrip("\r\n").split(delimiter)}
    return len(names & (set(CALL_FIELD_NAMES) | set(FOLLOWUP_FIELD_NAMES)))


def _table_of(path: Path, header: list[str]) -> Kind:
    names = set(header)
    if "utc_offset" in names:
        raise UserError(
            f"{path}:1: this is a spreadsheet export; import reads the file that "
            "'agent-assist export --raw' writes"
        )
    for kind, expected in (("calls", CALL_FIELD_NAMES), ("followups", FOLLOWUP_FIELD_NAMES)):
        if names == set(expected) and len(header) == len(expected):
            return kind  # type: ignore[return-value]
    unknown = sorted(names - set(CALL_FIELD_NAMES) - set(FOLLOWUP_FIELD_NAMES))
    # The table the header is closest to is the one the file was meant to be.
    meant = max((CALL_FIELD_NAMES, FOLLOWUP_FIELD_NAMES), key=lambda e: len(names & set(e)))
    missing = [name for name in meant if name not in names]
    details = [
        *([f"unknown columns: {', '.join(unknown)}"] if unknown else []),
        *([f"columns are missing: {', '.join(missing)}"] if missing else []),
    ]
    detail = "; ".join(details) or "a column appears more than once"
    raise UserError(f"{path}:1: not a calls or followups CSV from this tool ({detail})")


def check_file(
    path: Path,
    *,
    dispositions: Sequence[str],
    required: Sequence[str],
    encoding: str | None = None,
) -> tuple[list[ParsedLine], ImportReport]:
    """Read and check every line; return the good lines and a report of the bad ones."""
    report = ImportReport()
    good: list[ParsedLine] = []
    seen: dict[tuple[str, str], int] = {}
    used: list[str] = []
    lines = read_lines(
        path, dispositions=dispositions, required=required, encoding=encoding, used=used
    )
    for parsed in lines:
        key = (parsed.kind, str(parsed.values.get("id")))
        if not parsed.problems and key in seen:
            parsed.problems.append(FieldProblem("id", f"repeats line {seen[key]}"))
        if parsed.problems:
            report.invalid_lines += 1
            report.problems.extend(f"{path}:{parsed.line}: {p}" for p in parsed.problems)
        else:
            seen[key] = parsed.line
            good.append(parsed)
    report.encoding = used[0] if used else "utf-8"
    return good, report


def import_file(
    sessions: Any,
    path: Path,
    *,
    skip_invalid: bool = False,
    dispositions: Sequence[str] = (),
    required: Sequence[str] = (),
    encoding: str | None = None,
    now: datetime,
) -> ImportReport:
    """Import ``path`` into the store behind ``sessions`` (a sessionmaker); without
    ``encoding`` the file's own is detected (see ``decode``)."""
    good, report = check_file(path, dispositions=dispositions, required=required, encoding=encoding)
    if report.problems and not skip_invalid:
        return report
    from assistant.notes.bulk import upsert_lines

    with sessions.begin() as session:
        result = upsert_lines(session, good, now=now, skip_orphans=skip_invalid)
    if result.orphans:
        report.invalid_lines += len(result.orphans)
        report.problems.extend(
            f"{path}:{line}: call_id: no such call in the store or the file"
            for line in result.orphans
        )
    report.created, report.updated, report.followups = (
        result.created,
        result.updated,
        result.followups,
    )
    return report
