"""Starting the panel, as an agent meets it: it opens answering searches, keys
pressed while it appears take effect, and a damaged store or unreadable settings
still give a working panel. (How fast it starts is the start-up benchmark's.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assistant.notes.service import load_call
from assistant.paths import Paths
from assistant.store.db import open_store

REPO = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier


def run_panel(data_dir: Path) -> subprocess.CompletedProcess[str]:
    """``agent-assist --exit-when-ready``: opens, searches once, reports, exits."""
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", str(data_dir), "--exit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_exit_when_ready_starts_answers_and_exits_zero(ui_paths: Paths) -> None:
    done = run_panel(ui_paths.data_dir)
    assert done.returncode == 0, done.stderr
    assert (ui_paths.cache_dir / "playbook.cache").exists()
    assert done.stdout.startswith("agent-assist: ready; interface language ")


def test_the_panel_shows_a_loading_state_and_keeps_what_was_typed(
    qtbot: Any, make_panel: Any
) -> None:
    window = make_panel(show=True, wait_ready=False)
    assert window.state.library is None
    assert window.empty.text() == "Loading playbook…"
    assert window.status.text() == "Loading playbook…"
    assert [b.text() for b in (window.help_button, window.settings_button)] == ["?", "⚙"]
    assert not window.copy_button.isEnabled()  # nothing to copy while the playbook loads
    qtbot.keyClicks(window.search, "SLA")
    qtbot.waitUntil(lambda: window.is_ready, timeout=30_000)
    assert window.current_entry().id == "t.sla"
    assert "phrasing" in window.status.text()
    assert window.copy_button.isEnabled()
    assert "(F1)" in window.help_button.toolTip()
    assert window.pages.tabs.tabToolTip(1) == "Show the call notes (Ctrl+2)"


def test_keys_pressed_as_the_panel_appears_take_effect(
    qtbot: Any, make_panel: Any, ui_paths: Paths, monkeypatch: Any
) -> None:
    from assistant.ui.state import PanelState

    load = PanelState.load_library
    held: list[PanelState] = []
    # The playbook is held back: the keys below come while the panel is still loading.
    monkeypatch.setattr(PanelState, "load_library", lambda state: held.append(state))  # noqa: PLW0108
    window = make_panel(show=True, wait_ready=False)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.state.library is None
    # The agent starts a call and writes down what the customer says at once.
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, CTRL)
    assert window.pages.current() == "notes"
    qtbot.keyClicks(QApplication.focusWidget(), "line drops at night")
    with qtbot.waitSignal(window.notes.saver.done, timeout=20_000) as done:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert window.notes.page.form.values()["facts"] == "line drops at night"
    store = open_store(ui_paths.store_file)
    try:
        stored = load_call(store, done.args[0].id)
    finally:
        store.close()
    assert stored is not None
    assert stored.values["facts"] == "line drops at night"
    qtbot.waitUntil(lambda: bool(held))
    load(held[0])
    qtbot.waitUntil(lambda: window.is_ready, timeout=30_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)  # and the panel's own keys
    assert window.stack.currentWidget() is window.cheat_sheet


def test_starred_and_recently_used_phrases_lead_the_list_at_start(
    qtbot: Any, make_panel: Any, store: Any
) -> None:
    from datetime import UTC, datetime

    from assistant.store.usage import record_use, set_favourite

    with store.sessions.begin() as session:
        set_favourite(session, "t.closing.thanks", True)
        record_use(session, "t.sla", datetime(2026, 3, 10, 5, 0, tzinfo=UTC))
    store.close()
    window = make_panel()
    qtbot.waitUntil(lambda: window.state.favourites == {"t.closing.thanks"}, timeout=30_000)
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
def test_unreadable_settings_still_give_a_working_panel_and_are_not_overwritten(
    ui_paths: Paths, text: str
) -> None:
    ui_paths.settings_file.write_text(text, encoding="utf-8")
    done = run_panel(ui_paths.data_dir)
    assert done.returncode == 0, done.stderr  # opened, and answered its search
    assert done.stdout.startswith("agent-assist: ready")
    assert "settings.json" in done.stderr
    assert "using the default settings" in done.stderr
    assert ui_paths.settings_file.read_text(encoding="utf-8") == text  # the centre's to fix


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
