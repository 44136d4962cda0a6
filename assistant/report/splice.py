"""The long sheets' rows, written as sheet XML straight into the finished workbook.

XlsxWriter lays out the workbook (formats, header, filters, charts, the Summary),
but it spends tens of microseconds on each cell, and 100,000 calls are three and a
half million cells. So each long sheet is written by XlsxWriter with its header and
one *model row* whose cells carry the column formats; the workbook is then copied
into the output file and the model row replaced by the real rows, made here from a
template per column (about a microsecond a cell). The cells are the same kinds
XlsxWriter writes: inline strings, which are never formulas, and numbers with the
model cell's style (date-times and durations are numbers with a format).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import chain, repeat
from pathlib import Path
from typing import IO, Any, Literal

from assistant.report.source import as_time

CellKind = Literal["text", "time", "seconds", "number"]
EXCEL_EPOCH = datetime(1899, 12, 30)
CHUNK = 2000
# Excel's limit for one cell.
MAX_TEXT = 32767
# Characters XML 1.0 forbids; Excel writes them as _xHHHH_.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]").search
_TEXT_TYPES = {str, type(None)}
_STYLE = re.compile(r'<c r="([A-Z]+)\d+"(?: s="(\d+)")?')


class ReportCancelled(Exception):
    """The caller asked to stop; nothing was left behind."""


@dataclass(frozen=True, slots=True)
class LongSheet:
    """A sheet whose data rows are spliced in: where its model row is and what to fill."""

    part: str  # the sheet's file in the package, e.g. xl/worksheets/sheet2.xml
    model_row: int  # 1-based row number of the model row
    kinds: tuple[CellKind, ...]
    count: int  # rows expected (the dimension's hint; the stream decides)
    rows: Callable[[], Iterable[Sequence[Any]]]


def excel_time(value: object, tz: tzinfo | None) -> float | None:
    """A stored time as an Excel serial date-time in ``tz`` (None: this machine's)."""
    moment = as_time(value)
    if moment is None:
        return None
    local = moment.astimezone(tz).replace(tzinfo=None)
    return (local - EXCEL_EPOCH).total_seconds() / 86400


# Zone offsets are looked up once per UTC day, or per quarter hour on a day the
# offset changes (every zone changes it on a quarter hour). The nudge keeps a time
# exactly on midnight on its own day (serials are exact to 1e-11 days).
_QUARTERS = 96
_NUDGE = 1e-9
_FLOATS = {float, type(None)}


def _local_serials(tz: tzinfo | None) -> Callable[[Sequence[Any]], list[float | None]]:
    """Local Excel serials for a chunk of stored times. The local store hands them
    over as UTC serials (floats, worked out by SQLite); the zone's offset is added.
    Anything else (the team's datetimes, text SQLite could not read) goes through
    ``excel_time``."""
    days: dict[int, float] = {}  # UTC day -> offset in days, for days of one offset
    changing: set[int] = set()  # days the offset changes on
    utc_epoch = EXCEL_EPOCH.replace(tzinfo=UTC)

    def offset(quarter: int) -> float:
        moment = utc_epoch + timedelta(minutes=15 * quarter)
        utc_offset = moment.astimezone(tz).utcoffset()
        return utc_offset.total_seconds() / 86400 if utc_offset else 0.0

    def on_changing_day(value: float) -> float:
        # Through whole milliseconds: a time on the change is in the quarter after it.
        return offset(round(value * 86_400_000) // 900_000)

    def serials(values: Sequence[Any]) -> list[float | None]:
        if not set(map(type, values)) <= _FLOATS:
            return [excel_time(v, tz) for v in values]
        numbers = [int(v + _NUDGE) if v is not None else 0 for v in values]
        for day in set(numbers) - days.keys() - changing:
            first, after = offset(day * _QUARTERS), offset((day + 1) * _QUARTERS)
            if first == after:
                days[day] = first
            else:
                changing.add(day)
        if not changing:
            pairs = zip(values, numbers, strict=True)
            return [None if v is None else v + days[d] for v, d in pairs]
        return [
            None if v is None else v + (on_changing_day(v) if d in changing else days[d])
            for v, d in zip(values, numbers, strict=True)
        ]

    return serials


def _needs_escape(text: str) -> bool:
    """Whether the text holds ``& < >`` or a character XML forbids. Substring tests and
    ``isprintable`` run far faster than a pattern: the pattern only reads text with
    line breaks or other unprintable characters."""
    if "&" in text or "<" in text or ">" in text:
        return True
    return not text.isprintable() and _NEEDS_ESCAPE(text) is not None


def _escape(text: str) -> str:
    text = text[:MAX_TEXT].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _column(
    kind: CellKind,
    letter: str,
    style: str,
    serials: Callable[[Sequence[Any]], list[float | None]],
) -> Callable[[list[str], Sequence[Any]], list[str]]:
    """One column's cells for a chunk of rows, from the row numbers and the values:
    "" for an empty value. A chunk's column is checked at once (all text? anything to
    escape?), so a cell costs one f-string."""
    head = f'<c r="{letter}'
    if kind == "text":
        tail = f'"{style} t="inlineStr"><is><t xml:space="preserve">'

        def text(numbers: list[str], values: Sequence[Any]) -> list[str]:
            if not set(map(type, values)) <= _TEXT_TYPES:
                values = [v if v is None or isinstance(v, str) else str(v) for v in values]
            present = list(filter(None, values))
            if present and (_needs_escape("".join(present)) or max(map(len, present)) > MAX_TEXT):
                values = [_escape(v) if v else v for v in values]
            return [
                f"{head}{n}{tail}{v}</t></is></c>" if v else ""
                for n, v in zip(numbers, values, strict=True)
            ]

        return text
    tail = f'"{style}><v>'
    if kind == "time":
        return lambda numbers, values: [
            "" if v is None else f"{head}{n}{tail}{v!r}</v></c>"
            for n, v in zip(numbers, serials(values), strict=True)
        ]
    if kind == "seconds":
        return lambda numbers, values: [
            "" if v is None or v == "" else f"{head}{n}{tail}{v / 86400!r}</v></c>"
            for n, v in zip(numbers, values, strict=True)
        ]
    return lambda numbers, values: [
        "" if v is None or v == "" else f"{head}{n}{tail}{v!r}</v></c>"
        for n, v in zip(numbers, values, strict=True)
    ]


def _rows(
    kinds: Sequence[CellKind], styles: Sequence[tuple[str, str]], tz: tzinfo | None
) -> Callable[[int, Sequence[Sequence[Any]]], str]:
    """A function making a chunk of rows' XML from the first row's number and the values."""
    serials = _local_serials(tz)
    columns = [
        _column(kind, letter, style, serials)
        for kind, (letter, style) in zip(kinds, styles, strict=True)
    ]

    def rows(first: int, chunk: Sequence[Sequence[Any]]) -> str:
        numbers = [str(n) for n in range(first, first + len(chunk))]
        by_column = zip(*chunk, strict=True)
        cells = [make(numbers, values) for make, values in zip(columns, by_column, strict=True)]
        opens = [f'<row r="{n}">' for n in numbers]
        return "".join(chain.from_iterable(zip(opens, *cells, repeat("</row>"))))

    return rows


def _split(xml: str, model_row: int) -> tuple[str, list[tuple[str, str]], str]:
    """The sheet XML before and after the model row, and the model's column styles."""
    start = xml.index(f'<row r="{model_row}"')
    end = xml.index("</row>", start) + len("</row>")
    styles = [
        (letter, f' s="{style}"' if style else "")
        for letter, style in _STYLE.findall(xml[start:end])
    ]
    return xml[:start], styles, xml[end:]


def _dimension(xml: str, last_row: int) -> str:
    return re.sub(
        r'<dimension ref="([A-Z]+\d+)(?::([A-Z]+)\d+)?"/>',
        lambda m: f'<dimension ref="{m.group(1)}:{m.group(2) or "A"}{last_row}"/>',
        xml,
        count=1,
    )


def write_package(
    laid_out: Path,
    out: IO[bytes],
    sheets: Sequence[LongSheet],
    tz: tzinfo | None,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> None:
    """Copy the workbook ``laid_out`` to ``out``, each long sheet's rows spliced in."""
    by_part = {s.part: s for s in sheets}
    done = 0
    with (
        zipfile.ZipFile(laid_out) as source,
        # Level 1: the long sheets are most of the file; higher levels cost seconds
        # for a few percent.
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
        ThreadPoolExecutor(1, thread_name_prefix="report-writer") as pool,
    ):
        writer = _Writer(pool)
        for info in source.infolist():
            sheet = by_part.get(info.filename)
            if sheet is None:
                target.writestr(info, source.read(info))
                continue
            before, styles, after = _split(source.read(info).decode(), sheet.model_row)
            make_rows = _rows(sheet.kinds, styles, tz)
            with target.open(info.filename, "w", force_zip64=True) as part:
                last = max(sheet.model_row + sheet.count - 1, sheet.model_row - 1, 1)
                part.write(_dimension(before, last).encode())
                number = sheet.model_row
                try:
                    for chunk in _chunks(sheet.rows()):
                        text = make_rows(number, chunk)
                        number += len(chunk)
                        writer.write(part, text.encode())
                        done += len(chunk)
                        if progress is not None:
                            progress(done)
                        if should_stop is not None and should_stop():
                            raise ReportCancelled
                finally:
                    writer.wait()  # the part is not closed under a write
                part.write(after.encode())


class _Writer:
    """Writes (compresses, checksums, stores) in a second thread while the next chunk
    is made: zlib and the disk let go of the interpreter lock. One write waits at a
    time, so at most two chunks are held."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self.pool = pool
        self.pending: Future[Any] | None = None

    def write(self, part: IO[bytes], data: bytes) -> None:
        self.wait()
        self.pending = self.pool.submit(part.write, data)

    def wait(self) -> None:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.result()  # its error, if any, is raised here


def _chunks(rows: Iterable[Any]) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
