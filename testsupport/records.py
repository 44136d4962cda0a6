"""Sample call records, written straight into a store, for the sync tests and benchmarks."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.store.db import open_store
from assistant.store.fields import CALL_FIELD_NAMES, FOLLOWUP_FIELD_NAMES

Row = tuple[object, ...]

START = datetime(2024, 1, 1, 1, 0, tzinfo=UTC)
SURNAMES = "王李张刘陈杨黄赵吴周"


def write_sample_records(store_file: Path, count: int, *, seed: int = 7) -> list[str]:
    """Write ``count`` varied records, each with one follow-up, straight into a store.

    Plain ``sqlite3`` inserts, as a large import would write them; the store's
    triggers queue every one for sync. Returns the record ids.
    """
    open_store(store_file).close()
    rng = random.Random(seed)
    calls: list[Row] = []
    followups: list[Row] = []
    for i in range(count):
        call, ended = sample_call(rng, i)
        calls.append(call)
        followups.append(sample_followup(rng, call_id=str(call[0]), ended=ended))
    _insert(store_file, calls, followups)
    return [str(c[0]) for c in calls]


def _new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def sample_call(rng: random.Random, i: int) -> tuple[Row, datetime]:
    """The ``i``-th call (in ``CALL_FIELD_NAMES`` order) and when it ended."""
    call_id = _new_id(rng)  # drawn first: the same seed gives the same records as before
    began = START + timedelta(minutes=7 * i)
    ended = began + timedelta(seconds=rng.randint(60, 900))
    values: dict[str, object] = dict.fromkeys(CALL_FIELD_NAMES)
    values.update(
        id=call_id,
        status=rng.choice(("draft", "final")),
        started_at=began.isoformat(),
        ended_at=ended.isoformat(),
        talk_seconds=int((ended - began).total_seconds()),
        channel=rng.choice(("phone", "online", "email")),
        direction=rng.choice(("inbound", "outbound")),
        agent_id=f"A{rng.randint(1000, 9999)}",
        customer_name=f"{rng.choice(SURNAMES)}明",
        customer_contact=f"+86 138 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        level=rng.choice(("L1", "L2", "L3", "L4")),
        request='退款进度查询, 客户说"今天必须答复"',
        key_problem="退款未到账",
        outcome="已加急，明天10:00前回电",
        resolution=rng.choice(("resolved", "partial")),
        notes=f"第{i}条\n多行",
        tags="退款;加急",
        created_at=began.isoformat(),
        updated_at=ended.isoformat(),
    )
    return tuple(values[name] for name in CALL_FIELD_NAMES), ended


def sample_followup(rng: random.Random, *, call_id: str, ended: datetime) -> Row:
    """An open follow-up of the call, due a day after it ended."""
    values: dict[str, object] = dict.fromkeys(FOLLOWUP_FIELD_NAMES)
    values.update(
        id=_new_id(rng),
        call_id=call_id,
        owner="王芳",
        due_at=(ended + timedelta(days=1)).isoformat(),
        plan="回电确认",
        status="open",
    )
    return tuple(values[name] for name in FOLLOWUP_FIELD_NAMES)


def _insert(store_file: Path, calls: Sequence[Row], followups: Sequence[Row]) -> None:
    conn = sqlite3.connect(store_file)
    try:
        with conn:
            for table, names, rows in (
                ("calls", CALL_FIELD_NAMES, calls),
                ("followups", FOLLOWUP_FIELD_NAMES, followups),
            ):
                marks = ",".join("?" * len(names))
                conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)
    finally:
        conn.close()
