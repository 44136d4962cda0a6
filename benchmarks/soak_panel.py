"""A working day on the panel, in one process: prints how much resident memory grew.

    python benchmarks/soak_panel.py [--scale N]

Builds the panel the way the UI tests do (PanelState + MainWindow on a fresh data
dir, the built-in packs, a recording clipboard), warms it up with a tenth of a
day, then runs 5,000 searches, 500 copies, 300 saves and 100 follow-ups
(divided by --scale). It prints one JSON line: the resident memory before and
after (MiB, after a garbage collection) and the counts done. bench_soak.py runs it
under Xvfb (or offscreen), so the benchmark's own memory does not count.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUERIES = (
    "退款 refund 道歉 SLA 回电 thank 升级 投诉 等待 sorry tuikuan 物流 账单 密码 close".split()
)


DAY = (5000, 500, 300, 100)  # searches, copies, saves, follow-ups


class RecordingClipboard:
    """Keeps the last text and a count, as a real clipboard holds only one."""

    def __init__(self) -> None:
        self.last = ""
        self.count = 0

    def copy(self, text: str) -> None:
        self.last = text
        self.count += 1


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def idle(app: Any) -> None:
    """What the event loop does between two of the agent's actions.

    processEvents alone leaves widgets given deleteLater (a replaced banner, say)
    alive, because this driver never returns to the loop as the real panel does.
    """
    from PySide6.QtCore import QEvent

    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def settle(app: Any) -> float:
    for _ in range(5):
        idle(app)
    gc.collect()
    return rss_mib()


def wait_until(app: Any, done: Callable[[], bool], timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("the panel did not get there in time")
        idle(app)
        time.sleep(0.001)


class Day:
    """The agent's actions, each waiting until the panel has done it."""

    def __init__(self, app: Any, window: Any, clip: RecordingClipboard) -> None:
        self.app, self.window, self.clip = app, window, clip
        self.counts = {"searches": 0, "copies": 0, "saves": 0, "followups": 0}

    def search(self, i: int) -> None:
        self.window.search.setText(QUERIES[i % len(QUERIES)] if i % 7 else "")
        idle(self.app)
        self.counts["searches"] += 1

    def copy(self, i: int) -> None:
        """Copy a wording that needs no fill-in; the form opened instead is closed."""
        window, rows = self.window, self.window.model.rowCount()
        for row in range(rows):
            window.results.setCurrentIndex(window.model.index((i + row) % rows, 0))
            before = self.clip.count
            window.copy_selected()
            idle(self.app)
            if window.stack.currentWidget() is not window.splitter:
                window.stack.setCurrentWidget(window.splitter)  # the fill-in form: back out
            if self.clip.count > before:
                self.counts["copies"] += 1
                return
        raise RuntimeError(f"nothing to copy for {window.search.text()!r}")

    def save(self, i: int, followup: bool) -> None:
        notes = self.window.notes
        notes.new_call()
        form = notes.page.form
        form.set_text("facts", f"第{i}通：退款未到账，客户着急")
        form.set_text("request", "查询退款进度")
        if followup:
            due = self.window.state.clock() + timedelta(days=1)
            notes.add_followup({"owner": "王芳", "due_at": due, "plan": f"回电确认 {i}"})
            self.counts["followups"] += 1
        box: list[Any] = []
        notes.saver.done.connect(box.append)
        notes.save()
        wait_until(self.app, lambda: bool(box))
        notes.saver.done.disconnect(box.append)
        if isinstance(box[0], BaseException):
            raise box[0]
        self.counts["saves"] += 1

    def run(self, searches: int, copies: int, saves: int, followups: int) -> None:
        self.window.pages.show("playbook")
        for i in range(searches):
            self.search(i)
            if copies and i % (searches // copies) == 0 and self.counts["copies"] < copies:
                self.window.search.setText(QUERIES[i % len(QUERIES)])
                self.copy(i)
            if saves and i % (searches // saves) == 0 and self.counts["saves"] < saves:
                self.save(i, followup=self.counts["followups"] < followups and i % 3 == 0)
                self.window.pages.show("playbook")
        while self.counts["saves"] < saves:
            self.save(self.counts["saves"], followup=self.counts["followups"] < followups)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from assistant.paths import Paths
    from assistant.settings import Settings, save_settings
    from assistant.ui.background import BackgroundLane
    from assistant.ui.state import PanelState
    from assistant.ui.window import MainWindow

    app = QApplication.instance() or QApplication(["soak"])
    with tempfile.TemporaryDirectory(prefix="aa-soak-") as tmp:
        paths = Paths(Path(tmp) / "data")
        paths.data_dir.mkdir(parents=True)
        state = PanelState(paths, Settings(agent_name="王芳", agent_id="A1024"), BackgroundLane())
        clip = RecordingClipboard()
        window = MainWindow(state, clip, lambda s: save_settings(paths.settings_file, s))
        window.show()
        wait_until(app, lambda: window.is_ready)
        day = Day(app, window, clip)
        counts = [n // args.scale for n in DAY]
        day.run(*(n // 10 for n in DAY))  # warm up: caches, the store, widgets
        before = settle(app)
        day.counts = dict.fromkeys(day.counts, 0)
        started = time.perf_counter()
        day.run(*counts)
        seconds = time.perf_counter() - started
        after = settle(app)
        report = {"before_mib": before, "after_mib": after, "seconds": seconds, **day.counts}
        window.close()
        state.close()
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
