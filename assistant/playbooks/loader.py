"""Reading pack files into entries, with every problem as ``FILE:LINE: ENTRY-ID: message``.

The YAML is composed into nodes (not constructed into Python objects) so every
value keeps its line, and scalars are taken as the text the author wrote: a title
``no`` stays ``"no"``, never ``False``. A bad entry is reported and skipped; the
rest of its pack still loads. The node readers are in ``yamlnodes``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.calendar.dates import DateSpecError, day_words, parse_spec
from assistant.languages import LANGUAGES
from assistant.playbooks.date_context import day_word_beside
from assistant.playbooks.model import (
    BUILTIN_PLACEHOLDERS,
    CATEGORIES,
    CUSTOMER_TYPES,
    EMOTION_STAGES,
    Entry,
    Origin,
    Pack,
    Placeholder,
    Problem,
)
from assistant.playbooks.template import TemplateSyntaxError, parse, placeholder_names
from assistant.playbooks.yamlnodes import (
    Invalid,
    check_choices,
    is_null,
    line_of,
    mapping_of,
    scalar_text,
    text_list,
)

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")

ENTRY_KEYS = {
    "id",
    "title",
    "category",
    "body",
    "tags",
    "when_to_use",
    "emotion_stages",
    "customer_types",
    "alternatives",
    "term",
    "plain",
    "analogy",
    "placeholders",
    "intent",
    "shortcode",
}
PLACEHOLDER_KEYS = {"label", "default", "choices", "kind", "spec"}
HEADER_KEYS = {"id", "name", "language", "version", "author", "groups"}
# Short enough to type in the search field, one word so it cannot clash with a query.
SHORTCODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]{0,15}")


def _placeholders(node: yaml.Node, what: str) -> dict[str, Placeholder]:
    result: dict[str, Placeholder] = {}
    if is_null(node):
        return result
    for name, (key, value) in mapping_of(node, what).items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise Invalid(line_of(key), f"placeholder name {name!r}: letters, digits and _ only")
        fields = {} if is_null(value) else mapping_of(value, f"placeholder {name}")
        unknown = sorted(set(fields) - PLACEHOLDER_KEYS)
        if unknown:
            raise Invalid(line_of(value), f"placeholder {name}: unknown key {unknown[0]!r}")
        kind = scalar_text(fields["kind"][1], "kind") if "kind" in fields else "text"
        if kind not in ("text", "date"):
            raise Invalid(line_of(fields["kind"][1]), f"placeholder {name}: kind is text or date")
        spec = scalar_text(fields["spec"][1], "spec") if "spec" in fields else None
        if kind == "date":
            if not spec:
                raise Invalid(line_of(value), f"placeholder {name}: a date needs a spec")
            try:
                parse_spec(spec)
            except DateSpecError as exc:
                raise Invalid(line_of(fields["spec"][1]), f"placeholder {name}: {exc}") from None
        result[name] = Placeholder(
            name=name,
            label=scalar_text(fields["label"][1], "label") if "label" in fields else "",
            default=scalar_text(fields["default"][1], "default") or None
            if "default" in fields
            else None,
            choices=text_list(fields["choices"][1], "choices") if "choices" in fields else (),
            kind=kind,  # type: ignore[arg-type]
            spec=spec,
        )
    return result


@dataclass(frozen=True, slots=True)
class _Header:
    id: str
    name: str
    language: str
    version: str
    author: str
    groups: tuple[str, ...]


def _header(node: yaml.Node) -> _Header:
    fields = mapping_of(node, "pack")
    unknown = sorted(set(fields) - HEADER_KEYS)
    if unknown:
        raise Invalid(line_of(fields[unknown[0]][0]), f"pack: unknown key {unknown[0]!r}")
    missing = [k for k in ("id", "name", "language") if k not in fields]
    if missing:
        raise Invalid(line_of(node), f"pack: missing {', '.join(missing)}")
    pack_id = scalar_text(fields["id"][1], "pack id", required=True)
    if not _ID.fullmatch(pack_id):
        raise Invalid(line_of(fields["id"][1]), f"pack id {pack_id!r}: letters, digits, . _ - only")
    language = scalar_text(fields["language"][1], "language", required=True)
    if language not in LANGUAGES:
        raise Invalid(
            line_of(fields["language"][1]),
            f"language {language!r} is not one of {', '.join(LANGUAGES)}",
        )
    return _Header(
        id=pack_id,
        name=scalar_text(fields["name"][1], "name", required=True),
        language=language,
        version=scalar_text(fields["version"][1], "version") if "version" in fields else "",
        author=scalar_text(fields["author"][1], "author") if "author" in fields else "",
        groups=_groups(fields["groups"][1]) if "groups" in fields else (),
    )


def _groups(node: yaml.Node) -> tuple[str, ...]:
    groups = text_list(node, "groups")
    for group in groups:
        if not _ID.fullmatch(group):
            raise Invalid(line_of(node), f"groups: {group!r}: letters, digits, . _ - only")
    return groups


def _synonyms(node: yaml.Node) -> dict[str, tuple[str, ...]]:
    """``synonyms:``: a tag, and the words agents say for it."""
    out: dict[str, tuple[str, ...]] = {}
    for word, (key, value) in mapping_of(node, "synonyms").items():
        what = f"synonyms of {word!r}"
        words = (
            (scalar_text(value, what),)
            if isinstance(value, yaml.ScalarNode)
            else text_list(value, what)
        )
        if not word.strip() or not all(w.strip() for w in words):
            raise Invalid(line_of(key), f"synonyms of {word!r}: empty word")
        out[word.casefold()] = words
    return out


def _keywords(
    category: str,
    tags: tuple[str, ...],
    placeholders: Iterable[Placeholder],
    synonyms: dict[str, tuple[str, ...]],
) -> tuple[str, ...]:
    words = [w for tag in tags for w in synonyms.get(tag.casefold(), ())]
    if category == "commitment":  # a dated promise is found by the day it falls on
        for p in placeholders:
            if p.kind == "date" and p.spec:
                words += day_words(parse_spec(p.spec))
    return tuple(dict.fromkeys(w for w in words if w not in tags))


class _Fields:
    """An entry's fields, read as text, each with its line for messages."""

    __slots__ = ("_fields", "line")

    def __init__(self, node: yaml.Node) -> None:
        self._fields = mapping_of(node, "entry")
        self.line = line_of(node)
        unknown = sorted(set(self._fields) - ENTRY_KEYS)
        if unknown:
            raise Invalid(line_of(self._fields[unknown[0]][0]), f"unknown key {unknown[0]!r}")
        missing = [k for k in ("id", "title", "category", "body") if k not in self._fields]
        if missing:
            raise Invalid(self.line, f"missing {', '.join(missing)}")

    def __contains__(self, key: str) -> bool:
        return key in self._fields

    def node(self, key: str) -> yaml.Node:
        return self._fields[key][1]

    def text(self, key: str, *, required: bool = False) -> str:
        return scalar_text(self.node(key), key, required=required) if key in self._fields else ""

    def texts(self, key: str) -> tuple[str, ...]:
        return text_list(self.node(key), key) if key in self._fields else ()

    def where(self, key: str) -> int:
        """The line of a field's value, or of the entry when it has no such field."""
        return line_of(self.node(key)) if key in self._fields else self.line


def _entry(
    node: yaml.Node,
    header: _Header,
    shared: dict[str, Placeholder],
    source: str,
    synonyms: dict[str, tuple[str, ...]],
) -> Entry:
    """One entry of a pack; its first problem raises ``Invalid`` with the line."""
    fields = _Fields(node)
    entry_id = _identifier(fields, "id", required=True)
    category = _category(fields)
    stages = fields.texts("emotion_stages")
    check_choices(stages, EMOTION_STAGES, "emotion_stages", fields.where("emotion_stages"))
    types = fields.texts("customer_types")
    check_choices(types, CUSTOMER_TYPES, "customer_types", fields.where("customer_types"))
    if category == "jargon":
        for key in ("term", "plain", "analogy"):
            if not fields.text(key).strip():
                raise Invalid(fields.where(key), f"a jargon entry needs {key}")
    own = (
        _placeholders(fields.node("placeholders"), "placeholders")
        if "placeholders" in fields
        else {}
    )
    defined = {**shared, **own}
    body = fields.text("body", required=True)
    alternatives = fields.texts("alternatives")
    used = _placeholders_used(
        [("body", body)] + [("alternatives", a) for a in alternatives], defined, fields
    )
    intent = _identifier(fields, "intent")
    shortcode = _shortcode(fields)
    tags = fields.texts("tags")
    placeholders = tuple(defined[n] for n in used if n in defined)
    return Entry(
        id=entry_id,
        title=fields.text("title", required=True),
        category=category,
        body=body,
        tags=tags,
        when_to_use=fields.text("when_to_use"),
        emotion_stages=stages,
        customer_types=types,
        alternatives=alternatives,
        term=fields.text("term"),
        plain=fields.text("plain"),
        analogy=fields.text("analogy"),
        placeholders=placeholders,
        language=header.language,
        pack_id=header.id,
        source=source,
        line=fields.line,
        intent=intent,
        keywords=_keywords(category, tags, placeholders, synonyms),
        shortcode=shortcode,
    )


def _identifier(fields: _Fields, key: str, *, required: bool = False) -> str:
    """An id or intent: letters, digits, . _ - (empty when not required and absent)."""
    value = fields.text(key, required=required)
    if value and not _ID.fullmatch(value):
        raise Invalid(fields.where(key), f"{key} {value!r}: letters, digits, . _ - only")
    return value


def _category(fields: _Fields) -> str:
    """The entry's category, one of ``CATEGORIES``."""
    category = fields.text("category", required=True)
    if category not in CATEGORIES:
        raise Invalid(
            fields.where("category"),
            f"unknown category {category!r} (one of {', '.join(CATEGORIES)})",
        )
    return category


def _shortcode(fields: _Fields) -> str:
    shortcode = fields.text("shortcode").strip()
    if shortcode and not SHORTCODE.fullmatch(shortcode):
        raise Invalid(
            fields.where("shortcode"),
            f"shortcode {shortcode!r}: one word of up to 16 letters, digits, . _ -",
        )
    return shortcode


def _placeholders_used(
    templates: list[tuple[str, str]], defined: dict[str, Placeholder], fields: _Fields
) -> list[str]:
    """The placeholders the (field, template) pairs use, each once, in order. A
    template must parse, use only defined placeholders, and write no day word beside
    a date placeholder."""
    used: list[str] = []
    for key, value in templates:
        try:
            used.extend(placeholder_names(value))
        except TemplateSyntaxError as exc:
            raise Invalid(fields.where(key), f"{key}: {exc}") from None
    names = list(dict.fromkeys(used))
    undefined = [n for n in names if n not in defined and n not in BUILTIN_PLACEHOLDERS]
    if undefined:
        raise Invalid(
            fields.where("body"),
            f"placeholder {{{undefined[0]}}} is used but not defined"
            + (f" (also {', '.join(undefined[1:])})" if len(undefined) > 1 else ""),
        )
    dated = {n for n, p in defined.items() if p.kind == "date"}
    for key, value in templates:
        clash = _day_word_clash(value, dated)
        if clash:
            raise Invalid(fields.where(key), f"{key}: {clash}")
    return names


def _day_word_clash(text: str, dated: set[str]) -> str:
    """A day word written beside a date placeholder, which renders its own day."""
    parts = parse(text)
    for i, part in enumerate(parts):
        if not isinstance(part, tuple) or part[0] not in dated:
            continue
        before = parts[i - 1] if i > 0 and isinstance(parts[i - 1], str) else ""
        after = parts[i + 1] if i + 1 < len(parts) and isinstance(parts[i + 1], str) else ""
        word = day_word_beside(str(before), str(after))
        if word:
            return (
                f"{word!r} beside {{{part[0]}}} says the day twice: the date placeholder "
                "already says which day (today, tomorrow or a date); remove the word"
            )
    return ""


def load_pack_text(text: str, source: str, origin: Origin) -> tuple[Pack | None, list[Problem]]:
    """Parse one pack; return it (without its bad entries) and every problem found."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else 1
        return None, [Problem(source, line, "", f"not valid YAML: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(source, 1, "", f"not valid YAML: {exc}")]
    if root is None:
        return None, [Problem(source, 1, "", "the file is empty")]
    problems: list[Problem] = []
    try:
        parts = _pack_parts(root, source, problems)
    except Invalid as exc:
        return None, [*problems, Problem(source, exc.line, "", exc.message)]
    header = parts.header
    entries = _read_entries(parts, source, problems)
    pack = Pack(
        id=header.id,
        name=header.name,
        language=header.language,
        version=header.version,
        author=header.author,
        origin=origin,
        source=source,
        entries=tuple(entries),
        groups=header.groups,
    )
    return pack, problems


@dataclass(frozen=True, slots=True)
class _PackParts:
    """A pack's top-level sections, checked, before its entries are read."""

    header: _Header
    shared: dict[str, Placeholder]  # placeholders every entry may use
    synonyms: dict[str, tuple[str, ...]]
    entries: yaml.SequenceNode


def _pack_parts(root: yaml.Node, source: str, problems: list[Problem]) -> _PackParts:
    """The pack's sections; unknown top-level keys are added to ``problems``, a
    missing or malformed section raises."""
    top = mapping_of(root, "the pack")
    for key in sorted(set(top) - {"pack", "placeholders", "synonyms", "entries"}):
        problems.append(Problem(source, line_of(top[key][0]), "", f"unknown key {key!r}"))
    if "pack" not in top:
        raise Invalid(1, "missing the 'pack:' header (id, name, language)")
    header = _header(top["pack"][1])
    shared = _placeholders(top["placeholders"][1], "placeholders") if "placeholders" in top else {}
    synonyms = _synonyms(top["synonyms"][1]) if "synonyms" in top else {}
    entries_node = top["entries"][1] if "entries" in top else None
    if entries_node is None or is_null(entries_node):
        raise Invalid(1, "the pack has no 'entries:' list")
    if not isinstance(entries_node, yaml.SequenceNode):
        raise Invalid(line_of(entries_node), "'entries' must be a list")
    return _PackParts(header, shared, synonyms, entries_node)


def _read_entries(parts: _PackParts, source: str, problems: list[Problem]) -> list[Entry]:
    """The pack's good entries; a bad entry, a repeated id or shortcode is added to
    ``problems`` and skipped."""
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    codes: dict[str, str] = {}
    for node in parts.entries.value:
        entry_id = _guess_id(node)
        try:
            entry = _entry(node, parts.header, parts.shared, source, parts.synonyms)
        except Invalid as exc:
            problems.append(Problem(source, exc.line, entry_id, exc.message))
            continue
        if entry.id in seen:
            problems.append(
                Problem(
                    source, entry.line, entry.id, f"duplicate id (first at line {seen[entry.id]})"
                )
            )
            continue
        code = entry.shortcode.casefold()
        if code and code in codes:
            clash = f"shortcode {entry.shortcode!r} is also {codes[code]}'s"
            problems.append(Problem(source, entry.line, entry.id, clash))
            continue
        if code:
            codes[code] = entry.id
        seen[entry.id] = entry.line
        entries.append(entry)
    return entries


def _guess_id(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if (
                isinstance(key, yaml.ScalarNode)
                and key.value == "id"
                and isinstance(value, yaml.ScalarNode)
            ):
                return str(value.value)
    return ""


def load_pack_file(path: Path, origin: Origin) -> tuple[Pack | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(str(path), 1, "", f"not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return None, [Problem(str(path), 1, "", f"cannot read: {exc.strerror}")]
    return load_pack_text(text, str(path), origin)
