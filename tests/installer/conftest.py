"""The one-folder bundle, built once per test session with the real build command.

Nothing is cached between runs: the bundle, PyInstaller's work folder and its binary
cache (``PYINSTALLER_CONFIG_DIR``) all live in the session's temporary folder. The
build takes about 45 s; set ``AGENT_ASSIST_BUNDLE=DIR`` to test an existing bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXE = "agent-assist.exe" if sys.platform == "win32" else "agent-assist"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("AGENT_ASSIST_BUNDLE")
    if given:
        return Path(given).resolve()
    if sys.platform.startswith("linux"):
        tools = ("objdump", "strip", "ldd", "objcopy", "ld")  # objcopy, ld: the ICU data library
        missing = [tool for tool in tools if shutil.which(tool) is None]
        if missing:
            pytest.fail(
                f"PyInstaller needs {', '.join(missing)}: sudo apt-get install binutils",
                pytrace=False,
            )
    base = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(base / "pyinstaller-config"))
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "build_bundle.py"),
            "--dist",
            str(base / "dist"),
            "--work",
            str(base / "work"),
            "--quiet",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    took = time.monotonic() - started
    sys.stderr.write(f"\nbundle built in {took:.0f} s: {done.stdout.strip()}\n")
    return base / "dist" / "agent-assist"


@pytest.fixture
def run_bundle(bundle: Path, tmp_path: Path) -> object:
    """Run the bundled executable with a fresh data dir, headless; ``input`` is
    written to its standard input."""

    def run(
        *args: str, env: dict[str, str] | None = None, input: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        environment = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            AGENT_ASSIST_DATA_DIR=str(tmp_path / "data"),
            **(env or {}),
        )
        return subprocess.run(
            [str(bundle / EXE), *args],
            env=environment,
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=180,
            check=False,
        )

    return run
