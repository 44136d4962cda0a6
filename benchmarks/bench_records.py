"""Call-record metrics: save latency, export speed against sqlite3, export memory."""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import Metric, app_command, median, percentile, run_env, wall_and_rss

METRICS = ("save_p99_ms", "export_vs_sqlite3", "export_rss_growth_mb")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
PHRASES = [
    "客户反映上周三提交的退款至今没有到账，已经打了三次电话",
    "希望在下月1日前完成企业版升级，担心影响月底结算",
    "宽带晚上八点后频繁掉线，已重启路由器两次无效",
    "发票抬头开错，需要重新开具并邮寄到新地址",
    "对上次的处理结果不满意，要求主管回电说明原因",
    "询问套餐资费差异，想了解长期使用哪个更划算",
    "账户被锁定无法登录，验证码一直收不到",
    "订单显示已签收但实际没有收到包裹，要求核实",
]
OUTCOMES = [
    "已提交加急工单，承诺明天上午10点前回电确认到账情况",
    "说明升级需要3个工作日，建议提前5天申请，已代为提交",
    "已远程重置端口，约定今晚20点后回访确认",
    "已重新开票，快递单号稍后短信发送",
]


def _fill_store(path: Path, count: int, seed: int = 7) -> None:
    """Write ``count`` realistic records straight into a migrated store."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from assistant.store.db import open_store

    open_store(path).close()
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 1, 0, tzinfo=UTC)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    rows = []
    for i in range(count):
        began = start + timedelta(minutes=7 * i + rng.randint(0, 5))
        talk = rng.randint(60, 900)
        ended = began + timedelta(seconds=talk)
        surname = rng.choice(SURNAMES)
        stamp = began.isoformat()
        rows.append(
            (
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "final",
                stamp,
                ended.isoformat(),
                talk,
                rng.randint(30, 600),
                rng.choice(("phone", "online", "email", "in_person")),
                rng.choice(("inbound", "outbound")),
                "connected",
                f"A{rng.randint(1000, 9999)}",
                f"{rng.choice(SURNAMES)}芳",
                f"{surname}先生, 坐席",
                f"{surname}明",
                f"{surname}总",
                f"+86 1{rng.randint(30, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                f"ACC-{rng.randint(100000, 999999)}",
                rng.choice(("rational", "emotional", "direct", "unknown")),
                rng.choice(("L1", "L2", "L3", "L4")),
                rng.choice(("calm", "dissatisfied", "angry", "confrontational")),
                "calm",
                rng.choice(PHRASES),
                "着急，担心影响业务",
                "尽快解决并给出明确时间",
                rng.choice(PHRASES),
                rng.choice(PHRASES),
                rng.choice(OUTCOMES),
                rng.choice(("resolved", "partial", "unresolved")),
                "callback_scheduled",
                "技术支持二线",
                "客户背景：企业客户；问题详情：见上；已做：重启、核实账户",
                '客户原话："今天必须给我答复", 语气急促\n已记录',
                "退款;加急",
                "zh.commit.callback;zh.deesc.angry.pause",
                stamp,
                ended.isoformat(),
            )
        )
        if len(rows) == 5000:
            _insert(conn, rows)
            rows.clear()
    _insert(conn, rows)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _insert(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    if rows:
        from assistant.store.fields import CALL_FIELD_NAMES

        marks = ",".join("?" * len(rows[0]))
        columns = ", ".join(CALL_FIELD_NAMES)
        conn.executemany(f"INSERT INTO calls ({columns}) VALUES ({marks})", rows)


def _save_p99(workdir: Path, repeats: int) -> float:
    from assistant.notes.records import new_id
    from assistant.notes.service import finalise_form
    from assistant.settings import DEFAULT_REQUIRED_FIELDS
    from assistant.store.db import open_store

    store = open_store(workdir / "save.sqlite3")
    now = datetime.now(UTC).replace(microsecond=0)
    samples = []
    for i in range(repeats):
        values = {
            "id": new_id(),
            "started_at": now,
            "channel": "phone",
            "direction": "inbound",
            "customer_contact": "+86 138 0013 8000",
            "request": f"退款进度查询 {i}",
            "key_problem": "退款未到账",
            "outcome": "已加急，明天10:00前回电",
            "resolution": "partial",
        }
        followups = [
            {"id": new_id(), "owner": "王芳", "due_at": now + timedelta(days=1), "plan": "回电"},
            {"id": new_id(), "owner": "财务", "due_at": now + timedelta(days=2), "plan": "核实"},
        ]
        began = time.perf_counter()
        saved = finalise_form(store, values, followups, required=DEFAULT_REQUIRED_FIELDS, now=now)
        samples.append(time.perf_counter() - began)
        assert saved.final, saved.refused
    store.close()
    return percentile(samples, 99) * 1000


def metrics(quick: bool) -> Iterator[Metric]:
    with tempfile.TemporaryDirectory(prefix="aa-bench-records-") as tmp:
        workdir = Path(tmp)
        yield Metric("save_p99_ms", _save_p99(workdir, 200 if quick else 1000), "ms", "<= 5")

        big, small = workdir / "big", workdir / "small"
        big_count = 20_000 if quick else 100_000
        for folder, count in ((big, big_count), (small, big_count // 10)):
            folder.mkdir()
            _fill_store(folder / "calls.sqlite3", count)
        env = run_env()
        repeats = 3 if quick else 5
        export = [*app_command("--data-dir", str(big), "export", "--raw", "--table", "calls")]
        from assistant.store.fields import CALL_FIELD_NAMES

        columns = ", ".join(CALL_FIELD_NAMES)  # the same cells the export writes
        dump = ["sqlite3", "-csv", str(big / "calls.sqlite3"), f"SELECT {columns} FROM calls"]
        app_times, shell_times = [], []
        for _ in range(repeats):
            app_times.append(wall_and_rss(export, env)[0])
            shell_times.append(wall_and_rss(dump, env)[0])
        ratio = median(shell_times) / median(app_times)
        yield Metric("export_vs_sqlite3", ratio, "ratio", ">= 0.5")

        peaks = {}
        for folder in (big, small):
            cmd = app_command("--data-dir", str(folder), "export", "--table", "calls")
            peaks[folder] = max(wall_and_rss(cmd, env)[1] for _ in range(2))
        yield Metric("export_rss_growth_mb", peaks[big] - peaks[small], "MB", "<= 25")
