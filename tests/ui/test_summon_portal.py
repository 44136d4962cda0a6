"""The summon key on Wayland, through the desktop's GlobalShortcuts portal.

A real GNOME or KDE portal cannot run here: a stand-in speaking the same D-Bus
interface (tests/desktop/fake_portal.py) runs on a private session bus started for
the test, so the panel's portal code, the bus and the Request/Response exchange are
the real ones."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.settings import Settings

FAKE = Path(__file__).resolve().parents[1] / "desktop" / "fake_portal.py"

pytestmark = pytest.mark.skipif(
    not shutil.which("dbus-daemon") or not sys.platform.startswith("linux"),
    reason="needs dbus-daemon (a private session bus)",
)


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    """A private session bus; its address."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # a note that it may not raise its file limit
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    assert address, "dbus-daemon gave no address"
    yield address
    daemon.terminate()
    daemon.wait(timeout=10)
    daemon.stdout.close()


class Portal:
    """The stand-in portal process and what it was asked."""

    def __init__(self, bus: str, tmp: Path, *flags: str) -> None:
        self.bus, self.log = bus, tmp / "portal-calls.jsonl"
        env = {"DBUS_SESSION_BUS_ADDRESS": bus, "PATH": "/usr/bin:/bin"}
        self.process = subprocess.Popen([sys.executable, str(FAKE), str(self.log), *flags], env=env)
        self.until(lambda: bool(self.calls("ready")))

    def calls(self, name: str) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [c for c in map(json.loads, lines) if c["call"] == name]

    def until(self, check: Callable[[], bool], timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not check():
            assert self.process.poll() is None, "the stand-in portal ended"
            assert time.monotonic() < deadline, "the stand-in portal was not asked in time"
            time.sleep(0.02)

    def press(self, shortcut: str = "summon") -> int:
        """The agent presses the keys the desktop bound: Activated, to each session."""
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(self.bus) as conn:
            address = DBusAddress(
                "/org/freedesktop/portal/desktop",
                bus_name="org.freedesktop.portal.Desktop",
                interface="org.example.FakePortal",
            )
            reply = conn.send_and_get_reply(new_method_call(address, "Press", "s", (shortcut,)))
            return int(reply.body[0])

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def portal(bus: str, tmp_path: Path) -> Iterator[Portal]:
    made = Portal(bus, tmp_path)
    yield made
    made.close()


def wayland(bus: str) -> Callable[[], Any]:
    """What the panel opens in a Wayland session on ``bus``."""
    from assistant.desktop import open_desktop

    environ = {"WAYLAND_DISPLAY": "wayland-0", "DBUS_SESSION_BUS_ADDRESS": bus}
    return lambda: open_desktop(environ, "linux")


def test_the_portal_shortcut_brings_the_panel_forward_and_hides_it(
    make_panel: Any, qtbot: Any, portal: Portal, bus: str
) -> None:
    from assistant.ui.summon import Summoner

    window = make_panel()
    window.search.setText("refund")
    window.hide()
    settings = Settings(hotkey="Ctrl+Alt+Space")
    summoner = Summoner(window, lambda: settings, wayland(bus))
    try:
        summoner.start()
        qtbot.waitUntil(lambda: bool(portal.calls("BindShortcuts")))
        (bound,) = portal.calls("BindShortcuts")[0]["shortcuts"]
        # The desktop is asked for the agent's key, in the portal's own notation.
        assert bound["id"] == "summon"
        assert bound["preferred_trigger"] == "CTRL+ALT+space"
        assert bound["description"]

        qtbot.waitUntil(lambda: portal.press() == 1)
        qtbot.waitUntil(window.isVisible)
        qtbot.waitUntil(lambda: window.focusWidget() is window.search)
        assert window.search.selectedText() == "refund"  # typing replaces the last search
        qtbot.waitUntil(window.isActiveWindow)

        portal.press()
        qtbot.waitUntil(lambda: not window.isVisible())
        assert "ummon key" not in window.status.text()  # no trouble to tell the agent
    finally:
        summoner.close()
    # The session is closed on the way out: the desktop frees the key.
    portal.until(lambda: bool(portal.calls("Close")))


def test_another_shortcut_of_the_session_does_not_summon(
    make_panel: Any, qtbot: Any, portal: Portal, bus: str
) -> None:
    from assistant.ui.summon import Summoner

    window = make_panel()
    window.hide()
    summoner = Summoner(window, Settings, wayland(bus))
    try:
        summoner.start()
        qtbot.waitUntil(lambda: bool(portal.calls("BindShortcuts")))
        qtbot.waitUntil(lambda: portal.press("something-else") == 1)
        portal.press()  # then the panel's own: shown once, not toggled twice
        qtbot.waitUntil(window.isVisible)
        qtbot.wait(100)
        assert window.isVisible()
    finally:
        summoner.close()


def test_a_shortcut_the_desktop_refuses_is_said_in_the_panel(
    make_panel: Any, qtbot: Any, bus: str, tmp_path: Path
) -> None:
    from assistant.ui.summon import Summoner

    portal = Portal(bus, tmp_path, "--refuse")
    window = make_panel()
    summoner = Summoner(window, lambda: Settings(hotkey="Ctrl+Shift+F9"), wayland(bus))
    try:
        summoner.start()
        qtbot.waitUntil(lambda: "desktop did not give it" in window.status.text())
        assert window.status.text().startswith("Summon key Ctrl+Shift+F9:")
        assert "agent-assist --toggle" in window.status.text()
        assert portal.calls("BindShortcuts")[0]["shortcuts"][0]["preferred_trigger"] == (
            "CTRL+SHIFT+F9"
        )
    finally:
        summoner.close()
        portal.close()


def test_without_the_portal_the_panel_and_doctor_say_to_bind_toggle(
    make_panel: Any, qtbot: Any, bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.maintenance.doctor import check_summon_key
    from assistant.ui.summon import Summoner

    window = make_panel()
    summoner = Summoner(window, Settings, wayland(bus))  # nobody owns the portal
    try:
        summoner.start()
        qtbot.waitUntil(lambda: "No summon key on Wayland" in window.status.text())
        assert "agent-assist --toggle" in window.status.text()
    finally:
        summoner.close()
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
    finding = check_summon_key()
    assert "no GlobalShortcuts portal" in finding.text
    assert "agent-assist --toggle" in finding.text


def test_doctor_names_the_portal_where_the_desktop_offers_it(
    portal: Portal, bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.maintenance.doctor import check_summon_key

    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
    finding = check_summon_key()
    assert finding.ok
    assert "GlobalShortcuts portal" in finding.text
    assert portal.calls("BindShortcuts") == []  # doctor asks; it binds nothing
