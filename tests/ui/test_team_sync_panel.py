"""The panel's team sync in a real window: a finalised record goes to the team's
PostgreSQL server at once, with the password from the keychain (through the keyring
module; only the OS keychain under it is in memory)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from assistant.keychain import KeyringSecretStore
from assistant.settings import Settings
from assistant.sync.connection import parse_server_url
from tests.conftest import DictKeyring
from tests.ui.test_notes_timer import fill_required, press
from testsupport.postgres import PostgresServer

CTRL = Qt.KeyboardModifier.ControlModifier


def _server_calls(pg_server: PostgresServer, server_db: str) -> list[tuple[Any, ...]]:
    with pg_server.admin_session(server_db) as conn:
        exists = conn.execute("SELECT to_regclass('agent_assist.calls')").fetchone()
        if exists is None or exists[0] is None:
            return []
        return list(conn.execute("SELECT request, status FROM agent_assist.calls").fetchall())


@pytest.fixture
def logged_in_panel(
    make_panel: Any,
    qtbot: Any,
    server_url: str,
    agent_password: str,
    keyring_backend: Callable[[Any], None],
    monkeypatch: pytest.MonkeyPatch,
) -> Any:
    """A panel set up as after ``sync --login``, its first round done."""
    from assistant.ui import window as window_module

    monkeypatch.setattr(window_module, "SYNC_DELAY_MS", 0)  # the first round now, not in 8 s
    keyring_backend(DictKeyring())
    address = parse_server_url(server_url)
    KeyringSecretStore().set(address.account, agent_password)
    panel = make_panel(Settings(agent_name="王芳", agent_id="A1024", sync_url=address.url))
    qtbot.waitUntil(lambda: panel.status.text().endswith("· 0 sent"), timeout=30_000)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    return panel


def test_a_finalised_record_reaches_the_team_server_at_once(
    logged_in_panel: Any, qtbot: Any, pg_server: PostgresServer, server_db: str
) -> None:
    panel = logged_in_panel
    assert _server_calls(pg_server, server_db) == []
    qtbot.keyClick(panel.search, Qt.Key.Key_N, CTRL)
    fill_required(panel.notes.page.form)
    with qtbot.waitSignal(panel.notes.saver.done, timeout=20_000):
        press(qtbot, Qt.Key.Key_Return)
    # Not at the next periodic round (five minutes away): now.
    deadline = time.monotonic() + 20
    while not _server_calls(pg_server, server_db) and time.monotonic() < deadline:
        qtbot.wait(100)
    assert _server_calls(pg_server, server_db) == [("退款", "final")]
    qtbot.waitUntil(lambda: panel.status.text().endswith("· 1 sent"), timeout=20_000)


def test_a_draft_waits_for_the_next_round(
    logged_in_panel: Any, qtbot: Any, pg_server: PostgresServer, server_db: str
) -> None:
    panel = logged_in_panel
    qtbot.keyClick(panel.search, Qt.Key.Key_N, CTRL)
    panel.notes.page.form.set_text("request", "退款")
    with qtbot.waitSignal(panel.notes.saver.done, timeout=20_000) as saved:
        press(qtbot, Qt.Key.Key_S)
    assert not saved.args[0].final
    qtbot.wait(1_500)
    assert _server_calls(pg_server, server_db) == []
