"""One worker thread for everything the panel does off the UI thread.

Jobs run in the order they were submitted (loading the playbook comes before
opening the store, and a use is recorded only after the store is open). A job's
result or error is handed back on the UI thread; jobs never touch widgets.

Results travel through a ``deque`` (its appends and pops are thread-safe); the
worker only emits an argument-free signal to wake the UI thread. Python objects never ride inside a
cross-thread Qt event, whose reference counting PySide6 has got wrong before.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)


class _Bridge(QObject):
    # Emitted by the worker after queueing a result; delivered on the UI thread.
    finished = Signal()


def _log_error(exc: BaseException) -> None:
    log.error("background job failed", exc_info=exc)


class BackgroundLane:
    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._results: deque[tuple[Callable[[Any], None], Any]] = deque()
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._deliver)
        self._closed = False
        self._writes = 0  # essential jobs submitted and not yet finished
        self._writes_lock = threading.Lock()

    def submit(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        essential: bool = False,
    ) -> None:
        """Run ``job`` on the worker; an ``essential`` job (a write) still runs when
        the lane shuts down before it started, other jobs are then dropped."""
        if self._closed:
            if essential:  # the lane is gone: do the write here rather than lose it
                try:
                    job()
                except Exception as exc:
                    (on_error or _log_error)(exc)
            return
        if self._executor is None:
            # Made on first use: a panel that never loads anything starts no thread.
            from concurrent.futures import ThreadPoolExecutor  # on first use, not at start-up

            self._executor = ThreadPoolExecutor(1, thread_name_prefix="agent-assist")
        results, wake = self._results, self._bridge.finished.emit
        if essential:
            with self._writes_lock:
                self._writes += 1

        def run() -> None:
            try:
                if self._closed and not essential:
                    return
                try:
                    result = job()
                except Exception as exc:
                    results.append((on_error or _log_error, exc))
                    wake()
                else:
                    if on_done is not None:
                        results.append((on_done, result))
                        wake()
            finally:
                if essential:
                    with self._writes_lock:
                        self._writes -= 1

        self._executor.submit(run)

    def _deliver(self) -> None:
        while not self._closed:
            try:
                callback, value = self._results.popleft()
            except IndexError:
                return
            callback(value)

    def shutdown(self, *, abandon: bool = False) -> bool:
        """Finish the running job and the pending writes, drop the rest, deliver nothing.

        With ``abandon`` (the process is about to exit), do not wait for a running
        job that writes nothing (loading, warming up). Returns whether the worker
        has stopped.
        """
        self._closed = True
        if self._executor is None:
            return True
        with self._writes_lock:
            wait = not abandon or self._writes > 0
        self._executor.shutdown(wait=wait)
        self._executor = None
        return wait
