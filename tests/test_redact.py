"""Card numbers are masked on every write path and never reach the disk."""

from __future__ import annotations

import csv
import json
import random
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from assistant.notes.records import save_call
from assistant.notes.validation import check_call, check_followup, coerce_call
from assistant.paths import Paths
from assistant.redact import luhn_ok, mask_cards
from assistant.store.db import Store
from assistant.store.fields import (
    CALL_FIELD_NAMES,
    CALL_FIELDS,
    FOLLOWUP_FIELDS,
    FREE_TEXT_FIELDS,
)

NOW = datetime(2024, 3, 15, 6, 0, tzinfo=UTC)
CALL_TEXT = [f.name for f in CALL_FIELDS if f.kind == "text"]
FOLLOWUP_TEXT = [f.name for f in FOLLOWUP_FIELDS if f.kind == "text"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("4111 1111 1111 1111", "[•••• 1111]"),
        ("4111-1111-1111-1111", "[•••• 1111]"),
        ("4111111111111111", "[•••• 1111]"),
        ("3782 822463 10005", "[•••• 0005]"),  # Amex 4-6-5
        ("6212 3456 7890 1234 569", "[•••• 4569]"),  # UnionPay, 19 digits
        ("卡号4111111111111111请核实", "卡号[•••• 1111]请核实"),
        ("４１１１ １１１１ １１１１ １１１１", "[•••• 1111]"),  # full-width, from an IME
        ("card 4111 - 1111 - 1111 - 1111.", "card [•••• 1111]."),
        ("4111111111111111 123", "[•••• 1111] 123"),  # card then CVV
        ("+4111111111111111", "+[•••• 1111]"),  # 16 digits is too long for E.164
        ("4111.1111.1111.1111", "[•••• 1111]"),
        ("4111/1111/1111/1111", "[•••• 1111]"),
        ("4111_1111_1111_1111", "[•••• 1111]"),
        ("４１１１．１１１１．１１１１．１１１１", "[•••• 1111]"),
        ("4111\uff0f1111\uff0f1111\uff0f1111", "[•••• 1111]"),
        ("4111\u200b1111\u200b1111\u200b1111", "[•••• 1111]"),
        ("4111\u200b 1111 \u2060 1111 1111", "[•••• 1111]"),
        ("卡号 4111-1111-\n1111-1111 到期", "卡号 [•••• 1111] 到期"),
        ("4111 1111\r\n1111 1111", "[•••• 1111]"),
        ("card 4111111111111111/12/27", "card [•••• 1111]/12/27"),  # then the expiry
    ],
)
def test_card_numbers_are_masked_to_their_last_four_digits(typed: str, expected: str) -> None:
    masked, count = mask_cards(typed)
    assert masked == expected
    assert count == 1


@pytest.mark.parametrize(
    "text",
    [
        "+86 138 0013 8000",  # a phone number (fails Luhn anyway)
        "+86 138 0013 8001 ",
        "order 1234567890123",  # 13 digits, fails Luhn
        "4111 1111 1111 1112",  # one digit off: fails Luhn
        "ACC-2024-0042",
        "2024-03-15T14:00:00+08:00",
        "411111111111",  # 12 digits: too short
        "41111111111111111111",  # 20 digits: too long to be a card
        "2024.03.15 14:00",
        "v1.2.3_build_20240315",
        "192.168.100.200",
    ],
)
def test_numbers_that_are_not_cards_are_left_alone(text: str) -> None:
    assert mask_cards(text) == (text, 0)


def test_an_e164_phone_number_is_kept_even_when_it_passes_luhn() -> None:
    phone = "+86 138 0013 80000"  # 14 digits, passes Luhn
    assert luhn_ok(phone.replace("+", "").replace(" ", ""))
    assert mask_cards(phone) == (phone, 0)
    assert mask_cards(phone[1:])[1] == 1  # without the + it could be a card


def test_check_call_masks_every_text_and_list_field_and_names_them() -> None:
    raw: dict[str, Any] = {name: f"{name} 4111 1111 1111 1111" for name in CALL_TEXT}
    raw["id"] = str(uuid.uuid4())
    raw["tags"] = ["退款", "4111-1111-1111-1111"]
    checked = check_call(raw)
    assert checked.problems == []
    assert set(checked.masked) == {*CALL_TEXT, "tags"}
    for name in CALL_TEXT:
        assert checked.values[name] == f"{name} [•••• 1111]"
    assert checked.values["tags"] == ["退款", "[•••• 1111]"]
    # The tuple-returning form masks too.
    values, _ = coerce_call(raw)
    assert "4111" not in json.dumps(values, default=str).replace("•••• 1111", "")


def test_check_followup_masks_its_text_fields() -> None:
    raw = {"id": str(uuid.uuid4()), "plan": "回电 5500 0000 0000 0004", "owner": "王芳"}
    checked = check_followup(raw)
    assert checked.values["plan"] == "回电 [•••• 0004]"
    assert checked.masked == ("plan",)


def test_messages_about_bad_values_do_not_repeat_a_card_number() -> None:
    _, problems = coerce_call({"id": "4111 1111 1111 1111", "started_at": "4111111111111111"})
    text = "; ".join(str(p) for p in problems)
    assert "id: not a UUID" in text
    assert "started_at:" in text
    assert "4111111111111111" not in text.replace(" ", "")


def test_save_call_masks_what_the_form_sends_and_says_where(store: Store) -> None:
    values = {"id": str(uuid.uuid4()), "notes": "客户报卡号 4111 1111 1111 1111", "request": "退款"}
    followups = [{"id": str(uuid.uuid4()), "plan": "核实 378282246310005", "owner": "财务"}]
    with store.transaction() as session:
        saved = save_call(session, values, followups, now=NOW)
        assert saved.values["notes"] == "客户报卡号 [•••• 1111]"
    assert saved.masked == ("notes", "followups[0].plan")
    with store.transaction() as session:
        plain = save_call(session, {**values, "outcome": "6011 0009 9013 9424"}, None, now=NOW)
        assert plain.values["outcome"] == "[•••• 9424]"
    assert values["notes"] == "客户报卡号 4111 1111 1111 1111"  # the caller's dict is untouched


# --- 1,000 card numbers through every write path, then search the bytes on disk ---

# (prefix, length) of real card schemes: Visa, Mastercard (both ranges), Amex,
# Discover, UnionPay (16 and 19), JCB, Diners, Maestro, a 13-digit Visa.
SCHEMES = [
    ("4", 16),
    ("51", 16),
    ("2221", 16),
    ("34", 15),
    ("37", 15),
    ("6011", 16),
    ("62", 16),
    ("62", 19),
    ("3530", 16),
    ("36", 14),
    ("6759", 19),
    ("4", 13),
]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _card(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for check in "0123456789":
        if luhn_ok(body + check):
            return body + check
    raise AssertionError("no check digit")  # pragma: no cover


def _format(digits: str, groups: tuple[int, ...], sep: str) -> str:
    parts, at = [], 0
    for size in groups:
        parts.append(digits[at : at + size])
        at += size
    if at < len(digits):
        parts.append(digits[at:])
    return sep.join(p for p in parts if p)


# Separators between groups, as agents type or paste them.
SEPARATORS = [
    " ",
    "-",
    " - ",
    "  ",
    "\u3000",  # ideographic space
    ".",
    "/",
    "_",
    "\uff0d",  # full-width dash
    "\uff0e",  # full-width dot
    "\uff0f",  # full-width slash
    "\uff3f",  # full-width underscore
    "\u200b",  # zero-width space, from a chat app's paste
    "\u200d",  # zero-width joiner
    "\u2060",  # word joiner
    "\ufeff",  # zero-width no-break space
    "\u200b ",
    "-\n",  # a line end inside the number
    "\n",
    " \r\n",
]


def _typed(digits: str, rng: random.Random) -> str:
    """The card as an agent might type it, inside a sentence."""
    style = rng.randrange(5)
    sep = rng.choice(SEPARATORS)
    if len(digits) == 15:
        shaped = _format(digits, (4, 6, 5), sep)
    elif style == 0:
        shaped = digits
    elif style == 1:
        shaped = _format(digits, (4, 4, 4, 4), sep)
    elif style == 2:
        shaped = _format(digits, (4, 4, 4, 4), sep).translate(FULL_WIDTH)
    elif style == 3:
        shaped = _format(digits, (6, 13), sep)
    else:
        # broken across a line end once, groups spaced otherwise
        shaped = _format(digits[:8], (4, 4), sep) + "\n" + _format(digits[8:], (4, 4, 4), sep)
    return rng.choice(
        [
            "{}",
            "客户卡号{}，请核实",
            "卡号：{}。客户电话 +86 138 0013 8000",
            "card {} exp 12/27",
            "订单 ORD-20240315-0042，卡 {} 扣款两次",
        ]
    ).format(shaped)


@pytest.fixture(scope="module")
def cards() -> list[tuple[str, str]]:
    rng = random.Random(20240315)
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(found) < 1000:
        prefix, length = SCHEMES[len(found) % len(SCHEMES)]
        digits = _card(prefix, length, rng)
        if digits not in seen:
            seen.add(digits)
            found.append((digits, _typed(digits, rng)))
    return found


def _records(cards: list[tuple[str, str]]) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Records whose every free-text field (and tags) holds one of the cards."""
    queue = [typed for _, typed in cards]
    while queue:
        call: dict[str, Any] = {"id": str(uuid.uuid4()), "status": "draft"}
        for name in (*FREE_TEXT_FIELDS, "agent_id"):
            if queue:
                call[name] = queue.pop()
        call["tags"] = [queue.pop()] if queue else []
        followup = {"id": str(uuid.uuid4())}
        for name in FOLLOWUP_TEXT:
            if queue:
                followup[name] = queue.pop()
        yield call, [followup]


def _write_raw_csv(path: Path, names: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(names)
        for row in rows:
            cells = []
            for name in names:
                value = row.get(name)
                cells.append(";".join(value) if isinstance(value, list) else value or "")
            writer.writerow(cells)


def test_a_thousand_card_numbers_never_reach_the_disk(
    cards: list[tuple[str, str]],
    store: Store,
    paths: Paths,
    cli: Callable[..., Any],
    tmp_path: Path,
) -> None:
    from assistant.logs import setup_logging, teardown_logging
    from assistant.maintenance.drafts import save_draft

    log_path = setup_logging(paths)
    try:
        # 1. The panel: save_call, one transaction per record, and its autosave drafts.
        for call, followups in _records(cards):
            with store.transaction() as session:
                save_call(session, call, followups, now=NOW)
            save_draft(paths, call["id"], call, followups, now=NOW)
        # 2. import of JSON Lines.
        lines = [{**call, "followups": followups} for call, followups in _records(cards)]
        jsonl = tmp_path / "import.jsonl"
        jsonl.write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8"
        )
        assert cli("import", str(jsonl)).status == 0
        # 3. import of raw CSV, calls then follow-ups.
        calls, followups_rows = [], []
        for call, followups in _records(cards):
            calls.append(call)
            followups_rows += [{**f, "call_id": call["id"]} for f in followups]
        _write_raw_csv(tmp_path / "calls.csv", CALL_FIELD_NAMES, calls)
        followup_names = tuple(f.name for f in FOLLOWUP_FIELDS)
        _write_raw_csv(tmp_path / "followups.csv", followup_names, followups_rows)
        assert cli("import", str(tmp_path / "calls.csv")).status == 0
        assert cli("import", str(tmp_path / "followups.csv")).status == 0

        # Every export shape, while the store (and its WAL) is still open.
        exports = tmp_path / "exports"
        exports.mkdir()
        for table in ("calls", "followups"):
            for extra in ([], ["--raw"]):
                out = exports / f"{table}{'-raw' if extra else ''}.csv"
                result = cli("export", "--table", table, "--out", str(out), *extra)
                assert result.status == 0, result.errors
        wal = Path(f"{paths.store_file}-wal")
        assert wal.exists()
        blobs = {"WAL": wal.read_bytes()}
    finally:
        teardown_logging()
    store.close()
    blobs["store"] = paths.store_file.read_bytes()
    for path in [*exports.iterdir(), *(paths.data_dir / "drafts").iterdir(), log_path]:
        blobs[path.name] = path.read_bytes()

    leaks = []
    for digits, typed in cards:
        needles = {digits.encode(), typed.encode(), digits.translate(FULL_WIDTH).encode()}
        for name, blob in blobs.items():
            leaks += [(name, typed) for needle in needles if needle in blob]
    assert leaks == []
    # Every card is there, masked: in the store (three paths) and in each export.
    mask = "[•••• ".encode()
    assert blobs["calls-raw.csv"].count(mask) + blobs["followups-raw.csv"].count(mask) == 3000
    assert blobs["calls.csv"].count(mask) + blobs["followups.csv"].count(mask) == 3000
    expected_tail = {f"[•••• {digits[-4:]}]" for digits, _ in cards}
    exported = blobs["calls-raw.csv"].decode() + blobs["followups-raw.csv"].decode()
    assert all(tail in exported for tail in expected_tail)
    # The phone number in the same sentences survives: it fails Luhn.
    assert b"+86 138 0013 8000" in blobs["calls-raw.csv"]
    with sqlite3.connect(paths.store_file) as conn:
        assert conn.execute("SELECT count(*) FROM calls").fetchone()[0] == 3 * len(
            list(_records(cards))
        )
    conn.close()
