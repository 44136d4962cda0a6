"""Shared pieces of the benchmark modules."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Metric:
    name: str
    value: float
    unit: str
    target: str  # e.g. "<= 5" or ">= 0.5"

    @property
    def ok(self) -> bool:
        op, _, bound = self.target.partition(" ")
        limit = float(bound)
        return self.value <= limit if op == "<=" else self.value >= limit

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "value": round(self.value, 6),
            "unit": self.unit,
            "target": self.target,
            "ok": self.ok,
        }


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    index = max(0, math.ceil(q / 100 * len(ordered)) - 1)
    return ordered[index]


def median(samples: Sequence[float]) -> float:
    return percentile(samples, 50)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def app_command(*args: str) -> list[str]:
    """The ``agent-assist`` command installed next to this interpreter, as an agent
    launches it; else the same CLI through ``python -m assistant`` (which also pays
    for ``runpy``)."""
    for name in ("agent-assist", "agent-assist.exe"):
        launcher = Path(sys.executable).with_name(name)
        if launcher.is_file():
            return [str(launcher), *args]
    return [sys.executable, "-m", "assistant", *args]


def run_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def wall_and_rss(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process.

    The peak comes from GNU time, a tiny program that forks the command: a child
    forked straight from this (large) benchmark process would start out counting
    the parent's pages in its own peak, so every program would look the same size.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as report:
        started = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", report.name, *cmd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{cmd} exited {done.returncode}: {done.stderr[-300:]!r}")
        peak_kib = int(report.read().split()[-1])
    return elapsed, peak_kib / 1024


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(n) for n in f.read().split()]
    except OSError:  # ended meanwhile
        pass
    return found


def _peak_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def wall_and_tree_rss(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and the peak RSS (MiB) of a command that starts processes of its
    own, added up over all of them: each process's own peak (VmHWM, read every 10 ms
    while it runs, the last reading kept), summed. An upper bound of what they held
    at once; GNU time's figure is only the largest single process's. Linux only."""
    peaks: dict[int, int] = {}
    started = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    while process.poll() is None:
        todo = [process.pid]
        while todo:
            pid = todo.pop()
            # The latest reading: a process read between fork and exec shows the
            # parent's peak; exec starts its own, which only grows from there.
            peaks[pid] = _peak_kib(pid) or peaks.get(pid, 0)
            todo += _children(pid)
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    assert process.stderr is not None
    errors = process.stderr.read()
    if process.returncode != 0:
        raise RuntimeError(f"{cmd} exited {process.returncode}: {errors[-300:]!r}")
    return elapsed, sum(peaks.values()) / 1024


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload,no-any-return]
