"""Encryption at rest of the customer fields (``agent-assist encrypt``).

The OS keychain is the only thing replaced: a dict behind the same interface as the
sync password's keychain. Everything else is the real store, on disk.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from assistant.keychain import MemorySecretStore, SecretStoreUnavailable
from assistant.paths import Paths
from assistant.store import encryption

NAME = "欧阳娜娜"
CONTACT = "+86 139 1234 5678"
NOTE = "客户说家里地址是梧桐路17号"
PLAN = "周五回电给欧阳女士"
SECRETS = (NAME, "139 1234 5678", NOTE, PLAN, "ACC-77-31415")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def keychain(monkeypatch: pytest.MonkeyPatch) -> MemorySecretStore:
    secrets = MemorySecretStore()
    monkeypatch.setattr(encryption, "open_keychain", lambda: secrets)
    return secrets


@pytest.fixture
def records(cli: Any, make_record: Any, write_jsonl: Any) -> list[dict[str, Any]]:
    first = make_record(
        customer_name=NAME,
        customer_contact=CONTACT,
        account_ref="ACC-77-31415",
        notes=NOTE,
        followups=[
            {
                "id": str(uuid.uuid4()),
                "owner": "王芳",
                "due_at": "2024-03-20T18:00:00+08:00",
                "plan": PLAN,
                "status": "open",
            }
        ],
    )
    made = [first, make_record(), make_record(customer_contact="wang@example.com")]
    imported = cli("import", str(write_jsonl(made)))
    assert imported.status == 0, imported.errors
    return made


def _on_disk(paths: Paths) -> bytes:
    """Every byte SQLite keeps for the store: the file, its WAL and journal."""
    found = b""
    for suffix in ("", "-wal", "-journal"):
        file = Path(f"{paths.store_file}{suffix}")
        if file.exists():
            found += file.read_bytes()
    return found


def _fingerprint(paths: Paths) -> str:
    return hashlib.sha256(_on_disk(paths)).hexdigest()


def _raw_export(cli: Any, table: str = "calls") -> list[dict[str, str]]:
    result = cli("export", "--raw", "--table", table)
    assert result.status == 0, result.errors
    return list(csv.DictReader(io.StringIO(result.text)))


def _switch_on(cli: Any) -> Any:
    result = cli("encrypt", "--on", "--yes")
    assert result.status == 0, result.errors
    return result


def test_switching_on_encrypts_existing_records_so_the_file_holds_none_of_them(
    cli: Any, paths: Paths, keychain: MemorySecretStore, records: list[dict[str, Any]]
) -> None:
    assert all(s.encode() in _on_disk(paths) for s in SECRETS)

    result = _switch_on(cli)

    assert "encrypted with key" in result.text
    disk = _on_disk(paths)
    for secret in SECRETS:
        assert secret.encode() not in disk, secret
    # What the report groups by stays readable.
    assert "王芳".encode() in disk
    assert b"callback_scheduled" in disk
    with sqlite3.connect(paths.store_file) as conn:
        names = [r[0] for r in conn.execute("SELECT customer_name FROM calls")]
        plans = [r[0] for r in conn.execute("SELECT plan FROM followups")]
    assert all(encryption.is_sealed(v) for v in names + plans)
    assert len(keychain.secrets) == 1
    assert cli("encrypt").text.startswith("encryption at rest: on, key ")
    assert "encryption: at rest: on, key" in cli("doctor").text


def test_the_app_shows_searches_exports_and_reports_plain_values(
    cli: Any,
    paths: Paths,
    keychain: MemorySecretStore,
    records: list[dict[str, Any]],
    tmp_path: Path,
) -> None:
    before = _raw_export(cli)
    _switch_on(cli)

    assert _raw_export(cli) == before
    excel = list(csv.DictReader(io.StringIO(cli("export").text.lstrip("\ufeff"))))
    (row,) = [r for r in excel if r["id"] == records[0]["id"]]
    assert (row["customer_name"], row["customer_contact"]) == (NAME, f'="{CONTACT}"')
    assert PLAN in cli("export", "--raw", "--table", "followups").text

    from assistant.notes.service import followup_rows, load_call, recent_calls
    from assistant.store.db import open_store

    store = open_store(paths.store_file)
    try:
        loaded = load_call(store, records[0]["id"])
        assert loaded is not None
        assert loaded.values["customer_name"] == NAME
        assert loaded.values["notes"] == NOTE
        rows = followup_rows(store)
        assert [(r.plan, r.customer, r.contact) for r in rows if r.plan == PLAN] == [
            (PLAN, records[0]["customer_title"], CONTACT)
        ]
        assert records[0]["request"] in {c.request for c in recent_calls(store)}
    finally:
        store.close()

    out = tmp_path / "report.xlsx"
    assert cli("report", "--out", str(out)).status == 0
    sheet = openpyxl.load_workbook(out)["Calls"]
    cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row}
    assert CONTACT in cells
    assert not any(c.startswith("enc1:") for c in cells)


def test_records_saved_while_on_are_encrypted_and_read_back(
    cli: Any, paths: Paths, keychain: MemorySecretStore, make_record: Any, write_jsonl: Any
) -> None:
    assert cli("import", str(write_jsonl([make_record()]))).status == 0
    _switch_on(cli)
    from assistant.notes.service import load_call, save_form
    from assistant.store.db import open_store
    from assistant.store.timefmt import utc_now

    store = open_store(paths.store_file)
    try:
        saved = save_form(
            store,
            {"id": str(uuid.uuid4()), "customer_name": NAME, "notes": NOTE},
            [{"id": str(uuid.uuid4()), "plan": PLAN}],
            now=utc_now(),
        )
        loaded = load_call(store, saved.id)
    finally:
        store.close()
    assert loaded is not None
    assert loaded.values["customer_name"] == NAME
    assert loaded.followups[0]["plan"] == PLAN
    imported = make_record(customer_name="上官婉儿", notes="导入的备注：住在梧桐路")
    assert cli("import", str(write_jsonl([imported], "more.jsonl"))).status == 0
    assert {r["customer_name"] for r in _raw_export(cli)} >= {NAME, "上官婉儿"}
    disk = _on_disk(paths)
    for secret in (NAME, NOTE, PLAN, "上官婉儿", "导入的备注：住在梧桐路"):
        assert secret.encode() not in disk, secret


def test_erase_finds_the_customer_by_an_encrypted_contact(
    cli: Any, keychain: MemorySecretStore, records: list[dict[str, Any]]
) -> None:
    _switch_on(cli)

    result = cli("erase", "--contact", "13912345678", "--yes")

    assert result.status == 0, result.errors
    assert "removed 1 record(s) and 1 follow-up(s)" in result.text
    assert {r["id"] for r in _raw_export(cli)} == {records[1]["id"], records[2]["id"]}


def test_a_missing_key_is_one_clear_line_and_nothing_is_written(
    cli: Any,
    paths: Paths,
    keychain: MemorySecretStore,
    records: list[dict[str, Any]],
    make_record: Any,
    write_jsonl: Any,
    tmp_path: Path,
) -> None:
    _switch_on(cli)
    kept = dict(keychain.secrets)
    keychain.secrets.clear()  # a new OS account, a wiped keychain
    before = _fingerprint(paths)

    for args in (
        ("export",),
        ("import", str(write_jsonl([make_record()], "more.jsonl"))),
        ("erase", "--contact", "13912345678", "--yes"),
        ("report", "--out", str(tmp_path / "r.xlsx")),
        ("encrypt", "--off", "--yes"),
        ("encrypt",),
    ):
        result = cli(*args)
        assert result.status == encryption.KEY_EXIT_STATUS, (args, result.errors)
        lines = result.errors.strip().splitlines()
        assert len(lines) == 1, args
        assert "not in this account's keychain" in lines[0], args
        assert result.text == "" or "this removes" not in result.text

    doctor = cli("doctor")
    assert doctor.status == 1
    assert "FAIL  encryption:" in doctor.text
    assert "not in this account's keychain" in doctor.text
    assert _fingerprint(paths) == before
    from assistant.store.db import open_store

    with pytest.raises(encryption.KeyProblem, match="not in this account's keychain"):
        open_store(paths.store_file)

    # The copy IT kept puts it back, and everything reads again.
    ((_account, secret),) = kept.items()
    restored = cli_with_stdin(cli, f"{secret}\n", "encrypt", "--restore-key")
    assert restored.status == 0, restored.errors
    assert NAME in cli("export").text


def cli_with_stdin(cli: Any, text: str, *args: str) -> Any:
    import sys

    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        return cli(*args)
    finally:
        sys.stdin = saved


def test_a_wrong_key_is_refused_before_anything_is_read_or_written(
    cli: Any, paths: Paths, keychain: MemorySecretStore, records: list[dict[str, Any]]
) -> None:
    _switch_on(cli)
    (account,) = keychain.secrets
    keychain.secrets[account] = base64.b64encode(os.urandom(32)).decode()
    before = _fingerprint(paths)

    result = cli("export")

    assert result.status == encryption.KEY_EXIT_STATUS
    assert "does not open this store's customer fields" in result.errors
    assert "enc1:" not in result.text
    assert _fingerprint(paths) == before
    wrong = cli_with_stdin(
        cli, base64.b64encode(os.urandom(32)).decode(), "encrypt", "--restore-key"
    )
    assert wrong.status == encryption.KEY_EXIT_STATUS
    assert "opens none" in wrong.errors


def test_switching_on_then_off_round_trips_and_keeps_the_sync_queue(
    cli: Any, paths: Paths, keychain: MemorySecretStore, records: list[dict[str, Any]]
) -> None:
    def queue() -> list[tuple[Any, ...]]:
        with sqlite3.connect(paths.store_file) as conn:
            return conn.execute("SELECT * FROM sync_calls ORDER BY call_id").fetchall()

    with sqlite3.connect(paths.store_file) as conn:
        conn.execute("UPDATE sync_calls SET change_seq = NULL, server_rev = 3")
    before, pending = _raw_export(cli), queue()

    _switch_on(cli)
    assert queue() == pending
    off = cli("encrypt", "--off", "--yes")

    assert off.status == 0, off.errors
    assert "decrypted" in off.text
    assert _raw_export(cli) == before
    assert queue() == pending
    assert NAME.encode() in _on_disk(paths)
    assert cli("encrypt").text.startswith("encryption at rest: off")
    # On again: the same key, still in the keychain, is used.
    again = _switch_on(cli)
    assert len(keychain.secrets) == 1
    assert next(iter(keychain.secrets)).endswith(again.text.split("with key ")[1].split()[0])


def test_switching_on_explains_losing_the_key_and_asks(
    cli: Any,
    paths: Paths,
    keychain: MemorySecretStore,
    records: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _fingerprint(paths)
    no_terminal = cli("encrypt", "--on")
    assert no_terminal.status == 2
    assert "can never be read again" in no_terminal.text
    assert "--yes" in no_terminal.errors

    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    declined = cli("encrypt", "--on")
    assert declined.status == 1
    assert _fingerprint(paths) == before
    assert keychain.secrets == {}

    monkeypatch.setattr("sys.stdin", _Terminal("y\n"))
    assert cli("encrypt", "--on").status == 0
    assert NAME.encode() not in _on_disk(paths)


def test_a_failure_part_way_leaves_every_value_as_it_was(
    cli: Any,
    paths: Paths,
    keychain: MemorySecretStore,
    records: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = encryption.seal_with
    calls = {"n": 0}

    def failing(cipher: Any, key_id: str, text: str) -> str:
        calls["n"] += 1
        if calls["n"] > 5:
            raise OSError(28, "No space left on device")
        return real(cipher, key_id, text)

    monkeypatch.setattr(encryption, "seal_with", failing)
    before = _raw_export(cli)

    with pytest.raises(OSError, match="No space left"):
        encryption.switch(paths.store_file, on=True)

    with sqlite3.connect(paths.store_file) as conn:
        sealed = conn.execute(
            "SELECT count(*) FROM calls WHERE customer_name LIKE 'enc1:%'"
        ).fetchone()[0]
        active = conn.execute("SELECT count(*) FROM store_keys WHERE active").fetchone()[0]
    assert (sealed, active) == (0, 0)
    assert _raw_export(cli) == before
    assert cli("encrypt").text.startswith("encryption at rest: off")


def test_a_keychain_that_refuses_stops_switching_on(
    cli: Any, paths: Paths, records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Refusing(MemorySecretStore):
        def set(self, account: str, secret: str) -> None:
            raise SecretStoreUnavailable("no usable keychain on this system (locked)")

    monkeypatch.setattr(encryption, "open_keychain", Refusing)
    before = _fingerprint(paths)

    result = cli("encrypt", "--on", "--yes")

    assert result.status == encryption.KEY_EXIT_STATUS
    assert "encryption not switched on" in result.errors
    assert _fingerprint(paths) == before


def test_plain_text_that_only_looks_encrypted_is_kept_as_typed(
    cli: Any, make_record: Any, write_jsonl: Any
) -> None:
    odd = "enc1:not-a-key:hello"
    assert cli("import", str(write_jsonl([make_record(notes=odd)]))).status == 0
    assert [r["notes"] for r in _raw_export(cli)] == [odd]


def test_show_key_prints_the_key_the_keychain_holds(
    cli: Any, keychain: MemorySecretStore, records: list[dict[str, Any]]
) -> None:
    assert cli("encrypt", "--show-key").status == 1  # off: there is no key
    _switch_on(cli)

    shown = cli("encrypt", "--show-key")

    assert shown.status == 0
    ((account, secret),) = keychain.secrets.items()
    assert shown.text == f"key {account.removeprefix('store-key:')}: {secret}\n"


def test_the_encrypted_columns_are_the_ones_named_in_the_readme() -> None:
    from assistant.store.models import Base, SealedText

    columns = {
        table.name: {c.name for c in table.columns if isinstance(c.type, SealedText)}
        for table in Base.metadata.sorted_tables
        if any(isinstance(c.type, SealedText) for c in table.columns)
    }
    assert columns == {table: set(names) for table, names in encryption.SEALED_FIELDS.items()}
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("#### Encryption at rest")[1].split("- Each value")[0]
    for name in (n for names in columns.values() for n in names):
        assert f"`{name}`" in section, name
