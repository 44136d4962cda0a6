"""The worker lane: results come back on the UI thread; quitting keeps every write."""

from __future__ import annotations

import threading
import time
from typing import Any

from assistant.ui.background import BackgroundLane


def test_results_come_back_on_the_ui_thread(qtbot: Any) -> None:
    lane = BackgroundLane()
    seen: list[tuple[int, bool]] = []
    lane.submit(lambda: 41 + 1, lambda value: seen.append((value, _on_main_thread())))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)]
    assert lane.shutdown()


def test_an_exiting_panel_waits_for_writes_but_not_for_a_load(qtbot: Any) -> None:
    release = threading.Event()
    started = threading.Event()

    def slow_load() -> None:
        started.set()
        release.wait(10)

    lane = BackgroundLane()
    lane.submit(slow_load)
    assert started.wait(5)
    began = time.monotonic()
    assert not lane.shutdown(abandon=True)  # the load is left running
    assert time.monotonic() - began < 1
    release.set()

    written: list[str] = []
    lane = BackgroundLane()
    release.clear()
    started.clear()
    lane.submit(slow_load)
    lane.submit(lambda: written.append("draft"), essential=True)
    assert started.wait(5)
    threading.Timer(0.2, release.set).start()
    assert lane.shutdown(abandon=True)  # a write is pending: wait for it
    assert written == ["draft"]


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
