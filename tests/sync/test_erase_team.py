"""``agent-assist erase --contact VALUE --team``: a customer erased on the team server,
every agent's records of them, and kept erased on every machine that syncs."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from assistant.sync.state import load_state, save_state, state_file
from tests.conftest import call_record

LI = "+86 138 0013 8000"
WANG = "wang@example.com"


def _server_contacts(server_sql: Any) -> list[str]:
    return sorted(r[0] for r in server_sql("SELECT customer_contact FROM agent_assist.calls"))


def _local_contacts(machine: Any) -> list[str]:
    with machine.store.sessions() as session:
        rows = session.connection().exec_driver_sql("SELECT customer_contact FROM calls")
        return sorted(r[0] for r in rows)


def test_erase_team_removes_every_agents_records_of_the_customer(
    cli: Any, logged_in: Any, machine: Any, server_sql: Any, write_jsonl: Any
) -> None:
    first, second = machine("a"), machine("b")
    first.import_records([call_record(customer_contact=LI), call_record(customer_contact=WANG)])
    second.import_records([call_record(customer_contact="13800138000")])
    assert first.run().ok
    assert second.run().ok
    mine = call_record(customer_contact="+86-138-0013-8000")
    assert cli("import", str(write_jsonl([mine]))).status == 0
    # A conflict copy of one of them is customer data too.
    li_id = server_sql("SELECT id FROM agent_assist.calls WHERE customer_contact = %s", (LI,))[0][0]
    server_sql(
        "INSERT INTO agent_assist.sync_conflicts (call_id, lost_version, lost_hash, "
        "lost_updated_at, lost_by, lost_from, won_hash, won_updated_at, won_by) "
        "VALUES (%s, %s, 'h', now(), 'a', 'a', 'w', now(), 'b')",
        (li_id, json.dumps({"customer_contact": LI})),
    )

    result = cli("erase", "--contact", "13800138000", "--team", "--yes")

    assert result.status == 0, result.errors
    lines = result.text.splitlines()
    assert lines[0].startswith("this removes 1 record(s) and 2 follow-up(s) of 13800138000 from ")
    assert lines[0].endswith(
        f"and 2 record(s) and 4 follow-up(s) from the team server {logged_in.place}"
    )
    assert lines[1] == (
        "removed 1 record(s) and 2 follow-up(s) here and 2 record(s) and 4 follow-up(s) "
        "from the team server; store checked"
    )
    assert _server_contacts(server_sql) == [WANG]
    assert server_sql("SELECT count(*) FROM agent_assist.followups") == [(2,)]
    assert server_sql("SELECT count(*) FROM agent_assist.sync_conflicts") == [(0,)]
    # Ids only are kept of what was erased: three records, this machine's included.
    assert server_sql("SELECT count(*) FROM agent_assist.erased_calls") == [(3,)]
    exported = cli("export", "--raw").text
    assert {r["customer_contact"] for r in csv.DictReader(io.StringIO(exported))} == set()

    # Every other machine removes its copies at its next sync.
    after = second.run()
    assert after.ok, after.errors
    assert after.records_erased == 1
    assert "removed 1 record(s) erased team-wide" in after.summary()
    assert _local_contacts(second) == []
    assert first.run().records_erased == 1
    assert _local_contacts(first) == [WANG]
    assert _server_contacts(server_sql) == [WANG]


def test_an_erased_record_edited_elsewhere_is_never_taken_back(
    cli: Any, logged_in: Any, machine: Any, server_sql: Any
) -> None:
    first = machine("a")
    record = call_record(customer_contact=LI)
    first.import_records([record])
    assert first.run().ok
    assert cli("erase", "--contact", LI, "--team", "--yes").status == 0

    # The agent edits the record before this machine has heard of the erasure (as
    # if the erasure came between reading the list and sending the edit).
    from datetime import UTC, datetime

    first.edit(record["id"], datetime.now(UTC), outcome="再次来电")
    state = load_state(state_file(first.paths.data_dir))
    state.erased_seq = 10**9
    save_state(state_file(first.paths.data_dir), state)

    result = first.run()
    assert result.ok, result.errors
    assert result.records_erased == 1
    assert result.records_pushed == 0
    assert _server_contacts(server_sql) == []
    assert _local_contacts(first) == []
    assert first.run().pending == 0


def test_erase_team_without_a_login_removes_nothing(
    cli: Any, prompts: Any, write_jsonl: Any
) -> None:
    assert cli("import", str(write_jsonl([call_record(customer_contact=LI)]))).status == 0

    result = cli("erase", "--contact", LI, "--team", "--yes")

    assert result.status == 1
    assert result.errors == (
        "agent-assist: no sync server set: run "
        "'agent-assist sync --login postgresql://user@host:port/dbname'\n"
    )
    assert "+86 138 0013 8000" in cli("export", "--raw").text


def test_erase_team_with_the_server_down_removes_nothing(
    cli: Any, paths: Any, prompts: Any, secrets: Any, write_jsonl: Any
) -> None:
    from assistant.settings import load_settings, save_settings
    from assistant.sync.connection import parse_server_url

    assert cli("import", str(write_jsonl([call_record(customer_contact=LI)]))).status == 0
    address = parse_server_url("postgresql://agent@127.0.0.1:9/nowhere")
    settings = load_settings(paths.settings_file)
    save_settings(paths.settings_file, settings.with_changes(sync_url=address.url))
    secrets.set(address.account, "secret")

    result = cli("erase", "--contact", LI, "--team", "--yes")

    assert result.status != 0
    assert result.errors.startswith("agent-assist: nothing removed: ")
    assert len(result.errors.splitlines()) == 1
    assert "+86 138 0013 8000" in cli("export", "--raw").text
