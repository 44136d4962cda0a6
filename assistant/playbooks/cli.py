"""``agent-assist playbook ...``: check, search, render and lint phrasing packs."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import UserError

if TYPE_CHECKING:
    from assistant.calendar.workcalendar import WorkCalendar
    from assistant.paths import Paths
    from assistant.playbooks.library import Library, Source
    from assistant.settings import Settings


def register(commands: Any) -> None:
    playbook = commands.add_parser("playbook", help="check, search, render and lint phrasing packs")
    sub = playbook.add_subparsers(dest="playbook_command", metavar="ACTION", required=True)

    check = sub.add_parser(
        "check",
        help="check packs; every problem as FILE:LINE: ENTRY-ID: message",
        description="Check pack files (default: every pack that would load). "
        "Exit 1 on any problem.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="pack files or folders")
    check.set_defaults(run=run_check)

    search = sub.add_parser("search", help="search the loaded packs")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true", help="one JSON array of hits")
    search.add_argument(
        "--explain", action="store_true", help="say why each row ranked where it did"
    )
    search.set_defaults(run=run_search)

    render = sub.add_parser("render", help="fill in an entry and print it")
    render.add_argument("id", help="entry id")
    render.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="a placeholder's value"
    )
    render.add_argument("--now", metavar="ISO-8601", help="render as if it were this time")
    render.add_argument("--copy", action="store_true", help="also put the text on the clipboard")
    render.set_defaults(run=run_render)

    lint = sub.add_parser("lint", help="flag vague promises and unexplained jargon in TEXT")
    lint.add_argument("text")
    lint.set_defaults(run=run_lint)


def _context(args: argparse.Namespace) -> tuple[Paths, Settings]:
    from assistant.paths import resolve_paths
    from assistant.settings import load_settings

    paths = resolve_paths(args.data_dir)
    return paths, load_settings(paths.settings_file)


def open_library(paths: Paths) -> Library:
    from assistant.playbooks.library import all_sources, load_library

    return load_library(all_sources(paths), paths.cache_dir)


def calendar_for(settings: Settings) -> WorkCalendar:
    from assistant.calendar.workcalendar import OfficeHours, WorkCalendar

    try:
        return WorkCalendar(settings.country, OfficeHours.parse(settings.office_hours))
    except ValueError as exc:
        raise UserError(f"settings: {exc}") from None


def run_check(args: argparse.Namespace) -> int:
    from assistant.playbooks.library import all_sources, check_sources, pack_files

    paths, _ = _context(args)
    sources: list[Source] = []
    if args.paths:
        for path in args.paths:
            if path.is_dir():
                sources += [(p, "user") for p in pack_files(path)]
            else:
                sources.append((path, "user"))
    else:
        sources = all_sources(paths)
    packs, problems = check_sources(sources)
    for problem in problems:
        print(problem)
    entries = sum(len(p.entries) for p in packs)
    summary = f"{len(sources)} file(s), {len(packs)} pack(s), {entries} entries"
    if problems:
        print(f"{summary}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{summary}: no problems", file=sys.stderr)
    return 0


def run_search(args: argparse.Namespace) -> int:
    from assistant.settings import phrase_languages

    paths, settings = _context(args)
    library = open_library(paths)
    system = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    hits = library.search(args.query, max(1, args.limit), None, phrase_languages(settings, system))
    if args.json:
        rows = [
            {
                "id": h.entry.id,
                "title": h.entry.title,
                "category": h.entry.category,
                "language": h.entry.language,
                "score": round(h.score, 4),
                "field": h.field,
                "body": h.entry.body,
                **({"why": h.explain()} if args.explain else {}),
            }
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for position, hit in enumerate(hits, 1):
            if args.explain:
                print(f"{position}. {hit.entry.id}\t{hit.entry.title}\tscore {hit.score:g}")
                for line in hit.explain():
                    print(f"     {line}")
            else:
                print(f"{hit.entry.id}\t{hit.entry.title}")
    return 0


def _parse_now(text: str | None) -> datetime:
    if text is None:
        return datetime.now().astimezone()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise UserError(f"--now: {text!r} is not an ISO 8601 time") from None
    return value if value.tzinfo is not None else value.astimezone()


def run_render(args: argparse.Namespace) -> int:
    from assistant.playbooks.template import MissingValues, render

    paths, settings = _context(args)
    library = open_library(paths)
    entry = library.get(args.id)
    if entry is None:
        raise UserError(f"no entry with id {args.id!r}; try 'agent-assist playbook search'")
    values: dict[str, str | datetime] = {
        "agent_name": settings.agent_name,
        "agent_id": settings.agent_id,
    }
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UserError(f"--set {item!r}: write NAME=VALUE")
        values[name.strip()] = value
    try:
        rendered = render(entry, values, now=_parse_now(args.now), calendar=calendar_for(settings))
    except MissingValues as exc:
        print(
            f"agent-assist: {args.id}: no value for {', '.join(exc.names)} "
            f"(give them with --set NAME=VALUE)",
            file=sys.stderr,
        )
        return 2
    print(rendered.text)
    if args.copy:
        copy_text(rendered.text)
    return 0


def copy_text(text: str) -> None:
    import pyperclip

    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException:
        raise UserError(
            "no clipboard available: install xclip or xsel (Linux), or run inside a desktop session"
        ) from None


def run_lint(args: argparse.Namespace) -> int:
    from assistant.playbooks.lint import lint_text

    paths, _ = _context(args)
    findings = lint_text(args.text, open_library(paths).jargon())
    for finding in findings:
        print(f"{finding.start}-{finding.end}\t{finding.kind}\t{finding.text}\t{finding.message}")
    return 1 if findings else 0
