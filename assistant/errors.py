"""Errors a user can act on, as opposed to bugs.

A ``UserError`` carries one clear line for the panel or stderr and an exit status
for the command line. Anything else that escapes is a bug and gets a traceback in
the log.

Exit statuses (the README's table): 0 done; 1 failed or problems found; 2 bad input
(a usage error, an import line, a missing value); 3 written by a newer version;
4 a password is needed and there is no terminal to ask on; 5 the data dir or the
chosen file cannot be written (read-only, no permission, disk full); 6 a damaged
store was moved aside; 7 the customer fields are encrypted and their key is not in
the keychain (or is not the store's); 130 interrupted.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix: a missing file, a locked or newer database, bad input."""

    exit_status = 1

    def __init__(self, message: str, *, exit_status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_status is not None:
            self.exit_status = exit_status

    def __str__(self) -> str:
        return self.message


class CannotWrite(UserError):
    """The disk or folder refuses writes: read-only, no permission, or full."""

    exit_status = 5


# errno values that mean "this place cannot be written", not a bug.
WRITE_ERRNOS = frozenset({"EROFS", "ENOSPC", "EDQUOT", "EACCES", "EPERM", "EFBIG"})


def cannot_write(exc: OSError) -> CannotWrite | None:
    """One line for an ``OSError`` the disk caused; None for any other."""
    import errno

    if errno.errorcode.get(exc.errno or 0) not in WRITE_ERRNOS:
        return None
    where = exc.filename or "the data dir"
    return CannotWrite(f"{where}: cannot write here: {exc.strerror}")
