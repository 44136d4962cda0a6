"""A team under load: many agents syncing with one PostgreSQL server at once.

50 agents, each with its own store of 2,000 records (each with a follow-up), sync
at the same time, one thread each, while the server is restarted twice and 20
random sync connections are terminated. Every agent runs rounds until one ends
clean. sync_load_agents_ok: agents whose last round was ok with an empty queue;
sync_load_records_per_s: all records over the wall time from the first round to
the last agent done; sync_load_slowest_round_s: the longest single round any
agent ran; an agent's first round sends all its records while 49 others do the
same, so it lasts about as long as the whole run; it must stay well inside the
panel's five-minute sync interval, hence at most a minute. The run raises if
the server does not hold every record exactly once. The server keeps fsync on
and PostgreSQL's default connection limit (100), as a team's server would.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

from common import Metric

METRICS = ("sync_load_agents_ok", "sync_load_records_per_s", "sync_load_slowest_round_s")
AGENTS = 50


def metrics(quick: bool) -> Iterator[Metric]:
    from testsupport.loadtest import LoadPlan, run_load
    from testsupport.postgres import PostgresServer

    plan = LoadPlan(AGENTS, 500 if quick else 2_000, restarts=2, kills=20)
    with (
        tempfile.TemporaryDirectory(prefix="aa-bench-load-") as tmp,
        PostgresServer.start(durable=True) as server,
    ):
        with server.admin_session() as conn:
            conn.execute("ALTER SYSTEM SET max_connections = 100")
        server.restart()
        server.create_role("agent", "bench-password")
        report = run_load(server, "agent", "bench-password", Path(tmp), plan)
    if not report.exactly_once:
        raise RuntimeError(f"records lost or duplicated: {report.describe()}")
    if (report.restarts, report.kills) != (plan.restarts, plan.kills):
        raise RuntimeError(f"the faults did not all land during the sync: {report.describe()}")
    yield Metric("sync_load_agents_ok", report.agents_ok, "agents", f">= {AGENTS}")
    yield Metric("sync_load_records_per_s", report.records_per_s, "rec/s", ">= 1000")
    yield Metric("sync_load_slowest_round_s", report.slowest_round_s, "s", "<= 60")
