"""The long sheets' rows, written as sheet XML straight into the finished workbook.

XlsxWriter lays out the workbook (formats, header, filters, charts, the Summary),
but it spends tens of microseconds on each cell, and 100,000 calls are three and a
half million cells. So each long sheet is written by XlsxWriter with its header and
one *model row* whose cells carry the column formats; each long sheet's part is then
written compressed, the model row replaced by the real rows, made here from a
template per column (about a microsecond a cell), possibly in a process of its own
(assistant.report.parallel), and the workbook is copied into the output file with
those parts in place (assistant.report.package). A cell whose left neighbour is there
goes without its reference, as spreadsheets allow. The cells are the same kinds
XlsxWriter writes: inline strings, which are never formulas, and numbers with the
model cell's style (date-times and durations are numbers with a format).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import chain, repeat
from pathlib import Path
from typing import IO, Any, Literal

from assistant.report.package import CompressedPart, PackageWriter
from assistant.report.source import as_time

CellKind = Literal["text", "time", "seconds", "number"]
EXCEL_EPOCH = datetime(1899, 12, 30)
CHUNK = 2000
# Cells made at a time: a wide sheet's chunk has fewer rows, so memory stays flat.
CHUNK_CELLS = 20_000
# Excel's limit for one cell.
MAX_TEXT = 32767
# Characters XML 1.0 forbids; Excel writes them as _xHHHH_.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
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
    sql: str  # the rows, as ``Source.rows`` reads them
    params: tuple[object, ...]


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


def _escape(text: str) -> str:
    text = text[:MAX_TEXT].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _column(
    kind: CellKind,
    letter: str,
    style: str,
    serials: Callable[[Sequence[Any]], list[float | None]],
) -> Callable[[list[str] | None, Sequence[Any]], list[str]]:
    """One column's cells for a chunk of rows, from the row numbers and the values:
    "" for an empty value. A chunk's column is checked at once (all text? anything to
    escape?), so a cell costs one f-string. Row numbers None: the cells go without
    their reference, as the cell before each is there (the position follows)."""
    head = f'<c r="{letter}'
    if kind == "text":
        plain = f'"{style} t="inlineStr"><is><t>'
        keep = f'"{style} t="inlineStr"><is><t xml:space="preserve">'
        next_plain, next_keep = f"<c{plain[1:]}", f"<c{keep[1:]}"

        def text(numbers: list[str] | None, values: Sequence[Any]) -> list[str]:
            if not set(map(type, values)) <= _TEXT_TYPES:
                values = [v if v is None or isinstance(v, str) else str(v) for v in values]
            present = list(filter(None, values))
            # "<" between the values: one string to ask whether any needs escaping or
            # starts or ends with a space (as XlsxWriter, xml:space="preserve" then).
            joined = "<".join(present)
            spaced, printable = False, joined.isprintable()
            if printable:  # the only white space is " "
                spaced = joined[:1] == " " or joined[-1:] == " " or " <" in joined
                spaced = spaced or "< " in joined
            elif present:
                spaced = any(v[0].isspace() or v[-1].isspace() for v in present)
            escaped: Sequence[Any] = values
            if present and (
                joined.count("<") >= len(present)
                or "&" in joined
                or ">" in joined
                or (not printable and _CONTROL.search(joined) is not None)
                or (len(joined) > MAX_TEXT and max(map(len, present)) > MAX_TEXT)
            ):
                escaped = [_escape(v) if v else v for v in values]
            if numbers is None:
                if not spaced:
                    return [f"{next_plain}{v}</t></is></c>" if v else "" for v in escaped]
                return [
                    f"{next_keep if v[0].isspace() or v[-1].isspace() else next_plain}{e}"
                    "</t></is></c>"
                    if v
                    else ""
                    for v, e in zip(values, escaped, strict=True)
                ]
            if not spaced:
                return [
                    f"{head}{n}{plain}{v}</t></is></c>" if v else ""
                    for n, v in zip(numbers, escaped, strict=True)
                ]
            return [
                (f"{head}{n}{keep if v[0].isspace() or v[-1].isspace() else plain}{e}</t></is></c>")
                if v
                else ""
                for n, v, e in zip(numbers, values, escaped, strict=True)
            ]

        return text
    tail = f'"{style}><v>'
    after = f"<c{style}><v>"

    def cells(numbers: list[str] | None, values: Sequence[Any]) -> list[str]:
        if kind == "time":
            values = serials(values)
        elif kind == "seconds":
            values = [None if v is None or v == "" else v / 86400 for v in values]
        if numbers is None:
            return ["" if v is None or v == "" else f"{after}{v!r}</v></c>" for v in values]
        return [
            "" if v is None or v == "" else f"{head}{n}{tail}{v!r}</v></c>"
            for n, v in zip(numbers, values, strict=True)
        ]

    return cells


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
        cells = []
        full = False
        for make, values in zip(columns, zip(*chunk, strict=True), strict=True):
            made = make(None if full else numbers, values)
            # A cell in every row: the next column's cells need no reference.
            full = "" not in made
            cells.append(made)
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


@dataclass(frozen=True, slots=True)
class PartPlan:
    """What one long sheet's part is made of: the laid-out XML around the model row,
    the model row's column styles and the kinds of cells. Plain data, so it can be
    sent to another process."""

    part: str  # the sheet's file in the package, e.g. xl/worksheets/sheet2.xml
    before: str  # the XML up to the rows (the dimension set to the expected rows)
    after: str
    styles: tuple[tuple[str, str], ...]  # (column letter, ' s="N"' or "")
    kinds: tuple[CellKind, ...]
    first_row: int


def plan_part(xml: str, sheet: LongSheet) -> PartPlan:
    """The plan of ``sheet`` from its laid-out XML (with the model row)."""
    before, styles, after = _split(xml, sheet.model_row)
    last = max(sheet.model_row + sheet.count - 1, sheet.model_row - 1, 1)
    return PartPlan(
        sheet.part,
        _dimension(before, last),
        after,
        tuple(styles),
        sheet.kinds,
        sheet.model_row,
    )


def write_part(
    plan: PartPlan,
    rows: Iterable[Sequence[Any]],
    tz: tzinfo | None,
    target: Path,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> CompressedPart:
    """Write one long sheet's part, compressed (raw deflate, as a ZIP entry holds it),
    to ``target``. ``progress`` is told the rows written so far."""
    make_rows = _rows(plan.kinds, plan.styles, tz)
    with target.open("wb") as out, ThreadPoolExecutor(1, thread_name_prefix="report-z") as pool:
        sink = _Compressor(out)
        writer = _Writer(pool)
        try:
            writer.write(sink, plan.before.encode())
            number = plan.first_row
            size = max(100, min(CHUNK, CHUNK_CELLS // max(len(plan.kinds), 1)))
            for chunk in _chunks(rows, size):
                text = make_rows(number, chunk)
                number += len(chunk)
                writer.write(sink, text.encode())
                if progress is not None:
                    progress(number - plan.first_row)
                if should_stop is not None and should_stop():
                    raise ReportCancelled
            writer.write(sink, plan.after.encode())
        finally:
            writer.wait()  # the file is not closed under a write
        sink.finish()
    return CompressedPart(target, sink.crc, sink.size, sink.compressed)


def assemble(laid_out: Path, out: IO[bytes], parts: Mapping[str, CompressedPart]) -> None:
    """Copy the workbook ``laid_out`` to ``out``, with ``parts`` in place of its own."""
    with zipfile.ZipFile(laid_out) as source:
        package = PackageWriter(out)
        for info in source.infolist():
            part = parts.get(info.filename)
            if part is None:
                package.copy_from(source, info)
            else:
                package.add_compressed(info, part)
        package.close()


class _Compressor:
    """Raw deflate (a ZIP entry's data) with its CRC and sizes. Level 1: the long
    sheets are most of the file; higher levels cost seconds for a few percent."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.zlib = zlib.compressobj(1, zlib.DEFLATED, -15)
        self.crc = 0
        self.size = 0
        self.compressed = 0

    def write(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        self._put(self.zlib.compress(data))

    def finish(self) -> None:
        self._put(self.zlib.flush())

    def _put(self, data: bytes) -> None:
        if data:
            self.out.write(data)
            self.compressed += len(data)


class _Writer:
    """Writes (compresses, checksums, stores) in a second thread while the next chunk
    is made: zlib and the disk let go of the interpreter lock. One write waits at a
    time, so at most two chunks are held."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self.pool = pool
        self.pending: Future[Any] | None = None

    def write(self, sink: _Compressor, data: bytes) -> None:
        self.wait()
        self.pending = self.pool.submit(sink.write, data)

    def wait(self) -> None:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.result()  # its error, if any, is raised here


def _chunks(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
