"""Every command where a scheduled task or a locked-down PC runs it: standard input
closed, no display, the data dir read-only or its disk full. Each ends with at most
one line on stderr and an exit status from the README's table, never a traceback.

The data dir is a small tmpfs mounted in a private mount namespace (``unshare``), so
"read-only" and "full" are the kernel's own EROFS and ENOSPC, for root too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCUMENTED = {0, 1, 2, 3, 4, 5, 7}

# {d} is the data dir inside the mount.
COMMANDS = [
    (),  # the panel
    ("import", "{d}/rec.jsonl"),
    ("export",),
    ("export", "--out", "{d}/calls.csv"),
    ("doctor",),
    ("backup",),
    ("restore", "{backup}"),
    ("erase", "--contact", "+86 138 0013 8000", "--yes"),
    ("erase", "--contact", "+86 138 0013 8000"),  # no terminal to ask on
    ("erase", "--contact", "+86 138 0013 8000", "--team", "--yes"),
    ("report", "--out", "{d}/report.xlsx"),
    ("report", "--team"),
    ("purge", "--before", "2025-01-01", "--yes"),
    ("encrypt",),
    ("encrypt", "--on"),  # no terminal to ask on
    ("encrypt", "--on", "--yes"),  # and no keychain to keep the key in
    ("playbook", "check"),
    ("playbook", "search", "投诉"),
    ("playbook", "render", "zh.commit.callback"),
    ("playbook", "lint", "尽快"),
    ("sync",),
    ("sync", "--login", "postgresql://agent@127.0.0.1:9/team"),
    ("sync", "--logout"),
    ("sync", "--print-schema"),
    ("pack", "publish", "{d}/rec.jsonl"),
]


def _unshare() -> list[str]:
    tool = shutil.which("unshare")
    if tool is None or sys.platform != "linux":
        pytest.skip("needs Linux's unshare to mount a small filesystem")
    command = [tool, "-m"] if os.geteuid() == 0 else [tool, "-r", "-m"]
    if subprocess.run([*command, "true"], check=False, capture_output=True).returncode:
        pytest.skip("this system allows no private mount namespace")
    return command


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with a record, its follow-ups and a backup, to copy into the mount."""
    sys.path.insert(0, str(Path(__file__).parent))
    from conftest import call_record

    data = tmp_path_factory.mktemp("seed") / "data"
    data.mkdir()
    source = data / "rec.jsonl"
    source.write_text(json.dumps(call_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    from assistant.cli import main

    assert main(["--data-dir", str(data), "import", str(source)]) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0
    return data


@pytest.fixture
def run_in(tmp_path: Path, seed: Path) -> Callable[..., Any]:
    unshare = _unshare()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")

    def run(place: str, args: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
        mount = Path(tempfile.mkdtemp(dir=tmp_path))
        data = mount / "data"
        backup = next((seed / "backups").iterdir()).name
        words = [a.format(d=data, backup=data / "backups" / backup) for a in args]
        spoil = (
            'mount -o remount,ro "$M"'
            if place == "read-only"
            else 'dd if=/dev/zero of="$M/data/filler" bs=4k 2>/dev/null; true'
        )
        script = (
            'M="$1"; S="$2"; shift 2; mount -t tmpfs -o size=2m tmpfs "$M" && '
            'cp -r "$S" "$M/data" && ' + spoil + ' && exec "$@" <&-'
        )
        command = [sys.executable, "-m", "assistant", "--data-dir", str(data), *words]
        return subprocess.run(
            [*unshare, "sh", "-c", script, "sh", str(mount), str(seed), *command],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            check=False,
            timeout=120,
        )

    return run


@pytest.mark.parametrize("place", ["read-only", "full"])
def test_every_command_ends_with_one_line_and_a_documented_status(
    run_in: Callable[..., Any], place: str
) -> None:
    with ThreadPoolExecutor(4) as pool:  # each in its own mount
        results = list(pool.map(lambda args: run_in(place, args), COMMANDS))
    for args, result in zip(COMMANDS, results, strict=True):
        said = (args, result.returncode, result.stderr[-2000:])
        assert result.returncode in DOCUMENTED, said
        assert "Traceback" not in result.stderr, said
        assert result.stderr.count("\n") <= 1, said
        if result.returncode:
            assert result.stderr.startswith("agent-assist: ") or result.stdout, said
