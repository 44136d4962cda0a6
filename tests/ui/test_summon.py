"""The summon key, --toggle and keys typed the moment the panel shows,
on a real X server with a window manager (openbox), driven by xdotool as an agent's
keyboard would be."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.paths import Paths

REPO = Path(__file__).resolve().parents[2]
HOTKEY = "ctrl+alt+space"
TITLE = "^Agent Assist$"

pytestmark = pytest.mark.skipif(
    not all(shutil.which(p) for p in ("openbox", "xdotool", "xclip")),
    reason="needs openbox, xdotool and xclip (scripts/dev.sh installs them)",
)


def xdotool(*args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, timeout=30, check=False
    )
    return done.stdout.strip()


def until(check: Callable[[], bool], timeout: float = 15.0) -> None:
    """Wait for another process's window to change (no Qt event loop of ours involved)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not in time: {check}")
        time.sleep(0.05)


def visible_panel() -> str:
    return xdotool("search", "--onlyvisible", "--name", TITLE).split("\n")[0]


def active() -> str:
    return xdotool("getactivewindow")


@pytest.fixture
def window_manager(qapp: Any) -> Iterator[None]:
    wm = subprocess.Popen(
        ["openbox", "--sm-disable"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    until(lambda: xdotool("getactivewindow") != "" or wm.poll() is not None or _wm_ready())
    yield
    wm.terminate()
    wm.wait(timeout=10)


def _wm_ready() -> bool:
    done = (
        subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
            capture_output=True,
            text=True,
            check=False,
        )
        if shutil.which("xprop")
        else None
    )
    return done is not None and "window id" in done.stdout


TARGET = """
import sys
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
edit = QPlainTextEdit()
edit.setWindowTitle("softphone notes")
out = sys.argv[1]
edit.textChanged.connect(lambda: open(out, "w", encoding="utf-8").write(edit.toPlainText()))
edit.resize(300, 200)
edit.show()
app.exec()
"""


class Desk:
    """Processes started for one test: the panel and another program's window."""

    def __init__(self, paths: Paths, tmp: Path) -> None:
        self.paths, self.tmp = paths, tmp
        self.env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="xcb")
        self.env.pop("WAYLAND_DISPLAY", None)
        self.started: list[subprocess.Popen[bytes]] = []

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        # Each program's stderr is kept in the test's folder, to read when it fails.
        with (self.tmp / f"stderr-{len(self.started)}.txt").open("wb") as errors:
            process = subprocess.Popen(
                [sys.executable, *args], env=self.env, stdout=subprocess.DEVNULL, stderr=errors
            )
        self.started.append(process)
        return process

    def panel(self) -> str:
        self.start("-m", "assistant", "--data-dir", str(self.paths.data_dir))
        xdotool("search", "--sync", "--onlyvisible", "--name", TITLE)
        return visible_panel()

    def other_window(self) -> tuple[str, Path]:
        """Another program's text window, focused; what it holds is mirrored to a file."""
        script, out = self.tmp / "target.py", self.tmp / "target.txt"
        script.write_text(TARGET, encoding="utf-8")
        self.start(str(script), str(out))
        window = xdotool("search", "--sync", "--onlyvisible", "--name", "^softphone notes$")
        xdotool("windowactivate", "--sync", window)
        return window, out

    def toggle(self) -> None:
        command = [sys.executable, "-m", "assistant", "--data-dir", str(self.paths.data_dir)]
        subprocess.run([*command, "--toggle"], env=self.env, timeout=30, check=True)

    def close(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=20)


@pytest.fixture
def desk(window_manager: None, paths: Paths, tmp_path: Path) -> Iterator[Desk]:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    made = Desk(paths, tmp_path)  # the built-in packs: "SLA" finds a phrase without blanks
    yield made
    made.close()


def press_summon_key_until(check: Callable[[], bool]) -> None:
    """The panel holds the key a moment after its first paint: press until it answers."""
    deadline = time.monotonic() + 20
    while True:
        xdotool("key", HOTKEY)
        try:
            until(check, timeout=1.0)
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise


def test_the_summon_key_brings_the_panel_forward_and_hides_it(desk: Desk) -> None:
    panel = desk.panel()
    other, _ = desk.other_window()
    assert active() == other
    press_summon_key_until(lambda: active() == panel)
    xdotool("key", HOTKEY)  # in the panel: hides it
    until(lambda: visible_panel() == "")
    xdotool("key", HOTKEY)  # from wherever focus went: back, search ready
    until(lambda: visible_panel() == panel and active() == panel)


def test_toggle_shows_and_hides_the_running_panel(desk: Desk) -> None:
    panel = desk.panel()
    _other, _ = desk.other_window()
    desk.toggle()
    until(lambda: active() == panel)
    desk.toggle()
    until(lambda: visible_panel() == "")
    desk.toggle()
    until(lambda: visible_panel() == panel)


def test_ctrl_n_and_text_sent_as_the_window_maps_reach_the_notes_and_the_store(
    desk: Desk,
) -> None:
    panel = desk.start("-m", "assistant", "--data-dir", str(desk.paths.data_dir))
    # One xdotool run: the keys follow the map with no wait at all.
    xdotool(
        "search", "--sync", "--onlyvisible", "--name", TITLE,
        "windowactivate", "--sync",
        "key", "ctrl+n", "type", "--delay", "0", "wants a refund",
    )  # fmt: skip
    xdotool("key", "ctrl+s")
    xdotool("key", "ctrl+q")
    assert panel.wait(timeout=30) == 0
    with sqlite3.connect(desk.paths.store_file) as db:
        dump = "\n".join(db.iterdump())
    assert "wants a refund" in dump


def test_the_key_hides_the_panel_right_after_typing_in_it(desk: Desk) -> None:
    panel = desk.panel()
    other, _ = desk.other_window()
    press_summon_key_until(lambda: active() == panel)
    for _ in range(3):
        # Typed the moment the panel has the keys, then the key again at once.
        xdotool("type", "--delay", "0", "q")
        xdotool("key", "--delay", "0", "ctrl+a", "ctrl+x", HOTKEY)
        until(lambda: visible_panel() == "" and active() == other, timeout=5)
        xdotool("key", HOTKEY)
        until(lambda: active() == panel, timeout=5)


def clipboard_text() -> str:
    done = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"], capture_output=True, timeout=10, check=False
    )
    return done.stdout.decode("utf-8", "replace")


def test_paste_back_puts_the_phrase_into_the_window_the_agent_came_from(desk: Desk) -> None:
    desk.paths.settings_file.write_text('{"paste_back": true}', encoding="utf-8")
    panel = desk.panel()
    other, typed = desk.other_window()
    # At once, as an agent would: the playbook may still be loading.
    press_summon_key_until(lambda: active() == panel)
    xdotool("type", "SLA")
    xdotool("key", "Return")  # in the search field: the top phrase is copied
    until(lambda: typed.exists() and "SLA" in typed.read_text(encoding="utf-8"))
    assert typed.read_text(encoding="utf-8") == clipboard_text()
    assert active() == other


def test_without_paste_back_the_phrase_is_copied_and_focus_stays_in_the_panel(
    desk: Desk,
) -> None:
    panel = desk.panel()
    _other, typed = desk.other_window()
    press_summon_key_until(lambda: active() == panel)
    xdotool("type", "SLA")
    xdotool("key", "Return")
    until(lambda: "SLA" in clipboard_text())
    assert active() == panel
    assert not typed.exists()
