"""Every path the app reads or writes, in one place.

The data directory comes from ``--data-dir``, else ``AGENT_ASSIST_DATA_DIR``, else
the platform's user data directory. Everything the app writes lives below it, so
tests and benchmarks redirect the whole app with one setting.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

APP_NAME = "agent-assist"
DATA_DIR_ENV = "AGENT_ASSIST_DATA_DIR"


class Paths(NamedTuple):
    """Where everything the app writes lives, all under one data directory."""

    data_dir: Path

    @property
    def store_file(self) -> Path:
        return self.data_dir / "calls.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def user_packs_dir(self) -> Path:
        return self.data_dir / "packs"

    @property
    def team_packs_dir(self) -> Path:
        return self.data_dir / "team-packs"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Paths(Path(chosen).expanduser().resolve())
    import platformdirs

    return Paths(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def keep_private(paths: Paths) -> None:
    """Make what this process writes readable by the agent's account only.

    A shared PC has other accounts; the store, its WAL, backups, drafts, logs and
    exports hold customer data. On Linux and macOS new files are made 0600 and
    folders 0700 (umask 077), and a data dir left more open by an older version is
    tightened. Windows keeps the data dir in the user's profile, whose ACL already
    keeps other accounts out.
    """
    if os.name != "posix":
        return
    os.umask(0o077)
    root = paths.data_dir
    try:
        state = root.stat()
    except OSError:
        return
    if state.st_uid != os.geteuid() or not state.st_mode & 0o077:
        return  # not ours, or tightened already (what is made since is made private)
    for folder, _, files in os.walk(root):
        _tighten(Path(folder), 0o700)
        for name in files:
            _tighten(Path(folder, name), 0o600)


def _tighten(path: Path, allowed: int) -> None:
    try:
        mode = path.lstat().st_mode
        if mode & 0o077 and not os.path.islink(path):
            path.chmod(mode & allowed)
    except OSError:
        pass  # a read-only disk: the command says so when it writes


def resources_dir() -> Path:
    """The shipped resources: inside the installed package, or the repo's top level."""
    packaged = Path(__file__).resolve().parent / "_resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def builtin_packs_dir() -> Path:
    return resources_dir() / "playbooks"
