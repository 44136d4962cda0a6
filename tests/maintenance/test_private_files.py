"""On a shared PC, what the app writes is readable by the agent's account only."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.paths import Paths

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows uses the profile's ACL")


def _open_to_others(root: Path) -> list[str]:
    """Every file or folder below ``root`` (itself too) that group or others may use."""
    found = []
    for path in [root, *root.rglob("*")]:
        mode = path.lstat().st_mode
        wanted = 0o700 if stat.S_ISDIR(mode) else 0o600
        if stat.S_IMODE(mode) & ~wanted:
            found.append(f"{path.relative_to(root.parent)} {stat.S_IMODE(mode):o}")
    return found


@pytest.fixture
def open_umask() -> Any:
    """A desktop's usual umask (022), as the app meets it."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_store_wal_backups_drafts_logs_and_exports_are_private(
    cli: Any,
    paths: Paths,
    make_record: Any,
    write_jsonl: Any,
    tmp_path: Path,
    open_umask: None,
) -> None:
    from assistant.maintenance.drafts import save_draft
    from assistant.store.timefmt import utc_now

    record = make_record()
    assert cli("import", str(write_jsonl([record]))).status == 0
    assert cli("backup").status == 0
    exports = tmp_path / "exports"
    exports.mkdir(mode=0o700)
    assert cli("export", "--out", str(exports / "calls.csv")).status == 0
    save_draft(paths, record["id"], {"id": record["id"], "notes": "草稿"}, [], now=utc_now())
    from sqlite3 import connect

    # The store open, so its WAL and shared-memory files exist too.
    with connect(paths.store_file) as conn:
        conn.execute("SELECT count(*) FROM calls").fetchone()
        names = {p.name for p in paths.data_dir.rglob("*")}
        assert {"calls.sqlite3-wal", "agent-assist.log"} <= names
        assert any(n.startswith("calls-") for n in names)  # the backup
        assert _open_to_others(paths.data_dir) == []
    assert _open_to_others(exports) == []


def test_a_data_dir_left_open_by_an_older_version_is_closed(
    cli: Any, paths: Paths, make_record: Any, write_jsonl: Any, open_umask: None
) -> None:
    assert cli("import", str(write_jsonl([make_record()]))).status == 0
    for path in [paths.data_dir, *paths.data_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)

    assert cli("playbook", "search", "投诉").status == 0  # any command

    assert _open_to_others(paths.data_dir) == []
