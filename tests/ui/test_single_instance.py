"""A second launch brings the running panel forward instead of starting another."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.ui import single_instance
from assistant.ui.single_instance import SingleInstance, notify_running, server_name

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["unix", "qt"])
def endpoint(request: Any, monkeypatch: Any) -> str:
    """Each test with the Unix socket (Linux, macOS) and with QtNetwork (Windows)."""
    kinds = {"unix": single_instance.UnixEndpoint, "qt": single_instance.QtEndpoint}
    monkeypatch.setattr(single_instance, "endpoint", kinds[request.param])
    return str(request.param)


@pytest.fixture
def instance(qtbot: Any, tmp_path: Path, endpoint: str) -> Any:
    server = SingleInstance(server_name(tmp_path / "data"))
    assert server.listen()
    yield server
    server.close()


def test_linux_and_macos_use_a_unix_socket() -> None:
    kind = single_instance.UnixEndpoint if os.name == "posix" else single_instance.QtEndpoint
    assert isinstance(single_instance.endpoint(), kind)


def test_the_name_depends_on_the_data_dir(tmp_path: Path) -> None:
    first, second = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert first != second
    assert server_name(tmp_path / "a") == first
    assert server_name(tmp_path / "x" / ".." / "a") == first
    assert len(first) < 40  # socket paths have a short limit


def test_a_second_launch_with_the_same_name_asks_the_first_to_show(
    qtbot: Any, instance: Any
) -> None:
    with qtbot.waitSignal(instance.activation_requested):
        assert notify_running(instance.name)


def test_nobody_answers_on_another_data_dir(qtbot: Any, instance: Any, tmp_path: Path) -> None:
    assert not notify_running(server_name(tmp_path / "elsewhere"))


def stale_socket_path(endpoint: str, name: str) -> str:
    if endpoint == "unix":
        return str(single_instance.socket_path(name))
    from PySide6.QtNetwork import QLocalServer

    probe = QLocalServer()
    assert probe.listen(name)
    path = probe.fullServerName()
    probe.close()
    return str(path)


def test_a_stale_socket_is_replaced(qtbot: Any, tmp_path: Path, endpoint: str) -> None:
    name = server_name(tmp_path / "stale")
    path = stale_socket_path(endpoint, name)
    # A crashed panel leaves its socket file behind, with nobody listening.
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(path)
    leftover.close()
    assert Path(path).exists()
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


def test_the_unix_socket_is_the_users_alone_and_goes_away_on_close(
    qtbot: Any, tmp_path: Path
) -> None:
    server = SingleInstance(server_name(tmp_path / "private"))
    assert server.listen()
    path = single_instance.socket_path(server.name)
    assert path.stat().st_mode & 0o777 == 0o600
    server.close()
    assert not path.exists()
    assert not notify_running(server.name)


def test_closing_a_panel_leaves_a_later_panels_socket_alone(qtbot: Any, tmp_path: Path) -> None:
    name = server_name(tmp_path / "twice")
    first = SingleInstance(name)
    assert first.listen()
    single_instance.socket_path(name).unlink()  # as if cleared, and a new panel started
    second = SingleInstance(name)
    assert second.listen()
    first.close()
    try:
        with qtbot.waitSignal(second.activation_requested):
            assert notify_running(name)
    finally:
        second.close()


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
