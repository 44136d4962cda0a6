"""``agent-assist sync`` and ``agent-assist pack publish``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError

if TYPE_CHECKING:
    from assistant.keychain import SecretStore
    from assistant.paths import Paths
    from assistant.settings import Settings
    from assistant.sync.connection import ServerAddress
    from assistant.sync.service import SyncResult


# Said with the keychain's own message when it cannot keep the password.
NOT_SAVED = "the password is not saved and agent-assist asks for it on every sync"


def register(commands: Any) -> None:
    sync = commands.add_parser(
        "sync",
        help="send call records to the team server and fetch team packs",
        description="With no option: one sync round (records up, team packs down), then "
        "what moved. The password is kept in the system keychain, never in a file.",
    )
    action = sync.add_mutually_exclusive_group()
    action.add_argument(
        "--login",
        metavar="URL",
        help="set the server (postgresql://user@host:port/dbname), check the password "
        "and keep it in the keychain",
    )
    action.add_argument("--logout", action="store_true", help="remove the saved password")
    action.add_argument(
        "--print-schema",
        action="store_true",
        help="print the SQL that creates the server's tables, for a database administrator",
    )
    action.add_argument(
        "--push-all",
        action="store_true",
        help="send every record again (after the server was restored or replaced)",
    )
    sync.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input instead of asking",
    )
    sync.set_defaults(run=run_sync_command)

    pack = commands.add_parser("pack", help="team phrasing packs on the sync server")
    sub = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    publish = sub.add_parser(
        "publish",
        help="check a pack and upload it as a team pack (supervisors)",
        description="Run the playbook check on FILE and, only if it passes, upload it to "
        "the sync server; every agent gets it on their next sync.",
    )
    publish.add_argument("file", type=Path, help="the pack file (YAML)")
    publish.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input instead of asking",
    )
    publish.set_defaults(run=run_publish)


class PasswordNeeded(UserError):
    """No keychain password and no terminal to ask on."""

    exit_status = 4

    def __init__(self, detail: str = "there is no terminal to ask on") -> None:
        super().__init__(
            f"a password is needed and {detail}: keep it in the keychain with "
            "'agent-assist sync --login URL' from a terminal, or pass --password-stdin "
            "and give it on standard input"
        )


# The two edges tests replace: the OS keychain and the terminal.
def open_secret_store() -> SecretStore:
    from assistant.keychain import KeyringSecretStore

    return KeyringSecretStore()


def ask_password(prompt: str) -> str:
    """Ask on the terminal; with none (a scheduled task, stdin closed) say how instead."""
    import getpass

    if not can_ask():
        raise PasswordNeeded()
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise PasswordNeeded() from None


def can_ask() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _context(args: argparse.Namespace) -> tuple[Paths, Settings]:
    from assistant.paths import resolve_paths
    from assistant.settings import load_settings

    paths = resolve_paths(args.data_dir)
    return paths, load_settings(paths.settings_file)


def _read_password(args: argparse.Namespace, address: ServerAddress) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n") if sys.stdin is not None else ""
        if not password:
            raise PasswordNeeded("standard input gave none")
        return password
    password = ask_password(f"Password for {address.account}: ")
    if not password:
        raise UserError("no password given")
    return password


def team_login(args: argparse.Namespace, settings: Settings) -> tuple[ServerAddress, str]:
    """The team server of the settings and its password: what every command that
    reads or writes the team's data needs (sync, ``report --team``, ``erase --team``)."""
    address = server_address(settings)
    return address, saved_password(args, address)


def saved_password(args: argparse.Namespace, address: ServerAddress) -> str:
    """The keychain's password for ``address``; without a usable keychain, ask (on
    the terminal, or ``--password-stdin``)."""
    from assistant.keychain import SecretStoreUnavailable

    if args.password_stdin:
        return _read_password(args, address)
    try:
        password = open_secret_store().get(address.account)
    except SecretStoreUnavailable as exc:
        try:
            password = _read_password(args, address)
        except PasswordNeeded:
            raise PasswordNeeded("there is no usable keychain and no terminal to ask on") from None
        print(f"agent-assist: {exc}; {NOT_SAVED}", file=sys.stderr)
        return password
    if password is None:
        raise UserError(
            f"no password saved for {address.account}: "
            f"run 'agent-assist sync --login {address.url}'"
        )
    return password


def server_address(settings: Settings) -> ServerAddress:
    """The team server set in the settings (``sync --login`` sets it)."""
    from assistant.sync.connection import parse_server_url

    if not settings.sync_url:
        raise UserError(
            "no sync server set: run 'agent-assist sync --login postgresql://user@host:port/dbname'"
        )
    return parse_server_url(settings.sync_url)


def run_sync_command(args: argparse.Namespace) -> int:
    if args.print_schema:
        from assistant.sync.server_schema import schema_script

        sys.stdout.write(schema_script())
        return 0
    if args.login:
        return _login(args)
    if args.logout:
        return _logout(args)
    return _sync_round(args)


def _login(args: argparse.Namespace) -> int:
    from assistant.keychain import SecretStoreUnavailable
    from assistant.settings import save_settings
    from assistant.sync.connection import check_login, parse_server_url

    paths, settings = _context(args)
    address = parse_server_url(args.login)
    password = _read_password(args, address)
    check_login(address, password)
    try:
        open_secret_store().set(address.account, password)
    except SecretStoreUnavailable as exc:
        print(f"agent-assist: {exc}; {NOT_SAVED}", file=sys.stderr)
    save_settings(paths.settings_file, settings.with_changes(sync_url=address.url))
    print(f"logged in to {address.place} as {address.user}")
    return 0


def _logout(args: argparse.Namespace) -> int:
    from assistant.keychain import SecretStoreUnavailable

    _, settings = _context(args)
    address = server_address(settings)
    try:
        removed = open_secret_store().delete(address.account)
    except SecretStoreUnavailable as exc:
        print(f"agent-assist: {exc}", file=sys.stderr)
        removed = False
    if removed:
        print(f"logged out: the password for {address.account} is removed from the keychain")
    else:
        print(f"no password was saved for {address.account}")
    return 0


def _sync_round(args: argparse.Namespace) -> int:
    from assistant.store.db import open_store
    from assistant.store.timefmt import utc_now
    from assistant.sync.service import SyncConfig, TeamSync
    from assistant.sync.state import state_file

    paths, settings = _context(args)
    address, password = team_login(args, settings)
    store = open_store(paths.store_file)
    try:
        if args.push_all:
            from assistant.sync.tracking import mark_all_changed

            with store.sessions.begin() as session:
                mark_all_changed(session)
        config = SyncConfig(
            address.url, paths.team_packs_dir, state_file(paths.data_dir), groups=settings.groups
        )
        with TeamSync(
            store.sessions, config, open_secret_store(), utc_now, password=password
        ) as sync:
            result = sync.run()
    finally:
        store.close()
    return report(result)


def report(result: SyncResult) -> int:
    """Print what moved; problems go to stderr. Exit 0 only for a clean round."""
    from assistant.store.timefmt import to_utc_text

    for conflict in result.conflicts:
        mine, theirs = (
            to_utc_text(conflict.local_updated_at),
            to_utc_text(conflict.server_updated_at),
        )
        if conflict.kept == "server":
            print(
                f"conflict: record {conflict.call_id}: kept the server's version (updated "
                f"{theirs} by {conflict.server_pushed_by}); this machine's (updated {mine}) "
                f"is saved in the server's conflict list"
            )
        else:
            print(
                f"conflict: record {conflict.call_id}: this machine's version (updated {mine}) "
                f"replaced the server's (updated {theirs} by {conflict.server_pushed_by}), "
                f"which is saved in the server's conflict list"
            )
    for pack_id in result.packs_updated:
        print(f"team pack {pack_id}: updated")
    for pack_id in result.packs_removed:
        print(f"team pack {pack_id}: removed (withdrawn on the server)")
    print(result.summary())
    for error in result.errors:
        print(f"agent-assist: {error}", file=sys.stderr)
    if result.state == "offline":
        print(
            f"agent-assist: offline: {result.pending} record(s) wait for the next sync",
            file=sys.stderr,
        )
    return 0 if result.ok else 1


def run_publish(args: argparse.Namespace) -> int:
    from assistant.sync.packs import PackRefused, checked_pack, upload_pack

    _, settings = _context(args)
    address = server_address(settings)
    try:
        pack = checked_pack(args.file)
    except PackRefused as refused:
        for problem in refused.problems:
            print(problem)
        print(f"agent-assist: {refused.message}", file=sys.stderr)
        return 1
    text = args.file.read_text(encoding="utf-8")
    password = saved_password(args, address)
    upload_pack(address, password, pack, text)
    version = f" version {pack.version}" if pack.version else ""
    print(
        f"published team pack {pack.id}{version} ({len(pack.entries)} entries) to {address.place}"
    )
    return 0
