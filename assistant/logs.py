"""The app's log file: rotating, in the data dir's ``logs/``, and without secrets.

What the code logs is ids, counts, field names and paths, never what a customer
said or how to reach them. ``SecretFilter`` is the second line of defence: it masks
card numbers, phone-like numbers and e-mail addresses in every message and
traceback that reaches the file, whoever logged it.

The command line calls ``setup_logging(paths)`` before running a subcommand, the
panel at start; both write to the same file (``RotatingFileHandler`` opens it in
append mode; a rotation racing another process may lose a few lines, never a
record).
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

from assistant.paths import Paths

LOG_FILE = "agent-assist.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(record id, kept-or-phone, e-mail), compiled with the first record, not at start-up.

    Record ids (UUIDs) and dates are kept; seven or more digits in a row, optionally
    with +, spaces, dashes, dots or brackets between them, are masked unless they are
    part of a word or a name like calls-20240315T140000.
    """
    record_id = re.compile(
        r"(\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)",
        re.ASCII | re.IGNORECASE,
    )
    keep_or_phone = re.compile(
        r"(?P<keep>\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?!\d))"
        r"|(?<![\w+])\+?\d(?:[ \-.()\u00a0]{0,2}\d){6,}(?!\w)",
        re.ASCII | re.IGNORECASE,
    )
    return record_id, keep_or_phone, re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


# The handler setup_logging added, so a second call replaces it instead of doubling.
_installed: list[logging.Handler] = []


def scrub(text: str) -> str:
    """Mask card numbers, then phone-like numbers and e-mail addresses; record ids
    stay whole (a UUID's digit groups can look like a card or phone number)."""
    record_id, _, _ = _patterns()
    pieces = record_id.split(text)  # the ids at the odd places
    return "".join(p if i % 2 else _scrub_between_ids(p) for i, p in enumerate(pieces))


def _scrub_between_ids(text: str) -> str:
    from assistant.redact import mask_cards

    _, keep_or_phone, email = _patterns()
    text = email.sub("[e-mail]", mask_cards(text)[0])
    return keep_or_phone.sub(lambda m: m.group(0) if m.group("keep") else "[number]", text)


class SecretFilter(logging.Filter):
    """Mask secrets in a record's message, arguments and traceback, in place."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not break the caller
            message = f"(unformattable log message from {record.name})"
        record.msg, record.args = scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


class _RotatingLog(logging.Handler):
    """A ``RotatingFileHandler`` made when the first record arrives.

    ``logging.handlers`` brings in ``socket`` and ``pickle``, a few milliseconds the
    panel's first paint does not need: the panel logs nothing before it.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            self._file = logging.handlers.RotatingFileHandler(
                self.path,
                maxBytes=MAX_BYTES,
                backupCount=BACKUP_COUNT,
                encoding="utf-8",
                delay=True,
            )
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def log_file(paths: Paths) -> Path:
    return paths.logs_dir / LOG_FILE


def setup_logging(paths: Paths, *, level: int = logging.INFO) -> Path | None:
    """Send this process's log to the data dir's rotating log file; return its path.

    Calling it again (another data dir, a test) replaces the handler. A data dir
    where the log cannot be written (read-only, full) gives None and no log: a
    command that only reads must still run there.
    """
    teardown_logging()
    path = log_file(paths)
    try:
        paths.logs_dir.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):
            pass
    except OSError:
        # No file, and no fallback either: Python's last-resort handler would put
        # warnings on stderr beside the command's own one line.
        _installed.append(logging.NullHandler())
        logging.getLogger().addHandler(_installed[-1])
        return None
    handler = _RotatingLog(path)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(SecretFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _installed.append(handler)
    return path


def log_stopped(command: str, exc: BaseException, *, exit_status: int) -> None:
    """Note that a command stopped on a ``UserError``: its kind and status only.

    The message itself goes to stderr, not here: it can name a file the agent chose
    (a customer's name) or repeat a value from an import line.
    """
    logging.getLogger("assistant.cli").warning(
        "%s stopped: %s (exit %d)", command, type(exc).__name__, exit_status
    )


def teardown_logging() -> None:
    """Detach and close the handler ``setup_logging`` added, if any."""
    while _installed:
        handler = _installed.pop()
        logging.getLogger().removeHandler(handler)
        handler.close()
