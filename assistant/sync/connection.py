"""The sync server's address, the engine to it, and what its failures mean to a user.

Settings keep the address without a password (``postgresql://user@host:port/db``);
the password comes from the keychain and only ever lives in the engine's URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from assistant.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy import Engine

APPLICATION_NAME = "agent-assist"
CONNECT_TIMEOUT_S = 5
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
EXAMPLE = "postgresql://user@host:5432/dbname"

FailureKind = Literal["offline", "auth", "permission", "config", "transient", "other"]


@dataclass(frozen=True, slots=True)
class ServerAddress:
    url: str  # as settings keep it: never a password
    user: str
    host: str
    port: int | None
    database: str

    @property
    def place(self) -> str:
        """``host:port/db``, for messages."""
        port = f":{self.port}" if self.port else ""
        return f"{self.host}{port}/{self.database}"

    @property
    def account(self) -> str:
        """The keychain's key for this password: one per user and server."""
        return f"{self.user}@{self.place}"


def parse_server_url(text: str) -> ServerAddress:
    """Check an address the user typed; refuse one holding a password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):
        raise UserError(f"{text!r} is not a server address like {EXAMPLE}") from None
    if url.drivername not in SCHEMES:
        raise UserError(f"{text!r}: the sync server is PostgreSQL: write {EXAMPLE}")
    if url.password is not None:
        raise UserError(
            "leave the password out of the address: agent-assist asks for it and keeps it "
            "in the system keychain"
        )
    socket_dir = url.query.get("host")
    host = url.host or (socket_dir if isinstance(socket_dir, str) else "")
    missing = [
        name
        for name, value in (("user", url.username), ("host", host), ("database", url.database))
        if not value
    ]
    if missing:
        raise UserError(f"{text!r}: no {' or '.join(missing)}; write {EXAMPLE}")
    assert url.username is not None
    assert url.database is not None
    clean = url.set(drivername="postgresql")
    return ServerAddress(
        url=clean.render_as_string(hide_password=False),
        user=url.username,
        host=host,
        port=url.port,
        database=url.database,
    )


def make_engine(address: ServerAddress, password: str) -> Engine:
    """An engine for ``address`` (psycopg 3); connections are checked before use."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    url = make_url(address.url).set(drivername="postgresql+psycopg", password=password)
    return create_engine(
        url,
        pool_pre_ping=True,  # a connection the server dropped is replaced, not used
        pool_size=2,
        max_overflow=2,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": APPLICATION_NAME,
            # A link that dies silently (no reset) is noticed in about half a minute
            # instead of hanging the round; the batch is then retried.
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
        },
    )


def check_login(address: ServerAddress, password: str) -> None:
    """Connect once with ``password``; a UserError says why it did not work."""
    from sqlalchemy import text

    engine = make_engine(address, password)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        if classify(exc) == "other":
            raise
        raise UserError(describe(exc, address)) from None
    finally:
        engine.dispose()


def _sqlstate(exc: BaseException) -> tuple[BaseException, str | None]:
    from sqlalchemy.exc import DBAPIError

    orig: BaseException = exc
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        orig = exc.orig
    state = getattr(orig, "sqlstate", None)
    return orig, state if isinstance(state, str) else None


def classify(exc: BaseException) -> FailureKind:
    """Sort a database failure: the network, the account, the setup, or a bug."""
    import psycopg
    from sqlalchemy.exc import DBAPIError

    orig, state = _sqlstate(exc)
    text = str(orig)
    if state in ("28P01", "28000") or "password authentication failed" in text:
        return "auth"
    if "no pg_hba.conf entry" in text:
        return "auth"
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return "config"
    if state == "42501":
        return "permission"
    if state in ("40001", "40P01", "55P03", "53300"):
        return "transient"  # serialisation failure, deadlock, lock timeout, too many clients
    if state is not None and state.startswith(("08", "57P")):
        return "offline"  # connection lost, server shutting down or starting up
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return "offline"
    if isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError) and state is None:
        return "offline"  # could not connect, or the connection broke
    return "other"


def retryable(exc: BaseException) -> bool:
    return classify(exc) in ("offline", "transient")


def describe(exc: BaseException, address: ServerAddress) -> str:
    """One line a user can act on."""
    orig, _ = _sqlstate(exc)
    reason = _reason(str(orig))
    kind = classify(exc)
    if kind == "auth":
        return (
            f"the server {address.place} refused the password for {address.user}; "
            f"run 'agent-assist sync --login {address.url}' with the right one"
        )
    if kind == "config":
        return f"{address.place}: {reason}"
    if kind == "permission":
        return f"{address.place}: the account {address.user} is not allowed to do this ({reason})"
    if kind == "offline":
        return f"cannot reach the sync server {address.place} ({reason})"
    return f"{address.place}: {reason}"


def _reason(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "unknown error"
    line = line.rpartition(" failed: ")[2] if " failed: " in line else line
    for prefix in ("FATAL:", "ERROR:"):
        line = line.removeprefix(prefix).strip()
    return line
