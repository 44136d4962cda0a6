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


def resources_dir() -> Path:
    """The shipped resources: inside the installed package, or the repo's top level."""
    packaged = Path(__file__).resolve().parent / "_resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def builtin_packs_dir() -> Path:
    return resources_dir() / "playbooks"
