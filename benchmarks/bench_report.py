"""The supervisor's workbook: time and memory of ``agent-assist report``."""

from __future__ import annotations

import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from bench_records import _fill_store
from common import Metric, app_command, median, run_env, wall_and_rss, wall_and_tree_rss

METRICS = ("report_100k_s", "report_rss_growth_mb")


def _add_followups(path: Path) -> None:
    """Two follow-ups per call: one done (in time or late), one still open."""
    conn = sqlite3.connect(path)
    rows = []
    for n, (call_id, started) in enumerate(conn.execute("SELECT id, started_at FROM calls")):
        began = datetime.fromisoformat(started)
        due = began + timedelta(days=1)
        done = due + timedelta(hours=(n % 3) - 1)
        rows.append(
            (
                str(uuid.uuid4()),
                call_id,
                "王芳",
                due.isoformat(),
                None,
                "回电确认",
                "done",
                done.isoformat(),
            )
        )
        rows.append(
            (
                str(uuid.uuid4()),
                call_id,
                "财务",
                (due + timedelta(days=2)).isoformat(),
                "退款单",
                "核实到账",
                "open",
                None,
            )
        )
    conn.executemany("INSERT INTO followups VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()


def metrics(quick: bool) -> Iterator[Metric]:
    with tempfile.TemporaryDirectory(prefix="aa-bench-report-") as tmp:
        workdir = Path(tmp)
        big, small = workdir / "big", workdir / "small"
        big_count = 20_000 if quick else 100_000
        for folder, count in ((big, big_count), (small, big_count // 10)):
            folder.mkdir()
            _fill_store(folder / "calls.sqlite3", count)
            _add_followups(folder / "calls.sqlite3")
        env = run_env()

        def report(folder: Path) -> list[str]:
            out = str(folder / "report.xlsx")
            return app_command("--data-dir", str(folder), "report", "--out", out)

        runs = [wall_and_rss(report(big), env) for _ in range(2 if quick else 3)]
        yield Metric("report_100k_s", median([t for t, _ in runs]), "s", "<= 10")
        # The long sheets are written in processes of their own: their peaks count too.
        big_peak = max(wall_and_tree_rss(report(big), env)[1] for _ in range(2))
        small_peak = max(wall_and_tree_rss(report(small), env)[1] for _ in range(2))
        yield Metric("report_rss_growth_mb", big_peak - small_peak, "MB", "<= 25")
