"""The log file: in the data dir, rotating, and never holding what a customer said."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from assistant import logs
from assistant.errors import UserError
from assistant.logs import log_stopped, scrub, setup_logging, teardown_logging
from assistant.notes.records import save_call
from assistant.paths import Paths
from assistant.store.db import Store

NAME = "欧阳娜娜"
PHONE = "+86 139 1234 5678"
EMAIL = "nana.ouyang@example.com"
NOTE = "她说备用密码是斑马七七八一"
CARD = "4111 1111 1111 1111"
SECRETS = [NAME, PHONE, "13912345678", EMAIL, NOTE, CARD, "4111111111111111"]


@pytest.fixture
def log_path(paths: Paths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # DEBUG, so the per-line notes of import (debug only: an import can have many
    # lines) are checked too; the command line reads the level from the environment.
    monkeypatch.setenv("AGENT_ASSIST_LOG_LEVEL", "DEBUG")
    path = setup_logging(paths, level=logging.DEBUG)
    assert path is not None
    yield path
    teardown_logging()


def _record(**overrides: Any) -> dict[str, Any]:
    record = {
        "id": str(uuid.uuid4()),
        "status": "draft",
        "customer_name": NAME,
        "customer_contact": PHONE,
        "participants": EMAIL,
        "notes": f"{NOTE} 卡号 {CARD}",
    }
    record.update(overrides)
    return record


def test_no_customer_text_reaches_the_log_on_any_path(
    paths: Paths,
    store: Store,
    cli: Callable[..., Any],
    tmp_path: Path,
    log_path: Path,
) -> None:
    # import with bad lines: secrets in good and bad lines, in good and bad fields
    good = _record()
    lines = [
        good,
        _record(channel=NAME, started_at=NOTE),
        _record(id=PHONE),
        _record(talk_seconds=EMAIL, customer_type=CARD),
    ]
    source = tmp_path / "import.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines) + f"{{{NOTE}\n",
        encoding="utf-8",
    )
    assert cli("import", str(source)).status == 2
    assert cli("import", "--skip-invalid", str(source)).status == 2
    # export, both shapes
    assert cli("export").status == 0
    assert cli("export", "--raw", "--table", "followups").status == 0
    # the panel's save
    saved_id = str(uuid.uuid4())
    with store.transaction() as session:
        saved = save_call(session, _record(id=saved_id), None, now=datetime.now(UTC))
    assert saved.masked == ("notes",)
    # doctor
    assert cli("doctor").status == 0
    # a UserError, noted the way the command line should note it
    missing = tmp_path / f"{NAME} {PHONE}.jsonl"
    result = cli("import", str(missing))
    assert result.status == 1
    log_stopped("import", UserError(f"{missing}: no such file"), exit_status=1)
    # a bug: a traceback whose exception quotes customer data
    try:
        raise ValueError(f"cannot parse {CARD} for {PHONE} / {EMAIL}")
    except ValueError:
        logging.getLogger("assistant.test").exception("unexpected failure")

    text = log_path.read_text(encoding="utf-8")
    assert [s for s in SECRETS if s in text] == []
    # ...and the paths did log, with ids, counts and field names.
    assert f"call {good['id']}: masked card numbers in notes" in text
    assert f"call {saved_id}: masked card numbers in notes" in text
    assert "doctor: " in text
    assert "import stopped: UserError (exit 1)" in text
    assert "Traceback" in text
    assert "cannot parse [•••• 1111] for [number] / [e-mail]" in text


def test_the_log_lives_in_the_data_dir_and_moves_with_it(tmp_path: Path) -> None:
    first = setup_logging(Paths(tmp_path / "one"))
    logging.getLogger("assistant.test").info("first")
    second = setup_logging(Paths(tmp_path / "two"))  # replaces the first handler
    logging.getLogger("assistant.test").info("second")
    teardown_logging()
    assert first == tmp_path / "one" / "logs" / "agent-assist.log"
    assert second == tmp_path / "two" / "logs" / "agent-assist.log"
    assert "first" in first.read_text(encoding="utf-8")
    assert "second" not in first.read_text(encoding="utf-8")
    assert "second" in second.read_text(encoding="utf-8")


def test_the_log_rotates(paths: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    monkeypatch.setattr(logs, "BACKUP_COUNT", 2)
    path = setup_logging(paths)
    assert path is not None
    try:
        for i in range(200):
            logging.getLogger("assistant.test").info("line %d of the rotation test", i)
    finally:
        teardown_logging()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["agent-assist.log", "agent-assist.log.1", "agent-assist.log.2"]
    assert all(p.stat().st_size <= 2000 for p in path.parent.iterdir())
    assert "line 199 of" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("客户电话13800138000", "客户电话[number]"),
        ("(010) 8888-8888 转 2", "([number] 转 2"),
        ("call 12345678-3b4d-4e5f-8a6b-1c2d3e4f5a6b saved", None),
        # All digits, and its groups read as a Luhn-valid card number: still an id.
        ("call 41111111-1111-1111-8111-111111111111 saved", None),
        ("backup calls-20240315T140000.sqlite3 made", None),
        ("at 2024-03-15 14:00:05", None),
        ("imported 1200 record(s)", None),
        ("write li.ming@example.com", "write [e-mail]"),
        ("卡 5500-0000-0000-0004", "卡 [•••• 0004]"),
    ],
)
def test_scrub_masks_numbers_and_addresses_but_keeps_ids_and_times(
    text: str, expected: str | None
) -> None:
    assert scrub(text) == (text if expected is None else expected)


def test_a_data_dir_where_no_log_can_be_written_gives_no_log(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert setup_logging(Paths(blocker / "data")) is None
    logging.getLogger("assistant.test").warning("still works")


def test_a_bad_log_call_does_not_break_the_caller(paths: Paths, log_path: Path) -> None:
    logging.getLogger("assistant.test").info("two args %s %s", "only one")  # noqa: PLE1206
    teardown_logging()
    assert "unformattable log message" in log_path.read_text(encoding="utf-8")
