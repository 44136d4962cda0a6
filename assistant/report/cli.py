"""``agent-assist report``: the supervisor's workbook."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.report.source import Source
    from assistant.report.workbook import ReportResult


def register(commands: Any) -> None:
    from assistant.notes.cli import _day

    report = commands.add_parser(
        "report",
        help="write an Excel workbook of the calls, follow-ups and promises",
        description="Write an XLSX workbook: Summary (figures per agent, charts), Calls, "
        "Follow-ups, Promises (kept, late, open) and Phrases. Days are local and inclusive.",
    )
    report.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="from this local day")
    report.add_argument(
        "--until", type=_day, metavar="YYYY-MM-DD", help="to this local day, inclusive"
    )
    report.add_argument(
        "--team",
        action="store_true",
        help="read the team's records on the sync server (same login as sync)",
    )
    report.add_argument(
        "--password-stdin",
        action="store_true",
        help="with --team: read the password from the first line of standard input",
    )
    report.add_argument(
        "--out",
        type=Path,
        metavar="FILE.xlsx",
        help="where to write (default: report-SINCE-UNTIL.xlsx here)",
    )
    report.set_defaults(run=run_report)


def default_name(since: date | None, until: date | None) -> str:
    if since is None and until is None:
        return "report-all.xlsx"
    return f"report-{since or 'start'}-to-{until or 'now'}.xlsx"


def run_report(args: argparse.Namespace) -> int:
    from assistant.files import write_chosen_file
    from assistant.paths import resolve_paths
    from assistant.report.workbook import write_report
    from assistant.settings import load_settings
    from assistant.store.timefmt import utc_now

    if args.since and args.until and args.since > args.until:
        raise UserError(f"--since {args.since} is after --until {args.until}", exit_status=2)
    if args.password_stdin and not args.team:
        raise UserError("--password-stdin goes with --team", exit_status=2)
    out: Path = args.out or Path(default_name(args.since, args.until))
    if out.suffix.lower() != ".xlsx":
        raise UserError(f"--out {out}: the workbook's name must end in .xlsx", exit_status=2)
    paths = resolve_paths(args.data_dir)
    settings = load_settings(paths.settings_file)
    source = _team_source(args, settings) if args.team else _local_source(paths.store_file)
    try:
        done = write_chosen_file(
            out,
            lambda stream: write_report(
                source,
                stream,
                since=args.since,
                until=args.until,
                now=utc_now(),
                fcr_window_days=settings.fcr_window_days,
            ),
        )
    finally:
        source.close()
    print(
        f"wrote {out}: {done.calls} call(s), {done.followups} follow-up(s), "
        f"{done.promises} promise(s)"
    )
    return 0


def report_to_file(
    store: Path,
    target: Path,
    *,
    since: date | None,
    until: date | None,
    fcr_window_days: int,
    progress: Callable[[int], None],
    on_total: Callable[[int], None],
    should_stop: Callable[[], bool],
) -> ReportResult:
    """Write this machine's workbook to ``target`` through a temporary file: cancelling
    (``should_stop``) or a failure leaves no file and ``target`` untouched."""
    from assistant.files import write_chosen_file
    from assistant.report.workbook import write_report
    from assistant.store.timefmt import utc_now

    source = _local_source(store)
    try:
        return write_chosen_file(
            target,
            lambda stream: write_report(
                source,
                stream,
                since=since,
                until=until,
                now=utc_now(),
                fcr_window_days=fcr_window_days,
                progress=progress,
                should_stop=should_stop,
                on_total=on_total,
            ),
        )
    finally:
        source.close()


def _local_source(store: Path) -> Source:
    from assistant.report.source import LocalSource
    from assistant.store.db import migrate

    if not store.exists():
        raise UserError(f"{store}: no store yet; nothing to report")
    migrate(store)
    return LocalSource(store)


def _team_source(args: argparse.Namespace, settings: Any) -> Source:
    from assistant.report.source import TeamSource
    from assistant.sync.cli import team_login

    return TeamSource(*team_login(args, settings))
