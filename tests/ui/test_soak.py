"""A tenth of a working day on the panel leaves its memory where it was.

The full day (5,000 searches, 500 copies, 300 saves, 100 follow-ups) is the
benchmark ``soak_rss_growth_mb``; both run benchmarks/soak_panel.py, here on the
test's virtual display.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_searching_copying_and_saving_for_hours_does_not_grow_memory() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "soak_panel.py"), "--scale", "10"],
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert (report["searches"], report["copies"], report["saves"], report["followups"]) == (
        500,
        50,
        30,
        10,
    )
    # After the same warm-up as the full day, a tenth of it may grow a tenth of the
    # benchmark's 10 MiB, and a little more for the allocator's noise.
    assert report["after_mib"] - report["before_mib"] <= 2, report
