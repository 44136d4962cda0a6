"""A throwaway PostgreSQL server for the sync tests and benchmarks.

``PostgresServer.start()`` runs ``initdb`` in a fresh temporary folder, starts the
server on a free loopback port (and a Unix socket in the same folder) with password
authentication, and ``stop()`` removes it all again. As root it runs the server as
the ``postgres`` user, because ``initdb`` refuses to run as root.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

SUPERUSER = "postgres"
PREFIX = "agent-assist-pg-"
OWNER_FILE = "owner.pid"  # the process that started the server, to find orphans
MISSING_MESSAGE = (
    "PostgreSQL server programs (initdb, pg_ctl) were not found; the sync tests and "
    "benchmarks need them: install them with 'apt-get install -y postgresql' "
    "(scripts/dev.sh does), or set AGENT_ASSIST_PG_BINDIR to their folder"
)


class PostgresMissing(RuntimeError):
    """The PostgreSQL server programs are not installed."""


def find_bindir(debian_root: Path = Path("/usr/lib/postgresql")) -> Path:
    """The folder holding ``initdb`` and ``pg_ctl`` (Debian keeps them off PATH)."""
    candidates: list[Path] = []
    if os.environ.get("AGENT_ASSIST_PG_BINDIR"):
        candidates.append(Path(os.environ["AGENT_ASSIST_PG_BINDIR"]))
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    debian = sorted(
        debian_root.glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += debian
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise PostgresMissing(MISSING_MESSAGE)


def _process_gone(pid: int) -> bool:
    if os.name != "posix":
        return False  # os.kill would end the process there, not probe it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    root: Path
    bindir: Path
    port: int
    superuser_password: str
    run_as: str | None  # the user the server runs as, when we are root

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    @property
    def socket_dir(self) -> Path:
        return self.root

    @classmethod
    def start(cls, *, durable: bool = False) -> PostgresServer:
        """Create and start a server; ``durable`` keeps fsync on (benchmarks)."""
        bindir = find_bindir()
        run_as = SUPERUSER if os.geteuid() == 0 else None
        cls.reap_orphans(bindir, run_as)
        root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (root / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
        server = cls(root, bindir, 0, secrets.token_urlsafe(16), run_as)
        try:
            server._initdb(durable=durable)
            server._start_on_free_port()
        except BaseException:
            server.stop()
            raise
        atexit.register(server.stop)  # also when the run ends without its teardown
        return server

    @classmethod
    def reap_orphans(cls, bindir: Path, run_as: str | None, under: Path | None = None) -> None:
        """Stop and remove servers left by runs that died (killed before their teardown)
        in ``under`` (the temporary directory)."""
        for root in (under or Path(tempfile.gettempdir())).glob(f"{PREFIX}*"):
            try:
                owner = int((root / OWNER_FILE).read_text(encoding="ascii"))
            except (OSError, ValueError):
                continue  # not one of ours, or still being created
            if not _process_gone(owner):
                continue
            cls(root, bindir, 0, "", run_as).stop()

    def _chown(self, path: Path) -> None:
        if self.run_as is not None:
            import pwd  # POSIX only, like running as root

            entry = pwd.getpwnam(self.run_as)
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as, "--", *command]
        return subprocess.run(
            command, cwd=self.root, capture_output=True, text=True, check=False, timeout=120
        )

    def _check(self, result: subprocess.CompletedProcess[str], what: str) -> None:
        if result.returncode != 0:
            log = (
                self.log_file.read_text(errors="replace")[-2000:] if self.log_file.exists() else ""
            )
            raise RuntimeError(f"{what} failed ({result.returncode}): {result.stderr}{log}")

    def _initdb(self, *, durable: bool) -> None:
        self._chown(self.root)
        self.root.chmod(0o700)
        password_file = self.root / "pwfile"
        password_file.write_text(self.superuser_password + "\n")
        password_file.chmod(0o600)
        self._chown(password_file)
        result = self._run(
            "initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "--auth=scram-sha-256",
            f"--pwfile={password_file}", "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        password_file.unlink()
        self._check(result, "initdb")
        settings = [
            "listen_addresses = '127.0.0.1'",
            f"unix_socket_directories = '{self.socket_dir}'",
            "max_connections = 40",
            "log_min_messages = warning",
        ]
        if not durable:
            # Throwaway test data: skipping the disk flushes makes the tests faster.
            settings += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# agent-assist test server\n" + "\n".join(settings) + "\n")

    def _start_on_free_port(self) -> None:
        for _attempt in range(3):
            self.port = _free_port()
            conf = self.data_dir / "postgresql.auto.conf"
            conf.write_text(f"port = {self.port}\n", encoding="utf-8")
            self._chown(conf)
            result = self._run(
                "pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file), "-w", "start"
            )
            if result.returncode == 0:
                return
        self._check(result, "pg_ctl start")

    def restart(self) -> None:
        """Stop (terminating every connection) and start again on the same port."""
        result = self._run(
            "pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file), "-w", "-m", "fast",
            "restart",
        )  # fmt: skip
        self._check(result, "pg_ctl restart")

    def stop(self) -> None:
        atexit.unregister(self.stop)
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def url(self, user: str, database: str) -> str:
        """The address as settings hold it: no password."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """A superuser connection in autocommit mode; close it when done."""
        import psycopg

        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=SUPERUSER,
            password=self.superuser_password,
            dbname=database,
            autocommit=True,
        )

    @contextmanager
    def admin_session(
        self, database: str = "postgres"
    ) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
        conn = self.admin(database)
        try:
            yield conn
        finally:
            conn.close()

    def create_role(self, name: str, password: str) -> None:
        from psycopg import sql

        with self.admin_session() as conn:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(name), sql.Literal(password)
                )
            )

    def create_database(self, name: str, owner: str) -> None:
        from psycopg import sql

        with self.admin_session() as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} OWNER {} TEMPLATE template0").format(
                    sql.Identifier(name), sql.Identifier(owner)
                )
            )

    def drop_database(self, name: str) -> None:
        from psycopg import sql

        with self.admin_session() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
