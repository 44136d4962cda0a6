"""One panel per data directory: a second launch brings the first one forward.

The first panel listens on a local socket named after the user and the data
directory (hashed: socket names have a short length limit); a later launch
connects, says ``show`` and exits. Panels on different data directories (tests,
benchmarks, a second profile) never see each other.

On Linux and macOS the socket is a Unix socket in the user's runtime directory,
served from Qt's event loop with a ``QSocketNotifier``: the standard library's
``socket`` costs a fraction of loading QtNetwork (about 15 ms and 3 MB at start-up,
before the first paint). Windows has no Unix sockets in Python; there the panel
uses QtNetwork's ``QLocalServer``, a named pipe.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSocketNotifier, Signal

if TYPE_CHECKING:
    import socket

    from PySide6.QtNetwork import QLocalServer

CONNECT_TIMEOUT_MS = 500
MESSAGE = b"show\n"


def server_name(data_dir: Path) -> str:
    # The user id where there is one: a bare container may have no user name.
    # (getpass would also bring in termios at start-up.)
    getuid = getattr(os, "getuid", None)
    user = str(getuid()) if getuid is not None else os.environ.get("USERNAME", "user")
    # zlib rather than hashlib: hashlib loads OpenSSL, a few megabytes at start-up.
    key = f"{user}\0{Path(data_dir).expanduser().resolve()}".encode()
    return f"agent-assist-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def socket_path(name: str) -> Path:
    """Where the Unix socket of ``name`` lives: the runtime dir, else the temp dir."""
    folder = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("TMPDIR") or "/tmp"
    return Path(folder) / name


class Endpoint(Protocol):
    """One way of listening and of knocking; the panel uses one per platform."""

    def notify(self, name: str) -> bool: ...

    def listen(self, name: str, on_knock: Callable[[], None]) -> bool: ...

    def close(self) -> None: ...


class UnixEndpoint:
    def __init__(self) -> None:
        self._socket: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._path: Path | None = None
        self._inode = 0

    def notify(self, name: str) -> bool:
        import socket

        path = socket_path(name)
        if not path.exists():
            return False  # nobody listens: no need to try
        knock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        knock.settimeout(CONNECT_TIMEOUT_MS / 1000)
        try:
            knock.connect(str(path))
            knock.sendall(MESSAGE)
        except OSError:  # refused (a stale file), timed out, gone
            return False
        finally:
            knock.close()
        return True

    def listen(self, name: str, on_knock: Callable[[], None]) -> bool:
        import socket

        path = socket_path(name)
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mask = os.umask(0o177)  # the socket is the user's alone, from the start
        try:
            try:
                server.bind(str(path))
            except OSError:
                # Only reached when nobody answered notify(): the file is stale.
                path.unlink(missing_ok=True)
                server.bind(str(path))
            server.listen(4)
        except OSError:
            server.close()
            return False
        finally:
            os.umask(mask)
        server.setblocking(False)
        self._socket, self._path, self._inode = server, path, path.stat().st_ino
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(lambda: self._accept(on_knock))
        return True

    def _accept(self, on_knock: Callable[[], None]) -> None:
        # Any connection is a request to come forward; nothing else is ever asked.
        while self._socket is not None:
            try:
                knock, _ = self._socket.accept()
            except OSError:  # nobody else waiting
                return
            knock.close()
            on_knock()

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        path, self._path = self._path, None
        try:
            if path is not None and path.stat().st_ino == self._inode:
                path.unlink()  # ours, not a later panel's
        except OSError:
            pass


class QtEndpoint:
    def __init__(self) -> None:
        self._server: QLocalServer | None = None

    def notify(self, name: str) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        knock = QLocalSocket()
        knock.connectToServer(name)
        if not knock.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        knock.write(MESSAGE)
        knock.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        knock.disconnectFromServer()
        if knock.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            knock.waitForDisconnected(CONNECT_TIMEOUT_MS)
        return True

    def listen(self, name: str, on_knock: Callable[[], None]) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = self._server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(lambda: self._accept(on_knock))
        if server.listen(name):
            return True
        QLocalServer.removeServer(name)  # stale: nobody answered notify()
        return server.listen(name)

    def _accept(self, on_knock: Callable[[], None]) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            knock = server.nextPendingConnection()
            knock.disconnectFromServer()
            knock.deleteLater()
            on_knock()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None


def endpoint() -> Endpoint:
    return UnixEndpoint() if os.name == "posix" else QtEndpoint()


def notify_running(name: str) -> bool:
    """Ask a running panel to come forward; False when none is listening."""
    return endpoint().notify(name)


class SingleInstance(QObject):
    """The listening side; ``activation_requested`` fires for each later launch."""

    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._endpoint = endpoint()

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed panel is cleared first."""
        return self._endpoint.listen(self.name, self.activation_requested.emit)

    def close(self) -> None:
        self._endpoint.close()
