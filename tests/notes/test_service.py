"""The notes form's use cases against a real store."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from assistant.calendar.workcalendar import WorkCalendar
from assistant.maintenance.drafts import Draft
from assistant.notes.service import (
    FollowUpRow,
    FormProblems,
    commitment_followup,
    finalise_form,
    followup_rows,
    is_due_soon,
    is_overdue,
    load_call,
    mark_done,
    newly_due,
    recent_calls,
    reschedule,
    save_drafts,
    save_form,
    snooze_until,
)
from assistant.settings import DEFAULT_REQUIRED_FIELDS
from assistant.store.db import Store

NOW = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)  # Tuesday 14:00 in Beijing


def new_id() -> str:
    return str(uuid.uuid4())


def form(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": new_id(),
        "started_at": NOW,
        "channel": "phone",
        "direction": "inbound",
        "customer_contact": "+86 138 0013 8000",
        "customer_title": "李总",
        "request": "退款进度",
        "key_problem": "退款一周未到账",
        "outcome": "已提交加急",
        "resolution": "resolved",
        "emotion_start": "",
        "tags": "退款; 加急",
    }
    values.update(changes)
    return values


def test_a_draft_saves_with_anything_missing_and_loads_back(store: Store) -> None:
    values = {"id": new_id(), "facts": "客户说 3 月 1 日下单", "channel": ""}
    saved = save_form(store, values, [], now=NOW)
    assert saved.values["status"] == "draft"
    assert saved.values["facts"] == "客户说 3 月 1 日下单"
    assert saved.values["channel"] is None
    loaded = load_call(store, saved.id)
    assert loaded is not None
    assert loaded.values == saved.values
    assert load_call(store, new_id()) is None


def test_finalise_refused_names_every_gap_then_accepted(store: Store) -> None:
    values = form(channel="", outcome="", resolution="partial")
    refused = finalise_form(store, values, [], required=DEFAULT_REQUIRED_FIELDS, now=NOW)
    assert not refused.final
    assert [p.field for p in refused.refused] == ["channel", "outcome", "followups"]
    # The refusal still saved what the agent typed.
    assert load_call(store, values["id"]).values["request"] == "退款进度"  # type: ignore[union-attr]

    followup = commitment_followup(new_id(), NOW + timedelta(days=1), "王芳", "回电确认到账")
    values.update(channel="phone", outcome="已提交加急")
    accepted = finalise_form(store, values, [followup], required=DEFAULT_REQUIRED_FIELDS, now=NOW)
    assert accepted.final
    assert accepted.refused == ()
    assert accepted.followups[0]["owner"] == "王芳"
    assert accepted.values["tags"] == ["退款", "加急"]


def test_saving_again_changes_only_what_is_given_and_returns_what_is_stored(
    store: Store,
) -> None:
    first = {"id": new_id(), "request": "退款进度", "started_at": "2026-03-10 14:00+08:00"}
    callback = commitment_followup(new_id(), NOW + timedelta(days=1), "王芳", "回电")
    save_form(store, first, [callback], now=NOW)

    later = NOW + timedelta(minutes=5)
    check = {"id": new_id(), "owner": "财务", "due_at": NOW + timedelta(hours=2), "plan": "核实"}
    saved = save_form(store, {"id": first["id"], "outcome": "已加急"}, [check], now=later)
    assert saved.values["request"] == "退款进度"  # not sent again, still there
    assert saved.values["outcome"] == "已加急"
    assert saved.values["created_at"] == NOW
    assert saved.values["updated_at"] == later
    assert [f["plan"] for f in saved.followups] == ["回电", "核实"]

    loaded = load_call(store, first["id"])
    assert loaded is not None
    assert loaded.values == saved.values
    assert loaded.values["started_at"] == NOW  # 14:00 in Beijing, kept as UTC
    # The store lists follow-ups soonest due first.
    assert [f["plan"] for f in loaded.followups] == ["核实", "回电"]
    assert sorted(loaded.followups, key=lambda f: f["id"]) == sorted(
        saved.followups, key=lambda f: f["id"]
    )


def test_card_numbers_are_masked_and_named(store: Store) -> None:
    values = form(notes="卡号 4111 1111 1111 1111")
    followup = {"id": new_id(), "owner": "王芳", "plan": "核实 4111-1111-1111-1111"}
    saved = save_form(store, values, [followup], now=NOW)
    assert saved.masked == ("notes", "followups[0].plan")
    assert saved.values["notes"] == "卡号 [•••• 1111]"
    assert saved.followups[0]["plan"] == "核实 [•••• 1111]"


def test_values_the_store_cannot_take_are_refused_whole(store: Store) -> None:
    values = form(notes="x" * 40_000)
    with pytest.raises(FormProblems) as refused:
        save_form(store, values, [], now=NOW)
    assert [p.field for p in refused.value.problems] == ["notes"]
    assert load_call(store, values["id"]) is None


def test_the_follow_up_list_is_open_ones_soonest_first_with_the_customer(store: Store) -> None:
    first, second = form(), form(customer_title="张经理", request="发票重开")
    late = commitment_followup(new_id(), NOW + timedelta(hours=5), "王芳", "回电")
    soon = commitment_followup(new_id(), NOW + timedelta(minutes=10), "财务", "核实")
    done = {**commitment_followup(new_id(), NOW, "王芳", "已办"), "status": "done"}
    save_form(store, first, [late, done], now=NOW)
    save_form(store, second, [soon], now=NOW)
    rows = followup_rows(store)
    assert [(r.plan, r.customer, r.request, r.contact) for r in rows] == [
        ("核实", "张经理", "发票重开", "+86 138 0013 8000"),
        ("回电", "李总", "退款进度", "+86 138 0013 8000"),
    ]
    mark_done(store, rows[0].id, NOW)
    reschedule(store, rows[1].id, NOW + timedelta(days=2), NOW)
    [left] = followup_rows(store)
    assert left.due_at == NOW + timedelta(days=2)
    with pytest.raises(KeyError):
        mark_done(store, new_id(), NOW)


def test_recent_calls_newest_first(store: Store) -> None:
    older, newer = form(), form(customer_title="张经理")
    save_form(store, older, [], now=NOW)
    save_form(store, newer, [], now=NOW + timedelta(minutes=1))
    assert [c.customer for c in recent_calls(store)] == ["张经理", "李总"]


def test_older_drafts_are_kept_as_records(store: Store) -> None:
    good = Draft(new_id(), NOW.isoformat(), {"facts": "掉线", "channel": "phone"}, [])
    bad_value = Draft(new_id(), NOW.isoformat(), {"facts": "收费", "channel": "fax"}, [])
    saved = save_drafts(store, [good, bad_value], now=NOW)
    assert saved == [good.key, bad_value.key]
    kept = load_call(store, bad_value.key)
    assert kept is not None
    assert kept.values["facts"] == "收费"
    assert kept.values["channel"] is None


def test_due_rules() -> None:
    due = NOW + timedelta(minutes=20)
    assert is_due_soon(due, NOW)
    assert not is_overdue(due, NOW)
    assert is_overdue(due, due)
    assert not is_due_soon(NOW + timedelta(hours=2), NOW)
    rows = [
        FollowUpRow("a", "c", "王芳", NOW - timedelta(minutes=1), "回电"),
        FollowUpRow("b", "c", "王芳", NOW + timedelta(minutes=1), "回电"),
        FollowUpRow("c", "c", "王芳", None, "回电"),
    ]
    assert [r.id for r in newly_due(rows, NOW, set())] == ["a"]
    assert newly_due(rows, NOW, {"a"}) == []


def test_snoozing() -> None:
    calendar = WorkCalendar()
    local = NOW.astimezone()
    assert snooze_until("15min", local, calendar) == local + timedelta(minutes=15)
    assert snooze_until("1h", local, calendar) == local + timedelta(hours=1)
    # Friday 2026-03-13 -> Monday 2026-03-16 at opening time.
    friday = calendar.combine(datetime(2026, 3, 13).date(), datetime(2026, 3, 13, 16).time())
    monday = snooze_until("next_business_day", friday, calendar)
    assert (monday.date().isoformat(), monday.strftime("%H:%M")) == ("2026-03-16", "09:00")


def test_the_call_s_end_is_stored_only_when_the_record_becomes_final(store: Store) -> None:
    ending = {"ended_at": NOW + timedelta(minutes=5), "talk_seconds": 300, "wrap_up_seconds": 0}
    values = form(request="")
    refused = finalise_form(
        store, values, [], required=DEFAULT_REQUIRED_FIELDS, now=NOW, when_final=ending
    )
    assert [p.field for p in refused.refused] == ["request"]
    assert (refused.values["ended_at"], refused.values["talk_seconds"]) == (None, None)
    values["request"] = "退款进度"
    final = finalise_form(
        store, values, [], required=DEFAULT_REQUIRED_FIELDS, now=NOW, when_final=ending
    )
    assert final.final
    stored = load_call(store, values["id"])
    assert stored is not None
    assert stored.values["ended_at"] == NOW + timedelta(minutes=5)
    assert stored.values["talk_seconds"] == 300
