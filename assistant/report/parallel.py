"""The long sheets written in processes of their own, while this one gathers the
figures and lays out the workbook.

Each sheet's process opens the store itself (read-only use of this machine's SQLite
file), writes its part compressed into a temporary file, and tells this process how
many rows it has written; a message the other way asks it to stop. Processes are
*spawned* (a fresh interpreter, never a copy of this one, which may have Qt loaded).
A failure in one is raised here as it was raised there: the same message.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from assistant.errors import UserError
from assistant.report.package import CompressedPart
from assistant.report.splice import PartPlan, ReportCancelled, write_part

# A new interpreter and its imports cost a few tenths of a second: smaller reports
# are written in this process.
PARALLEL_ROWS = 20_000
_STOP_WAIT_S = 10.0


@dataclass(frozen=True, slots=True)
class Job:
    plan: PartPlan
    sql: str
    params: tuple[object, ...]
    target: Path
    # Niceness added: a sheet that can wait fills in around the others.
    nice: int = 0


def _write(store: Path, job: Job, tz: tzinfo | None, conn: Connection) -> None:
    """A sheet's process: write the part, then say so (or why not)."""
    try:
        if job.nice and hasattr(os, "nice"):
            os.nice(job.nice)
        from assistant.report.source import LocalSource

        source = LocalSource(store)
        try:
            part = write_part(
                job.plan,
                source.rows(job.sql, job.params),
                tz,
                job.target,
                progress=lambda rows: conn.send(("rows", rows)),
                should_stop=conn.poll,  # anything from the report means stop
            )
        finally:
            source.close()
        conn.send(("done", part))
    except ReportCancelled:
        conn.send(("cancelled", None))
    except BaseException as exc:
        remote = traceback.format_exc()
        try:
            conn.send(("failed", (exc, remote)))
        except Exception:  # an error that cannot be sent as it is
            conn.send(("failed", (RuntimeError(f"{type(exc).__name__}: {exc}"), remote)))
    finally:
        conn.close()


def _died(writer: _Writer) -> RuntimeError:
    return RuntimeError(
        f"the report's writer of {writer.job.plan.part} stopped unexpectedly "
        f"(exit code {writer.process.exitcode})"
    )


class _Writer:
    def __init__(self, job: Job, process: Any, conn: Connection) -> None:
        self.job = job
        self.process = process
        self.conn = conn
        self.rows = 0
        self.part: CompressedPart | None = None


class SheetWriters:
    """One process per long sheet."""

    def __init__(self, store: Path, tz: tzinfo | None) -> None:
        self.store = store
        self.tz = tz
        self.context = multiprocessing.get_context("spawn")
        self.writers: list[_Writer] = []

    def start(self, job: Job) -> None:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(
            target=_write,
            args=(self.store, job, self.tz, theirs),
            name=f"report-{job.plan.part}",
            daemon=True,
        )
        try:
            process.start()
        finally:
            theirs.close()
        self.writers.append(_Writer(job, process, ours))

    @property
    def rows(self) -> int:
        return sum(w.rows for w in self.writers)

    def poll(
        self,
        progress: Callable[[int], None] | None,
        should_stop: Callable[[], bool] | None,
        timeout: float = 0.0,
    ) -> bool:
        """Read what the processes said (waiting up to ``timeout`` for a word); True
        once every part is written. Raises what a process raised, and
        ``ReportCancelled`` when ``should_stop`` says so."""
        if should_stop is not None and should_stop():
            raise ReportCancelled
        busy = [w for w in self.writers if w.part is None]
        if not busy:
            return True
        waiting: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = wait(waiting, timeout)
        before = self.rows
        for writer in busy:
            if writer.conn in ready:
                self._read(writer)
            elif writer.process.sentinel in ready and not writer.conn.poll():
                raise _died(writer)
        if progress is not None and self.rows != before:
            progress(self.rows)
        return all(w.part is not None for w in self.writers)

    def _read(self, writer: _Writer) -> None:
        try:
            while writer.part is None and writer.conn.poll():
                kind, value = writer.conn.recv()
                if kind == "rows":
                    writer.rows = value
                elif kind == "done":
                    writer.part = value
                elif kind == "cancelled":
                    raise ReportCancelled
                else:
                    error, remote = value
                    if not isinstance(error, UserError):  # a fault: where it happened
                        error.add_note(f"in the writer of {writer.job.plan.part}:\n{remote}")
                    raise error
        except EOFError:
            raise _died(writer) from None

    def wait(
        self,
        progress: Callable[[int], None] | None,
        should_stop: Callable[[], bool] | None,
    ) -> dict[str, CompressedPart]:
        """Every part, once written."""
        while not self.poll(progress, should_stop, timeout=0.1):
            pass
        return {w.job.plan.part: w.part for w in self.writers if w.part is not None}

    def stop(self) -> None:
        """Ask every process still running to stop and wait for it to end (its file
        closed): then the temporary folder can go."""
        for writer in self.writers:
            if writer.process.is_alive():
                with contextlib.suppress(OSError):
                    writer.conn.send(("stop", None))
        for writer in self.writers:
            writer.process.join(_STOP_WAIT_S)
            if writer.process.is_alive():
                writer.process.terminate()
                writer.process.join()
            writer.conn.close()
