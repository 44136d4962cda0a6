"""``agent-assist doctor``: what is wrong with this installation, read-only.

Checks the store (a full ``quick_check``, the schema revision, the WAL's size),
damaged stores moved aside beside it, the free space in the data dir, the settings
(each key as the commands read it), the backups and every phrasing pack that would
load. Nothing is changed, moved or created.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from assistant.errors import UserError
from assistant.paths import Paths
from assistant.store.connect import connect_read_only, store_error
from assistant.store.db import check_damage, read_revision
from assistant.store.schema import HEAD_REVISION, KNOWN_REVISIONS

# A WAL this large means something keeps the store open and blocks checkpoints.
MAX_WAL_BYTES = 64 * 1024 * 1024
# Below this a save or a backup may fail with "disk is full".
MIN_FREE_BYTES = 200 * 1024 * 1024
MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Finding:
    ok: bool
    area: str
    text: str
    # Worth acting on but not broken (a damaged store moved aside): WARN, exit 0.
    warning: bool = False

    def __str__(self) -> str:
        level = "FAIL" if not self.ok else "WARN" if self.warning else "ok  "
        return f"{level}  {self.area}: {self.text}"


def _mib(size: int) -> str:
    return f"{size / MIB:.1f} MiB"


def check_disk(paths: Paths) -> list[Finding]:
    folder = paths.data_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        return [Finding(False, "disk", f"cannot read free space of {folder}: {exc.strerror}")]
    if free < MIN_FREE_BYTES:
        return [
            Finding(
                False,
                "disk",
                f"only {_mib(free)} free in {folder}; saving may fail, free some space",
            )
        ]
    return [Finding(True, "disk", f"{_mib(free)} free in {folder}")]


def check_store(paths: Paths) -> list[Finding]:
    store = paths.store_file
    if not store.exists():
        return [Finding(True, "store", f"no store yet at {store} (made on the first save)")]
    found: list[Finding] = []
    try:
        started = time.perf_counter()
        problem = check_damage(store, full=True)
        took = (time.perf_counter() - started) * 1000
    except UserError as exc:
        return [Finding(False, "store", exc.message)]
    if problem is not None:
        return [
            Finding(
                False,
                "store",
                f"{store} is damaged ({problem}). The panel moves it aside and starts a "
                "new store; 'agent-assist restore FILE' brings back a backup.",
            )
        ]
    found.append(Finding(True, "store", f"{store} passed quick_check ({took:.0f} ms)"))
    try:
        revision = read_revision(store)
    except UserError as exc:
        return [*found, Finding(False, "schema", exc.message)]
    if revision is None:
        found.append(Finding(True, "schema", "empty store (set up on first use)"))
    elif revision not in KNOWN_REVISIONS:
        found.append(
            Finding(False, "schema", f"revision {revision} is from a newer app; update the app")
        )
    elif revision != HEAD_REVISION:
        found.append(
            Finding(
                True, "schema", f"revision {revision}; upgraded to {HEAD_REVISION} on next open"
            )
        )
    else:
        found.append(Finding(True, "schema", f"revision {revision} (current)"))
    if revision is not None and revision in KNOWN_REVISIONS:
        found.extend(_counts(store))
        found.extend(_encryption(store))
    wal = Path(f"{store}-wal")
    size = wal.stat().st_size if wal.exists() else 0
    if size > MAX_WAL_BYTES:
        found.append(
            Finding(
                False,
                "wal",
                f"the write-ahead log is {_mib(size)}: a program keeps the store busy; "
                "close the panel and any agent-assist command so it can shrink",
            )
        )
    else:
        found.append(Finding(True, "wal", f"write-ahead log {_mib(size)}"))
    return found


def check_damaged(paths: Paths) -> list[Finding]:
    """A damaged store moved aside holds records the current store lacks: say so
    until it is restored, salvaged or dismissed."""
    from assistant.store.salvage import damaged_copies

    return [
        Finding(True, "damaged", copy.message, warning=True)
        for copy in damaged_copies(paths.store_file)
    ]


def _encryption(store: Path) -> list[Finding]:
    """Encryption at rest, once it was ever switched on: is its key usable here?"""
    from assistant.store.encryption import KeyProblem, store_keys

    try:
        keys = store_keys(store)
    except KeyProblem as exc:
        return [Finding(False, "encryption", exc.message)]
    except sqlite3.DatabaseError:
        return []  # the records line says what is wrong with the file
    if keys is None:
        return []
    if keys.active is None:
        return [Finding(True, "encryption", "at rest: off (it was on before)")]
    return [Finding(True, "encryption", f"at rest: on, key {keys.active} in the keychain")]


def _counts(store: Path) -> list[Finding]:
    try:
        conn = connect_read_only(store)
        try:
            calls = conn.execute("SELECT count(*) FROM calls").fetchone()[0]
            drafts = conn.execute("SELECT count(*) FROM calls WHERE status = 'draft'").fetchone()[0]
            followups = conn.execute(
                "SELECT count(*) FROM followups WHERE status = 'open'"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [Finding(False, "records", store_error(store, exc).message)]
    return [
        Finding(
            True,
            "records",
            f"{calls} call record(s), {drafts} draft(s), {followups} open follow-up(s)",
        )
    ]


def check_settings(paths: Paths) -> list[Finding]:
    from assistant.settings import load_settings, settings_problems

    problems = settings_problems(paths.settings_file)
    if problems:
        return [Finding(False, "settings", problem) for problem in problems]
    settings = load_settings(paths.settings_file)
    where = paths.settings_file if paths.settings_file.exists() else "defaults"
    return [Finding(True, "settings", f"{where}; backups kept {settings.backup_days} day(s)")]


def check_backups(paths: Paths, now: datetime) -> list[Finding]:
    from assistant.maintenance.backup import list_backups

    backups = list_backups(paths)
    if not backups:
        return [Finding(True, "backups", f"none yet in {paths.backups_dir}")]
    newest = backups[-1]
    age = now.astimezone().replace(tzinfo=None) - newest.taken_at
    return [
        Finding(
            True,
            "backups",
            f"{len(backups)}; newest {newest.path.name} ({age.days} day(s) old)",
        )
    ]


def check_packs(paths: Paths) -> list[Finding]:
    from assistant.playbooks.library import all_sources, check_sources

    sources = all_sources(paths)
    packs, problems = check_sources(sources)
    entries = sum(len(p.entries) for p in packs)
    found = [Finding(False, "packs", str(problem)) for problem in problems]
    summary = f"{len(sources)} file(s), {len(packs)} pack(s), {entries} entries"
    if problems:
        found.append(Finding(False, "packs", f"{summary}: {len(problems)} problem(s)"))
    else:
        found.append(Finding(True, "packs", f"{summary}: no problems"))
    return found


def run_checks(paths: Paths, now: datetime | None = None) -> list[Finding]:
    """Every check, in the order they are printed."""
    moment = now or datetime.now().astimezone()
    return [
        *check_disk(paths),
        *check_settings(paths),
        *check_store(paths),
        *check_damaged(paths),
        *check_backups(paths, moment),
        *check_packs(paths),
        check_summon_key(),
    ]


def check_summon_key() -> Finding:
    """Whether the panel can hold its summon key on this desktop (read-only: the
    key itself is not grabbed)."""
    from assistant.desktop import NoDesktop, open_desktop

    desktop = open_desktop()
    if isinstance(desktop, NoDesktop):
        # Only a missing package is the installation's fault; Wayland or no display
        # is where it runs, and --toggle still works there.
        return Finding(desktop.reason != "no_xlib", "summon key", f"none: {desktop.detail}")
    try:
        return Finding(True, "summon key", f"{desktop.kind}; agent-assist --toggle works too")
    finally:
        desktop.close()
