"""Writing a file so that a crash, a full disk or a failed writer never leaves half a file.

Everything the app writes whole (settings, drafts, exports, reports, packs, caches,
backups) goes through here: the content is written to a temporary file beside the
target (``.NAME.XXXXXXXX.part``, a name no loader picks up), flushed and fsynced,
renamed over the target, and the folder is fsynced so the rename itself survives a
power cut (POSIX only: Windows has no handle on a folder). On any failure the
temporary file is removed and the target keeps its old content.

The temporary file is made 0600, so what is written stays private to the agent's
account whatever the umask (see ``paths.keep_private``).

Imported by the Qt-free core and the panel alike; it imports nothing of the app and
nothing heavy (no ``tempfile``: it pulls in ``random`` and ``shutil``).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")

PART_SUFFIX = ".part"
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomically(target: Path, write: Callable[[BinaryIO], T]) -> T:
    """Call ``write`` with a binary stream; when it returns, its bytes become ``target``.

    Returns what ``write`` returned. If ``write`` raises (a cancel, a bug) or the disk
    refuses (full, read-only), the exception propagates, no temporary file is left and
    ``target`` is untouched. ``OSError`` is raised as is: callers word it for the user.
    """
    target = Path(target).expanduser()
    tmp, fd = _create_beside(target)
    return _fill_and_replace(tmp, fd, target, write)


def write_chosen_file(target: Path, write: Callable[[BinaryIO], T]) -> T:
    """``write_atomically`` for a file the user named (an export, a report): a folder
    that cannot take a file is one clear line naming ``target``."""
    target = Path(target).expanduser()
    try:
        tmp, fd = _create_beside(target)
    except OSError as exc:
        from assistant.errors import WRITE_ERRNOS, CannotWrite, UserError

        disk = errno.errorcode.get(exc.errno or 0) in WRITE_ERRNOS
        kind = CannotWrite if disk else UserError  # a missing folder is not the disk's fault
        raise kind(f"{target}: cannot write here: {exc.strerror}") from None
    return _fill_and_replace(tmp, fd, target, write)


def _fill_and_replace(tmp: Path, fd: int, target: Path, write: Callable[[BinaryIO], T]) -> T:
    try:
        with os.fdopen(fd, "wb") as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)
    return result


def write_bytes_atomically(target: Path, data: bytes) -> None:
    write_atomically(target, lambda out: out.write(data))


def write_text_atomically(target: Path, text: str) -> None:
    """UTF-8, newlines written as given (no translation on Windows)."""
    write_bytes_atomically(target, text.encode("utf-8"))


def replace_durably(source: Path, target: Path) -> None:
    """Flush ``source`` (written whole by someone else, e.g. SQLite) to disk and rename
    it over ``target``, then make the rename durable. ``source`` is left on failure."""
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(source, target)
    sync_folder(Path(target).parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (POSIX; skipped on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems (network shares, FUSE) cannot fsync a folder: the rename
        # is done all the same, just not forced out yet.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _create_beside(target: Path) -> tuple[Path, int]:
    """A new private file beside ``target`` under a name nobody else uses."""
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}{PART_SUFFIX}")
        try:
            return tmp, os.open(tmp, _FLAGS, 0o600)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))
