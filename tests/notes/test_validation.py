from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from assistant.notes.validation import coerce_call, coerce_followup, finalise_problems
from assistant.settings import DEFAULT_REQUIRED_FIELDS


def _values(record: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    followups = [coerce_followup(f)[0] for f in record.pop("followups")]
    values, problems = coerce_call(record)
    assert problems == []
    return values, followups


def test_complete_record_can_be_finalised(make_record: Any) -> None:
    values, followups = _values(make_record())
    assert finalise_problems(values, followups, DEFAULT_REQUIRED_FIELDS) == []


def test_refused_finalise_names_every_missing_field_at_once(make_record: Any) -> None:
    record = make_record(channel=None, request="", outcome=None, customer_contact=None)
    values, followups = _values(record)
    problems = finalise_problems(values, followups, DEFAULT_REQUIRED_FIELDS)
    assert [p.field for p in problems] == ["channel", "customer_contact", "request", "outcome"]


def test_draft_with_everything_missing_is_valid() -> None:
    values, problems = coerce_call({"id": "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b"})
    assert problems == []
    assert values["id"] == "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b"


@pytest.mark.parametrize("resolution", ["partial", "unresolved"])
def test_unresolved_call_needs_an_open_follow_up_with_owner_and_due(
    make_record: Any, resolution: str
) -> None:
    values, followups = _values(make_record(resolution=resolution))
    assert finalise_problems(values, followups, DEFAULT_REQUIRED_FIELDS) == []
    no_owner = [{**f, "owner": None} for f in followups]
    no_due = [{**f, "due_at": None} for f in followups]
    closed = [{**f, "status": "done"} for f in followups]
    for broken in ([], no_owner, no_due, closed):
        problems = finalise_problems(values, broken, DEFAULT_REQUIRED_FIELDS)
        assert [p.field for p in problems] == ["followups"]


def test_resolved_call_needs_no_follow_up(make_record: Any) -> None:
    values, _ = _values(make_record(resolution="resolved"))
    assert finalise_problems(values, [], DEFAULT_REQUIRED_FIELDS) == []


def test_centre_can_change_the_required_set(make_record: Any) -> None:
    values, followups = _values(make_record(agent_id=None, request=None))
    problems = finalise_problems(values, followups, ("agent_id", "outcome"))
    assert [p.field for p in problems] == ["agent_id"]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("channel", "fax", "not one of"),
        ("started_at", "2024-03-15T14:00:00", "needs a UTC offset"),
        ("started_at", "yesterday", "Invalid isoformat"),
        ("talk_seconds", -5, "0 or more"),
        ("talk_seconds", "12.5", "whole number"),
        ("id", "abc", "not a UUID"),
        ("tags", "a;b", None),
        ("tags", [1, 2], "list of strings"),
        ("customer_name", 42, "must be text"),
        ("colour", "red", "unknown field"),
    ],
)
def test_field_problems_name_the_field(field: str, value: Any, reason: str | None) -> None:
    raw = {"id": "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b", field: value}
    values, problems = coerce_call(raw)
    if reason is None:
        assert problems == []
        assert values["tags"] == ["a", "b"]
    else:
        assert [p.field for p in problems] == [field]
        assert reason in problems[0].reason


def test_times_are_kept_in_utc() -> None:
    values, _ = coerce_call(
        {"id": "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b", "started_at": "2024-03-15T14:00:00+08:00"}
    )
    assert values["started_at"] == datetime(2024, 3, 15, 6, 0, tzinfo=UTC)


def test_end_before_start_is_refused() -> None:
    _, problems = coerce_call(
        {
            "id": "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b",
            "started_at": "2024-03-15T14:00:00+08:00",
            "ended_at": "2024-03-15T13:00:00+08:00",
        }
    )
    assert [p.field for p in problems] == ["ended_at"]


def test_disposition_must_come_from_the_centre_list() -> None:
    raw = {"id": "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b", "disposition": "lunch"}
    _, problems = coerce_call(raw, dispositions=("escalated",))
    assert [p.field for p in problems] == ["disposition"]
    _, problems = coerce_call({**raw, "disposition": "escalated"}, dispositions=("escalated",))
    assert problems == []
