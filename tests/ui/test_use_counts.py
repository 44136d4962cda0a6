"""Copies of team phrases are counted per day for team sync; the agent's own are not."""

from __future__ import annotations

import sqlite3
from typing import Any

from assistant.paths import Paths
from tests.sync.conftest import PACK_TEXT
from tests.ui.test_search_learning import copy_after_typing


def test_a_team_phrase_copy_is_counted_for_the_day_and_an_own_phrase_is_not(
    qtbot: Any, make_panel: Any, type_into: Any, ui_paths: Paths, store: Any
) -> None:
    ui_paths.team_packs_dir.mkdir(parents=True)
    (ui_paths.team_packs_dir / "team-acme.yaml").write_text(PACK_TEXT, encoding="utf-8")
    window = make_panel()
    window.set_call_values({"customer_title": "李总"})

    copy_after_typing(qtbot, window, type_into, "ACME", "team.acme.greeting")
    copy_after_typing(qtbot, window, type_into, "ACME", "team.acme.greeting")
    copy_after_typing(qtbot, window, type_into, "您说", "t.angry.pause")  # a local pack
    window.state.close()  # the counts are written before the panel goes

    with sqlite3.connect(ui_paths.store_file) as db:
        days = db.execute(
            "SELECT entry_id, pack_version, day, use_count FROM template_use_days"
        ).fetchall()
    assert days == [("team.acme.greeting", "3", "2026-03-10", 2)]
