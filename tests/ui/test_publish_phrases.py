"""A supervisor publishes their own phrases from the panel; agents get them at the next
sync, against a real PostgreSQL server."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from assistant.keychain import MemorySecretStore
from assistant.paths import Paths
from assistant.playbooks.library import discover, load_library
from assistant.playbooks.mine import MyPack, Phrase
from assistant.settings import Settings
from assistant.store.db import open_store
from assistant.store.timefmt import utc_now
from assistant.sync.connection import parse_server_url
from assistant.sync.service import SyncConfig, TeamSync
from assistant.sync.state import state_file
from assistant.ui.publish_dialog import PublishDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _supervisor_panel(
    qtbot: Any, make_panel: Any, ui_paths: Paths, server_url: str, password: str
) -> Any:
    mine = MyPack(ui_paths.user_packs_dir, "zh-Hans")
    mine.add(Phrase(title="账单解释", category="confirming", body="您的账单包含{fee_name}。"))
    mine.add(Phrase(title="私人草稿", category="closing", body="这句还没想好"))
    address = parse_server_url(server_url)
    window = make_panel(Settings(agent_name="李主管", agent_id="S7", sync_url=address.url))
    secrets = MemorySecretStore()
    secrets.set(address.account, password)
    window.phrases.secrets = secrets
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _drive(qtbot: Any, window: Any, steps: Callable[[PublishDialog], None]) -> list[str]:
    """Replace the modal run of the publish dialog with the keys a supervisor presses."""
    shown: list[str] = []

    def ask(phrases: list[tuple[str, str]], build: Any, pack_id: str) -> bool:
        dialog = PublishDialog(phrases, build, pack_id, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        shown.extend(title for _, title in phrases)
        steps(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    window.phrases.ask_publish = ask
    return shown


@pytest.fixture
def another_agent_syncs(
    tmp_path: Path, _template_store: Path, server_url: str, agent_password: str
) -> Callable[[], Path]:
    """Another agent's machine runs one sync round; its team packs folder back."""

    def run() -> Path:
        paths = Paths(tmp_path / "agent-b")
        paths.data_dir.mkdir(parents=True)
        shutil.copy(_template_store, paths.store_file)
        store = open_store(paths.store_file)
        secrets = MemorySecretStore()
        secrets.set(parse_server_url(server_url).account, agent_password)
        config = SyncConfig(server_url, paths.team_packs_dir, state_file(paths.data_dir))
        try:
            with TeamSync(store.sessions, config, secrets, utc_now) as sync:
                assert sync.run().ok
        finally:
            store.close()
        return paths.team_packs_dir

    return run


def test_a_supervisor_publishes_chosen_phrases_and_agents_get_them_at_the_next_sync(
    qtbot: Any,
    make_panel: Any,
    ui_paths: Paths,
    type_into: Any,
    server_url: str,
    agent_password: str,
    tmp_path: Path,
    another_agent_syncs: Callable[[], Path],
) -> None:
    window = _supervisor_panel(qtbot, make_panel, ui_paths, server_url, agent_password)

    def steps(dialog: PublishDialog) -> None:
        assert dialog.pack_id.text() == "team-s7"
        dialog.pack_id.clear()
        type_into(dialog.pack_id, "team-billing")
        qtbot.keyClick(dialog.pack_id, Qt.Key.Key_Tab)
        type_into(dialog.name, "账单组话术")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.phrases
        qtbot.keyClick(dialog.phrases, Qt.Key.Key_Down)  # the draft stays private
        qtbot.keyClick(dialog.phrases, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    shown = _drive(qtbot, window, steps)
    qtbot.keyClick(window.search, Qt.Key.Key_U, CTRL_SHIFT)
    assert shown == ["账单解释", "私人草稿"]
    qtbot.waitUntil(
        lambda: "Published team pack team-billing" in window.status.text(), timeout=30_000
    )
    assert "(1 phrases)" in window.status.text()

    folder = another_agent_syncs()
    library = load_library(discover(tmp_path / "no-builtin", None, folder))
    assert [(p.id, p.name, p.origin) for p in library.packs] == [
        ("team-billing", "账单组话术", "team")
    ]
    assert [(e.id, e.title, e.body) for e in library.entries] == [
        ("team-billing.1", "账单解释", "您的账单包含{fee_name}。")
    ]
    assert "这句还没想好" not in (folder / "team-billing.yaml").read_text(encoding="utf-8")


def test_a_bad_pack_id_is_shown_on_its_field_and_nothing_is_published(
    qtbot: Any,
    make_panel: Any,
    ui_paths: Paths,
    type_into: Any,
    server_url: str,
    agent_password: str,
    tmp_path: Path,
    another_agent_syncs: Callable[[], Path],
) -> None:
    window = _supervisor_panel(qtbot, make_panel, ui_paths, server_url, agent_password)
    seen: list[PublishDialog] = []

    def steps(dialog: PublishDialog) -> None:
        seen.append(dialog)
        dialog.pack_id.clear()
        type_into(dialog.pack_id, "mine")
        type_into(dialog.name, "Mine")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        assert dialog.isVisible()  # kept open with what was typed
        assert "own pack" in dialog.problems["pack id"].text()
        assert dialog.focusWidget() is dialog.pack_id
        dialog.reject()

    _drive(qtbot, window, steps)
    qtbot.keyClick(window.search, Qt.Key.Key_U, CTRL_SHIFT)
    assert len(seen) == 1
    assert not seen[0].problems["pack id"].isHidden()
    folder = another_agent_syncs()
    assert not folder.exists() or list(folder.iterdir()) == []


def test_without_a_team_server_publishing_says_how_to_set_one(
    qtbot: Any, make_panel: Any, ui_paths: Paths
) -> None:
    MyPack(ui_paths.user_packs_dir, "zh-Hans").add(
        Phrase(title="账单解释", category="confirming", body="您的账单")
    )
    window = make_panel()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window.search, Qt.Key.Key_U, CTRL_SHIFT)

    assert "agent-assist sync --login" in window.status.text()
