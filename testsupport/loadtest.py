"""A team under load, for the sync tests and benchmarks.

``run_load`` gives each of many agents its own store of sample records and lets
them all sync with one server at once, each in its own thread, while a chaos
thread restarts the server and terminates random sync connections as the
records arrive. Every agent runs rounds until one ends clean (ok, nothing
waiting) or it runs out of rounds. The report then says which agents ended
clean and whether the server holds every record exactly once.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from testsupport.postgres import PostgresServer
from testsupport.records import write_sample_records

if TYPE_CHECKING:
    import psycopg

    Admin = psycopg.Connection[tuple[object, ...]]


@dataclass(frozen=True, slots=True)
class LoadPlan:
    agents: int
    records: int  # per agent
    restarts: int
    kills: int
    batch_size: int = 500
    max_rounds: int = 40  # per agent
    seed: int = 1


@dataclass(slots=True)
class AgentOutcome:
    ids: list[str]
    rounds: list[float] = field(default_factory=list)  # seconds, each round
    pending: int = -1  # records still queued after its last round
    clean: bool = False  # its last round was ok with nothing left to send
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LoadReport:
    plan: LoadPlan
    agents: list[AgentOutcome]
    seconds: float  # from the first round starting to the last agent finishing
    restarts: int = 0
    kills: int = 0
    server_rows: int = 0
    server_distinct: int = 0
    server_followups: int = 0
    missing: int = 0  # records some agent holds that the server lacks
    extra: int = 0  # records on the server no agent wrote
    max_rev: int = 0

    @property
    def total(self) -> int:
        return self.plan.agents * self.plan.records

    @property
    def agents_ok(self) -> int:
        return sum(1 for a in self.agents if a.clean and a.pending == 0)

    @property
    def records_per_s(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    @property
    def slowest_round_s(self) -> float:
        return max((r for a in self.agents for r in a.rounds), default=0.0)

    @property
    def exactly_once(self) -> bool:
        return (
            self.server_rows == self.server_distinct == self.total
            and self.server_followups == self.total
            and self.missing == self.extra == 0
        )

    def describe(self) -> str:
        errors = sorted({e for a in self.agents for e in a.errors})[:5]
        return (
            f"seed {self.plan.seed}: {self.agents_ok}/{self.plan.agents} agents clean, "
            f"server {self.server_rows} rows ({self.server_distinct} distinct, "
            f"{self.server_followups} follow-ups) of {self.total}, {self.missing} missing, "
            f"{self.extra} extra, max rev {self.max_rev}; {self.restarts} restarts, "
            f"{self.kills} kills; slowest round {self.slowest_round_s:.1f} s; errors {errors}"
        )


class Chaos(threading.Thread):
    """Restarts the server and kills sync connections as the records come in.

    Each fault fires once the server holds a drawn share of all the records, so
    the faults land in the middle of the pushes however fast the machine is.
    """

    def __init__(self, server: PostgresServer, database: str, plan: LoadPlan) -> None:
        super().__init__(name="chaos", daemon=True)
        rng = random.Random(plan.seed)
        self.server = server
        self.database = database
        self.total = plan.agents * plan.records
        faults = [(rng.uniform(0.05, 0.8), "kill") for _ in range(plan.kills)]
        faults += [((i + 1) / (plan.restarts + 1), "restart") for i in range(plan.restarts)]
        self.faults = sorted(faults)
        self.rng = rng
        self.done = threading.Event()
        self.restarts = 0
        self.kills = 0

    def run(self) -> None:
        admin: Admin | None = None
        while self.faults and not self.done.is_set():
            try:
                if admin is None:
                    admin = self.server.admin(self.database)
                arrived = _scalar(admin, "SELECT count(*) FROM agent_assist.calls") / self.total
                while self.faults and self.faults[0][0] <= arrived:
                    if self.faults[0][1] == "restart":
                        admin.close()
                        admin = None
                        self.server.restart()
                        self.restarts += 1
                        self.faults.pop(0)
                        break
                    if not self._kill_one(admin):
                        break  # no agent is connected just now: at the next look
                    self.kills += 1
                    self.faults.pop(0)
            except Exception:  # the server restarting under us: connect again
                if admin is not None:
                    admin.close()
                admin = None
            self.done.wait(0.02)
        if admin is not None:
            admin.close()

    def _kill_one(self, admin: Admin) -> bool:
        pids = [
            r[0]
            for r in admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (self.database,),
            )
        ]
        if not pids:
            return False
        row = admin.execute(
            "SELECT pg_terminate_backend(%s, 10000)", (self.rng.choice(pids),)
        ).fetchone()
        return bool(row and row[0])


def _scalar(conn: Admin, query: str) -> int:
    row = conn.execute(query).fetchone()
    value = row[0] if row else None
    assert isinstance(value, int), f"{query}: {value!r}"
    return value


def run_load(
    server: PostgresServer, user: str, password: str, workdir: Path, plan: LoadPlan
) -> LoadReport:
    """Create a database for ``user``, sync ``plan.agents`` agents into it under faults."""
    database = f"load_{plan.seed}_{random.randrange(1 << 30)}"
    server.create_database(database, user)
    team = _Team(server.url(user, database), password)
    team.make_schema(workdir / "schema")
    agents: list[AgentOutcome] = []
    for i in range(plan.agents):
        folder = workdir / f"agent-{i}"
        folder.mkdir()
        seed = plan.seed * 1000 + i  # distinct record ids for every agent
        ids = write_sample_records(folder / "calls.sqlite3", plan.records, seed=seed)
        agents.append(AgentOutcome(ids))

    chaos = Chaos(server, database, plan)
    threads = [
        threading.Thread(
            target=team.sync_agent, args=(workdir / f"agent-{i}", plan, a), name=f"agent-{i}"
        )
        for i, a in enumerate(agents)
    ]
    started = time.perf_counter()
    chaos.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    chaos.done.set()
    chaos.join()

    report = LoadReport(plan, agents, seconds, restarts=chaos.restarts, kills=chaos.kills)
    _count_server_rows(server, database, report)
    server.drop_database(database)
    return report


class _Team:
    """The team's server as each agent's sync reaches it: its URL, the password kept
    in a secret store, and a retry policy short enough for a test."""

    def __init__(self, url: str, password: str) -> None:
        from assistant.keychain import MemorySecretStore
        from assistant.sync.connection import parse_server_url
        from assistant.sync.service import RetryPolicy

        self.url = url
        self.secrets = MemorySecretStore()
        self.secrets.set(parse_server_url(url).account, password)
        self.retry = RetryPolicy(attempts=8, first_delay_s=0.05, max_delay_s=1.0)

    def make_schema(self, folder: Path) -> None:
        """Made once, before the agents start, as on a team's real server."""
        from assistant.store.db import open_store
        from assistant.store.timefmt import utc_now
        from assistant.sync.service import SyncConfig, TeamSync

        folder.mkdir(parents=True)
        store = open_store(folder / "calls.sqlite3")
        config = SyncConfig(
            self.url, folder / "team-packs", folder / "sync-state.json", retry=self.retry
        )
        try:
            with TeamSync(store.sessions, config, self.secrets, utc_now) as sync:
                if not sync.run().ok:
                    raise RuntimeError("the server's schema could not be created")
        finally:
            store.close()

    def sync_agent(self, folder: Path, plan: LoadPlan, outcome: AgentOutcome) -> None:
        """One agent's rounds (in its own thread) until one ends clean or none are left."""
        from assistant.store.db import open_store
        from assistant.store.timefmt import utc_now
        from assistant.sync.service import SyncConfig, TeamSync

        store = open_store(folder / "calls.sqlite3")
        config = SyncConfig(
            self.url,
            folder / "team-packs",
            folder / "sync-state.json",
            batch_size=plan.batch_size,
            retry=self.retry,
        )
        try:
            with TeamSync(store.sessions, config, self.secrets, utc_now) as sync:
                for _round in range(plan.max_rounds):
                    started = time.perf_counter()
                    result = sync.run()
                    outcome.rounds.append(time.perf_counter() - started)
                    outcome.pending = result.pending
                    outcome.errors += result.errors
                    if result.ok and result.pending == 0:
                        outcome.clean = True
                        return
                    time.sleep(0.2)  # offline: wait a little, as the panel's timer would
        except Exception as exc:  # a bug: the report names it instead of losing it
            outcome.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            store.close()


def _count_server_rows(server: PostgresServer, database: str, report: LoadReport) -> None:
    """What the server ended up holding, against the records the agents wrote."""
    expected = {i for a in report.agents for i in a.ids}
    with server.admin_session(database) as conn:
        report.server_rows = _scalar(conn, "SELECT count(*) FROM agent_assist.calls")
        report.server_distinct = _scalar(conn, "SELECT count(DISTINCT id) FROM agent_assist.calls")
        report.max_rev = _scalar(conn, "SELECT coalesce(max(rev), 0) FROM agent_assist.calls")
        report.server_followups = _scalar(conn, "SELECT count(*) FROM agent_assist.followups")
        found = {str(r[0]) for r in conn.execute("SELECT id FROM agent_assist.calls")}
    report.missing = len(expected - found)
    report.extra = len(found - expected)
