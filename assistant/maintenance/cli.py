"""``agent-assist doctor``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def register(commands: Any) -> None:
    doctor = commands.add_parser(
        "doctor",
        help="check the store, disk space, settings, backups and phrasing packs",
        description="Check the store (integrity, schema revision, WAL size), free disk "
        "space, settings, backups and every pack that would load. Changes nothing. "
        "Exit 1 if anything is wrong.",
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

    findings = run_checks(resolve_paths(args.data_dir))
    for finding in findings:
        print(finding)
    failed = [f for f in findings if not f.ok]
    areas = ", ".join(dict.fromkeys(f.area for f in failed))
    log.info("doctor: %d finding(s), %d failed: %s", len(findings), len(failed), areas or "none")
    if failed:
        print(f"agent-assist: problems found: {areas}", file=sys.stderr)
        return 1
    print("agent-assist: no problems found", file=sys.stderr)
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
    return 0
