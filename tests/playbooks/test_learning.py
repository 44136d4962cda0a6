"""Ranking bonuses learned from the agent's picks."""

from __future__ import annotations

from assistant.playbooks.learning import PICKED, learned_bonus, pick_key

PICKS = {
    "tousu": {"complaint.step1": 3},
    "tou": {"complaint.step2": 1},
    "退款": {"jargon.refund": 1},
}


def test_a_pick_counts_for_its_query_and_every_beginning_of_it() -> None:
    assert learned_bonus(PICKS, "tousu") == {"complaint.step1": PICKED + 3}
    assert learned_bonus(PICKS, "tou") == {
        "complaint.step1": PICKED + 3,
        "complaint.step2": PICKED + 1,
    }
    assert learned_bonus(PICKS, "tousux") == {}
    assert learned_bonus(PICKS, "   ") == {}


def test_queries_are_kept_folded() -> None:
    assert pick_key("  TouSu ") == "tousu"
    assert pick_key("退款  進度") == "退款 进度"
    assert learned_bonus(PICKS, "ＴＯＵ") == learned_bonus(PICKS, "tou")
