"""The ``agent-assist`` command: the panel by default, or a subcommand.

Imports stay minimal here: subcommands import what they need when they run, so
opening the panel pays only for the panel.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant import __version__
from assistant.errors import UserError, cannot_write

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not for the panel: it opens with no command to parse

    from assistant.maintenance import cli as maintenance_cli
    from assistant.notes import cli as notes_cli
    from assistant.playbooks import cli as playbook_cli
    from assistant.report import cli as report_cli
    from assistant.store import cli as store_cli
    from assistant.sync import cli as sync_cli

    parser = argparse.ArgumentParser(
        prog="agent-assist",
        description="A docked side panel for phone agents. With no command, opens the panel.",
    )
    parser.add_argument("--version", action="version", version=f"agent-assist {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep everything the app writes in DIR (also AGENT_ASSIST_DATA_DIR)",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the panel, wait until it is shown and search answers, print its language"
        " and catalogues, then exit 0",
    )
    parser.add_argument(
        "--toggle",
        action="store_true",
        help="show the running panel with the search ready, or hide it if it has focus;"
        " opens the panel if none runs (bind this to a key in your desktop's settings)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    notes_cli.register(commands)
    notes_cli.register_erasure(commands)
    report_cli.register(commands)
    playbook_cli.register(commands)
    maintenance_cli.register(commands)
    store_cli.register(commands)
    sync_cli.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not _has_command(args_list):
        return _panel(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    from assistant.logs import log_stopped, setup_logging
    from assistant.paths import keep_private, resolve_paths

    # AGENT_ASSIST_LOG_LEVEL=DEBUG adds per-line detail when support asks for it.
    level = logging.getLevelName(os.environ.get("AGENT_ASSIST_LOG_LEVEL", "INFO").upper())
    paths = resolve_paths(args.data_dir)
    keep_private(paths)
    setup_logging(paths, level=level if isinstance(level, int) else 20)
    try:
        try:
            status: int = args.run(args)
        except Exception as exc:
            error = _environment_error(exc, paths.store_file)
            if error is None:
                raise
            raise error from exc
    except UserError as exc:
        log_stopped(args.command, exc, exit_status=exc.exit_status)
        print(f"agent-assist: {exc.message}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except Exception:
        logging.getLogger("assistant.cli").exception("%s failed", args.command)
        raise
    return status


def _environment_error(exc: Exception, store_file: Path) -> UserError | None:
    """One line for a failure the disk or folder caused (read-only, full) wherever it
    surfaced; None for a bug, which keeps its traceback."""
    import sqlite3

    if isinstance(exc, OSError):
        return cannot_write(exc)
    cause = getattr(exc, "orig", exc)  # SQLAlchemy wraps the sqlite3 error
    if type(cause) is sqlite3.OperationalError:
        from assistant.store.connect import store_error

        error = store_error(store_file, cause)
        return error if error.exit_status == 5 else None
    return None


def _has_command(argv: list[str]) -> bool:
    """True unless the arguments only open the panel (kept cheap: no parser built)."""
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--data-dir":
            if rest:
                rest.pop(0)
            continue
        if word.startswith("--data-dir=") or word in ("--exit-when-ready", "--toggle"):
            continue
        return True
    return False


def _panel(argv: list[str]) -> int:
    data_dir = None
    exit_when_ready = toggle = False
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--data-dir":
            data_dir = rest.pop(0) if rest else None
        elif word.startswith("--data-dir="):
            data_dir = word.partition("=")[2]
        elif word == "--exit-when-ready":
            exit_when_ready = True
        elif word == "--toggle":
            toggle = True
    if _no_display():
        print(
            "agent-assist: no display to show the panel on (DISPLAY and WAYLAND_DISPLAY are "
            "not set); the commands work without one: agent-assist --help",
            file=sys.stderr,
        )
        return 1
    # No cyclic garbage collection until the panel is ready: see assistant/ui/startup.py.
    gc.disable()
    from assistant.ui.app import run_panel

    return run_panel(data_dir=data_dir, exit_when_ready=exit_when_ready, toggle=toggle)


def _no_display() -> bool:
    """On X11/Wayland systems, true when Qt would abort for want of a display."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main_panel() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main(sys.argv[1:])
