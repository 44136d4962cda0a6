"""One panel per data directory: a second launch brings the first one forward.

The first panel listens on a name made from the user and the data directory
(hashed: such names have a short length limit); a later launch says ``show`` to
it (``toggle`` with ``--toggle``, which a desktop binds to a key) and exits.
Panels on different data directories (tests, benchmarks, a second profile) never
see each other.

On Linux and macOS the name is a named pipe in the user's runtime directory, made
and written with plain ``os`` calls and read from Qt's event loop through a
``QSocketNotifier``: QtNetwork would cost about 15 ms and 3 MB before the first
paint, the ``socket`` module about 3 ms of enums. On Windows the panel uses
QtNetwork's ``QLocalServer`` (itself a named pipe there).
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSocketNotifier, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
SHOW = b"show"
TOGGLE = b"toggle"


def _requests(data: bytes) -> list[bytes]:
    """The requests in what was written, in order; anything else asks to show."""
    return [TOGGLE if line.strip() == TOGGLE else SHOW for line in data.splitlines()] or [SHOW]


def server_name(data_dir: Path) -> str:
    # The user id where there is one: a bare container may have no user name.
    # (getpass would also bring in termios at start-up.)
    getuid = getattr(os, "getuid", None)
    user = str(getuid()) if getuid is not None else os.environ.get("USERNAME", "user")
    # zlib rather than hashlib: hashlib loads OpenSSL, a few megabytes at start-up.
    key = f"{user}\0{Path(data_dir).expanduser().resolve()}".encode()
    return f"agent-assist-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def pipe_path(name: str) -> Path:
    """Where the pipe of ``name`` lives: the user's runtime dir, else the temp dir."""
    folder = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("TMPDIR") or "/tmp"
    return Path(folder) / name


class Endpoint(Protocol):
    """One way of listening and of knocking; the panel uses one per platform."""

    def notify(self, name: str, message: bytes = SHOW) -> bool: ...

    def listen(self, name: str, on_knock: Callable[[bytes], None]) -> bool: ...

    def close(self) -> None: ...


class PipeEndpoint:
    """A named pipe (FIFO): the panel reads it, a later launch writes ``show`` to it.

    Opening a pipe to write without blocking fails when nobody holds it open to
    read, so a pipe left behind by a crashed panel is told from a live one without
    a timeout. Only a pipe of this user's is knocked on.
    """

    def __init__(self) -> None:
        self._fd: int | None = None
        self._notifier: QSocketNotifier | None = None
        self._path: Path | None = None
        self._inode = 0

    def notify(self, name: str, message: bytes = SHOW) -> bool:
        path = pipe_path(name)
        try:
            info = path.lstat()
            if not stat.S_ISFIFO(info.st_mode) or info.st_uid != os.getuid():
                return False  # not a panel's pipe: never write to it
            knock = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # gone, or nobody reads it (left by a crashed panel)
            return False
        try:
            os.write(knock, message + b"\n")
        except BlockingIOError:
            pass  # knocks already wait in the pipe: the panel is coming forward
        except OSError:
            return False  # the panel closed it between our open and write
        finally:
            os.close(knock)
        return True

    def listen(self, name: str, on_knock: Callable[[bytes], None]) -> bool:
        path = pipe_path(name)
        try:
            try:
                os.mkfifo(path, 0o600)
            except FileExistsError:
                # Only reached when nobody answered notify(): the file is stale.
                path.unlink()
                os.mkfifo(path, 0o600)
            # Read and write: the panel is then a writer of its own pipe too, so it
            # never reads end-of-file when a knocking launch closes its end.
            fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
        except OSError:
            return False
        self._fd, self._path, self._inode = fd, path, os.fstat(fd).st_ino
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(lambda: self._drain(on_knock))
        return True

    def _drain(self, on_knock: Callable[[bytes], None]) -> None:
        # Each line is one request (show or toggle), answered in the order written.
        data = b""
        while self._fd is not None:
            try:
                chunk = os.read(self._fd, 4096)
            except OSError:  # empty: nobody else knocked
                break
            if not chunk:
                break
            data += chunk
        if data:
            for request in _requests(data):
                on_knock(request)

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        path, self._path = self._path, None
        try:
            if path is not None and path.stat().st_ino == self._inode:
                path.unlink()  # ours, not a later panel's
        except OSError:
            pass


class QtEndpoint:
    def __init__(self) -> None:
        self._server: QLocalServer | None = None

    def notify(self, name: str, message: bytes = SHOW) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        knock = QLocalSocket()
        knock.connectToServer(name)
        if not knock.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        knock.write(message + b"\n")
        knock.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        knock.disconnectFromServer()
        if knock.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            knock.waitForDisconnected(CONNECT_TIMEOUT_MS)
        return True

    def listen(self, name: str, on_knock: Callable[[bytes], None]) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = self._server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(lambda: self._accept(on_knock))
        if server.listen(name):
            return True
        QLocalServer.removeServer(name)  # stale: nobody answered notify()
        return server.listen(name)

    def _accept(self, on_knock: Callable[[bytes], None]) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            knock = server.nextPendingConnection()
            # Read once the launch hung up: by then all it wrote is here.
            knock.disconnected.connect(lambda k=knock: self._read(k, on_knock))
            if knock.state() != knock.LocalSocketState.ConnectedState:
                self._read(knock, on_knock)

    @staticmethod
    def _read(knock: QLocalSocket, on_knock: Callable[[bytes], None]) -> None:
        if knock.property("answered"):
            return
        knock.setProperty("answered", True)
        data = bytes(knock.readAll().data())
        knock.deleteLater()
        for request in _requests(data):
            on_knock(request)

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None


def endpoint() -> Endpoint:
    return PipeEndpoint() if os.name == "posix" else QtEndpoint()


def knock_needs_app() -> bool:
    """Whether knocking needs a QApplication first (QtNetwork's socket does)."""
    return os.name != "posix"


def notify_running(name: str, message: bytes = SHOW) -> bool:
    """Ask a running panel to come forward (or ``TOGGLE``: to show or hide); False
    when none is listening."""
    return endpoint().notify(name, message)


class SingleInstance(QObject):
    """The listening side; ``activation_requested`` fires for each later launch,
    ``toggle_requested`` for each ``--toggle``."""

    activation_requested = Signal()
    toggle_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._endpoint = endpoint()

    def listen(self) -> bool:
        """Start listening; a pipe or socket left by a crashed panel is cleared first."""
        return self._endpoint.listen(self.name, self._answer)

    def _answer(self, request: bytes) -> None:
        if request == TOGGLE:
            self.toggle_requested.emit()
        else:
            self.activation_requested.emit()

    def close(self) -> None:
        self._endpoint.close()
