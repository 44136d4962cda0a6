"""Start-up order: paint first, then the playbook, then the store; --exit-when-ready."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from assistant.paths import Paths
from assistant.settings import Settings

REPO = Path(__file__).resolve().parents[2]

HOOKED_START = """
import json, sys
from PySide6 import QtWidgets
from assistant.ui import window

seen = {}
original = window.MainWindow.paintEvent

def first_paint(self, event):
    if not seen:
        heavy = (
            "sqlalchemy", "sqlalchemy.orm", "alembic", "pypinyin", "keyring", "holidays",
            "logging.handlers", "socket",
        )
        seen["imported"] = sorted(m for m in heavy if m in sys.modules)
        seen["library_loaded"] = self.state.library is not None
        seen["status"] = self.status.text()
        seen["keys_ready"] = self.keys_ready
        seen["shortcuts"] = sorted(k.toString() for a in self.actions() for k in a.shortcuts())
        seen["preview_scrolls"] = self.preview.verticalScrollBar().isVisible()
        seen["event_classes_built"] = "QGraphicsSceneEvent" in vars(QtWidgets)
        print(json.dumps(seen), flush=True)
    original(self, event)

window.MainWindow.paintEvent = first_paint
from assistant.ui.app import run_panel
run_panel(data_dir=sys.argv[1], exit_when_ready=True)
"""


def run_app(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, *args, str(data_dir)] if args[0] == "-c" else [sys.executable, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_exit_when_ready_starts_answers_and_exits_zero(ui_paths: Paths) -> None:
    done = run_app(
        ["-m", "assistant", "--data-dir", str(ui_paths.data_dir), "--exit-when-ready"],
        ui_paths.data_dir,
    )
    assert done.returncode == 0, done.stderr
    assert (ui_paths.cache_dir / "playbook.cache").exists()
    assert done.stdout.startswith("agent-assist: ready; interface language ")


GC_AT_FIRST_PAINT = """
import gc, sys
from assistant.ui import window

original = window.MainWindow.paintEvent

def first_paint(self, event):
    if not getattr(self, "_seen", False):
        self._seen = True
        print("collecting" if gc.isenabled() else "paused", flush=True)
    original(self, event)

window.MainWindow.paintEvent = first_paint
from assistant.cli import main
main(["--data-dir", sys.argv[1], "--exit-when-ready"])
"""


def test_the_panel_starts_with_garbage_collection_paused(ui_paths: Paths) -> None:
    done = run_app(["-c", GC_AT_FIRST_PAINT], ui_paths.data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "paused"


def test_nothing_heavy_is_imported_before_the_first_paint(ui_paths: Paths) -> None:
    warm = run_app(["-c", HOOKED_START], ui_paths.data_dir)  # fills the playbook cache
    assert warm.returncode == 0, warm.stderr
    done = run_app(["-c", HOOKED_START], ui_paths.data_dir)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[0])
    assert seen["imported"] == []
    # The window paints first, in its loading state; the playbook arrives after.
    assert seen["library_loaded"] is False
    assert seen["status"] == "Loading playbook…"
    # Every shortcut works from the first paint (a key pressed then is not lost); the
    # guard that lets them win over the search field's own keys, an event filter, after.
    assert "Ctrl+N" in seen["shortcuts"]
    assert "F1" in seen["shortcuts"]
    assert seen["keys_ready"] is False
    assert seen["preview_scrolls"] is False  # nothing to preview yet, nothing to scroll
    # No Python handler has been handed a plain QEvent yet: on the first, PySide6
    # builds some sixty event classes (the graphics scene's too), about 5 ms.
    assert seen["event_classes_built"] is False


LATE_IMPORT = """
import linecache, sys
import assistant.ui
sys.path.insert(0, sys.argv[1])
import late_module
print(late_module.Thing().objectName())
print(sorted(name for name in linecache.cache if name.endswith("late_helper.py")))
"""


def test_modules_imported_after_the_panel_package_are_not_read_for_pyside_features(
    tmp_path: Path,
) -> None:
    # PySide6 would read the helper's whole source as it is imported, looking for "PySide6".
    (tmp_path / "late_helper.py").write_text("NAME = 'late'  # PySide6\n", encoding="utf-8")
    (tmp_path / "late_module.py").write_text(
        "from PySide6.QtCore import QObject\n"
        "from late_helper import NAME\n\n"
        "class Thing(QObject):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.setObjectName(NAME)\n",
        encoding="utf-8",
    )
    done = run_app(["-c", LATE_IMPORT], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["late", "[]"]


def test_the_panel_shows_a_loading_state_and_keeps_what_was_typed(
    qtbot: Any, make_panel: Any
) -> None:
    window = make_panel(show=True, wait_ready=False)
    assert window.state.library is None
    assert window.empty.text() == "Loading playbook…"
    assert window.status.text() == "Loading playbook…"
    qtbot.keyClicks(window.search, "SLA")
    qtbot.waitUntil(lambda: window.is_ready, timeout=30_000)
    assert window.current_entry().id == "t.sla"
    assert "phrasing" in window.status.text()


def test_the_keys_come_a_moment_after_the_first_paint_and_the_buttons_look_right_before(
    qtbot: Any, make_panel: Any
) -> None:
    window = make_panel(show=True, wait_ready=False)
    assert not window.keys_ready
    assert [b.text() for b in (window.help_button, window.settings_button)] == ["?", "⚙"]
    assert not window.copy_button.isEnabled()  # nothing to copy while the playbook loads
    qtbot.waitUntil(lambda: window.is_ready, timeout=30_000)
    qtbot.waitUntil(lambda: window.keys_ready)  # on their own, nothing asked for them
    assert window.copy_button.isEnabled()
    assert window.star_button.text() == "☆"
    assert "(F1)" in window.help_button.toolTip()
    assert window.pages.tabs.tabToolTip(1) == "Show the call notes (Ctrl+2)"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.search, Qt.Key.Key_F1)
    assert window.stack.currentWidget() is window.cheat_sheet


def test_favourites_and_usage_come_from_the_store_off_the_ui_thread(
    qtbot: Any, make_panel: Any, store: Any, monkeypatch: Any
) -> None:
    from datetime import UTC, datetime

    import assistant.store.usage as usage
    from assistant.store.usage import record_use, set_favourite

    with store.sessions.begin() as session:
        set_favourite(session, "t.closing.thanks", True)
        record_use(session, "t.sla", datetime(2026, 3, 10, 5, 0, tzinfo=UTC))
    store.close()
    threads: list[str] = []
    original = usage.load_usage

    def spy(session: Any) -> Any:
        threads.append(threading.current_thread().name)
        return original(session)

    monkeypatch.setattr(usage, "load_usage", spy)
    window = make_panel(show=False)
    with qtbot.waitSignal(window.state.usage_changed, timeout=30_000):
        window.show()
    assert threads
    assert threads[0] != threading.main_thread().name
    assert window.state.favourites == frozenset({"t.closing.thanks"})
    ids = [window.model.row(i).entry.id for i in range(window.model.rowCount())]
    assert ids[:2] == ["t.closing.thanks", "t.sla"]  # starred, then recently used


def test_a_star_is_saved_for_the_next_start(qtbot: Any, make_panel: Any, type_into: Any) -> None:
    window = make_panel()
    qtbot.waitUntil(lambda: window.state._store is not None, timeout=30_000)
    type_into(window.search, "thanks")
    window.toggle_favourite()
    window.state.close()  # waits for the write
    again = make_panel()
    qtbot.waitUntil(lambda: "t.closing.thanks" in again.state.favourites, timeout=30_000)


def test_a_damaged_store_is_a_message_and_the_panel_still_works(
    qtbot: Any, make_panel: Any, ui_paths: Paths, type_into: Any, clipboard: Any
) -> None:
    ui_paths.store_file.write_bytes(b"this is not a database" * 100)
    window = make_panel(show=False)
    # The panel opens the store with open_store_or_recover: the damaged file is moved
    # aside (never deleted), a new store started, and the agent told where the old went.
    with qtbot.waitSignal(window.state.store_recovered, timeout=30_000) as notice:
        window.show()
    assert "damaged" in notice.args[0]
    moved = list(ui_paths.data_dir.glob("calls.sqlite3.damaged-*"))
    assert len(moved) == 1
    assert str(moved[0]) in notice.args[0]
    assert window.banner.text("store") == notice.args[0]
    type_into(window.search, "SLA")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert len(clipboard.texts) == 1


@pytest.mark.parametrize("text", ["{", "[1, 2]"])
def test_unreadable_settings_fall_back_to_defaults_and_are_not_overwritten(
    ui_paths: Paths, text: str
) -> None:
    from assistant.ui.app import read_settings

    ui_paths.settings_file.write_text(text, encoding="utf-8")
    settings, problem = read_settings(ui_paths)
    assert settings == Settings()
    assert problem is not None
    assert "settings.json" in problem


def test_a_damaged_store_left_beside_the_store_is_in_the_banner_at_each_start(
    qtbot: Any, make_panel: Any, ui_paths: Paths
) -> None:
    import shutil

    from assistant.store.db import open_store

    open_store(ui_paths.store_file).close()
    damaged = ui_paths.data_dir / "calls.sqlite3.damaged-20240315T140005"
    shutil.copy(ui_paths.store_file, damaged)
    window = make_panel()
    qtbot.waitUntil(lambda: "store" in window.banner.messages, timeout=30_000)
    text = window.banner.text("store")
    assert text.startswith(f"A damaged store was moved aside to {damaged} (")
    assert "agent-assist doctor --dismiss" in text
