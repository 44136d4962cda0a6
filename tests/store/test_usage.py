"""Template usage and favourites: the repository functions the panel calls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from assistant.store.db import Store
from assistant.store.usage import load_picks, load_usage, record_pick, record_use, set_favourite

NOW = datetime(2024, 3, 15, 14, 0, tzinfo=timezone(timedelta(hours=8)))


def test_an_empty_store_has_no_usage(store: Store) -> None:
    with store.sessions.begin() as session:
        assert load_usage(session) == (frozenset(), {})


def test_uses_are_counted_with_the_last_time(store: Store) -> None:
    with store.sessions.begin() as session:
        record_use(session, "zh.commit.callback", NOW)
    with store.sessions.begin() as session:
        record_use(session, "zh.commit.callback", NOW + timedelta(minutes=5))
        record_use(session, "jargon.sla", NOW)
    with store.sessions.begin() as session:
        favourites, usage = load_usage(session)
    assert favourites == frozenset()
    assert usage == {
        "zh.commit.callback": (2, (NOW + timedelta(minutes=5)).timestamp()),
        "jargon.sla": (1, NOW.timestamp()),
    }


def test_favourites_toggle_and_survive_uses(store: Store) -> None:
    with store.sessions.begin() as session:
        set_favourite(session, "jargon.sla", True)
        set_favourite(session, "zh.opening", True)
    with store.sessions.begin() as session:
        record_use(session, "jargon.sla", NOW)
        set_favourite(session, "zh.opening", False)
    with store.sessions.begin() as session:
        favourites, usage = load_usage(session)
    assert favourites == frozenset({"jargon.sla"})
    # A starred-then-unstarred entry that was never used does not count as used.
    assert usage == {"jargon.sla": (1, NOW.timestamp())}


def test_unstarring_an_unknown_entry_writes_nothing(store: Store) -> None:
    with store.sessions.begin() as session:
        set_favourite(session, "never.seen", False)
    with store.sessions.begin() as session:
        assert load_usage(session) == (frozenset(), {})


def test_a_use_time_needs_a_zone(store: Store) -> None:
    with store.sessions.begin() as session, pytest.raises(ValueError, match="time zone"):
        record_use(session, "x", datetime(2024, 3, 15, 14, 0))


def test_times_round_trip_across_zones(store: Store) -> None:
    utc = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)
    with store.sessions.begin() as session:
        record_use(session, "a", utc)
    with store.sessions.begin() as session:
        assert load_usage(session)[1]["a"] == (1, NOW.timestamp())


def test_picks_are_counted_per_query_and_intent(store: Store) -> None:
    with store.sessions.begin() as session:
        assert load_picks(session) == {}
        record_pick(session, "ts", "complaint.step1_accept_emotion", NOW)
    with store.sessions.begin() as session:
        record_pick(session, "ts", "complaint.step1_accept_emotion", NOW)
        record_pick(session, "ts", "complaint.step2_clarify_facts", NOW)
        record_pick(session, "退款", "jargon.refund_original_method", NOW)
    with store.sessions.begin() as session:
        assert load_picks(session) == {
            "ts": {"complaint.step1_accept_emotion": 2, "complaint.step2_clarify_facts": 1},
            "退款": {"jargon.refund_original_method": 1},
        }
