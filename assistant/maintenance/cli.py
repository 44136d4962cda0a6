"""``agent-assist doctor``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.paths import Paths

log = logging.getLogger(__name__)


def register(commands: Any) -> None:
    doctor = commands.add_parser(
        "doctor",
        help="check the store, disk space, settings, backups and phrasing packs",
        description="Check the store (integrity, schema revision, WAL size), free disk "
        "space, settings, backups and every pack that would load. Changes nothing. "
        "Exit 1 if anything is wrong. A damaged store moved aside beside the store is a "
        "warning until it is restored, salvaged or dismissed.",
    )
    treat = doctor.add_mutually_exclusive_group()
    treat.add_argument(
        "--salvage",
        nargs="?",
        const=True,
        type=Path,
        metavar="FILE",
        help="read what can still be read from a damaged store (default: the newest one "
        "moved aside) into a new store beside it, and say how many records came back",
    )
    treat.add_argument(
        "--dismiss",
        nargs="?",
        const=True,
        type=Path,
        metavar="FILE",
        help="stop warning about a damaged store moved aside (default: all of them); "
        "the file is kept, renamed to calls.sqlite3.dismissed-...",
    )
    doctor.set_defaults(run=run_doctor)

    backup = commands.add_parser(
        "backup",
        help="back the store up now and print the backup's path",
        description="Copy the store into the data dir's backups/ folder with SQLite's "
        "online backup (safe while the panel runs), check the copy, print its path.",
    )
    backup.set_defaults(run=run_backup)

    restore = commands.add_parser(
        "restore",
        help="replace the store with a backup (the current store is kept aside)",
        description="Check FILE (not damaged, an Agent Assist store, not from a newer "
        "version), move the current store aside under a timestamped name and put FILE "
        "in its place. Close the panel first.",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(run=run_restore)


def run_doctor(args: argparse.Namespace) -> int:
    from assistant.maintenance.doctor import run_checks
    from assistant.paths import resolve_paths

    paths = resolve_paths(args.data_dir)
    if args.salvage is not None:
        return _salvage(paths, args.salvage)
    if args.dismiss is not None:
        return _dismiss(paths, args.dismiss)
    findings = run_checks(paths)
    for finding in findings:
        print(finding)
    failed = [f for f in findings if not f.ok]
    areas = ", ".join(dict.fromkeys(f.area for f in failed))
    warned = ", ".join(dict.fromkeys(f.area for f in findings if f.warning))
    log.info("doctor: %d finding(s), %d failed: %s", len(findings), len(failed), areas or "none")
    if failed:
        print(f"agent-assist: problems found: {areas}", file=sys.stderr)
        return 1
    if warned:
        print(f"agent-assist: no problems found, but see the warnings: {warned}", file=sys.stderr)
        return 0
    print("agent-assist: no problems found", file=sys.stderr)
    return 0


def _damaged(paths: Paths, chosen: Path | bool) -> list[Path]:
    """The damaged store named on the command line, or those beside the store."""
    from assistant.errors import UserError
    from assistant.store.db import damaged_files

    if isinstance(chosen, Path):
        if not chosen.is_file():
            raise UserError(f"{chosen}: no such file")
        return [chosen]
    found = damaged_files(paths.store_file)
    if not found:
        raise UserError(f"{paths.data_dir}: no damaged store beside {paths.store_file.name}")
    return found


def _salvage(paths: Paths, chosen: Path | bool) -> int:
    from assistant.store.db import timestamp
    from assistant.store.salvage import salvage

    source = _damaged(paths, chosen)[-1]
    target = paths.store_file.with_name(f"{paths.store_file.name}.salvaged-{timestamp()}")
    result = salvage(source, target)
    print(f"read back {result.found} from {source} into {target}")
    if result.orphans:
        print(f"{result.orphans} follow-up(s) were left out: their call record was lost")
    print(
        f"to use them: agent-assist restore {target} (what was written since the damage is kept)",
        file=sys.stderr,
    )
    return 0


def _dismiss(paths: Paths, chosen: Path | bool) -> int:
    from assistant.store.db import dismiss_damaged

    for damaged in _damaged(paths, chosen):
        print(f"{damaged} is kept as {dismiss_damaged(damaged)} and no longer reported")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from assistant.maintenance.backup import make_backup
    from assistant.paths import resolve_paths

    print(make_backup(resolve_paths(args.data_dir)))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from assistant.maintenance.backup import restore
    from assistant.paths import resolve_paths

    paths = resolve_paths(args.data_dir)
    result = restore(paths, args.file)
    print(f"restored {result.source} (schema {result.revision}) into {paths.store_file}")
    if result.kept_aside is not None:
        print(f"the previous store was kept as {result.kept_aside}", file=sys.stderr)
    if result.merged is not None:
        calls, followups = result.merged
        print(
            f"merged {calls} call record(s) and {followups} follow-up(s) written since the "
            f"store was found damaged, from {result.kept_aside}"
        )
    if result.merge_problem is not None:
        print(
            f"agent-assist: what was written since the store was found damaged was not "
            f"merged ({result.merge_problem}); it is kept in {result.kept_aside}",
            file=sys.stderr,
        )
        return 1
    for damaged in result.dismissed:
        print(f"the damaged store {damaged} is kept and no longer reported", file=sys.stderr)
    return 0
