"""The panel's background sync: a status line from a real server, offline kept quiet."""

from __future__ import annotations

import socket
import uuid
from datetime import UTC, datetime
from typing import Any

from assistant.keychain import MemorySecretStore
from assistant.notes.records import save_call
from assistant.paths import Paths
from assistant.settings import load_settings, save_settings
from assistant.store.db import Store
from assistant.sync.connection import ServerAddress
from assistant.ui.team_sync import PanelSync


def _panel_sync(paths: Paths, secrets: MemorySecretStore) -> PanelSync:
    return PanelSync(paths, lambda: load_settings(paths.settings_file), secrets=secrets)


def test_a_round_reports_what_was_sent(
    qtbot: Any, paths: Paths, store: Store, logged_in: ServerAddress, secrets: MemorySecretStore
) -> None:
    with store.transaction() as session:
        save_call(
            session, {"id": str(uuid.uuid4()), "request": "退款"}, None, now=datetime.now(UTC)
        )
    sync = _panel_sync(paths, secrets)
    try:
        with qtbot.waitSignal(sync.status, timeout=30_000) as blocker:
            sync.request()
        text, error = blocker.args
        assert "1 sent" in text
        assert not error
    finally:
        sync.shutdown()


def test_an_unreachable_server_is_shown_as_offline_not_an_error(
    qtbot: Any, paths: Paths, store: Store, secrets: MemorySecretStore
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://agent@127.0.0.1:{port}/team"
    save_settings(
        paths.settings_file, load_settings(paths.settings_file).with_changes(sync_url=url)
    )
    secrets.set(f"agent@127.0.0.1:{port}/team", "x")
    sync = _panel_sync(paths, secrets)
    try:
        with qtbot.waitSignal(sync.status, timeout=30_000) as blocker:
            sync.request()
        text, error = blocker.args
        assert text.startswith("Team sync: offline")
        assert not error
    finally:
        sync.shutdown()


def test_no_server_set_means_no_rounds(qtbot: Any, paths: Paths, store: Store) -> None:
    sync = _panel_sync(paths, MemorySecretStore())
    try:
        assert not sync.enabled
        with qtbot.assertNotEmitted(sync.status, wait=200):
            sync.request()
    finally:
        sync.shutdown()


def test_a_record_erased_team_wide_leaves_this_panel_at_its_next_round(
    qtbot: Any,
    paths: Paths,
    store: Store,
    logged_in: ServerAddress,
    secrets: MemorySecretStore,
    server_sql: Any,
) -> None:
    call_id = str(uuid.uuid4())
    with store.transaction() as session:
        save_call(
            session,
            {"id": call_id, "customer_contact": "13800138000", "request": "退款"},
            None,
            now=datetime.now(UTC),
        )
    sync = _panel_sync(paths, secrets)
    try:
        with qtbot.waitSignal(sync.status, timeout=30_000):
            sync.request()
        # A supervisor erases the customer on the server (erase --contact --team).
        server_sql(
            "INSERT INTO agent_assist.erased_calls (call_id, erased_by) VALUES (%s, 'li')",
            (call_id,),
        )
        server_sql("DELETE FROM agent_assist.calls WHERE id = %s", (call_id,))
        with (
            qtbot.waitSignal(sync.records_changed, timeout=30_000),
            qtbot.waitSignal(sync.status, timeout=30_000) as blocker,
        ):
            sync.request()
        text, error = blocker.args
        assert "1 record(s) erased team-wide removed here" in text
        assert not error
        with store.transaction() as session:
            left = session.connection().exec_driver_sql("SELECT count(*) FROM calls").scalar()
        assert left == 0
    finally:
        sync.shutdown()
