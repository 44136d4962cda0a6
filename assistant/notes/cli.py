"""``agent-assist import`` and ``agent-assist export``."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError

if TYPE_CHECKING:
    from assistant.sync.erasure import TeamErasure


def register(commands: Any) -> None:
    imp = commands.add_parser(
        "import",
        help="import call records from JSON Lines or a raw CSV export",
        description="Import call records. The whole file is checked first; if any line is "
        "bad nothing is imported and every problem is listed as FILE:LINE: field: reason.",
    )
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--skip-invalid", action="store_true", help="import the good lines, still list the bad"
    )
    imp.add_argument(
        "--encoding",
        choices=("utf-8", "gbk", "big5"),
        help="the file's encoding (default: UTF-8, else GBK or Big5 as the bytes show, "
        "as Excel saves CSV on Chinese Windows)",
    )
    imp.set_defaults(run=run_import)

    exp = commands.add_parser(
        "export",
        help="export call records or follow-ups as CSV",
        description="Export CSV for Excel (default) or, with --raw, for other systems and "
        "for import.",
    )
    exp.add_argument("--table", choices=("calls", "followups"), default="calls")
    exp.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="from this local day")
    exp.add_argument(
        "--until", type=_day, metavar="YYYY-MM-DD", help="to this local day, inclusive"
    )
    exp.add_argument("--out", type=Path, metavar="FILE", help="write here instead of stdout")
    exp.add_argument(
        "--raw", action="store_true", help="plain UTF-8, ISO 8601 UTC times, no escaping"
    )
    exp.set_defaults(run=run_export)


def register_erasure(commands: Any) -> None:
    erase = commands.add_parser(
        "erase",
        help="remove every record and follow-up of one customer (right to erasure)",
        description="Find the records whose customer_contact is VALUE (a phone number "
        "matches with or without its country code), say how many, ask, then remove them "
        "and their follow-ups and check the store. Backups keep them until they expire.",
    )
    erase.add_argument("--contact", required=True, metavar="VALUE")
    erase.add_argument(
        "--team",
        action="store_true",
        help="also remove them from the team server, every agent's (same login as sync); "
        "every machine removes its copies at its next sync and none can send them back",
    )
    erase.add_argument(
        "--password-stdin",
        action="store_true",
        help="with --team: read the password from the first line of standard input",
    )
    erase.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    erase.set_defaults(run=run_erase)
    purge = commands.add_parser(
        "purge",
        help="remove records older than a date (retention)",
        description="Remove the records that started before DATE (local midnight; a draft "
        "with no start time counts from when it was made) and their follow-ups, after "
        "saying how many and asking; then check the store.",
    )
    purge.add_argument("--before", required=True, type=_day, metavar="YYYY-MM-DD")
    purge.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    purge.set_defaults(run=run_purge)


def run_erase(args: argparse.Namespace) -> int:
    from assistant.notes.erasure import find_by_contact

    if args.password_stdin and not args.team:
        raise UserError("--password-stdin goes with --team", exit_status=2)
    server = _team_erasure(args) if args.team else None
    try:
        return _remove(
            args, lambda conn: find_by_contact(conn, args.contact), f"of {args.contact}", server
        )
    finally:
        if server is not None:
            server.close()


def _team_erasure(args: argparse.Namespace) -> TeamErasure:
    from assistant.paths import resolve_paths
    from assistant.settings import load_settings
    from assistant.sync.cli import team_login
    from assistant.sync.erasure import TeamErasure

    return TeamErasure(*team_login(args, load_settings(resolve_paths(args.data_dir).settings_file)))


def run_purge(args: argparse.Namespace) -> int:
    from assistant.notes.erasure import find_before

    return _remove(
        args, lambda conn: find_before(conn, args.before, None), f"from before {args.before}"
    )


def _remove(
    args: argparse.Namespace, find: Any, which: str, server: TeamErasure | None = None
) -> int:
    """Say what goes, ask, then remove it: from the team server first (``server``,
    for ``erase --team``), then from this machine's store."""
    from assistant.maintenance.drafts import discard_draft
    from assistant.notes.erasure import Found, remove
    from assistant.paths import resolve_paths
    from assistant.store.connect import StoreDamaged
    from assistant.store.db import check_damage, migrate, open_store

    paths = resolve_paths(args.data_dir)
    there = server.find(args.contact) if server is not None else Found([], 0)
    if not paths.store_file.exists():
        if server is None or not there.call_ids:
            print(f"no records {which}: there is no store yet")
            return 0
        print(f"this removes {_counted(there)} {which} from the team server")
        if not args.yes:
            _confirm()
        server.erase(there.call_ids)
        print(f"removed {_counted(there)} from the team server")
        return 0
    migrate(paths.store_file)
    store = open_store(paths.store_file)
    try:
        with store.sessions.begin() as session:
            found = find(session.connection())
            if not found.call_ids and not there.call_ids:
                print(f"no records {which}")
                return 0
            where = f"from {paths.store_file}"
            if server is not None:
                where += f" and {_counted(there)} from the team server {server.address.place}"
            print(f"this removes {_counted(found)} {which} {where}")
            if not args.yes:
                _confirm()
            if server is not None:
                # Noted as erased on the server too, so no machine sends them back.
                server.erase(sorted({*found.call_ids, *there.call_ids}))
            remove(session.connection(), found.call_ids)
    finally:
        store.close()
    for call_id in found.call_ids:
        discard_draft(paths, call_id)
    problem = check_damage(paths.store_file, full=True)
    if problem is not None:
        raise StoreDamaged(f"{paths.store_file}: the store check failed after removing: {problem}")
    print(
        f"removed {_counted(found)}"
        + (f" here and {_counted(there)} from the team server" if server is not None else "")
        + "; store checked"
    )
    return 0


def _counted(found: Any) -> str:
    return f"{len(found.call_ids)} record(s) and {found.followups} follow-up(s)"


def _confirm() -> None:
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(
            "nothing removed: confirm with --yes (there is no terminal to ask on)", exit_status=2
        )
    if input("Remove them? [y/N] ").strip().casefold() not in ("y", "yes"):
        raise UserError("nothing removed", exit_status=1)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-03-15") from None


def run_import(args: argparse.Namespace) -> int:
    from assistant.store.db import RECOVERED_EXIT_STATUS

    status, recovered = _import(args)
    # Moving a damaged store aside is never a plain success, whatever was imported.
    return RECOVERED_EXIT_STATUS if recovered else status


def _import(args: argparse.Namespace) -> tuple[int, bool]:
    """The import's exit status, and whether a damaged store was moved aside first."""
    from assistant.notes.importer import import_file
    from assistant.paths import resolve_paths
    from assistant.settings import load_settings
    from assistant.store.db import open_store_or_recover
    from assistant.store.timefmt import utc_now

    paths = resolve_paths(args.data_dir)
    settings = load_settings(paths.settings_file)
    store, notice = open_store_or_recover(paths.store_file)
    recovered = notice is not None
    if notice is not None:
        print(f"agent-assist: {notice.message}", file=sys.stderr)
    try:
        report = import_file(
            store.sessions,
            args.file,
            skip_invalid=args.skip_invalid,
            dispositions=settings.dispositions,
            required=settings.required_fields,
            encoding=args.encoding,
            now=utc_now(),
        )
    finally:
        store.close()
    if report.encoding != "utf-8":
        from assistant.notes.importer import ENCODING_NAMES

        how = "as given" if args.encoding else "the file is not UTF-8"
        print(f"{args.file}: read as {ENCODING_NAMES[report.encoding]} ({how})")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.problems and not args.skip_invalid:
        print(
            f"agent-assist: nothing imported: {report.invalid_lines} bad line(s) in {args.file}",
            file=sys.stderr,
        )
        return 2, recovered
    print(
        f"imported {report.imported} record(s) ({report.created} new, {report.updated} updated), "
        f"{report.followups} follow-up(s); skipped {report.invalid_lines} bad line(s)"
    )
    return (2 if report.problems else 0), recovered


def run_export(args: argparse.Namespace) -> int:
    from assistant.files import write_chosen_file
    from assistant.notes.export import export_csv
    from assistant.paths import resolve_paths
    from assistant.store.db import migrate

    paths = resolve_paths(args.data_dir)
    if not paths.store_file.exists():
        raise UserError(f"{paths.store_file}: no store yet; nothing to export")
    migrate(paths.store_file)
    options = {"table": args.table, "since": args.since, "until": args.until, "raw": args.raw}
    if args.out is None:
        try:
            export_csv(paths.store_file, sys.stdout.buffer, **options)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader (head, a closed pager) went away: not an error of ours.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0
    write_chosen_file(args.out, lambda out: export_csv(paths.store_file, out, **options))
    return 0
