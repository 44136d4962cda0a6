"""One sync round, Qt-free: records up, team packs down, a result object back.

The panel calls ``run_sync`` (or keeps a ``TeamSync`` for a warm connection)
from a worker thread; the command line does the same. Collaborators come in: the
local session factory, the secret store and the clock. A server that cannot be
reached is a normal outcome (``state == "offline"``), not an exception; so are a
refused password and a server the account may not use (``state == "failed"``).
Only bugs raise.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from assistant.errors import UserError
from assistant.keychain import SecretStore, SecretStoreUnavailable
from assistant.sync.connection import ServerAddress, classify, describe, parse_server_url
from assistant.sync.push import Conflict, PushOutcome
from assistant.sync.state import load_state, save_state

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from assistant.sync.versions import PendingRecord

T = TypeVar("T")
SyncStateName = Literal["ok", "offline", "failed"]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with full jitter between attempts at one batch."""

    attempts: int = 6
    first_delay_s: float = 0.5
    max_delay_s: float = 8.0
    sleep: Callable[[float], None] = time.sleep

    def delays(self) -> Iterator[float]:
        for attempt in range(self.attempts - 1):
            cap = min(self.max_delay_s, self.first_delay_s * 2**attempt)
            yield random.uniform(cap / 2, cap)


@dataclass(frozen=True, slots=True)
class SyncConfig:
    url: str  # postgresql://user@host:port/dbname, no password
    team_packs_dir: Path
    state_file: Path
    batch_size: int = 500
    groups: tuple[str, ...] = ()  # the agent's groups: phrase use is counted per team
    retry: RetryPolicy = field(default_factory=RetryPolicy)


@dataclass(slots=True)
class SyncResult:
    state: SyncStateName = "ok"
    records_pushed: int = 0  # written to the server (new, edited, or won a conflict)
    followups_pushed: int = 0
    records_unchanged: int = 0  # the server already had exactly this version
    conflicts: list[Conflict] = field(default_factory=list)
    records_erased: int = 0  # removed here: erased team-wide (see erasure.py)
    phrase_days_sent: int = 0  # (entry, pack version, day) counts the server now has
    packs_updated: list[str] = field(default_factory=list)
    packs_removed: list[str] = field(default_factory=list)
    pending: int = 0  # records still waiting to go up
    errors: list[str] = field(default_factory=list)
    started_at: datetime | None = None
    last_sync_at: datetime | None = None  # the last round that finished without errors

    @property
    def ok(self) -> bool:
        return self.state == "ok"

    def summary(self) -> str:
        """One line of what moved, for the command line and the panel's status bar."""
        parts = []
        if self.records_pushed or self.records_unchanged:
            part = f"sent {self.records_pushed} record(s) with {self.followups_pushed} follow-up(s)"
            if self.records_unchanged:
                part += f", {self.records_unchanged} already on the server"
            parts.append(part)
        else:
            parts.append("no records to send")
        if self.records_erased:
            parts.append(f"removed {self.records_erased} record(s) erased team-wide")
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} conflict(s)")
        if self.packs_updated or self.packs_removed:
            parts.append(
                f"team packs: {len(self.packs_updated)} updated, {len(self.packs_removed)} removed"
            )
        else:
            parts.append("team packs up to date")
        if self.pending:
            parts.append(f"{self.pending} record(s) waiting")
        return "; ".join(parts)


class _Stop(Exception):
    """Ends a round early with a state and a message for the result."""

    def __init__(self, state: SyncStateName, message: str) -> None:
        super().__init__(message)
        self.state = state
        self.message = message


class TeamSync:
    """Sync rounds against one server, keeping the connection pool between rounds.

    Use one instance from one thread at a time (the panel's sync worker).
    """

    def __init__(
        self,
        local: sessionmaker[Session],
        config: SyncConfig,
        secrets: SecretStore,
        clock: Callable[[], datetime],
        *,
        password: str | None = None,
    ) -> None:
        self.local = local
        self.config = config
        self.secrets = secrets
        self.clock = clock
        self.password = password
        self._engine: Engine | None = None
        self._engine_password: str | None = None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> TeamSync:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- one round ------------------------------------------------------------

    def run(self) -> SyncResult:
        from assistant.sync.tracking import pending_count

        result = SyncResult(started_at=self.clock())
        state = load_state(self.config.state_file)
        try:
            address = parse_server_url(self.config.url)
            engine = self._engine_for(address)
            self._prepare(engine, address)
            state.erased_seq = self._pull_erasures(engine, address, state.erased_seq, result)
            self._push(engine, address, state.machine_id, result)
            self._push_use(engine, address, state.machine_id, result)
            self._pull_packs(engine, address, state.packs, result)
        except _Stop as stop:
            result.state = stop.state
            result.errors.append(stop.message)
        except UserError as exc:
            result.state = "failed"
            result.errors.append(exc.message)
        if result.errors and result.state == "ok":
            result.state = "failed"
        with self.local() as session:
            result.pending = pending_count(session)
        state.last_attempt_at = result.started_at
        state.last_error = "; ".join(result.errors)
        if result.ok:
            state.last_sync_at = result.started_at
        result.last_sync_at = state.last_sync_at
        save_state(self.config.state_file, state)
        return result

    def _engine_for(self, address: ServerAddress) -> Engine:
        from assistant.sync.connection import make_engine

        password = self.password
        if password is None:
            try:
                password = self.secrets.get(address.account)
            except SecretStoreUnavailable as exc:
                raise _Stop("failed", str(exc)) from None
            if password is None:
                raise _Stop(
                    "failed",
                    f"no password saved for {address.account}: run "
                    f"'agent-assist sync --login {address.url}'",
                )
        if self._engine is None or password != self._engine_password:
            self.close()
            self._engine = make_engine(address, password)
            self._engine_password = password
        return self._engine

    def _fail(self, exc: Exception, address: ServerAddress) -> _Stop:
        """Turn a database failure into the round's end state, or re-raise a bug."""
        kind = classify(exc)
        if kind == "other":
            raise exc
        state: SyncStateName = "offline" if kind in ("offline", "transient") else "failed"
        return _Stop(state, describe(exc, address))

    def _prepare(self, engine: Engine, address: ServerAddress) -> None:
        """Check the server's schema, once, without retrying: unreachable means offline.

        Every round starts so (a query or two on a warm connection), which keeps
        "offline" quick to report and notices a schema another version upgraded.
        """
        from assistant.sync.server_schema import ensure_schema

        try:
            ensure_schema(engine, address.user)
        except UserError:
            raise
        except Exception as exc:
            raise self._fail(exc, address) from None

    def _retrying(self, address: ServerAddress, work: Callable[[], T]) -> T:
        from assistant.sync.connection import retryable

        delays = self.config.retry.delays()
        while True:
            try:
                return work()
            except Exception as exc:
                if not retryable(exc):
                    raise self._fail(exc, address) from None
                delay = next(delays, None)
                if delay is None:
                    raise self._fail(exc, address) from None
                self.config.retry.sleep(delay)

    def _push(
        self, engine: Engine, address: ServerAddress, machine_id: str, result: SyncResult
    ) -> None:
        from sqlalchemy.exc import OperationalError

        from assistant.notes.erasure import remove
        from assistant.sync.tracking import mark_pushed, next_batch

        # One transaction per batch; REPEATABLE READ turns a race with another
        # machine over a new record into a serialisation failure, which is retried.
        writer = engine.execution_options(isolation_level="REPEATABLE READ")
        after = 0
        while True:
            with self.local() as session:
                batch = next_batch(session, after, self.config.batch_size)
            if not batch:
                return
            after = batch[-1].change_seq
            present = [p for p in batch if p.version is not None]
            gone = [p for p in batch if p.version is None]

            def send(present: list[PendingRecord] = present) -> list[PushOutcome]:
                from assistant.sync.push import push_batch

                if not present:
                    return []
                with writer.begin() as conn:
                    return push_batch(conn, present, pushed_by=address.user, pushed_from=machine_id)

            outcomes = self._retrying(address, send)
            erased = [o.call_id for o in outcomes if o.kind == "erased"]
            try:
                with self.local.begin() as session:
                    mark_pushed(session, gone, outcomes)
                    result.records_erased += remove(session.connection(), erased)
            except OperationalError as exc:
                # The server has the batch; sending it again next time is harmless.
                raise _Stop("failed", f"the local store: {_first_line(exc.orig)}") from None
            for outcome in outcomes:
                if outcome.kind == "erased":
                    continue
                if outcome.kind == "same":
                    result.records_unchanged += 1
                elif outcome.kind != "lost":
                    result.records_pushed += 1
                    result.followups_pushed += outcome.followups
                if outcome.conflict is not None:
                    result.conflicts.append(outcome.conflict)

    def _pull_erasures(
        self, engine: Engine, address: ServerAddress, after: int, result: SyncResult
    ) -> int:
        """Remove this machine's copies of records erased team-wide since ``after``;
        the new mark back."""
        from sqlalchemy.exc import OperationalError

        from assistant.notes.erasure import remove
        from assistant.sync.erasure import erased_since

        def pull() -> tuple[list[str], int]:
            with engine.connect() as conn:
                return erased_since(conn, after)

        ids, mark = self._retrying(address, pull)
        if ids:
            try:
                with self.local.begin() as session:
                    result.records_erased += remove(session.connection(), ids)
            except OperationalError as exc:
                raise _Stop("failed", f"the local store: {_first_line(exc.orig)}") from None
        return mark

    def _push_use(
        self, engine: Engine, address: ServerAddress, machine_id: str, result: SyncResult
    ) -> None:
        from sqlalchemy.exc import OperationalError

        from assistant.store.usage import mark_use_days_sent, unsent_use_days
        from assistant.sync.use_counts import push_use

        with self.local() as session:
            counts = unsent_use_days(session)
        if not counts:
            return

        def send() -> None:
            with engine.begin() as conn:
                push_use(
                    conn,
                    counts,
                    machine_id=machine_id,
                    agent=address.user,
                    teams=self.config.groups,
                )

        self._retrying(address, send)
        try:
            with self.local.begin() as session:
                mark_use_days_sent(session, counts)
        except OperationalError as exc:
            # The server has them; sending the same counts again next time is harmless.
            raise _Stop("failed", f"the local store: {_first_line(exc.orig)}") from None
        result.phrase_days_sent = len(counts)

    def _pull_packs(
        self, engine: Engine, address: ServerAddress, known: dict[str, str], result: SyncResult
    ) -> None:
        from assistant.sync.packs import pull_packs

        def pull() -> None:
            with engine.connect() as conn:
                pulled = pull_packs(conn, self.config.team_packs_dir, known)
            result.packs_updated = pulled.updated
            result.packs_removed = pulled.removed
            result.errors.extend(pulled.errors)
            known.clear()
            known.update(pulled.manifest)

        self._retrying(address, pull)


def _first_line(exc: BaseException | None) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "unknown error"


def run_sync(
    local: sessionmaker[Session],
    config: SyncConfig,
    secrets: SecretStore,
    clock: Callable[[], datetime],
    *,
    password: str | None = None,
) -> SyncResult:
    """One round with a fresh connection: the panel's worker thread calls this."""
    with TeamSync(local, config, secrets, clock, password=password) as sync:
        return sync.run()
