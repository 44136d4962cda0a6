"""Crash safety of the notes form: the real panel under Xvfb, typed into through the
X server, killed with SIGKILL at random moments, started again.

Each round: start the panel (or use the one that restored the last round), check
what it restored, start a new call (Ctrl+N, which saves the restored record to the
store), type into the facts field one key at a time with xdotool, and SIGKILL the
process at a random moment. The next start must bring back, in the form, every
character typed more than one second before the kill (the autosave promise), and
every record the store had accepted must still be there.

``crash_chars_lost``: characters typed more than 1 s before a kill that were
missing after the restart, summed over all rounds. ``crash_records_lost``: records
seen in the store before a kill and missing after it. Both should be 0.

Needs Xvfb, xdotool and xclip.

    python benchmarks/run.py --only bench_crash [--quick]
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from common import Metric, app_command, run_env

METRICS = ("crash_chars_lost", "crash_records_lost")

WORDS = (
    "refund", "order", "router", "invoice", "upgrade", "line", "drops", "every", "night",
    "customer", "waited", "since", "monday", "called", "twice", "wants", "answer", "today",
)  # fmt: skip
START_TIMEOUT = 30.0
KEY_PAUSE = 0.03  # between typed keys: a fast typist


class Panel:
    """One running panel process and its window."""

    def __init__(self, data: Path, env: dict[str, str]) -> None:
        self.data = data
        self.env = env
        self.errors = data.parent / "panel-stderr.txt"
        with self.errors.open("ab") as errors:
            self.proc = subprocess.Popen(
                app_command("--data-dir", str(data)),
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        self.window = self._find_window()

    def _find_window(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.errors.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the panel exited with {self.proc.returncode}:\n{tail}")
            found = xdo(
                self.env, "search", "--onlyvisible", "--pid", str(self.proc.pid), "--name", "Agent"
            )
            if found:
                return found.split()[0]
            time.sleep(0.05)
        raise RuntimeError("the panel window did not appear")

    def focus(self) -> None:
        xdo(self.env, "windowfocus", "--sync", self.window)
        deadline = time.monotonic() + 5
        while xdo(self.env, "getwindowfocus") != self.window and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)  # let the panel take the focus in before keys arrive

    def key(self, *keys: str) -> None:
        xdo(self.env, "key", *keys)

    def type(self, text: str) -> None:
        xdo(self.env, "type", "--delay", "0", text)

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def quit(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def xdo(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], check=False, capture_output=True, text=True, timeout=20, env=env
    )
    return done.stdout.strip()


def clipboard(env: dict[str, str]) -> str:
    done = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        check=False,
        capture_output=True,
        env=env,
        timeout=10,
    )
    return done.stdout.decode("utf-8", "replace")


class Display:
    """A private Xvfb; started again (on a new display) if something ends it."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.proc: subprocess.Popen[bytes] | None = None
        self.restarts = -1
        self.ensure()

    def ensure(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            return
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as chosen:
            number = chosen.readline().strip()  # Xvfb writes it once it is ready
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.env["DISPLAY"] = f":{number}"
        self.restarts += 1

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait()


def start_panel(display: Display, data: Path, env: dict[str, str]) -> Panel:
    display.ensure()
    try:
        return Panel(data, env)
    except RuntimeError:
        display.ensure()  # the X server went away under the panel: once more
        return Panel(data, env)


def log_size(data: Path) -> int:
    path = data / "logs" / "agent-assist.log"
    return path.stat().st_size if path.exists() else 0


def wait_for_log(data: Path, since: int, text: str, timeout: float = 15.0) -> bool:
    path = data / "logs" / "agent-assist.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            with path.open("rb") as handle:
                handle.seek(since)
                if text.encode() in handle.read():
                    return True
        time.sleep(0.05)
    return False


def stored_facts(store: Path) -> dict[str, str]:
    """Every record's facts in the store, by their round marker."""
    if not store.exists():
        return {}
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute("SELECT facts FROM calls WHERE facts LIKE 'R%'").fetchall()
    except sqlite3.OperationalError:
        return {}
    finally:
        conn.close()
    return {str(r[0]).split(" ", 1)[0]: str(r[0]) for r in rows if r[0]}


def wait_stored(store: Path, marker: str, timeout: float = 10.0) -> str | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        facts = stored_facts(store).get(marker)
        if facts is not None:
            return facts
        time.sleep(0.05)
    return None


def read_form(panel: Panel, env: dict[str, str], expect_text: bool) -> str:
    """The facts field as the restarted panel shows it, read through the clipboard.

    The clipboard is empty before: its last owner was the panel that was killed.
    """
    text = ""
    for _attempt in range(3):
        panel.focus()
        panel.key("ctrl+2")
        panel.key("ctrl+a")
        panel.key("ctrl+c")
        time.sleep(0.15)
        text = clipboard(env)
        if text or not expect_text:
            break
    return text


def drafts(data: Path) -> set[str]:
    return {p.stem for p in (data / "drafts").glob("*.json")}


def start_call(panel: Panel, data: Path) -> bool:
    """Ctrl+N, until the new record's first draft shows that the panel took it."""
    before = drafts(data)
    for _attempt in range(3):
        panel.focus()
        panel.key("ctrl+n")
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            if drafts(data) - before:
                return True
            time.sleep(0.05)
    return False


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def run_rounds(rounds: int, seed: int = 11) -> tuple[int, int, list[str]]:
    rng = random.Random(seed)
    notes: list[str] = []
    chars_lost = records_lost = 0
    with tempfile.TemporaryDirectory(prefix="aa-bench-crash-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        (data / "settings.json").write_text(
            json.dumps({"agent_name": "Bench", "agent_id": "B1"}), encoding="utf-8"
        )
        store = data / "calls.sqlite3"
        env = run_env(QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        display = Display(env)
        confirmed: dict[str, str] = {}
        panel: Panel | None = None
        pending: tuple[str, str, float, list[float]] | None = None  # marker, text, kill, times
        try:
            for number in range(rounds):
                since = log_size(data)
                had_draft = any((data / "drafts").glob("*.json")) if pending else False
                panel = start_panel(display, data, env)
                if pending is not None:
                    marker, typed, killed_at, times = pending
                    if had_draft:
                        wait_for_log(data, since, "drafts restored")
                    shown = read_form(panel, env, had_draft)
                    old = sum(1 for t in times if t < killed_at - 1.0)
                    kept = common_prefix(shown, typed)
                    notes.append(
                        f"round {number}: typed {len(typed)}, {old} over 1 s old, "
                        f"{kept} restored, {len(confirmed)} records in the store"
                    )
                    if kept < old:
                        chars_lost += old - kept
                        notes.append(f"round {number}: {old - kept} of {old} old chars lost")
                    # Records the store had accepted must all have survived the kill.
                    now_stored = stored_facts(store)
                    for key, facts in confirmed.items():
                        if now_stored.get(key) != facts:
                            records_lost += 1
                            notes.append(f"round {number}: record {key} lost")
                            confirmed[key] = now_stored.get(key, "")
                if not start_call(panel, data):  # saves the restored record, starts anew
                    notes.append(f"round {number}: the panel did not take Ctrl+N")
                if pending is not None and pending[1]:
                    previous = pending[0]
                    facts = wait_stored(store, previous)
                    if facts is not None:
                        confirmed[previous] = facts
                marker = f"R{number:03d}"
                text = marker + " " + " ".join(rng.choice(WORDS) for _ in range(40))
                kill_after = rng.uniform(0.4, 3.5)
                typed, times = "", []
                started = time.monotonic()
                for char in text:
                    if time.monotonic() - started >= kill_after:
                        break
                    panel.type(char)
                    typed += char
                    times.append(time.monotonic())
                    time.sleep(KEY_PAUSE)
                killed_at = time.monotonic()
                panel.kill()
                pending = (marker, typed, killed_at, times)
            if pending is not None:  # the last kill is checked by one more start
                since = log_size(data)
                had_draft = any((data / "drafts").glob("*.json"))
                panel = start_panel(display, data, env)
                if had_draft:
                    wait_for_log(data, since, "drafts restored")
                marker, typed, killed_at, times = pending
                shown = read_form(panel, env, had_draft)
                old = sum(1 for t in times if t < killed_at - 1.0)
                kept = common_prefix(shown, typed)
                if kept < old:
                    chars_lost += old - kept
                    notes.append(f"last round: {old - kept} of {old} old chars lost")
                now_stored = stored_facts(store)
                records_lost += sum(1 for k, f in confirmed.items() if now_stored.get(k) != f)
                panel.quit()
        finally:
            if panel is not None:
                panel.quit()
            display.close()
            if display.restarts:
                notes.append(f"Xvfb was ended from outside {display.restarts} time(s)")
    return chars_lost, records_lost, notes


def available() -> bool:
    return all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "xclip"))


def metrics(quick: bool) -> Iterator[Metric]:
    if not available():
        raise RuntimeError("bench_crash needs Xvfb, xdotool and xclip")
    chars, records, found = run_rounds(10 if quick else 100)
    for line in found:
        if "lost" in line:
            print(f"bench_crash: {line}", file=sys.stderr)
    yield Metric("crash_chars_lost", chars, "chars", "<= 0")
    yield Metric("crash_records_lost", records, "records", "<= 0")


if __name__ == "__main__":
    lost_chars, lost_records, found = run_rounds(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
    print(f"chars lost: {lost_chars}, records lost: {lost_records}")
    print("\n".join(found))
