"""The agent's and the centre's settings, kept in ``settings.json`` in the data dir.

The centre edits the required fields, the level clocks, the dispositions, the
country and office hours; the panel writes the agent's name, ID and dock position.
Unknown keys are kept as they are so a newer version's settings survive an older app.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from assistant.errors import UserError
from assistant.languages import LANGUAGES, pack_language

LEVELS: tuple[str, ...] = ("L1", "L2", "L3", "L4")

DEFAULT_REQUIRED_FIELDS: tuple[str, ...] = (
    "started_at",
    "channel",
    "direction",
    "customer_contact",
    "request",
    "key_problem",
    "outcome",
    "resolution",
)

DEFAULT_DISPOSITIONS: tuple[str, ...] = (
    "info_provided",
    "resolved_first_contact",
    "callback_scheduled",
    "escalated",
    "transferred",
    "complaint_logged",
    "no_action_needed",
)


class LevelClock(NamedTuple):
    """First-response and resolution targets, as date specs counted in business time."""

    first_response: str
    resolution: str


# The domain brief gives L1 and L3; L2 and L4 are "set by the centre": these are
# our starting points, which a centre overrides in settings.json.
DEFAULT_LEVEL_CLOCKS: Mapping[str, LevelClock] = MappingProxyType(
    {
        "L1": LevelClock("+30 business minutes", "+24 business hours"),
        "L2": LevelClock("+1 business hour", "+48 business hours"),
        "L3": LevelClock("+2 business hours", "+72 business hours"),
        "L4": LevelClock("+1 business hour", "+5 business days"),
    }
)


class Settings(NamedTuple):
    """The agent's settings, as kept in the data dir's settings file.

    Read-only, mappings included: ``with_changes`` makes a changed copy.
    """

    agent_name: str = ""
    agent_id: str = ""
    country: str = "CN"
    office_hours: str = "09:00-18:00"
    language: str = ""  # UI language; empty follows the system locale
    required_fields: tuple[str, ...] = DEFAULT_REQUIRED_FIELDS
    dispositions: tuple[str, ...] = DEFAULT_DISPOSITIONS
    level_clocks: Mapping[str, LevelClock] = DEFAULT_LEVEL_CLOCKS
    dock_edge: str = "right"
    panel_width: int = 360
    screen: str = ""
    sync_url: str = ""
    backup_days: int = 7
    # First-contact resolution: no call from the same contact within this many days.
    fcr_window_days: int = 7
    # The languages phrases are shown in, first choice first; empty: the ``language``
    # setting, else the interface language (see ``phrase_languages``).
    phrase_languages: tuple[str, ...] = ()
    # The agent's groups (billing, tier2): packs limited to other groups are not loaded.
    groups: tuple[str, ...] = ()
    # The key that brings the panel forward from any program (and hides it again).
    hotkey: str = "Ctrl+Alt+Space"
    # After a copy: focus back to the window the panel was summoned from, and paste.
    paste_back: bool = False
    extra: Mapping[str, Any] = MappingProxyType({})  # keys this version does not know

    def with_changes(self, **changes: Any) -> Settings:
        return self._replace(**changes)


_TUPLE_FIELDS = {"required_fields", "dispositions", "phrase_languages", "groups"}


def load_settings(path: Path) -> Settings:
    """Read settings; a missing file gives the defaults, a bad one a message naming it."""
    raw = _read_raw(path)
    return Settings() if raw is None else _from_mapping(raw, path)


def _read_raw(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UserError(f"{path}: cannot read settings: {exc.strerror}") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    if not isinstance(raw, dict):
        raise UserError(f"{path}: settings must be a JSON object")
    return raw


def settings_problems(path: Path) -> list[str]:
    """Everything the commands would refuse in the settings file, one message per bad
    key naming the file and the key; empty when it is fine (or missing).

    Besides what ``load_settings`` checks, this checks the country and office hours
    as the work calendar reads them (the first dated phrase or deadline would fail
    on them). It imports the holiday tables: not for the panel's start.
    """
    from assistant.calendar.workcalendar import OfficeHours, WorkCalendar

    try:
        raw = _read_raw(path)
    except UserError as exc:
        return [exc.message]
    problems: list[str] = []
    settings = Settings()
    for name, value in (raw or {}).items():
        try:
            read = _from_mapping({name: value}, path)  # one key at a time: each is named
        except UserError as exc:
            problems.append(exc.message)
            continue
        if name in Settings._fields and name != "extra":
            settings = settings._replace(**{name: getattr(read, name)})
    checks = (
        ("office_hours", lambda: OfficeHours.parse(settings.office_hours)),
        ("country", lambda: WorkCalendar(settings.country)),
    )
    for name, check in checks:
        try:
            check()
        except ValueError as exc:
            problems.append(f"{path}: {name}: {exc}")
    return problems


def _from_mapping(raw: dict[str, Any], path: Path) -> Settings:
    defaults = Settings()
    values: dict[str, Any] = {}
    known = set(Settings._fields) - {"extra"}
    for name, value in raw.items():
        if name not in known:
            continue
        expected = getattr(defaults, name)
        if name == "level_clocks":
            values[name] = MappingProxyType(_level_clocks(value, path))
        elif name in _TUPLE_FIELDS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UserError(f"{path}: {name}: must be a list of strings")
            values[name] = tuple(value)
            if name == "phrase_languages":
                _check_languages(value, path)
        elif isinstance(expected, bool):
            if not isinstance(value, bool):
                raise UserError(f"{path}: {name}: must be true or false")
            values[name] = value
        elif isinstance(value, bool) or not isinstance(value, type(expected)):
            kind = "a whole number" if isinstance(expected, int) else "text"
            raise UserError(f"{path}: {name}: must be {kind}")
        elif name == "backup_days" and value < 0:
            raise UserError(
                f"{path}: backup_days: must be 0 (no automatic backups) or more, got {value}"
            )
        else:
            values[name] = value
    extra = {k: v for k, v in raw.items() if k not in known}
    return Settings(**values, extra=MappingProxyType(extra))


def _check_languages(value: list[str], path: Path) -> None:
    for language in value:
        if language not in LANGUAGES:
            raise UserError(
                f"{path}: phrase_languages: {language!r} is not one of " + ", ".join(LANGUAGES)
            )


def phrase_languages(settings: Settings, interface_language: str = "") -> tuple[str, ...]:
    """The languages to show phrases in, first choice first: the setting, else the
    ``language`` setting, else the interface language; the other languages follow."""
    chosen = list(settings.phrase_languages)
    if not chosen:
        first = pack_language(settings.language) or pack_language(interface_language)
        chosen = [first] if first else []
    return tuple(dict.fromkeys([*chosen, *LANGUAGES]))


def centre_language(settings: Settings, interface_language: str = "") -> str:
    """The language the centre writes in (for its handoffs and the wording of a fixed
    promise): the first phrase language, else the ``language`` setting, else the
    interface language, as set (read it with ``pack_language``)."""
    return next(iter(settings.phrase_languages), "") or settings.language or interface_language


def _level_clocks(value: Any, path: Path) -> dict[str, LevelClock]:
    if not isinstance(value, dict):
        raise UserError(f"{path}: level_clocks: must be an object keyed by level")
    clocks = dict(DEFAULT_LEVEL_CLOCKS)
    for level, clock in value.items():
        if level not in LEVELS:
            raise UserError(f"{path}: level_clocks: unknown level {level!r} (use L1-L4)")
        if not isinstance(clock, dict) or not all(
            isinstance(clock.get(k), str) for k in ("first_response", "resolution")
        ):
            raise UserError(
                f"{path}: level_clocks.{level}: needs first_response and resolution date specs"
            )
        clocks[level] = LevelClock(clock["first_response"], clock["resolution"])
    return clocks


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a file."""
    data = settings._asdict()
    data["level_clocks"] = {level: c._asdict() for level, c in settings.level_clocks.items()}
    data.update(data.pop("extra"))
    for name in _TUPLE_FIELDS:
        data[name] = list(data[name])
    from assistant.files import write_text_atomically  # only when writing

    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
