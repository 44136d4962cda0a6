"""A team under load: agents syncing at once through restarts and killed connections.

The full size (50 agents x 2,000 records, two restarts) is the benchmark
``sync_load_*``; this is the same run scaled down. The seed is in every failure
message; set AGENT_ASSIST_FAULT_SEED to replay one.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from testsupport.loadtest import LoadPlan, run_load
from testsupport.postgres import PostgresServer


@pytest.mark.slow
def test_every_agent_ends_clean_and_the_server_holds_each_record_once(
    pg_server: PostgresServer, agent_password: str, tmp_path: Path
) -> None:
    seed = int(os.environ.get("AGENT_ASSIST_FAULT_SEED") or random.randrange(1_000_000))
    # Small batches stretch the pushes out, so every fault lands in the middle of them.
    plan = LoadPlan(agents=8, records=200, restarts=1, kills=4, batch_size=20, seed=seed)

    report = run_load(pg_server, "agent", agent_password, tmp_path, plan)

    why = report.describe()
    assert report.restarts == 1, why
    assert report.kills == 4, why
    assert report.agents_ok == 8, why
    assert all(agent.pending == 0 for agent in report.agents), why
    assert report.server_rows == report.server_distinct == 8 * 200, why
    assert report.missing == report.extra == 0, why
    assert report.server_followups == 8 * 200, why
    assert report.max_rev == 1, why  # a batch sent twice was not taken for an edit
