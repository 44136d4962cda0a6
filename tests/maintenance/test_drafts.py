"""Crash-recovery drafts: atomic, masked, found again after a restart."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.maintenance.drafts import discard_draft, drafts_dir, load_drafts, save_draft
from assistant.paths import Paths

NOW = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)
KEY = "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b"


def test_a_draft_is_kept_masked_and_found_again(paths: Paths) -> None:
    values = {"notes": "客户卡号 4111 1111 1111 1111，明天回电", "started_at": NOW}
    followups = [{"plan": "核实 3782 822463 10005", "owner": "王芳"}]
    assert save_draft(paths, KEY, values, followups, now=NOW) == 2
    raw = (drafts_dir(paths) / f"{KEY}.json").read_bytes()
    assert b"4111" not in raw.replace("•••• 1111".encode(), b"")
    assert b"378282246310005" not in raw
    assert b"3782 822463 10005" not in raw
    [draft] = load_drafts(paths)
    assert draft.key == KEY
    assert draft.values == {
        "notes": "客户卡号 [•••• 1111]，明天回电",
        "started_at": "2024-03-15T06:00:00+00:00",
    }
    assert draft.followups == [{"plan": "核实 [•••• 0005]", "owner": "王芳"}]
    discard_draft(paths, KEY)
    assert load_drafts(paths) == []


def test_a_new_draft_replaces_the_old_one_whole(paths: Paths) -> None:
    save_draft(paths, KEY, {"notes": "第一版"}, now=NOW)
    save_draft(paths, KEY, {"notes": "第二版"}, now=NOW)
    assert [d.values for d in load_drafts(paths)] == [{"notes": "第二版"}]
    assert sorted(p.name for p in drafts_dir(paths).iterdir()) == [f"{KEY}.json"]


def test_an_unreadable_draft_is_left_in_place(paths: Paths) -> None:
    save_draft(paths, KEY, {"notes": "好的"}, now=NOW)
    broken = drafts_dir(paths) / "00000000-0000-4000-8000-000000000000.json"
    broken.write_text('{"values": ', encoding="utf-8")
    assert [d.key for d in load_drafts(paths)] == [KEY]
    assert broken.exists()


def test_a_key_cannot_leave_the_drafts_folder(paths: Paths, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="draft key"):
        save_draft(paths, "../../escape", {"notes": "x"}, now=NOW)
    assert not (tmp_path / "escape.json").exists()


def test_a_draft_holds_only_json(paths: Paths) -> None:
    with pytest.raises(TypeError, match="cannot hold"):
        save_draft(paths, KEY, {"notes": object()}, now=NOW)
    assert load_drafts(paths) == []
    folder = drafts_dir(paths)
    assert not folder.exists() or list(folder.iterdir()) == []
