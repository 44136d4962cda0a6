"""The agent's own phrases: ``packs/mine.yaml`` in the data dir, written by the panel.

Every change goes through the same loader and checks as any pack, and is written
so that a crash or a kill at any moment leaves the pack as it was or as it became,
never half a file: the new text goes to a temporary file, is checked, flushed to
disk and renamed over the pack; the previous file is kept beside it as the backup
that ``undo`` brings back.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from assistant.errors import UserError
from assistant.files import write_bytes_atomically
from assistant.playbooks.loader import load_pack_text
from assistant.playbooks.model import BUILTIN_PLACEHOLDERS, Entry, Placeholder, Problem
from assistant.playbooks.template import TemplateSyntaxError, placeholder_names

if TYPE_CHECKING:
    from assistant.playbooks.library import Library

MY_PACK_FILE = "mine.yaml"
MY_PACK_ID = "mine"
BACKUP_SUFFIX = ".bak"  # not a pack suffix: the library never loads the backup


class Phrase(NamedTuple):
    """What the editor asks for. Placeholders not defined here become plain text blanks."""

    title: str
    category: str
    body: str
    tags: tuple[str, ...] = ()
    shortcode: str = ""
    intent: str = ""  # a copy keeps the original's intent, so it replaces it for the agent
    placeholders: tuple[Placeholder, ...] = ()
    # Kept from the original of a copy; the editor does not ask for them.
    when_to_use: str = ""
    term: str = ""
    plain: str = ""
    analogy: str = ""

    @classmethod
    def copy_of(cls, entry: Entry) -> Phrase:
        return cls(
            title=entry.title,
            category=entry.category,
            body=entry.body,
            tags=entry.tags,
            intent=entry.intent_key,
            placeholders=entry.placeholders,
            when_to_use=entry.when_to_use,
            term=entry.term,
            plain=entry.plain,
            analogy=entry.analogy,
        )


class PhraseRefused(UserError):
    """The phrase was not saved; ``field`` is the editor field to point at ("" for none)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def found_placeholders(body: str) -> list[str]:
    """The blanks a body uses, in order; raises ``TemplateSyntaxError`` for a bad one."""
    return list(dict.fromkeys(placeholder_names(body)))


class MyPack:
    """The agent's own pack file: read, changed one phrase at a time, written safely."""

    def __init__(self, folder: Path, language: str) -> None:
        self.path = folder / MY_PACK_FILE
        self.backup = self.path.with_name(MY_PACK_FILE + BACKUP_SUFFIX)
        self.language = language  # for a new file; an existing one keeps its own

    # -- reading -----------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return self._new()
        except (OSError, UnicodeDecodeError) as exc:
            raise PhraseRefused("", f"{self.path}: cannot read: {exc}") from None
        try:
            # Every scalar as the text written: a title "no" stays "no".
            data = yaml.load(text, Loader=yaml.BaseLoader)
        except yaml.YAMLError as exc:
            raise PhraseRefused(
                "", f"{self.path} is not valid YAML; fix it or move it away ({exc})"
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("pack"), dict):
            raise PhraseRefused("", f"{self.path} is not a pack; fix it or move it away")
        if not isinstance(data.get("entries"), list):
            data["entries"] = []
        return data

    def _new(self) -> dict[str, Any]:
        return {
            "pack": {"id": MY_PACK_ID, "name": "My phrases", "language": self.language},
            "entries": [],
        }

    def ids(self) -> list[str]:
        return self._ids(self._read())

    @staticmethod
    def _ids(data: dict[str, Any]) -> list[str]:
        return [str(e.get("id", "")) for e in data["entries"] if isinstance(e, dict)]

    def team_pack_text(
        self, pack_id: str, name: str, version: str, entry_ids: list[str] | None = None
    ) -> str:
        """These phrases (all, or ``entry_ids``) as a team pack for every agent.

        Each entry gets an id of the team pack (``mine.3`` -> ``<pack_id>.3``): every
        agent has ``mine.*`` ids of their own. A copy keeps the intent it replaces.
        """
        if not pack_id.strip():
            raise PhraseRefused("pack id", "pack id is empty")
        if pack_id.strip() == MY_PACK_ID:
            raise PhraseRefused("pack id", f"pack id {MY_PACK_ID!r} is the agents' own pack")
        if not name.strip():
            raise PhraseRefused("name", "name is empty")
        data = self._read()
        pack_id = pack_id.strip()
        entries = []
        for entry in data["entries"]:
            if not isinstance(entry, dict):
                continue
            old = str(entry.get("id", ""))
            if entry_ids is not None and old not in entry_ids:
                continue
            suffix = old.removeprefix(f"{MY_PACK_ID}.")
            entries.append({**entry, "id": f"{pack_id}.{suffix}"})
        if not entries:
            raise PhraseRefused("", "no phrases chosen to publish")
        header = {
            "id": pack_id,
            "name": name.strip(),
            "language": str(data["pack"].get("language") or self.language),
            "version": version,
        }
        return _dump({"pack": header, "entries": entries})

    # -- changes -----------------------------------------------------------------

    def add(self, phrase: Phrase, library: Library | None = None) -> str:
        """Save a new phrase; its id. ``library``: what is loaded (ids, shortcodes taken)."""
        data = self._read()
        mine = set(self._ids(data))
        number = len(data["entries"]) + 1
        while f"{MY_PACK_ID}.{number}" in mine or (
            library is not None and library.get(f"{MY_PACK_ID}.{number}") is not None
        ):
            number += 1
        entry_id = f"{MY_PACK_ID}.{number}"
        data["entries"].append(_entry_data(entry_id, phrase))
        self._write(data, entry_id, phrase, library)
        return entry_id

    def replace(self, entry_id: str, phrase: Phrase, library: Library | None = None) -> None:
        data = self._read()
        at = self._position(data, entry_id)
        data["entries"][at] = _entry_data(entry_id, phrase)
        self._write(data, entry_id, phrase, library)

    def rename(self, entry_id: str, title: str) -> None:
        data = self._read()
        at = self._position(data, entry_id)
        if not title.strip():
            raise PhraseRefused("title", "title is empty")
        data["entries"][at]["title"] = title.strip()
        self._write(data, entry_id, None, None)

    def delete(self, entry_id: str) -> None:
        data = self._read()
        del data["entries"][self._position(data, entry_id)]
        self._write(data, "", None, None)

    def can_undo(self) -> bool:
        return self.backup.is_file()

    def undo(self) -> None:
        """Bring back the pack as it was before the last change (once)."""
        try:
            text = self.backup.read_text(encoding="utf-8")
        except OSError as exc:
            raise PhraseRefused("", f"nothing to undo ({exc.strerror})") from None
        if text:
            write_checked(self.path, text, keep_backup=False)
        else:
            self.path.unlink(missing_ok=True)
        self.backup.unlink(missing_ok=True)

    # -- internals ---------------------------------------------------------------

    def _position(self, data: dict[str, Any], entry_id: str) -> int:
        for i, entry in enumerate(data["entries"]):
            if isinstance(entry, dict) and entry.get("id") == entry_id:
                return i
        raise PhraseRefused("", f"{entry_id} is not one of your phrases")

    def _write(
        self, data: dict[str, Any], entry_id: str, phrase: Phrase | None, library: Library | None
    ) -> None:
        code = phrase.shortcode.strip() if phrase is not None else ""
        if code:
            owners = {
                str(e.get("shortcode", "")).casefold(): (str(e.get("id")), str(e.get("title")))
                for e in data["entries"]
                if isinstance(e, dict) and e.get("id") != entry_id
            }
            other = library.get(library.shortcodes.get(code.casefold(), "")) if library else None
            if other is not None and other.id != entry_id:
                owners.setdefault(code.casefold(), (other.id, other.title))
            if code.casefold() in owners:
                title = owners[code.casefold()][1]
                raise PhraseRefused("shortcode", f"shortcode {code!r} is taken by “{title}”")
        write_checked(self.path, _dump(data), focus=entry_id)


def _entry_data(entry_id: str, phrase: Phrase) -> dict[str, Any]:
    data: dict[str, Any] = {"id": entry_id}
    if phrase.intent and phrase.intent != entry_id:
        data["intent"] = phrase.intent
    data["title"] = phrase.title.strip()
    data["category"] = phrase.category
    if phrase.shortcode.strip():
        data["shortcode"] = phrase.shortcode.strip()
    data["body"] = phrase.body
    tags = [t.strip() for t in phrase.tags if t.strip()]
    if tags:
        data["tags"] = tags
    for key in ("when_to_use", "term", "plain", "analogy"):
        if getattr(phrase, key):
            data[key] = getattr(phrase, key)
    defined = {p.name: p for p in phrase.placeholders}
    try:
        names = found_placeholders(phrase.body)
    except TemplateSyntaxError:
        names = []  # the loader reports the bad blank on the body
    blanks = {n: _placeholder_data(defined.get(n)) for n in names if n not in BUILTIN_PLACEHOLDERS}
    if blanks:
        data["placeholders"] = blanks
    return data


def _placeholder_data(p: Placeholder | None) -> dict[str, Any]:
    if p is None:
        return {}  # a plain text blank, labelled with its name
    out: dict[str, Any] = {}
    if p.label:
        out["label"] = p.label
    if p.default is not None:
        out["default"] = p.default
    if p.choices:
        out["choices"] = list(p.choices)
    if p.kind != "text":
        out["kind"] = p.kind
    if p.spec:
        out["spec"] = p.spec
    return out


class _Dumper(yaml.SafeDumper):
    pass


def _text_style(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None  # a body of several lines stays readable
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text_style)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)


def _field_at(text: str, problem: Problem) -> str:
    """The entry key whose value is on the problem's line ("" when none)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return ""
    for key, value in getattr(root, "value", ()):
        if key.value != "entries" or not isinstance(value, yaml.SequenceNode):
            continue
        for entry in value.value:
            for k, v in getattr(entry, "value", ()):
                if v.start_mark.line + 1 == problem.line:
                    return str(k.value)
    return ""


_MESSAGE_FIELD = re.compile(r"^(title|category|body|tags|shortcode|placeholder)")


def write_checked(path: Path, text: str, *, focus: str = "", keep_backup: bool = True) -> None:
    """Replace the pack at ``path`` with ``text`` if it loads with no new problem.

    ``focus``: the entry being changed, whose problems name their field. The old
    file is kept as ``<name>.bak``. A kill at any moment leaves ``path`` whole.
    """
    old_problems: set[tuple[str, str]] = set()
    if path.is_file():
        _, found = load_pack_text(path.read_text(encoding="utf-8"), str(path), "user")
        old_problems = {(p.entry_id, p.message) for p in found}
    pack, problems = load_pack_text(text, str(path), "user")
    new = [p for p in problems if (p.entry_id, p.message) not in old_problems]
    if pack is None or new:
        problem = (new or problems)[0]
        field = _field_at(text, problem) if problem.entry_id in (focus, "") else ""
        if not field:
            match = _MESSAGE_FIELD.match(problem.message)
            field = match.group(1) if match else ""
        raise PhraseRefused("body" if field == "placeholder" else field, problem.message)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if keep_backup:  # an empty backup: there was no pack before
            old = path.read_bytes() if path.is_file() else b""
            write_bytes_atomically(path.with_name(path.name + BACKUP_SUFFIX), old)
        write_bytes_atomically(path, text.encode("utf-8"))
    except OSError as exc:
        raise PhraseRefused("", f"{path}: cannot write: {exc.strerror}") from None
