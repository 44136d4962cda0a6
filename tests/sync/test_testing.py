"""The throwaway-server helper the tests and benchmarks share."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from testsupport.postgres import PostgresMissing, find_bindir


def test_missing_server_programs_are_named_with_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("AGENT_ASSIST_PG_BINDIR", raising=False)

    with pytest.raises(PostgresMissing, match=r"apt-get install -y postgresql"):
        find_bindir(tmp_path / "usr-lib-postgresql")


def test_the_newest_debian_version_is_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("AGENT_ASSIST_PG_BINDIR", raising=False)
    for version in ("9", "15", "13"):
        folder = tmp_path / "pg" / version / "bin"
        folder.mkdir(parents=True)
        (folder / "initdb").touch()
        (folder / "pg_ctl").touch()

    assert find_bindir(tmp_path / "pg") == tmp_path / "pg" / "15" / "bin"


def test_a_server_left_by_a_dead_run_is_removed(tmp_path: Path) -> None:
    import subprocess
    import sys
    import tempfile

    from testsupport.postgres import OWNER_FILE, PREFIX, PostgresServer

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # reaped: its pid now names no process
    # In the test's own folder: a real server another run left in /tmp is not this
    # test's business (and would need the real pg_ctl).
    orphan = Path(tempfile.mkdtemp(prefix=PREFIX, dir=tmp_path))
    (orphan / OWNER_FILE).write_text(str(dead.pid), encoding="ascii")
    alive = Path(tempfile.mkdtemp(prefix=PREFIX, dir=tmp_path))
    (alive / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")

    PostgresServer.reap_orphans(tmp_path / "no-bin", None, under=tmp_path)

    assert not orphan.exists()
    assert alive.exists()
