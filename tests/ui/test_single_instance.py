"""A second launch brings the running panel forward instead of starting another."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.ui import single_instance
from assistant.ui.single_instance import SingleInstance, notify_running, server_name

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["pipe", "qt"])
def endpoint(request: Any, monkeypatch: Any) -> str:
    """Each test with the named pipe (Linux, macOS) and with QtNetwork (Windows)."""
    kinds = {"pipe": single_instance.PipeEndpoint, "qt": single_instance.QtEndpoint}
    monkeypatch.setattr(single_instance, "endpoint", kinds[request.param])
    return str(request.param)


@pytest.fixture
def instance(qtbot: Any, tmp_path: Path, endpoint: str) -> Any:
    server = SingleInstance(server_name(tmp_path / "data"))
    assert server.listen()
    yield server
    server.close()


def test_linux_and_macos_use_a_named_pipe() -> None:
    kind = single_instance.PipeEndpoint if os.name == "posix" else single_instance.QtEndpoint
    assert isinstance(single_instance.endpoint(), kind)


def test_the_name_depends_on_the_data_dir(tmp_path: Path) -> None:
    first, second = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert first != second
    assert server_name(tmp_path / "a") == first
    assert server_name(tmp_path / "x" / ".." / "a") == first
    assert len(first) < 40  # socket and pipe names have a short limit


def test_a_second_launch_with_the_same_name_asks_the_first_to_show(
    qtbot: Any, instance: Any
) -> None:
    with qtbot.waitSignal(instance.activation_requested):
        assert notify_running(instance.name)


def test_nobody_answers_on_another_data_dir(qtbot: Any, instance: Any, tmp_path: Path) -> None:
    assert not notify_running(server_name(tmp_path / "elsewhere"))


def leave_stale_endpoint(endpoint: str, name: str) -> Path:
    """What a crashed panel leaves behind: its pipe or socket file, nobody listening."""
    if endpoint == "pipe":
        path = single_instance.pipe_path(name)
        os.mkfifo(path, 0o600)
        return path
    from PySide6.QtNetwork import QLocalServer

    probe = QLocalServer()
    assert probe.listen(name)
    path = Path(probe.fullServerName())
    probe.close()
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(str(path))
    leftover.close()
    return path


def test_a_stale_endpoint_is_replaced(qtbot: Any, tmp_path: Path, endpoint: str) -> None:
    name = server_name(tmp_path / "stale")
    path = leave_stale_endpoint(endpoint, name)
    assert path.exists()
    assert not notify_running(name)
    server = SingleInstance(name)
    asked: list[bool] = []
    server.activation_requested.connect(lambda: asked.append(True))
    try:
        assert server.listen()
        assert notify_running(name)
        qtbot.waitUntil(lambda: asked == [True])
    finally:
        server.close()


def test_the_pipe_is_the_users_alone_and_goes_away_on_close(qtbot: Any, tmp_path: Path) -> None:
    server = SingleInstance(server_name(tmp_path / "private"))
    assert server.listen()
    path = single_instance.pipe_path(server.name)
    assert stat.S_ISFIFO(path.stat().st_mode)
    assert path.stat().st_mode & 0o777 == 0o600
    server.close()
    assert not path.exists()
    assert not notify_running(server.name)


def test_closing_a_panel_leaves_a_later_panels_socket_alone(qtbot: Any, tmp_path: Path) -> None:
    name = server_name(tmp_path / "twice")
    first = SingleInstance(name)
    assert first.listen()
    single_instance.pipe_path(name).unlink()  # as if cleared, and a new panel started
    second = SingleInstance(name)
    assert second.listen()
    first.close()
    try:
        with qtbot.waitSignal(second.activation_requested):
            assert notify_running(name)
    finally:
        second.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_another_users_pipe_is_never_knocked_on(qtbot: Any, tmp_path: Path) -> None:
    # In a shared /tmp someone else could make a pipe at our name and read it.
    name = server_name(tmp_path / "planted")
    path = single_instance.pipe_path(name)
    os.mkfifo(path, 0o666)
    os.chown(path, 65534, 65534)
    reader = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    try:
        assert not notify_running(name)
        with pytest.raises(BlockingIOError):
            os.read(reader, 100)  # nothing was written to it
    finally:
        os.close(reader)
        path.unlink()


def test_the_panel_rests_after_a_knock(qtbot: Any, instance: Any) -> None:
    # A pipe read after its last writer left reports end-of-file to every poll;
    # a panel that kept waking for it would spin a core for the rest of the day.
    with qtbot.waitSignal(instance.activation_requested):
        assert notify_running(instance.name)
    before = time.process_time()
    qtbot.wait(300)
    assert time.process_time() - before < 0.1


def test_a_second_process_brings_the_panel_forward_and_exits(
    qtbot: Any, make_panel: Any, ui_paths: Any
) -> None:
    from assistant.ui.single_instance import SingleInstance

    window = make_panel()
    window.hide()
    server = SingleInstance(server_name(ui_paths.data_dir))
    assert server.listen()
    server.activation_requested.connect(window.show_panel)
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    second = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--data-dir", str(ui_paths.data_dir)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        qtbot.waitUntil(window.isVisible, timeout=30_000)
        assert second.wait(timeout=30) == 0
    finally:
        if second.poll() is None:
            second.kill()
            second.wait()
        server.close()


def test_toggle_knocks_are_answered_in_order(qtbot: Any, instance: Any) -> None:
    from assistant.ui.single_instance import SHOW, TOGGLE

    heard: list[str] = []
    instance.activation_requested.connect(lambda: heard.append("show"))
    instance.toggle_requested.connect(lambda: heard.append("toggle"))
    assert notify_running(instance.name, TOGGLE)
    qtbot.waitUntil(lambda: heard == ["toggle"])
    assert notify_running(instance.name, SHOW)
    assert notify_running(instance.name, TOGGLE)
    qtbot.waitUntil(lambda: heard == ["toggle", "show", "toggle"])


def test_toggle_from_a_second_process_hides_the_panel_in_use_and_exits(
    qtbot: Any, make_panel: Any, ui_paths: Any
) -> None:
    window = make_panel()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    server = SingleInstance(server_name(ui_paths.data_dir))
    assert server.listen()
    server.toggle_requested.connect(window.summon_or_hide)
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "assistant", "--data-dir", str(ui_paths.data_dir), "--toggle"]
    try:
        assert subprocess.run(command, env=env, timeout=30, check=False).returncode == 0
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
        assert subprocess.run(command, env=env, timeout=30, check=False).returncode == 0
        qtbot.waitUntil(window.isVisible, timeout=10_000)
        qtbot.waitUntil(window.search.hasFocus)
    finally:
        server.close()
