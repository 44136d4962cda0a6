"""Errors a user can act on, as opposed to bugs.

A ``UserError`` carries one clear line for the panel or stderr and an exit status
for the command line. Anything else that escapes is a bug and gets a traceback in
the log.
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
