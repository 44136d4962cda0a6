"""The summon key: from the key press to the panel's search field taking text.

``summon_ms``: p95 over 50 rounds (10 with --quick) of the time from pressing the
summon key (Ctrl+Alt+Space, sent through XTest as xdotool sends it) in another
program's window to the panel's search field holding a typed character.

What is observed, all from outside the panel, on the X server:

1. ``_NET_ACTIVE_WINDOW`` on the root window names the panel (the window manager
   gave it the keyboard);
2. then ``q``, Ctrl+A and Ctrl+X are typed: only a focused search field turns them
   into a clipboard cut, seen as an XFixes selection-owner event for CLIPBOARD
   owned by the panel. The clock stops there; the clipboard is then read (xclip)
   to check it holds ``q``.

Typing before step 1 would send the keys to the other window: an agent sees the
panel first too. The key again hides the panel between rounds.

The panel is summoned as in a working day, not in its first seconds: it has run
once before on the same data (its store exists, its playbook is cached), and the
rounds begin when it has finished starting (``wait_until_quiet``: the store, the
search tables, the key grab, the tray and the daily backup done). The first press
waits for the panel to hold the key; a few rounds warm up before the measured ones.
What start-up costs is ``bench_startup``'s figure. For the record, a summon while
start-up's work still runs is slower, as that work takes Python's GIL in turns with
the UI thread: rounds in the first 1.5 s after a daily start (the store opened, the
pinyin and holiday tables warmed) took 35-280 ms here, and for 2-3 s after the very
first launch (the playbook indexed as well) 40-240 ms; then 15-30 ms.

The clock starts when the key has been sent through XTest on the benchmark's own X
connection (no xdotool process to start) and stops at the selection event, so it
holds: the panel reading the key, showing itself, the window manager mapping and
focusing it, the panel's repaint, and the three typed chords with the result list
filtered for ``q`` and again for the emptied field (an upper bound on "accepting
text"). On a machine shared with other busy processes most of the tail is waiting
for a CPU: ``chrt -f 5 python benchmarks/bench_summon.py`` (root) runs the
benchmark, and the Xvfb, openbox and panel it starts, ahead of other work.

Needs an X server with a window manager: without ``DISPLAY``, a private Xvfb and
openbox are started and ended here. Also needs xclip.

    python benchmarks/run.py --only bench_summon [--quick]
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from common import Metric, app_command, percentile, run_env

METRICS = ("summon_ms",)

WAIT = 10.0  # seconds for any one step before the run is given up
WARM_UP = 3
QUIET_WINDOW = 0.5  # seconds
MARKER = "q"


@contextmanager
def x_server() -> Iterator[dict[str, str]]:
    """The environment of an X display with a window manager: this one, or Xvfb and
    openbox of our own (ended on the way out)."""
    env = run_env(QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    if env.get("DISPLAY"):
        yield env
        return
    with ExitStack() as stack:
        read, write = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stack.callback(_end, xvfb)
        os.close(write)
        ready, _, _ = select.select([read], [], [], WAIT)
        with os.fdopen(read) as chosen:
            number = chosen.readline().strip() if ready else ""  # written once it is ready
        if not number:
            raise RuntimeError("Xvfb did not start")
        env["DISPLAY"] = f":{number}"
        wm = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stack.callback(_end, wm)
        yield env


def _end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Screen:
    """Our own X connection: XTest keys in, root-window and clipboard events out."""

    def __init__(self, name: str) -> None:
        from Xlib import XK, X, display
        from Xlib.ext import xfixes, xtest

        self.X, self.xtest = X, xtest
        self.d: Any = display.Display(name)
        self.root: Any = self.d.screen().root
        self.active_atom = self.d.intern_atom("_NET_ACTIVE_WINDOW")
        self.clipboard = self.d.intern_atom("CLIPBOARD")
        self.root.change_attributes(event_mask=X.PropertyChangeMask)
        self.d.xfixes_query_version()
        self.d.xfixes_select_selection_input(
            self.root, self.clipboard, xfixes.XFixesSetSelectionOwnerNotifyMask
        )
        code = self.d.keysym_to_keycode
        self.keys = {
            name: code(XK.string_to_keysym(name))
            for name in ("Control_L", "Alt_L", "space", "a", "x", MARKER)
        }
        self.owner_changed = self.d.extension_event.SetSelectionOwnerNotify  # (code, subcode)
        # Another program's window, where the agent was before the summon.
        self.other: Any = self.root.create_window(0, 0, 400, 300, 0, self.d.screen().root_depth)
        self.other.set_wm_name("softphone")
        self.other.map()
        self.d.sync()

    def wm_ready(self) -> bool:
        check = self.d.intern_atom("_NET_SUPPORTING_WM_CHECK")
        return self.root.get_full_property(check, self.X.AnyPropertyType) is not None

    def active(self) -> int:
        reply = self.root.get_full_property(self.active_atom, self.X.AnyPropertyType)
        return int(reply.value[0]) if reply is not None and reply.value else 0

    def press(self, *names: str) -> None:
        """One chord: each key down in order, then up in reverse."""
        for name in names:
            self.xtest.fake_input(self.d, self.X.KeyPress, self.keys[name])
        for name in reversed(names):
            self.xtest.fake_input(self.d, self.X.KeyRelease, self.keys[name])
        self.d.sync()

    def summon_key(self) -> None:
        self.press("Control_L", "Alt_L", "space")

    def wait(self, done: Callable[[Any], bool], timeout: float = WAIT) -> bool:
        """Read events until one satisfies ``done`` (None: nothing came, ask anyway)."""
        deadline = time.perf_counter() + timeout
        if done(None):
            return True
        while time.perf_counter() < deadline:
            while self.d.pending_events():
                if done(self.d.next_event()):
                    return True
            select.select([self.d.fileno()], [], [], max(0.0, deadline - time.perf_counter()))
        return False

    def drain(self) -> None:
        while self.d.pending_events():
            self.d.next_event()

    def close(self) -> None:
        self.d.close()


def xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env=env, timeout=WAIT * 3, check=False
    )
    return done.stdout.strip()


def clipboard(env: dict[str, str]) -> str:
    done = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        capture_output=True,
        env=env,
        timeout=WAIT,
        check=False,
    )
    return done.stdout.decode("utf-8", "replace")


def measure(rounds: int) -> list[float]:
    """Seconds from the summon key to the typed marker cut from the search field."""
    with tempfile.TemporaryDirectory(prefix="aa-bench-summon-") as tmp, x_server() as env:
        data = str(Path(tmp) / "data")
        # The panel has run on this machine before, as on every day but the first:
        # its store exists and its playbook is cached.
        subprocess.run(
            app_command("--data-dir", data, "--exit-when-ready"),
            env={**env, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=WAIT * 6,
            check=True,
        )
        screen = Screen(env["DISPLAY"])
        errors = Path(tmp) / "panel-stderr.txt"
        with errors.open("wb") as err:
            panel = subprocess.Popen(
                app_command("--data-dir", data), env=env, stdout=subprocess.DEVNULL, stderr=err
            )
        try:
            if not screen.wait(lambda _e: screen.wm_ready(), WAIT):
                raise RuntimeError("no window manager on this display")
            found = xdotool(env, "search", "--sync", "--onlyvisible", "--name", "^Agent Assist$")
            window = int(found.split()[0]) if found else 0
            if not window:
                raise RuntimeError("the panel did not show")
            wait_until_quiet(panel.pid)
            return _rounds(screen, env, window, rounds)
        except RuntimeError as exc:
            tail = errors.read_text(encoding="utf-8", errors="replace")[-500:]
            raise RuntimeError(f"{exc}; panel stderr: {tail!r}") from exc
        finally:
            screen.close()
            _end(panel)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its threads so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_quiet(pid: int) -> None:
    """Until the panel has done what it does after it shows (the store, the search
    tables, the summon key, the tray, the daily backup): less than 2 % of a CPU over
    half a second. The seconds right after start are start-up's, not the summon's."""
    deadline = time.perf_counter() + WAIT * 3
    before = cpu_seconds(pid)
    while time.perf_counter() < deadline:
        time.sleep(QUIET_WINDOW)
        now = cpu_seconds(pid)
        # The counters move in clock ticks (10 ms): half a tick more than 2 %.
        if now - before < QUIET_WINDOW * 0.02 + 0.5 / os.sysconf("SC_CLK_TCK"):
            return
        before = now
    raise RuntimeError("the panel never went quiet after it started")


def _rounds(screen: Screen, env: dict[str, str], window: int, rounds: int) -> list[float]:
    # The panel holds the key a moment after its first paint: with the panel in
    # front, press until it hides and the other window has the keyboard again.
    other = screen.other.id
    xdotool(env, "windowactivate", "--sync", str(other))
    xdotool(env, "windowactivate", "--sync", str(window))
    deadline = time.perf_counter() + WAIT * 3
    screen.summon_key()
    while not screen.wait(lambda _e: screen.active() == other, 0.5):
        if time.perf_counter() > deadline:
            raise RuntimeError("the panel never answered the summon key")
        screen.summon_key()

    def cut(event: Any) -> bool:
        return (
            event is not None
            and (event.type, getattr(event, "sub_code", None)) == screen.owner_changed
            and event.selection == screen.clipboard
            and event.owner.id != 0
        )

    samples: list[float] = []
    for _ in range(WARM_UP + rounds):
        screen.drain()
        started = time.perf_counter()
        screen.summon_key()
        if not screen.wait(lambda _e: screen.active() == window):
            raise RuntimeError("the summon key did not bring the panel forward")
        screen.press(MARKER)
        screen.press("Control_L", "a")
        screen.press("Control_L", "x")
        if not screen.wait(cut):
            raise RuntimeError("the typed text never reached the search field")
        samples.append(time.perf_counter() - started)
        if clipboard(env) != MARKER:
            raise RuntimeError(f"the search field cut {clipboard(env)!r}, not {MARKER!r}")
        # The key again, in the panel: it hides, and the other window has the keys.
        screen.summon_key()
        if not screen.wait(lambda _e: screen.active() == other):
            raise RuntimeError("the summon key did not hide the panel")
    return samples[WARM_UP:]


def available() -> bool:
    tools = ("xdotool", "xclip") if os.environ.get("DISPLAY") else ("Xvfb", "openbox", "xdotool")
    return all(shutil.which(tool) for tool in (*tools, "xclip"))


def metrics(quick: bool) -> Iterator[Metric]:
    if not available():
        raise RuntimeError("bench_summon needs xdotool, xclip, and Xvfb and openbox")
    samples = measure(10 if quick else 50)
    yield Metric("summon_ms", percentile(samples, 95) * 1000, "ms", "<= 50")


if __name__ == "__main__":
    found = sorted(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 50))
    median_ms, p95_ms = percentile(found, 50) * 1000, percentile(found, 95) * 1000
    print(f"summon: median {median_ms:.1f} ms, p95 {p95_ms:.1f} ms, max {found[-1] * 1000:.1f} ms")
