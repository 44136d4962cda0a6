"""The supervisor's workbook: Summary, Calls, Follow-ups, Promises and Phrases.

One pass over the calls gathers the figures (assistant.report.stats); XlsxWriter, in
constant-memory mode, lays out the workbook with the Summary, the charts, the small
tables and each long sheet's header; then the long sheets' rows are streamed in
(assistant.report.splice). Memory does not grow with the number of calls.

Rules the sheets state:

* A *promise* is a follow-up with a due time (a dated phrase turned into a follow-up
  with Ctrl+T, or one typed in the form); cancelled follow-ups are left out. Kept:
  done at or before the due time (or done with no time recorded); late: done after
  it; open: not done, *overdue* once the due time has passed. Kept % is kept /
  (kept + late + overdue): promises not yet due are not judged.
* An *escalation* is a call with ``escalated_to`` filled or disposition ``escalated``.
* *First-contact resolution*: a resolved call after which the same contact (spaces
  ignored) did not call again within ``fcr_window_days``; calls with no contact are
  not counted.
* The period is the calls started in it; their follow-ups and promises come along.
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import IO, Any

from assistant.notes.export import day_bounds
from assistant.report.package import CompressedPart
from assistant.report.source import LocalSource, Source, TeamUse, as_time
from assistant.report.splice import (
    CellKind,
    LongSheet,
    PartPlan,
    assemble,
    excel_time,
    plan_part,
    write_part,
)
from assistant.report.stats import (
    NO_AGENT,
    NOT_SET,
    CallFacts,
    Group,
    Totals,
    first_contact_resolved,
)
from assistant.store.fields import CALL_FIELDS, FOLLOWUP_FIELDS, FieldSpec

SHEETS = ("Summary", "Calls", "Follow-ups", "Promises", "Phrases")
RESOLUTIONS = ("resolved", "partial", "unresolved")
PROMISE_STATES = ("overdue", "open", "late", "kept")
DEFAULT_FCR_WINDOW_DAYS = 7
DURATION = "[h]:mm:ss;@"

# Widths in characters; a Chinese character takes two.
_WIDTHS = {"id": 38, "datetime": 19, "seconds": 10, "enum": 13, "list": 30, "text": 24}
_WIDE_TEXT = {"facts", "emotions", "demands", "request", "key_problem", "outcome", "handoff"}
_WIDE_TEXT |= {"notes", "plan", "resources"}


@dataclass(frozen=True, slots=True)
class ReportResult:
    calls: int
    followups: int
    promises: int


def _kind(spec: FieldSpec) -> CellKind:
    return {"datetime": "time", "seconds": "seconds"}.get(spec.kind, "text")  # type: ignore[return-value]


def _width(spec: FieldSpec) -> int:
    return 50 if spec.name in _WIDE_TEXT else _WIDTHS[spec.kind]


def _select(specs: Sequence[FieldSpec], alias: str) -> str:
    marker = {"list": "{{list:{}}}", "datetime": "{{time:{}}}"}
    return ", ".join(marker.get(s.kind, "{}").format(f"{alias}.{s.name}") for s in specs)


class _Query:
    """The period's SQL pieces: a WHERE on the calls' start and its parameters."""

    def __init__(self, start: datetime | None, end: datetime | None) -> None:
        clauses: list[str] = []
        self.params: list[object] = []
        if start is not None:
            clauses.append("c.started_at >= ?")
            self.params.append(start)
        if end is not None:
            clauses.append("c.started_at < ?")
            self.params.append(end)
        self.where = " AND ".join(clauses) or "1=1"


_ESCALATED = "(coalesce(c.escalated_to, '') <> '' OR c.disposition = 'escalated')"


def _facts(source: Source, query: _Query, window_days: int) -> Iterator[CallFacts]:
    sql = (
        "SELECT c.started_at, coalesce(nullif(c.agent_name, ''), nullif(c.agent_id, '')), "
        "c.talk_seconds, c.wrap_up_seconds, c.resolution, c.level, c.disposition, "
        f"{_ESCALATED}, {{list:c.templates_used}}, c.has_contact, c.next_at FROM "
        # Only the columns used: a call's whole row is wide, and the window sorts it.
        "(SELECT started_at, agent_name, agent_id, talk_seconds, wrap_up_seconds, "
        "resolution, level, disposition, escalated_to, templates_used, "
        "coalesce(customer_contact, '') <> '' AS has_contact, "
        "lead(started_at) OVER (PARTITION BY replace(customer_contact, ' ', '') "
        "ORDER BY started_at, id) AS next_at FROM {calls}) c "
        f"WHERE {query.where}"
    )
    for row in source.rows(sql, query.params):
        started, agent, talk, wrap_up, resolution, level, disposition = row[:7]
        escalated, templates, has_contact, next_at = row[7:]
        started_at = as_time(started)
        yield CallFacts(
            started=started_at,
            agent=agent or NO_AGENT,
            talk=talk,
            wrap_up=wrap_up,
            resolution=resolution,
            level=level,
            disposition=disposition,
            escalated=bool(escalated),
            fcr=first_contact_resolved(
                resolution,
                started_at,
                next_at,
                bool(has_contact),
                window_days,
            ),
            templates=tuple(t for t in (templates or "").split(";") if t),
        )


def _promises_sql(query: _Query) -> str:
    return (
        "SELECT CASE WHEN f.status = 'open' AND f.due_at < ? THEN 'overdue' "
        "WHEN f.status = 'open' THEN 'open' "
        "WHEN f.done_at > f.due_at THEN 'late' ELSE 'kept' END AS state, "
        "f.due_at, f.done_at, f.owner, f.plan, "
        "coalesce(nullif(c.agent_name, ''), nullif(c.agent_id, ''), ?) AS agent, "
        "coalesce(c.level, ?) AS level, c.customer_contact, f.call_id, f.id "
        "FROM {followups} f JOIN {calls} c ON c.id = f.call_id "
        f"WHERE f.due_at IS NOT NULL AND f.status <> 'cancelled' AND {query.where}"
    )


PROMISE_SELECT = (
    "state",
    "{time:due_at}",
    "{time:done_at}",
    "owner",
    "plan",
    "agent",
    "level",
    "customer_contact",
    "call_id",
    "id",
)
PROMISE_COLUMNS: tuple[tuple[str, CellKind, int], ...] = (
    ("state", "text", 9),
    ("due_at", "time", 19),
    ("done_at", "time", 19),
    ("owner", "text", 16),
    ("plan", "text", 40),
    ("agent", "text", 16),
    ("level", "text", 7),
    ("customer_contact", "text", 20),
    ("call_id", "text", 38),
    ("followup_id", "text", 38),
)


@dataclass(frozen=True, slots=True)
class _Period:
    """What the report covers: the days asked for, the time it is written at and in
    which zone, and the SQL that picks the period's calls."""

    since: date | None
    until: date | None
    now: datetime
    tz: tzinfo | None
    fcr_window_days: int
    query: _Query

    @property
    def promise_params(self) -> list[object]:
        return [self.now, NO_AGENT, NOT_SET, *self.query.params]


@dataclass(frozen=True, slots=True)
class _Counted:
    """The first pass: the figures, and how many rows each long sheet gets."""

    totals: Totals
    followups: int
    promises: Counter[tuple[str, str, str]]  # (agent, level, state) -> promises

    @property
    def result(self) -> ReportResult:
        return ReportResult(self.totals.period.calls, self.followups, sum(self.promises.values()))


def write_report(
    source: Source,
    out: IO[bytes],
    *,
    since: date | None = None,
    until: date | None = None,
    now: datetime,
    tz: tzinfo | None = None,
    fcr_window_days: int = DEFAULT_FCR_WINDOW_DAYS,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> ReportResult:
    """Write the workbook for the calls started from ``since`` to ``until`` (local days,
    inclusive; None is open) to ``out``. ``tz`` is the local time zone (None: this
    machine's); ``now`` decides which open promises are overdue. ``progress`` is told
    the rows of the long sheets written so far, ``on_total`` (once) how many there are."""
    period = _Period(since, until, now, tz, fcr_window_days, _Query(*day_bounds(since, until, tz)))
    with tempfile.TemporaryDirectory(prefix="agent-assist-report-") as tmp:
        folder = Path(tmp)
        followups: int | None = None  # counted here only when it decides the way
        if _in_processes(source):
            assert isinstance(source, LocalSource)
            calls, followups = _sizes(source, period.query)
            if calls + 2 * followups >= _parallel_rows():  # promises <= follow-ups
                return _write_in_processes(
                    source, out, folder, period, (calls, followups), progress, should_stop, on_total
                )
        counted = _Counted(_totals(source, period), *_counts(source, period, followups))
        result = counted.result
        if on_total is not None:
            on_total(result.calls + result.followups + result.promises)
        laid_out = folder / "layout.xlsx"
        long_sheets = _lay_out(laid_out, source, period, counted)
        parts: dict[str, CompressedPart] = {}
        done = 0
        for sheet, plan in zip(long_sheets, _plans(laid_out, long_sheets), strict=True):

            def told(rows: int, before: int = done) -> None:
                if progress is not None:
                    progress(before + rows)

            target = folder / f"part{len(parts)}.deflate"
            rows = source.rows(sheet.sql, sheet.params)
            parts[plan.part] = write_part(plan, rows, tz, target, told, should_stop)
            done += sheet.count
        assemble(laid_out, out, parts)
    return result


def _parallel_rows() -> int:
    from assistant.report import parallel

    return parallel.PARALLEL_ROWS


def _in_processes(source: Source) -> bool:
    """Whether the long sheets may be written in processes of their own: this
    machine's store (each process opens it), plain (the key stays in this process),
    and not from the bundled executable (its start-up does not take the role of a
    sheet's process)."""
    if getattr(sys, "frozen", False):
        return False
    return isinstance(source, LocalSource) and not getattr(source.conn, "field_keys", None)


def _write_in_processes(
    source: LocalSource,
    out: IO[bytes],
    folder: Path,
    period: _Period,
    sizes: tuple[int, int],
    progress: Callable[[int], None] | None,
    should_stop: Callable[[], bool] | None,
    on_total: Callable[[int], None] | None,
) -> ReportResult:
    """The long sheets are laid out first (their parts depend only on the counts), so
    their processes start while this one gathers the figures and lays out the rest:
    Calls and Follow-ups at once, Promises once its counts (for its tables) are in."""
    from assistant.report.parallel import Job, SheetWriters

    calls, followups = sizes
    empty = Totals(period.tz)
    empty.period.calls = calls
    writers = SheetWriters(source.store, period.tz)
    plans: list[PartPlan] = []

    def start(promises: Counter[tuple[str, str, str]], sheets: slice) -> None:
        sketch = folder / f"sketch{len(plans)}.xlsx"
        long_sheets = _lay_out(sketch, source, period, _Counted(empty, followups, promises))
        for sheet, plan in zip(
            long_sheets[sheets], _plans(sketch, long_sheets[sheets]), strict=True
        ):
            nice = 4 if len(plans) == 1 else 0  # Follow-ups (the smallest) fills in
            writers.start(Job(plan, sheet.sql, sheet.params, folder / f"part{len(plans)}.z", nice))
            plans.append(plan)

    try:
        start(Counter(), slice(0, 2))
        promises = _promise_counts(source, period)
        result = ReportResult(calls, followups, sum(promises.values()))
        if on_total is not None:
            on_total(result.calls + result.followups + result.promises)
        start(promises, slice(2, 3))
        totals = Totals(period.tz)
        for n, call in enumerate(_facts(source, period.query, period.fcr_window_days)):
            totals.add(call)
            if n % 4096 == 0:
                writers.poll(progress, should_stop)
        laid_out = folder / "layout.xlsx"
        final = _lay_out(laid_out, source, period, _Counted(totals, followups, promises))
        if _plans(laid_out, final) != plans:  # the figures changed a long sheet's layout
            raise RuntimeError("the long sheets' layout depends on the figures")
        parts = writers.wait(progress, should_stop)
    finally:
        writers.stop()
    assemble(laid_out, out, parts)
    return result


def _plans(laid_out: Path, sheets: Sequence[LongSheet]) -> list[PartPlan]:
    with zipfile.ZipFile(laid_out) as package:
        return [plan_part(package.read(s.part).decode(), s) for s in sheets]


def _totals(source: Source, period: _Period) -> Totals:
    """One pass over the period's calls for the figures."""
    totals = Totals(period.tz)
    for call in _facts(source, period.query, period.fcr_window_days):
        totals.add(call)
    return totals


def _counts(
    source: Source, period: _Period, followups: int | None
) -> tuple[int, Counter[tuple[str, str, str]]]:
    """The period's follow-ups (``followups`` when already counted), and its promises
    per (agent, level, state). The calls are counted by the totals' own pass."""
    if followups is None:
        followups = _followup_count(source, period.query)
    return followups, _promise_counts(source, period)


def _sizes(source: Source, query: _Query) -> tuple[int, int]:
    """The period's calls and follow-ups."""
    (calls,) = next(
        iter(source.rows(f"SELECT count(*) FROM {{calls}} c WHERE {query.where}", query.params))
    )
    return int(calls), _followup_count(source, query)


def _followup_count(source: Source, query: _Query) -> int:
    (followups,) = next(
        iter(
            source.rows(
                "SELECT count(*) FROM {followups} f JOIN {calls} c ON c.id = f.call_id "
                f"WHERE {query.where}",
                query.params,
            )
        )
    )
    return int(followups)


def _promise_counts(source: Source, period: _Period) -> Counter[tuple[str, str, str]]:
    """The period's promises per (agent, level, state)."""
    promises: Counter[tuple[str, str, str]] = Counter()
    for agent, level, state, n in source.rows(
        f"SELECT agent, level, state, count(*) FROM ({_promises_sql(period.query)}) p "
        "GROUP BY agent, level, state",
        period.promise_params,
    ):
        promises[agent, level, state] = int(n)
    return promises


def _lay_out(laid_out: Path, source: Source, period: _Period, counted: _Counted) -> list[LongSheet]:
    """Write the workbook with XlsxWriter, each long sheet with its header and model
    row only; return where the long sheets' rows go and where they come from."""
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(laid_out), {"constant_memory": True, "tmpdir": str(laid_out.parent)}
    )
    fmt = _Formats(book)
    sheets = {name: book.add_worksheet(name) for name in SHEETS}
    totals = counted.totals
    laid = [
        _record_sheet(sheets["Calls"], fmt, CALL_FIELDS, totals.period.calls, 2),
        _record_sheet(sheets["Follow-ups"], fmt, FOLLOWUP_FIELDS, counted.followups, 3),
        _promises_sheet(sheets["Promises"], fmt, counted.promises, period.now, period.tz, 4),
    ]
    _summary(book, sheets["Summary"], fmt, totals, source, period)
    _phrases(sheets["Phrases"], fmt, totals, source.phrase_use(period.since, period.until))
    book.close()
    return [
        LongSheet(sheet.part, sheet.model_row, sheet.kinds, sheet.count, sql, tuple(params))
        for sheet, (sql, params) in zip(laid, _long_sheet_queries(period), strict=True)
    ]


def _long_sheet_queries(period: _Period) -> list[tuple[str, list[object]]]:
    """The SQL and parameters of the Calls, Follow-ups and Promises rows, in order."""
    query = period.query
    calls = (
        f"SELECT {_select(CALL_FIELDS, 'c')} FROM {{calls}} c WHERE {query.where} "
        "ORDER BY c.started_at, c.id"
    )
    followups = (
        f"SELECT {_select(FOLLOWUP_FIELDS, 'f')} FROM {{followups}} f "
        f"JOIN {{calls}} c ON c.id = f.call_id WHERE {query.where} ORDER BY f.due_at, f.id"
    )
    promises = (
        f"SELECT {', '.join(PROMISE_SELECT)} FROM ({_promises_sql(query)}) p "
        "ORDER BY CASE state WHEN 'overdue' THEN 0 "
        "WHEN 'open' THEN 1 WHEN 'late' THEN 2 ELSE 3 END, due_at, id"
    )
    return [
        (calls, query.params),
        (followups, query.params),
        (promises, period.promise_params),
    ]


class _Formats:
    def __init__(self, book: Any) -> None:
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.note = book.add_format({"italic": True, "font_color": "#555555"})
        self.header = book.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "bottom": 1, "text_wrap": True}
        )
        self.bold = book.add_format({"bold": True})
        self.text = book.add_format({"num_format": "@"})
        self.time = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.day = book.add_format({"num_format": "yyyy-mm-dd"})
        # Durations add up past 24 hours. Spelt with a text section so that it is saved
        # as a custom format: LibreOffice shows Excel's built-in one (46) as a clock time.
        self.duration = book.add_format({"num_format": DURATION})
        self.share = book.add_format({"num_format": "0.0%"})
        self.count = book.add_format({"num_format": "0"})
        # Style numbers fixed now, in this order: XlsxWriter would number a format when
        # the first row using it is written out, so the long sheets' cells would have
        # numbers that depend on the Summary written after them.
        for each in (self.title, self.note, self.header, self.bold, self.text, self.time):
            each._get_xf_index()
        for each in (self.day, self.duration, self.share, self.count):
            each._get_xf_index()

    def for_kind(self, kind: CellKind) -> Any:
        return {"text": self.text, "time": self.time, "seconds": self.duration}.get(
            kind, self.count
        )


@dataclass(frozen=True, slots=True)
class _Laid:
    part: str
    model_row: int
    kinds: tuple[CellKind, ...]
    count: int


def _part(sheet: Any, index: int) -> str:
    return f"xl/worksheets/sheet{index}.xml"


def _header_and_model(
    sheet: Any,
    fmt: _Formats,
    row: int,
    columns: Sequence[tuple[str, CellKind, int]],
    count: int,
) -> None:
    # Constant-memory mode: a row is final once a later one is written.
    for col, (name, _, width) in enumerate(columns):
        sheet.set_column(col, col, width)
        sheet.write_string(row, col, name, fmt.header)
    for col, (_, kind, _) in enumerate(columns):
        sheet.write_blank(row + 1, col, None, fmt.for_kind(kind))
    sheet.autofilter(row, 0, row + max(count, 1), len(columns) - 1)


def _record_sheet(
    sheet: Any, fmt: _Formats, specs: Sequence[FieldSpec], count: int, index: int
) -> _Laid:
    columns = [(s.name, _kind(s), _width(s)) for s in specs]
    sheet.freeze_panes(1, 0)
    _header_and_model(sheet, fmt, 0, columns, count)
    return _Laid(_part(sheet, index), 2, tuple(c[1] for c in columns), count)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _write_row(sheet: Any, row: int, values: Sequence[tuple[Any, Any]]) -> None:
    """Cells (value, format) from column A; None values are left empty."""
    for col, (value, cell_format) in enumerate(values):
        if value is None:
            continue
        if isinstance(value, str):
            sheet.write_string(row, col, value, cell_format)
        else:
            sheet.write_number(row, col, value, cell_format)


def _promises_sheet(
    sheet: Any,
    fmt: _Formats,
    counts: Counter[tuple[str, str, str]],
    now: datetime,
    tz: tzinfo | None,
    index: int,
) -> _Laid:
    local_now = now.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    sheet.write_string(0, 0, "Promises", fmt.title)
    sheet.write_string(
        1,
        0,
        "A promise is a follow-up with a due time (a dated phrase added with Ctrl+T, or "
        "one typed in the form); cancelled follow-ups are left out. Kept: done at or before "
        "the due time. Late: done after it. Open: not done yet; overdue once the due time "
        f"has passed (as of {local_now}). Kept % = kept / (kept + late + overdue).",
        fmt.note,
    )
    row = 3
    for label, key in (("Agent", 0), ("Level", 1)):
        by: dict[str, Counter[str]] = {}
        for group, n in counts.items():
            by.setdefault(group[key], Counter())[group[2]] += n
        _write_row(
            sheet,
            row,
            [(h, fmt.header) for h in (label, "Promises", *PROMISE_STATES[::-1], "Kept %")],
        )
        row += 1
        for name in sorted(by):
            states = by[name]
            judged = states["kept"] + states["late"] + states["overdue"]
            _write_row(
                sheet,
                row,
                [
                    (name, None),
                    (sum(states.values()), None),
                    *[(states[s], None) for s in PROMISE_STATES[::-1]],
                    (_share(states["kept"], judged), fmt.share),
                ],
            )
            row += 1
        if not by:
            sheet.write_string(row, 0, "No promises in this period.", fmt.note)
            row += 1
        row += 1
    sheet.freeze_panes(row + 1, 0)
    _header_and_model(sheet, fmt, row, PROMISE_COLUMNS, sum(counts.values()))
    return _Laid(
        _part(sheet, index), row + 2, tuple(c[1] for c in PROMISE_COLUMNS), sum(counts.values())
    )


AGENT_HEADER = (
    "Agent",
    "Calls",
    "Talk mean",
    "Talk SD",
    "Talk CV",
    "Wrap-up mean",
    "Wrap-up SD",
    "Wrap-up CV",
    "Handle mean",
    "Resolved",
    "Partial",
    "Unresolved",
    "Escalations",
    "Escalated",
    "First-contact resolution",
)


def _seconds(value: float | None) -> float | None:
    return None if value is None else value / 86400


def _group_row(name: str, group: Group, fmt: _Formats) -> list[tuple[Any, Any]]:
    return [
        (name, fmt.bold if name == "All agents" else None),
        (group.calls, None),
        (_seconds(group.talk.average), fmt.duration),
        (_seconds(group.talk.stdev), fmt.duration),
        (group.talk.cv, fmt.share),
        (_seconds(group.wrap_up.average), fmt.duration),
        (_seconds(group.wrap_up.stdev), fmt.duration),
        (group.wrap_up.cv, fmt.share),
        (_seconds(group.handle.average), fmt.duration),
        *[(group.share(r), fmt.share) for r in RESOLUTIONS],
        (group.escalations, None),
        (_share(group.escalations, group.calls), fmt.share),
        (group.fcr_share, fmt.share),
    ]


def _period_words(since: date | None, until: date | None) -> str:
    if since is None and until is None:
        return "all calls"
    return f"calls from {since or 'the first'} to {until or 'the last'}"


def _summary(
    book: Any, sheet: Any, fmt: _Formats, totals: Totals, source: Source, period: _Period
) -> None:
    _summary_heading(sheet, fmt, source, period)
    if not totals.period.calls:
        sheet.write_string(4, 0, "No calls in this period.", fmt.bold)
        return
    row, agents = _agent_table(sheet, fmt, totals, 4)
    tables: dict[str, tuple[int, int]] = {}
    for title, counts in (("Level", totals.levels), ("Disposition", totals.dispositions)):
        tables[title] = _count_table(sheet, fmt, title, counts, row + 1)
        row = tables[title][1] + 1
    tables["Day"] = _day_table(sheet, fmt, totals.days, row + 1)
    _charts(book, sheet, totals, agents, tables)


def _summary_heading(sheet: Any, fmt: _Formats, source: Source, period: _Period) -> None:
    """The title, where the records come from, when, and the rules the figures follow."""
    local_now = period.now.astimezone(period.tz)
    offset = local_now.strftime("%z")
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, len(AGENT_HEADER) - 1, 11)
    words = _period_words(period.since, period.until)
    sheet.write_string(0, 0, f"Call report: {words}", fmt.title)
    sheet.write_string(
        1,
        0,
        f"From {source.description}, written {local_now:%Y-%m-%d %H:%M}; times are local "
        f"(UTC{offset[:3]}:{offset[3:]}).",
        fmt.note,
    )
    sheet.write_string(
        2,
        0,
        "Escalated: 'escalated to' filled or disposition 'escalated'. First-contact "
        f"resolution: resolved, and the same contact did not call again within "
        f"{period.fcr_window_days} days (calls with no contact are not counted). "
        "SD: sample standard deviation; CV: SD / mean.",
        fmt.note,
    )


def _agent_table(
    sheet: Any, fmt: _Formats, totals: Totals, top: int
) -> tuple[int, tuple[int, int]]:
    """All agents, then each agent; the next free row and the agents' first and last."""
    _write_row(sheet, top, [(h, fmt.header) for h in AGENT_HEADER])
    _write_row(sheet, top + 1, _group_row("All agents", totals.period, fmt))
    row = top + 2
    for name in sorted(totals.agents):
        _write_row(sheet, row, _group_row(name, totals.agents[name], fmt))
        row += 1
    return row, (top + 2, row - 1)


def _count_table(
    sheet: Any, fmt: _Formats, title: str, counts: Counter[str], top: int
) -> tuple[int, int]:
    """Calls per name under a header row at ``top``; the first and last rows."""
    _write_row(sheet, top, [(title, fmt.header), ("Calls", fmt.header)])
    for row, name in enumerate(sorted(counts), start=top + 1):
        _write_row(sheet, row, [(name, None), (counts[name], None)])
    return top + 1, top + len(counts)


def _day_table(sheet: Any, fmt: _Formats, days: Counter[date], top: int) -> tuple[int, int]:
    """Calls per local day, as dates; the first and last rows."""
    _write_row(sheet, top, [("Day", fmt.header), ("Calls", fmt.header)])
    for row, day in enumerate(sorted(days), start=top + 1):
        sheet.write_datetime(row, 0, datetime.combine(day, datetime.min.time()), fmt.day)
        sheet.write_number(row, 1, days[day])
    return top + 1, top + len(days)


# Steps for a duration axis's gridlines, in seconds: whole minutes read better than
# a spreadsheet's own choice (0:02:53).
_STEPS = (15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400)


def _duration_axis(largest: float | None) -> dict[str, Any]:
    """A duration axis with about five to eight gridlines up to ``largest`` seconds."""
    axis: dict[str, Any] = {"num_format": DURATION}
    if largest:
        step = next((s for s in _STEPS if largest / s <= 8), _STEPS[-1])
        axis.update(min=0, major_unit=step / 86400)
    return axis


def _spread(running: Any) -> float | None:
    """Where most of a stream of times ends: mean plus two standard deviations."""
    if running.average is None:
        return None
    return float(running.mean + 2 * (running.stdev or 0))


def _charts(
    book: Any,
    sheet: Any,
    totals: Totals,
    agents: tuple[int, int],
    tables: dict[str, tuple[int, int]],
) -> None:
    calls = totals.period.calls

    def column_chart(
        kind: str, title: str, cats: tuple[int, int, int], values: int, **extra: Any
    ) -> Any:
        chart = book.add_chart({"type": kind})
        first, last, cat_col = cats
        chart.add_series(
            {
                "name": title,
                "categories": ["Summary", first, cat_col, last, cat_col],
                "values": ["Summary", first, values, last, values],
                **extra,
            }
        )
        chart.set_title({"name": title})
        chart.set_legend({"none": True})
        return chart

    day_first, day_last = tables["Day"]
    trend = column_chart("line", "Calls per day", (day_first, day_last, 0), 1)
    trend.set_x_axis({"date_axis": True, "num_format": "mm-dd"})
    handle = column_chart("bar", "Mean handle time per agent", (agents[0], agents[1], 0), 8)
    handle_means = [g.handle.average or 0 for g in totals.agents.values()]
    handle.set_x_axis(_duration_axis(max(handle_means, default=0)))
    first, last = tables["Disposition"]
    dispositions = column_chart(
        "pie", "Dispositions", (first, last, 0), 1, data_labels={"percentage": True}
    )
    dispositions.set_legend({"position": "right"})
    scatter = book.add_chart({"type": "scatter"})
    scatter.add_series(
        {
            "name": "Calls",
            "categories": ["Calls", 1, 4, calls, 4],
            "values": ["Calls", 1, 5, calls, 5],
            "marker": {"type": "circle", "size": 3},
        }
    )
    scatter.set_title({"name": "Talk time against wrap-up time"})
    scatter.set_x_axis({"name": "Talk time", **_duration_axis(_spread(totals.period.talk))})
    scatter.set_y_axis({"name": "Wrap-up time", **_duration_axis(_spread(totals.period.wrap_up))})
    scatter.set_legend({"none": True})
    anchor = len(AGENT_HEADER) + 1
    for i, chart in enumerate((trend, handle, dispositions, scatter)):
        chart.set_size({"width": 560, "height": 300})
        sheet.insert_chart(4 + i * 16, anchor, chart)


PHRASE_HEADER = (
    "Playbook entry",
    "Calls",
    "Share of calls",
    "Resolved",
    "Partial",
    "Unresolved",
    "Escalated",
    "First used",
    "Last used",
)


TEAM_USE_HEADER = ("Team", "Playbook entry", "Pack version", "Copies", "Agents")


def _phrases(sheet: Any, fmt: _Formats, totals: Totals, team_use: list[TeamUse]) -> None:
    sheet.write_string(0, 0, "Phrases copied into calls", fmt.title)
    sheet.write_string(
        1,
        0,
        "Each playbook entry copied during the period's calls (the calls' templates_used) "
        "and how those calls ended. The calls themselves: filter templates_used on the "
        "Calls sheet (Text Filters, Contains).",
        fmt.note,
    )
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 6, 11)
    sheet.set_column(7, 8, 19)
    sheet.freeze_panes(4, 0)
    _write_row(sheet, 3, [(h, fmt.header) for h in PHRASE_HEADER])
    if not totals.phrases:
        sheet.write_string(4, 0, "No phrases were copied in this period.", fmt.note)
        _team_use(sheet, fmt, 6, team_use)
        return
    calls = totals.period.calls
    ranked = sorted(totals.phrases.items(), key=lambda item: (-item[1].calls, item[0]))
    sheet.autofilter(3, 0, 3 + len(ranked), len(PHRASE_HEADER) - 1)
    for row, (entry, p) in enumerate(ranked, start=4):
        _write_row(
            sheet,
            row,
            [
                (entry, None),
                (p.calls, None),
                (_share(p.calls, calls), fmt.share),
                (_share(p.resolved, p.calls), fmt.share),
                (_share(p.partial, p.calls), fmt.share),
                (_share(p.unresolved, p.calls), fmt.share),
                (_share(p.escalated, p.calls), fmt.share),
                (excel_time(p.first, totals.tz), fmt.time),
                (excel_time(p.last, totals.tz), fmt.time),
            ],
        )
    _team_use(sheet, fmt, 4 + len(ranked) + 2, team_use)


def _team_use(sheet: Any, fmt: _Formats, top: int, team_use: list[TeamUse]) -> None:
    """Below the calls: every copy counted by team sync, per team (``--team`` only)."""
    if not team_use:
        return
    sheet.write_string(top, 0, "Phrase use by team", fmt.title)
    sheet.write_string(
        top + 1,
        0,
        "Every copy agents made in the period (days in each agent's own time), as team "
        "sync sends it: the entry id, its pack's version and the count, never any text. "
        "Teams are the agents' groups in their settings; an agent in two groups counts "
        "in both. The agents' own phrases are not counted until published.",
        fmt.note,
    )
    _write_row(sheet, top + 3, [(h, fmt.header) for h in TEAM_USE_HEADER])
    for row, use in enumerate(team_use, start=top + 4):
        _write_row(
            sheet,
            row,
            [
                (use.team or "(no group)", None),
                (use.entry_id, None),
                (use.pack_version, None),
                (use.copies, None),
                (use.agents, None),
            ],
        )
