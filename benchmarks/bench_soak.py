"""soak_rss_growth_mb: how much the panel's resident memory grows over a working day.

soak_panel.py drives the panel in a process of its own, under Xvfb when xvfb-run is
installed (else Qt's offscreen platform): a warm-up, then 5,000 searches, 500
copies, 300 saves and 100 follow-ups; the metric is its resident memory after
minus before, both taken after a garbage collection. --quick runs a tenth.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator

from common import REPO, Metric, run_env

METRICS = ("soak_rss_growth_mb",)
DAY = {"searches": 5000, "copies": 500, "saves": 300, "followups": 100}


def metrics(quick: bool) -> Iterator[Metric]:
    scale = 10 if quick else 1
    command = [sys.executable, str(REPO / "benchmarks" / "soak_panel.py"), "--scale", str(scale)]
    env = run_env()
    if shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", *command]
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the soak run failed ({done.returncode}): {done.stderr[-500:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    wanted = {name: count // scale for name, count in DAY.items()}
    if {name: report[name] for name in DAY} != wanted:
        raise RuntimeError(f"the soak run did not do a full day: {report}")
    growth = report["after_mib"] - report["before_mib"]
    yield Metric("soak_rss_growth_mb", growth, "MiB", "<= 10")
