"""Encryption at rest of the customer fields, with the key in the OS keychain.

Off by default; ``agent-assist encrypt --on`` switches it on for a centre whose
rules require it. The store then keeps each customer field (``SEALED_FIELDS``) as
``enc1:KEYID:BASE64``: AES-256-GCM with a fresh 96-bit nonce per value, the key id
bound in as associated data. Plain and encrypted values can stand side by side, so
a value is opened by what it looks like, never by a flag; switching on or off
rewrites every value in one transaction.

The key (32 random bytes) lives in the keychain under the service ``agent-assist``
and the account ``store-key:KEYID``; the store's ``store_keys`` table names the
keys its values were encrypted with and holds a check value for each, so the wrong
key is refused with a clear message before anything is read or written. Losing the
key (a new OS account, a reset keychain) makes those fields unreadable for good.

Everything above the store sees plain text: the SQLAlchemy columns are
``SealedText`` (assistant/store/models.py), which encrypts when a value is bound
and decrypts when it is read, with the keys this module hangs on the engine's
dialect (one per store). Readers that use ``sqlite3`` directly (export, the report)
get temporary views of ``calls`` and ``followups`` with the fields decrypted
(``attach_plain_views``). Team sync therefore sends plain text to the centre's own
PostgreSQL server, as before.

``cryptography`` and ``keyring`` are imported only when a store has keys.
"""

from __future__ import annotations

import base64
import binascii
import functools
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError
from assistant.store.fields import CALL_FIELDS, FOLLOWUP_FIELDS, csv_line_sql

if TYPE_CHECKING:
    from assistant.keychain import SecretStore

log = logging.getLogger(__name__)

# The customer's identity and every text about the call or its follow-ups that can
# hold customer data. The agent's own name and id, the enum fields, tags and the
# phrases used stay plain: the report groups by them.
SEALED_FIELDS: dict[str, tuple[str, ...]] = {
    "calls": (
        "customer_name",
        "customer_title",
        "customer_contact",
        "account_ref",
        "participants",
        "facts",
        "emotions",
        "demands",
        "request",
        "key_problem",
        "outcome",
        "handoff",
        "notes",
    ),
    "followups": ("resources", "plan"),
}
PREFIX = "enc1:"
ACCOUNT = "store-key:{key_id}"
# Exit status of a command that cannot read or write the customer fields because
# their key is not in this account's keychain (or is not the store's key).
KEY_EXIT_STATUS = 7
# Attribute of an engine's dialect holding that store's ``FieldKeys``.
DIALECT_ATTRIBUTE = "agent_assist_field_keys"

_SEALED = re.compile(r"enc1:([0-9a-f]{12}):([A-Za-z0-9+/]{40,}={0,2})\Z")
_NONCE = 12
_CHECK = b"agent-assist store key"

HOW_TO_RESTORE = (
    "put the key back with 'agent-assist encrypt --restore-key' (from the copy IT keeps), "
    "or restore a backup made before encryption was switched on"
)


class KeyProblem(UserError):
    """The customer fields cannot be read or written: their key is missing or wrong."""

    exit_status = KEY_EXIT_STATUS


def open_keychain() -> SecretStore:
    """The OS keychain (the edge tests replace, as for the sync password)."""
    from assistant.keychain import KeyringSecretStore

    return KeyringSecretStore()


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX) and bool(_SEALED.match(value))


def new_key() -> tuple[str, str]:
    """A new key id and key (the key as base64 text, as the keychain keeps it)."""
    return os.urandom(6).hex(), base64.b64encode(os.urandom(32)).decode("ascii")


@dataclass(frozen=True, slots=True)
class KeyRow:
    key_id: str
    active: bool
    check_value: str


class FieldKeys:
    """The keys of one store: opens encrypted values; encrypts new ones while
    encryption is on (``active`` is the key id new values get, None when off).

    Keys are read from the keychain when first needed and kept for the process.
    """

    def __init__(
        self,
        store: Path,
        rows: Iterable[KeyRow],
        keychain: Callable[[], SecretStore] | None = None,
    ) -> None:
        self.store = store
        self.rows = {row.key_id: row for row in rows}
        self.active = next((r.key_id for r in self.rows.values() if r.active), None)
        self._keychain = keychain or open_keychain
        self._ciphers: dict[str, Any] = {}

    def cipher(self, key_id: str) -> Any:
        found = self._ciphers.get(key_id)
        if found is not None:
            return found
        from assistant.keychain import SecretStoreUnavailable

        try:
            secret = self._keychain().get(ACCOUNT.format(key_id=key_id))
        except SecretStoreUnavailable as exc:
            raise KeyProblem(
                f"{self.store}: the customer fields are encrypted and the keychain cannot "
                f"be read ({exc}); nothing was changed"
            ) from None
        if secret is None:
            raise KeyProblem(
                f"{self.store}: the customer fields are encrypted with key {key_id}, which "
                f"is not in this account's keychain; nothing was changed. To read them, "
                f"{HOW_TO_RESTORE}"
            )
        cipher = cipher_of(secret, key_id, self.store)
        row = self.rows.get(key_id)
        if row is not None and not _opens(cipher, key_id, row.check_value):
            raise KeyProblem(
                f"{self.store}: the keychain's key {key_id} does not open this store's "
                f"customer fields (it was replaced or damaged); nothing was changed. "
                f"{HOW_TO_RESTORE[0].upper()}{HOW_TO_RESTORE[1:]}"
            )
        self._ciphers[key_id] = cipher
        return cipher

    def check_active(self) -> None:
        """Raise ``KeyProblem`` now if encryption is on and its key cannot be used."""
        if self.active is not None:
            self.cipher(self.active)

    def seal(self, text: str) -> str:
        """``text`` encrypted with the active key (unchanged while encryption is off)."""
        if self.active is None:
            return text
        return seal_with(self.cipher(self.active), self.active, text)

    def open(self, value: str) -> str:
        """The plain text of a stored value (a plain value comes back as it is)."""
        match = _SEALED.match(value) if value.startswith(PREFIX) else None
        if match is None:
            return value
        key_id, payload = match.groups()
        blob = binascii.a2b_base64(payload)
        cipher = self.cipher(key_id)
        try:
            plain: bytes = cipher.decrypt(blob[:_NONCE], blob[_NONCE:], _aad(key_id))
        except Exception:
            raise KeyProblem(
                f"{self.store}: an encrypted customer field does not open with key {key_id} "
                "(the value or the key was changed); nothing was changed"
            ) from None
        return plain.decode("utf-8")


@functools.cache
def _aad(key_id: str) -> bytes:
    return f"{PREFIX}{key_id}".encode("ascii")


def cipher_of(secret: str, key_id: str, store: Path) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = base64.b64decode(secret.strip(), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise KeyProblem(
            f"{store}: the keychain's key {key_id} is not a key of Agent Assist "
            "(32 bytes as base64 text); nothing was changed"
        )
    return AESGCM(key)


def seal_with(cipher: Any, key_id: str, text: str) -> str:
    nonce = os.urandom(_NONCE)
    blob = nonce + cipher.encrypt(nonce, text.encode("utf-8"), _aad(key_id))
    return f"{PREFIX}{key_id}:{base64.b64encode(blob).decode('ascii')}"


def check_value(cipher: Any, key_id: str) -> str:
    return seal_with(cipher, key_id, _CHECK.decode("ascii"))


def _opens(cipher: Any, key_id: str, check: str) -> bool:
    match = _SEALED.match(check)
    if match is None or match.group(1) != key_id:
        return False
    blob = base64.b64decode(match.group(2))
    try:
        return bool(cipher.decrypt(blob[:_NONCE], blob[_NONCE:], _aad(key_id)) == _CHECK)
    except Exception:
        return False


# -- reading a store's keys --------------------------------------------------------


def read_key_rows(conn: sqlite3.Connection) -> list[KeyRow]:
    """The ``store_keys`` rows; none for a store that never had encryption on."""
    try:
        rows = conn.execute("SELECT key_id, active, check_value FROM store_keys").fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return []
        raise
    return [KeyRow(str(k), bool(a), str(c)) for k, a, c in rows]


def _key_rows_of(path: Path) -> list[KeyRow]:
    from assistant.store.connect import connect_read_only

    conn = connect_read_only(path)
    try:
        return read_key_rows(conn)
    finally:
        conn.close()


def store_keys(path: Path) -> FieldKeys | None:
    """The store's keys, checked when encryption is on; None if it never had any.

    Raises ``KeyProblem`` when encryption is on and the key is missing or wrong: the
    store is then not opened, so nothing can be written over what it holds.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    rows = _key_rows_of(path)
    if not rows:
        return None
    keys = FieldKeys(path, rows)
    keys.check_active()
    return keys


def attach(dialect: object, keys: FieldKeys | None) -> None:
    """Hang ``keys`` on an engine's dialect, where ``SealedText`` finds them."""
    setattr(dialect, DIALECT_ATTRIBUTE, keys)


def keys_of(dialect: object) -> FieldKeys | None:
    keys = getattr(dialect, DIALECT_ATTRIBUTE, None)
    return keys if isinstance(keys, FieldKeys) else None


# -- plain views for sqlite3 readers -----------------------------------------------


class ReadConnection(sqlite3.Connection):
    """A ``sqlite3`` connection that remembers why a decrypting view failed."""

    field_keys: FieldKeys | None = None
    key_problem: KeyProblem | None = None


def attach_plain_views(conn: ReadConnection, path: Path) -> None:
    """Make ``calls`` and ``followups`` read as plain text on this connection.

    A store that never had encryption on is left alone (no cost). Otherwise each
    table is shadowed by a temporary view of the same name and columns (``calls``
    keeps its ``csv_raw`` line, built from the plain values), so export and the
    report run their SQL unchanged. Raises ``KeyProblem`` when encryption is on and
    its key cannot be used.
    """
    rows = read_key_rows(conn)
    if not rows:
        return
    keys = FieldKeys(path, rows)
    keys.check_active()
    conn.field_keys = keys

    # The raw line (csv_raw) names each column up to three times, and SQLite works
    # the view's expression out each time: keep the row's values at hand.
    recent: dict[str, str] = {}

    def plain(value: Any) -> Any:
        if not isinstance(value, str) or not value.startswith(PREFIX):
            return value
        found = recent.get(value)
        if found is not None:
            return found
        try:
            found = keys.open(value)
        except KeyProblem as exc:
            conn.key_problem = exc
            raise
        if len(recent) >= 64:
            recent.clear()
        recent[value] = found
        return found

    conn.create_function("agent_assist_plain", 1, plain, deterministic=True)
    for table, specs in (("calls", CALL_FIELDS), ("followups", FOLLOWUP_FIELDS)):
        sealed = SEALED_FIELDS[table]
        columns = ", ".join(
            f"agent_assist_plain({s.name}) AS {s.name}" if s.name in sealed else s.name
            for s in specs
        )
        extra = f", {csv_line_sql(specs)} AS csv_raw" if table == "calls" else ""
        conn.execute(
            f"CREATE TEMP VIEW {table} AS SELECT *{extra} FROM (SELECT {columns} FROM main.{table})"
        )


def key_problem_of(conn: sqlite3.Connection) -> KeyProblem | None:
    """The key problem behind a failed query on a ``ReadConnection``, if any."""
    problem = getattr(conn, "key_problem", None)
    return problem if isinstance(problem, KeyProblem) else None


# -- switching on and off ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Switched:
    key_id: str | None  # the key new values get; None: encryption is off now
    values: int  # values rewritten
    records: int


def status(path: Path) -> tuple[str | None, int]:
    """(the active key id or None, how many records the store holds)."""
    from assistant.store.connect import connect_read_only

    conn = connect_read_only(path)
    try:
        rows = read_key_rows(conn)
        records = int(conn.execute("SELECT count(*) FROM calls").fetchone()[0])
    finally:
        conn.close()
    return next((r.key_id for r in rows if r.active), None), records


def switch(
    path: Path,
    *,
    on: bool,
    keychain: Callable[[], SecretStore] | None = None,
    now: datetime | None = None,
) -> Switched:
    """Encrypt (``on``) or decrypt every customer field of the store, in one transaction.

    Switching on uses the store's last key if the keychain still has it, else makes
    a new one and puts it in the keychain first (a keychain that refuses stops here,
    with the store unchanged). Every plain value is then encrypted, and values of an
    older key are encrypted again with this one; switching off decrypts every value.
    A failure part-way (a missing key, a full disk, a crash) leaves the store as it
    was. The team-sync queue is left as it was too: the plain text did not change.
    """
    from assistant.store.connect import BUSY_TIMEOUT_MS, apply_pragmas, store_error

    keychain = keychain or open_keychain
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        apply_pragmas(conn)
        # Pages the old values leave free are zeroed, not left holding them.
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = _switch(conn, path, on, keychain, now or datetime.now(UTC))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        _compact(conn)
    except sqlite3.Error as exc:
        raise store_error(path, exc) from exc
    finally:
        conn.close()
    return result


def _compact(conn: sqlite3.Connection) -> None:
    """Rewrite the file and empty its WAL, so no page of the old values is left in
    either. Skipped (the switch stands) while another program reads the store."""
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError as exc:
        log.warning("encryption switched; the store was not compacted: %s", exc)


def _switch(
    conn: sqlite3.Connection,
    path: Path,
    on: bool,
    keychain: Callable[[], SecretStore],
    now: datetime,
) -> Switched:
    rows = read_key_rows(conn)
    keys = FieldKeys(path, rows, keychain)
    target: str | None = None
    if on:
        target = _key_for_on(conn, path, keys, rows, keychain, now)
        conn.execute("UPDATE store_keys SET active = (key_id = ?)", (target,))
        keys = FieldKeys(path, read_key_rows(conn), keychain)
    else:
        conn.execute("UPDATE store_keys SET active = 0")
    queue = conn.execute("SELECT call_id, change_seq, server_rev FROM sync_calls").fetchall()
    changed = 0
    for table, names in SEALED_FIELDS.items():
        select = f"SELECT id, {', '.join(names)} FROM {table}"
        updates: list[tuple[object, ...]] = []
        for row in conn.execute(select).fetchall():
            values = list(row[1:])
            new = [_rewritten(keys, v, target) for v in values]
            if new != values:
                changed += sum(a != b for a, b in zip(new, values, strict=True))
                updates.append((*new, row[0]))
        assignments = ", ".join(f"{n} = ?" for n in names)
        conn.executemany(f"UPDATE {table} SET {assignments} WHERE id = ?", updates)
    # The triggers queued every rewritten record for team sync; its plain text is
    # what the server holds already, so put the queue back as it was.
    conn.execute("DELETE FROM sync_calls")
    conn.executemany(
        "INSERT INTO sync_calls (call_id, change_seq, server_rev) VALUES (?, ?, ?)", queue
    )
    records = int(conn.execute("SELECT count(*) FROM calls").fetchone()[0])
    return Switched(target, changed, records)


def _rewritten(keys: FieldKeys, value: object, target: str | None) -> object:
    if not isinstance(value, str):
        return value
    match = _SEALED.match(value) if value.startswith(PREFIX) else None
    if match is not None and match.group(1) == target:
        return value
    plain = keys.open(value)
    return plain if target is None else keys.seal(plain)


def _key_for_on(
    conn: sqlite3.Connection,
    path: Path,
    keys: FieldKeys,
    rows: list[KeyRow],
    keychain: Callable[[], SecretStore],
    now: datetime,
) -> str:
    """The key to switch on with: the store's newest one still in the keychain, or a
    new one (stored in the keychain before any value uses it)."""
    from assistant.keychain import SecretStoreUnavailable

    if rows:
        newest = conn.execute("SELECT key_id FROM store_keys ORDER BY created_at DESC").fetchall()
        for (key_id,) in newest:
            try:
                keys.cipher(str(key_id))
            except KeyProblem:
                continue
            return str(key_id)
    key_id, secret = new_key()
    try:
        keychain().set(ACCOUNT.format(key_id=key_id), secret)
    except SecretStoreUnavailable as exc:
        raise KeyProblem(
            f"encryption not switched on: the key cannot be kept ({exc}); nothing was changed"
        ) from None
    cipher = cipher_of(secret, key_id, path)
    conn.execute(
        "INSERT INTO store_keys (key_id, created_at, active, check_value) VALUES (?, ?, 0, ?)",
        (key_id, now.astimezone(UTC).isoformat(timespec="seconds"), check_value(cipher, key_id)),
    )
    return key_id


def export_key(path: Path, keychain: Callable[[], SecretStore] | None = None) -> tuple[str, str]:
    """(key id, key) of the store's active key, for IT to keep somewhere safe."""
    active, _records = status(path)
    if active is None:
        raise UserError(f"{path}: encryption at rest is off; there is no key to show")
    keys = FieldKeys(path, _key_rows_of(path), keychain)
    keys.check_active()
    secret = (keychain or open_keychain)().get(ACCOUNT.format(key_id=active))
    assert secret is not None  # check_active read it
    return active, secret.strip()


def restore_key(path: Path, secret: str, keychain: Callable[[], SecretStore] | None = None) -> str:
    """Put a key kept by IT back into this account's keychain, after checking that it
    opens one of the store's keys; return that key's id."""
    rows = _key_rows_of(path)
    if not rows:
        raise UserError(f"{path}: encryption at rest was never on here; no key is needed")
    for row in rows:
        try:
            cipher = cipher_of(secret, row.key_id, path)
        except KeyProblem:
            break
        if _opens(cipher, row.key_id, row.check_value):
            (keychain or open_keychain)().set(ACCOUNT.format(key_id=row.key_id), secret.strip())
            return row.key_id
    raise KeyProblem(f"{path}: that key opens none of this store's keys; nothing was changed")
