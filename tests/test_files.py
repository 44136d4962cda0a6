"""Every file the app writes whole is all old or all new: a failed write loses nothing."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import CannotWrite, UserError
from assistant.files import write_atomically, write_chosen_file, write_text_atomically

OLD = "旧内容，必须保留\n"


class WriterBroke(Exception):
    pass


def test_a_writer_that_fails_half_way_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "calls.csv"
    target.write_text(OLD, encoding="utf-8")

    def write(out: Any) -> None:
        out.write("新内容的前一半".encode() * 1000)
        raise WriterBroke

    with pytest.raises(WriterBroke):
        write_atomically(target, write)
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["calls.csv"]


def test_a_write_that_succeeds_replaces_the_file_whole_and_leaves_nothing_else(
    tmp_path: Path,
) -> None:
    target = tmp_path / "settings.json"
    target.write_text(OLD, encoding="utf-8")
    write_text_atomically(target, "新\n")
    assert target.read_bytes() == "新\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows uses the profile's ACL")
def test_a_written_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o644)
    before = os.umask(0o022)
    try:
        write_text_atomically(target, "x")
        write_text_atomically(tmp_path / "new.csv", "y")
    finally:
        os.umask(before)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o600


def test_an_export_to_a_missing_folder_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "calls.csv"
    with pytest.raises(UserError, match=f"^{target}: cannot write here"):
        write_chosen_file(target, lambda out: out.write(b"x"))
    assert not target.parent.exists()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root may write anyway")
def test_an_export_to_a_read_only_folder_is_exit_status_5(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(CannotWrite):
            write_chosen_file(folder / "calls.csv", lambda out: out.write(b"x"))
    finally:
        folder.chmod(0o700)


# A full disk, for real: the file-size limit makes the kernel refuse writes past a
# few KB (EFBIG), as a full disk refuses them (ENOSPC), root or not. In a child
# process, so pytest's own files are never limited.
_FULL_DISK = textwrap.dedent(
    """
    import json, resource, signal, sys
    from datetime import UTC, datetime
    from pathlib import Path

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))
    folder = Path(sys.argv[1])
    big = "客户说明" * 2000
    outcome = {}

    def attempt(name, action):
        try:
            action()
            outcome[name] = "written"
        except Exception as exc:
            outcome[name] = type(exc).__name__ + ": " + str(exc)

    from assistant.files import write_chosen_file
    from assistant.maintenance.drafts import save_draft
    from assistant.paths import Paths
    from assistant.settings import Settings, save_settings
    from assistant.sync.state import SyncState, save_state

    attempt("export", lambda: write_chosen_file(
        folder / "calls.csv", lambda out: out.write(big.encode())))
    attempt("settings", lambda: save_settings(
        folder / "settings.json", Settings(dispositions=(big,))))
    attempt("sync state", lambda: save_state(
        folder / "sync-state.json", SyncState("pc-1", last_error=big)))
    attempt("draft", lambda: save_draft(
        Paths(folder), "rec-1", {"notes": big}, now=datetime.now(UTC)))
    print(json.dumps(outcome, ensure_ascii=False))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="file-size limits are POSIX")
def test_a_full_disk_leaves_every_file_as_it_was(tmp_path: Path) -> None:
    targets = {
        "export": tmp_path / "calls.csv",
        "settings": tmp_path / "settings.json",
        "sync state": tmp_path / "sync-state.json",
        "draft": tmp_path / "drafts" / "rec-1.json",
    }
    for path in targets.values():
        path.parent.mkdir(exist_ok=True)
        path.write_text(OLD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    outcome = json.loads(done.stdout)
    assert set(outcome) == set(targets)
    for name, path in targets.items():
        assert "File too large" in outcome[name], (name, outcome[name])
        assert path.read_text(encoding="utf-8") == OLD, name
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert left == sorted(str(p.relative_to(tmp_path)) for p in targets.values())
    assert outcome["draft"].startswith("UserError: ")  # the panel shows it, keeps the form
