"""Autosave: what the agent types is a durable draft within a second, even while
typing on; drafts come back after a crash; a draft that cannot be written is a
message, never lost text; the daily backup runs after the first paint."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer

from assistant.errors import UserError
from assistant.maintenance.backup import list_backups
from assistant.maintenance.drafts import drafts_dir, load_drafts, save_draft
from assistant.notes.service import load_call
from assistant.paths import Paths
from assistant.store.db import Store, open_store
from assistant.ui.autosave import AUTOSAVE_MS

CTRL = Qt.KeyboardModifier.ControlModifier


def draft_text(paths: Paths, key: str, field: str) -> str:
    path = drafts_dir(paths) / f"{key}.json"
    if not path.exists():
        return ""
    return str(json.loads(path.read_text(encoding="utf-8"))["values"].get(field) or "")


def started(qtbot: Any, make_panel: Any) -> Any:
    window = make_panel()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.search, Qt.Key.Key_N, CTRL)
    return window


def test_typing_is_kept_as_a_draft_soon_after(
    qtbot: Any, make_panel: Any, type_into: Any, ui_paths: Paths
) -> None:
    assert AUTOSAVE_MS <= 1000
    window = started(qtbot, make_panel)
    facts = window.notes.page.form.editors["facts"]
    type_into(facts, "客户说宽带晚上掉线")
    key = window.notes.record_id
    qtbot.waitUntil(lambda: draft_text(ui_paths, key, "facts") == "客户说宽带晚上掉线")


def test_typing_without_a_pause_is_still_saved_on_the_way(
    qtbot: Any, make_panel: Any, ui_paths: Paths
) -> None:
    window = started(qtbot, make_panel)
    facts = window.notes.page.form.editors["facts"]
    text = "line drops every night after eight, twice restarted the router already"
    typed: list[str] = []
    typist = QTimer()
    typist.setInterval(60)

    def type_one() -> None:
        if len(typed) == len(text):
            typist.stop()
            return
        typed.append(text[len(typed)])
        qtbot.keyClicks(facts, typed[-1])

    typist.timeout.connect(type_one)
    typist.start()
    key = window.notes.record_id
    # The first draft lands while the agent is still typing (no pause needed).
    qtbot.waitUntil(lambda: len(draft_text(ui_paths, key, "facts")) >= 3, timeout=10_000)
    assert typist.isActive()
    qtbot.waitUntil(lambda: not typist.isActive(), timeout=20_000)
    qtbot.waitUntil(lambda: draft_text(ui_paths, key, "facts") == text)


def test_saving_to_the_store_drops_the_draft(
    qtbot: Any, make_panel: Any, type_into: Any, ui_paths: Paths
) -> None:
    window = started(qtbot, make_panel)
    type_into(window.notes.page.form.editors["facts"], "refund")
    key = window.notes.record_id
    qtbot.waitUntil(lambda: draft_text(ui_paths, key, "facts") == "refund")
    with qtbot.waitSignal(window.notes.saver.done, timeout=20_000):
        qtbot.keyClick(window.notes.page.form.editors["facts"], Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not (drafts_dir(ui_paths) / f"{key}.json").exists())


def test_drafts_left_by_a_crash_come_back(
    qtbot: Any, make_panel: Any, ui_paths: Paths, store: Store
) -> None:
    store.close()
    older, newer = str(uuid.uuid4()), str(uuid.uuid4())
    save_draft(
        ui_paths,
        older,
        {"id": older, "facts": "发票抬头开错", "started_at": "2026-03-10T01:00:00+00:00"},
        now=datetime(2026, 3, 10, 1, 5, tzinfo=UTC),
    )
    save_draft(
        ui_paths,
        newer,
        {"id": newer, "facts": "退款未到账", "customer_title": "李总", "channel": "phone"},
        [{"id": str(uuid.uuid4()), "owner": "王芳", "plan": "回电", "status": "open"}],
        now=datetime(2026, 3, 10, 6, 0, tzinfo=UTC),
    )
    window = make_panel()
    qtbot.waitUntil(lambda: "restored" in window.banner.messages, timeout=20_000)
    assert window.banner.text("restored") == (
        "Restored 2 unsaved call note(s) from last time. 1 kept as draft record(s) under Recent."
    )
    notes = window.notes
    assert notes.record_id == newer
    values = notes.page.form.values()
    assert (values["facts"], values["customer_title"], values["channel"]) == (
        "退款未到账",
        "李总",
        "phone",
    )
    assert notes.followups[0]["plan"] == "回电"
    # The older one is now a draft record in the store, and its file is gone.
    qtbot.waitUntil(lambda: [d.key for d in load_drafts(ui_paths)] == [newer], timeout=20_000)
    opened = open_store(ui_paths.store_file)
    try:
        kept = load_call(opened, older)
    finally:
        opened.close()
    assert kept is not None
    assert kept.values["facts"] == "发票抬头开错"
    assert kept.values["status"] == "draft"


def test_the_promise_given_comes_back_with_a_crash_draft(
    qtbot: Any, make_panel: Any, ui_paths: Paths, clipboard: Any, type_into: Any
) -> None:
    from assistant.notes.handoff import when_text
    from assistant.paths import builtin_packs_dir

    window = make_panel(builtin=builtin_packs_dir())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.search, Qt.Key.Key_N, CTRL)
    window.notes.page.form.set_text("request", "宽带断网")
    window.notes.page.form.set_choice("level", "L3")
    qtbot.keyClick(window.search, Qt.Key.Key_1, CTRL)
    type_into(window.search, "故障解决时限")
    with qtbot.waitSignal(window.copied) as copied:
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    promised = copied.args[2]["resolve_by"]
    key = window.notes.record_id
    qtbot.waitUntil(lambda: promised.isoformat() in draft_text(ui_paths, key, "promises_given"))
    window.hide()  # the panel dies here; the next one restores the draft
    again = make_panel(builtin=builtin_packs_dir())
    qtbot.waitUntil(lambda: again.notes.record_id == key, timeout=20_000)
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    qtbot.keyClick(again.search, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    said_then = when_text(promised, "zh-Hans", now=again.state.clock())
    line = f"【预计解决时间】{said_then}（已向客户承诺）"
    assert line in clipboard.texts[-1].splitlines()


def test_a_draft_that_cannot_be_written_is_a_message_and_the_text_stays(
    qtbot: Any, make_panel: Any, type_into: Any, monkeypatch: Any
) -> None:
    import assistant.maintenance.drafts as drafts

    def full(*_args: Any, **_kw: Any) -> int:
        raise UserError("drafts: cannot keep a draft: No space left on device")

    monkeypatch.setattr(drafts, "save_draft", full)
    window = started(qtbot, make_panel)
    facts = window.notes.page.form.editors["facts"]
    type_into(facts, "掉线")
    qtbot.waitUntil(lambda: "draft" in window.banner.messages, timeout=20_000)
    assert "No space left on device" in window.banner.text("draft")
    assert "They stay in the form" in window.banner.text("draft")
    assert facts.text() == "掉线"
    monkeypatch.undo()
    type_into(facts, "了")
    qtbot.waitUntil(lambda: "draft" not in window.banner.messages, timeout=20_000)


def test_the_daily_backup_is_made_after_the_first_paint(
    qtbot: Any, make_panel: Any, ui_paths: Paths, store: Store
) -> None:
    store.close()
    assert list_backups(ui_paths) == []
    make_panel()
    qtbot.waitUntil(lambda: len(list_backups(ui_paths)) == 1, timeout=30_000)


def test_restoring_never_overwrites_the_call_in_hand(
    qtbot: Any, make_panel: Any, type_into: Any, ui_paths: Paths
) -> None:
    window = started(qtbot, make_panel)  # the agent starts before the restore has run
    facts = window.notes.page.form.editors["facts"]
    type_into(facts, "first words")
    key = window.notes.record_id
    qtbot.waitUntil(lambda: draft_text(ui_paths, key, "facts") == "first words")
    type_into(facts, " and more")
    done: list[bool] = []
    window.notes.autosave.load(
        lambda drafts: (window.notes._drafts_found(drafts), done.append(True))
    )
    qtbot.waitUntil(lambda: bool(done))
    assert facts.text() == "first words and more"
    assert "restored" not in window.banner.messages
