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
from datetime import datetime, tzinfo
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


def _serials(tz: tzinfo | None) -> Callable[[object], float | None]:
    """``excel_time`` for one zone, fast for the store's own ``…T08:30:00+00:00`` text:
    the day's serial and the zone's offset are looked up once per hour (offsets
    change on the hour), the minutes and seconds read from the text."""
    hours: dict[str, tuple[int, int, float]] = {}

    def hour_of(value: str) -> tuple[int, int, float]:
        """The day's serial, the hour's seconds and the zone's offset then."""
        utc_offset = datetime.fromisoformat(value).astimezone(tz).utcoffset()
        day = (datetime.fromisoformat(value[:10]) - EXCEL_EPOCH).days
        offset = utc_offset.total_seconds() if utc_offset else 0.0
        return day, int(value[11:13]) * 3600, offset

    def serial(value: object) -> float | None:
        if value.__class__ is not str or len(value) != 25 or value[19:] != "+00:00":
            return excel_time(value, tz)
        known = hours.get(value[:13])
        if known is None:
            known = hours[value[:13]] = hour_of(value)
        day, hour, offset = known
        return day + (hour + int(value[14:16]) * 60 + int(value[17:19]) + offset) / 86400

    return serial


def _escape(text: str) -> str:
    text = text[:MAX_TEXT].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _column(
    kind: CellKind, letter: str, style: str, serial: Callable[[object], float | None]
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
            if present and (_NEEDS_ESCAPE("".join(present)) or max(map(len, present)) > MAX_TEXT):
                values = [_escape(v) if v else v for v in values]
            return [
                f"{head}{n}{tail}{v}</t></is></c>" if v else ""
                for n, v in zip(numbers, values, strict=True)
            ]

        return text
    tail = f'"{style}><v>'
    if kind == "time":
        return lambda numbers, values: [
            "" if v is None or v == "" else f"{head}{n}{tail}{serial(v)!r}</v></c>"
            for n, v in zip(numbers, values, strict=True)
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
    serial = _serials(tz)
    columns = [
        _column(kind, letter, style, serial)
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
