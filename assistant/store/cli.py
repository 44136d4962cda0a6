"""``agent-assist encrypt``: encryption at rest of the customer fields."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError

if TYPE_CHECKING:
    from assistant.paths import Paths

WARNING = """\
Encryption at rest keeps the customer fields of {store}
(name, title, contact, account, participants, the notes texts and the follow-ups'
plans and resources) encrypted with a key kept in this account's keychain.

If that key is lost, those fields can never be read again, by anyone: a new OS
account or computer, a reinstalled system, or a reset or wiped keychain loses it.
Backups made from now on are encrypted with the same key, so they need it too
(backups made before keep plain text until they expire). Keep a copy of the key
where IT keeps secrets: 'agent-assist encrypt --show-key' prints it.

Exports, the report and team sync still carry plain text."""


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "encrypt",
        help="encryption at rest of the customer fields (off by default)",
        description="Without an option, say whether encryption at rest is on. --on encrypts "
        "the customer fields in the store with a key kept in the OS keychain (after "
        "explaining what losing the key means and asking); --off decrypts them. Either "
        "rewrites every record in one transaction. Close the panel first.",
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--on", action="store_true", help="encrypt the customer fields")
    what.add_argument("--off", action="store_true", help="decrypt them again")
    what.add_argument(
        "--show-key",
        action="store_true",
        help="print the key (base64) for IT to keep somewhere safe",
    )
    what.add_argument(
        "--restore-key",
        action="store_true",
        help="read a kept key from standard input and put it back in this account's keychain",
    )
    parser.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    parser.set_defaults(run=run_encrypt)


def run_encrypt(args: argparse.Namespace) -> int:
    from assistant.paths import resolve_paths
    from assistant.store import encryption
    from assistant.store.db import in_use_elsewhere, migrate

    paths = resolve_paths(args.data_dir)
    store = paths.store_file
    if not store.exists():
        raise UserError(f"{store}: no store yet; nothing to encrypt")
    if args.restore_key:
        key_id = encryption.restore_key(store, _read_key())
        print(f"key {key_id} is back in this account's keychain")
        return 0
    migrate(store)
    if args.show_key:
        key_id, secret = encryption.export_key(store)
        print(f"key {key_id}: {secret}")
        return 0
    if not (args.on or args.off):
        _print_status(store)
        return 0
    active, _records = encryption.status(store)
    if args.on and active is not None:
        encryption.store_keys(store)
        print(f"encryption at rest is on already (key {active})")
        return 0
    if args.off and active is None:
        print("encryption at rest is off already")
        return 0
    if args.on:
        print(WARNING.format(store=store))
    if not args.yes:
        _confirm("Switch encryption at rest on?" if args.on else "Decrypt the customer fields?")
    if in_use_elsewhere(store):
        raise UserError(
            f"{store}: another program has the store open; close the panel and any "
            "agent-assist command, then try again (nothing was changed)"
        )
    done = encryption.switch(store, on=args.on)
    if done.key_id is None:
        print(
            f"encryption at rest is off: {done.values} value(s) of {done.records} record(s) "
            "decrypted; the key stays in the keychain (backups made while it was on need it)"
        )
        return 0
    print(
        f"encryption at rest is on: {done.values} value(s) of {done.records} record(s) "
        f"encrypted with key {done.key_id}"
    )
    _print_plain_copies(paths)
    return 0


def _read_key() -> str:
    """The kept key, typed without echo on a terminal or read from standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass("key: ").strip()
    return (sys.stdin.readline() if sys.stdin is not None else "").strip()


def _print_status(store: Path) -> None:
    from assistant.store import encryption

    keys = encryption.store_keys(store)  # KeyProblem if on and the key is missing
    active, records = encryption.status(store)
    if keys is None or active is None:
        print(f"encryption at rest: off ({records} record(s) in {store})")
    else:
        print(
            f"encryption at rest: on, key {active} in this account's keychain "
            f"({records} record(s) in {store})"
        )


def _print_plain_copies(paths: Paths) -> None:
    """Copies made before switching on still hold the fields in plain text: say which."""
    store = paths.store_file
    older = sorted(store.parent.glob(f"{store.name}.*.bak"))
    older += sorted(paths.backups_dir.glob("*.sqlite3")) if paths.backups_dir.is_dir() else []
    if older:
        print(
            f"{len(older)} copy(ies) made before still hold the fields in plain text "
            f"(backups expire after backup_days; delete the others if your rules "
            f"require): {', '.join(str(p) for p in older)}"
        )


def _confirm(question: str) -> None:
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(
            "nothing changed: confirm with --yes (there is no terminal to ask on)", exit_status=2
        )
    if input(f"{question} [y/N] ").strip().casefold() not in ("y", "yes"):
        raise UserError("nothing changed", exit_status=1)
