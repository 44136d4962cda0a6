"""The panel on a store whose customer fields are encrypted and whose key is gone."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import pytest
from PySide6.QtCore import Qt

from assistant.keychain import MemorySecretStore
from assistant.notes.service import save_form
from assistant.paths import Paths
from assistant.store import encryption
from assistant.store.db import open_store
from assistant.store.timefmt import utc_now


def test_a_missing_key_is_one_line_and_the_panel_writes_nothing(
    qtbot: Any,
    make_panel: Any,
    ui_paths: Paths,
    type_into: Any,
    clipboard: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ui_paths.data_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(ui_paths.store_file)
    save_form(store, {"id": str(uuid.uuid4()), "customer_name": "欧阳娜娜"}, [], now=utc_now())
    store.close()
    first_account = MemorySecretStore()
    encryption.switch(ui_paths.store_file, on=True, keychain=lambda: first_account)
    before = hashlib.sha256(ui_paths.store_file.read_bytes()).hexdigest()
    # A new OS account: its keychain is empty.
    monkeypatch.setattr(encryption, "open_keychain", MemorySecretStore)

    window = make_panel(show=False)
    with qtbot.waitSignal(window.state.notice, timeout=30_000) as notice:
        window.show()

    assert "not in this account's keychain" in notice.args[0]
    assert "\n" not in notice.args[0]
    # Phrases still work; the store is left exactly as it was.
    type_into(window.search, "SLA")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert len(clipboard.texts) == 1
    window.state.close()
    assert hashlib.sha256(ui_paths.store_file.read_bytes()).hexdigest() == before
