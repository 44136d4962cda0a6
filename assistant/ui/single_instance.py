"""One panel per data directory: a second launch brings the first one forward.

The first panel listens on a local socket named after the user and the data
directory (hashed: socket names have a short length limit); a later launch
connects, says ``show`` and exits. Panels on different data directories (tests,
benchmarks, a second profile) never see each other.
"""

from __future__ import annotations

import getpass
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
MESSAGE = b"show\n"


def server_name(data_dir: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        user = "user"
    # zlib rather than hashlib: hashlib loads OpenSSL, a few megabytes at start-up.
    key = f"{user}\0{Path(data_dir).expanduser().resolve()}".encode()
    return f"agent-assist-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def notify_running(name: str) -> bool:
    """Ask a running panel to come forward; False when none is listening."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(MESSAGE)
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return True


class SingleInstance(QObject):
    """The listening side; ``activation_requested`` fires for each later launch."""

    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed panel is cleared first."""
        if self._server.listen(self.name):
            return True
        # Only reached when nobody answered notify_running(): the file is stale.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        # Any connection is a request to come forward; nothing else is ever asked.
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.disconnectFromServer()
            socket.deleteLater()
            self.activation_requested.emit()
