"""Panel start-up against a bare PySide6 window, both measured in the same run.

``startup_ratio``: median wall time of ``agent-assist --exit-when-ready`` (the
built-in packs plus a 10,000-entry pack in the data dir's ``packs/`` folder, the
playbook cache warm) over the median wall time of a script that shows one QLabel
and quits. ``startup_rss_ratio``: the median peak RSS (``ru_maxrss`` of each child,
from ``os.wait4``) of the same pair.

The two run in pairs, each pair starting with the other program than the last,
both under ``QT_QPA_PLATFORM=offscreen``, with their bytecode compiled once
into a private cache first (as an installed app has it), so neither pays for
compiling Python source on every start.

    python benchmarks/run.py --only bench_startup
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from common import Metric, app_command, median, run_env, wall_and_rss
from packgen import write_pack

METRICS = ("startup_ratio", "startup_rss_ratio")

USER_PACK_ENTRIES = 10_000

BARE_SCRIPT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel("Agent Assist")
label.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


Run = tuple[float, float]


def measure(quick: bool) -> tuple[list[Run], list[Run]]:
    """(wall s, peak MiB) of each app run and each bare-window run."""
    with tempfile.TemporaryDirectory(prefix="aa-bench-startup-") as tmp:
        work = Path(tmp)
        data = work / "data"
        (data / "packs").mkdir(parents=True)
        write_pack(data / "packs" / "generated.yaml", USER_PACK_ENTRIES)
        bare = work / "bare_label.py"
        bare.write_text(BARE_SCRIPT, encoding="utf-8")
        env = run_env(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(work / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app = app_command("--data-dir", str(data), "--exit-when-ready")
        baseline = [sys.executable, str(bare)]
        # Warm-up: builds the playbook cache and compiles both programs' bytecode.
        wall_and_rss(app, env)
        wall_and_rss(baseline, env)
        repeats = 6 if quick else 40  # the machines are noisy: more runs, steadier medians
        app_runs: list[Run] = []
        bare_runs: list[Run] = []
        pair = [(app, app_runs), (baseline, bare_runs)]
        for _ in range(repeats):
            for command, runs in pair:
                runs.append(wall_and_rss(command, env))
            # The next pair starts with the other program: of two runs back to back,
            # the second is a few per cent faster here, whichever program it is.
            pair.reverse()
    return app_runs, bare_runs


def metrics(quick: bool) -> Iterator[Metric]:
    app_runs, bare_runs = measure(quick)
    time_ratio = median([t for t, _ in app_runs]) / median([t for t, _ in bare_runs])
    rss_ratio = median([m for _, m in app_runs]) / median([m for _, m in bare_runs])
    yield Metric("startup_ratio", time_ratio, "ratio", "<= 1.6")
    yield Metric("startup_rss_ratio", rss_ratio, "ratio", "<= 1.6")


if __name__ == "__main__":
    app_runs, bare_runs = measure(quick="--quick" in sys.argv)
    for name, runs in (("agent-assist", app_runs), ("bare QLabel", bare_runs)):
        wall = median([t for t, _ in runs])
        rss = median([m for _, m in runs])
        print(f"{name:<14} median {wall * 1000:7.1f} ms  {rss:6.1f} MiB")
