"""The panel while it exports: how long its event loop pauses.

``export_ui_stall_ms``: the longest gap between two ticks of a 10 ms timer on the
panel's UI thread while the panel exports 100,000 records (10,000 with --quick) to
CSV from its export page. The export runs on the panel's slow lane; what reaches the
UI thread is the progress bar's steps and the last message. An agent typing during
the export waits at most this long for a key to show.

The panel runs in a process of its own on Qt's offscreen platform (this one runs
the benchmarks and is large), built as the UI tests build it, with the built-in
packs, on a store of sample records; it waits until the panel has finished starting
(store, follow-ups, daily backup), then exports.

    python benchmarks/run.py --only bench_export_ui [--quick]
"""

from __future__ import annotations

import csv
import itertools
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from common import Metric, run_env

METRICS = ("export_ui_stall_ms",)
TICK_MS = 10


def metrics(quick: bool) -> Iterator[Metric]:
    count = 10_000 if quick else 100_000
    done = subprocess.run(
        [sys.executable, __file__, str(count)],
        env=run_env(QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the export run failed ({done.returncode}): {done.stderr[-500:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report["rows"] != count:
        raise RuntimeError(f"the export wrote {report['rows']} rows, not {count}")
    yield Metric("export_ui_stall_ms", report["stall_ms"], "ms", "<= 50")


def export_in_panel(count: int) -> dict[str, float]:
    """Build the panel on ``count`` sample records, export them all, time the pauses."""
    import gc

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from assistant.paths import Paths
    from assistant.settings import Settings
    from assistant.ui.background import BackgroundLane
    from assistant.ui.state import PanelState
    from assistant.ui.window import MainWindow
    from testsupport.records import write_sample_records

    app = QApplication.instance() or QApplication(["export"])

    def wait_until(done: object, timeout_s: float = 300) -> None:
        deadline = time.monotonic() + timeout_s
        while not done():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise RuntimeError("the panel did not get there in time")
            app.processEvents()
            time.sleep(0.001)

    with tempfile.TemporaryDirectory(prefix="aa-bench-export-ui-") as tmp:
        paths = Paths(Path(tmp) / "data")
        write_sample_records(paths.store_file, count)
        state = PanelState(paths, Settings(agent_name="王芳", agent_id="A1024"), BackgroundLane())
        window = MainWindow(state, lambda _text: None, lambda _settings: None)
        window.show()
        wait_until(lambda: window.is_ready)
        wait_until(lambda: window.followups.reminders.loaded)
        for lane in (state.lane, state.slow_lane, state.draft_lane):  # start-up's work done
            finished: list[bool] = []
            lane.submit(lambda: None, lambda _r, f=finished: f.append(True))
            wait_until(lambda f=finished: bool(f))
        window.followups.show_export()
        page = window.followups.export_page
        target = Path(tmp) / "all.csv"
        page.ask_path = lambda _suggested: target
        page.all_dates.setChecked(True)
        loop = QEventLoop()
        page.finished.connect(lambda _message: loop.quit())
        gc.collect()  # the garbage of building the panel is not the export's
        beats: list[float] = []
        heart = QTimer()
        heart.setInterval(TICK_MS)
        heart.timeout.connect(lambda: beats.append(time.perf_counter()))
        heart.start()
        page.export_button.click()
        QTimer.singleShot(300_000, loop.quit)  # an export that never ends fails below
        loop.exec()  # the panel's own event loop, until the export says it is done
        heart.stop()
        with target.open(encoding="utf-8-sig", newline="") as exported:
            rows = sum(1 for _ in csv.reader(exported)) - 1
        window.close()
        state.close()
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    return {"stall_ms": max(gaps) * 1000, "beats": len(beats), "rows": rows}


if __name__ == "__main__":
    print(json.dumps(export_in_panel(int(sys.argv[1]))), flush=True)
