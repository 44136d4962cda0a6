"""Reading pack files into entries, with every problem as ``FILE:LINE: ENTRY-ID: message``.

The YAML is composed into nodes (not constructed into Python objects) so every
value keeps its line, and scalars are taken as the text the author wrote: a title
``no`` stays ``"no"``, never ``False``. A bad entry is reported and skipped; the
rest of its pack still loads.
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

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")
_NULL_TAG = "tag:yaml.org,2002:null"

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


class _Invalid(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _mapping(node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise _Invalid(_line(node), f"{what} must be a mapping of keys to values")
    result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _Invalid(_line(key), f"{what}: keys must be plain words")
        if key.value in result:
            raise _Invalid(_line(key), f"{what}: key {key.value!r} appears twice")
        result[key.value] = (key, value)
    return result


def _text(node: yaml.Node, what: str, *, required: bool = False) -> str:
    if isinstance(node, yaml.ScalarNode):
        value = "" if node.tag == _NULL_TAG and node.style is None else str(node.value)
        if required and not value.strip():
            raise _Invalid(_line(node), f"{what} is empty")
        return value
    raise _Invalid(_line(node), f"{what} must be text, not a {_kind(node)}")


def _texts(node: yaml.Node, what: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise _Invalid(_line(node), f"{what} must be a list, not a {_kind(node)}")
    return tuple(_text(item, f"{what} item") for item in node.value)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "single value"


def _choices(values: tuple[str, ...], allowed: tuple[str, ...], what: str, line: int) -> None:
    for value in values:
        if value not in allowed:
            raise _Invalid(line, f"{what}: {value!r} is not one of {', '.join(allowed)}")


def _placeholders(node: yaml.Node, what: str) -> dict[str, Placeholder]:
    result: dict[str, Placeholder] = {}
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
        return result
    for name, (key, value) in _mapping(node, what).items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise _Invalid(_line(key), f"placeholder name {name!r}: letters, digits and _ only")
        fields = {} if _is_null(value) else _mapping(value, f"placeholder {name}")
        unknown = sorted(set(fields) - PLACEHOLDER_KEYS)
        if unknown:
            raise _Invalid(_line(value), f"placeholder {name}: unknown key {unknown[0]!r}")
        kind = _text(fields["kind"][1], "kind") if "kind" in fields else "text"
        if kind not in ("text", "date"):
            raise _Invalid(_line(fields["kind"][1]), f"placeholder {name}: kind is text or date")
        spec = _text(fields["spec"][1], "spec") if "spec" in fields else None
        if kind == "date":
            if not spec:
                raise _Invalid(_line(value), f"placeholder {name}: a date needs a spec")
            try:
                parse_spec(spec)
            except DateSpecError as exc:
                raise _Invalid(_line(fields["spec"][1]), f"placeholder {name}: {exc}") from None
        result[name] = Placeholder(
            name=name,
            label=_text(fields["label"][1], "label") if "label" in fields else "",
            default=_text(fields["default"][1], "default") or None if "default" in fields else None,
            choices=_texts(fields["choices"][1], "choices") if "choices" in fields else (),
            kind=kind,  # type: ignore[arg-type]
            spec=spec,
        )
    return result


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG


@dataclass(frozen=True, slots=True)
class _Header:
    id: str
    name: str
    language: str
    version: str
    author: str
    groups: tuple[str, ...]


def _header(node: yaml.Node) -> _Header:
    fields = _mapping(node, "pack")
    unknown = sorted(set(fields) - HEADER_KEYS)
    if unknown:
        raise _Invalid(_line(fields[unknown[0]][0]), f"pack: unknown key {unknown[0]!r}")
    missing = [k for k in ("id", "name", "language") if k not in fields]
    if missing:
        raise _Invalid(_line(node), f"pack: missing {', '.join(missing)}")
    pack_id = _text(fields["id"][1], "pack id", required=True)
    if not _ID.fullmatch(pack_id):
        raise _Invalid(_line(fields["id"][1]), f"pack id {pack_id!r}: letters, digits, . _ - only")
    language = _text(fields["language"][1], "language", required=True)
    if language not in LANGUAGES:
        raise _Invalid(
            _line(fields["language"][1]),
            f"language {language!r} is not one of {', '.join(LANGUAGES)}",
        )
    return _Header(
        id=pack_id,
        name=_text(fields["name"][1], "name", required=True),
        language=language,
        version=_text(fields["version"][1], "version") if "version" in fields else "",
        author=_text(fields["author"][1], "author") if "author" in fields else "",
        groups=_groups(fields["groups"][1]) if "groups" in fields else (),
    )


def _groups(node: yaml.Node) -> tuple[str, ...]:
    groups = _texts(node, "groups")
    for group in groups:
        if not _ID.fullmatch(group):
            raise _Invalid(_line(node), f"groups: {group!r}: letters, digits, . _ - only")
    return groups


def _synonyms(node: yaml.Node) -> dict[str, tuple[str, ...]]:
    """``synonyms:``: a tag, and the words agents say for it."""
    out: dict[str, tuple[str, ...]] = {}
    for word, (key, value) in _mapping(node, "synonyms").items():
        what = f"synonyms of {word!r}"
        words = (_text(value, what),) if isinstance(value, yaml.ScalarNode) else _texts(value, what)
        if not word.strip() or not all(w.strip() for w in words):
            raise _Invalid(_line(key), f"synonyms of {word!r}: empty word")
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


def _entry(
    node: yaml.Node,
    header: _Header,
    shared: dict[str, Placeholder],
    source: str,
    synonyms: dict[str, tuple[str, ...]],
) -> Entry:
    fields = _mapping(node, "entry")
    line = _line(node)
    unknown = sorted(set(fields) - ENTRY_KEYS)
    if unknown:
        raise _Invalid(_line(fields[unknown[0]][0]), f"unknown key {unknown[0]!r}")
    missing = [k for k in ("id", "title", "category", "body") if k not in fields]
    if missing:
        raise _Invalid(line, f"missing {', '.join(missing)}")

    def text(key: str, *, required: bool = False) -> str:
        return _text(fields[key][1], key, required=required) if key in fields else ""

    def texts(key: str) -> tuple[str, ...]:
        return _texts(fields[key][1], key) if key in fields else ()

    def where(key: str) -> int:
        return _line(fields[key][1]) if key in fields else line

    entry_id = text("id", required=True)
    if not _ID.fullmatch(entry_id):
        raise _Invalid(where("id"), f"id {entry_id!r}: letters, digits, . _ - only")
    category = text("category", required=True)
    if category not in CATEGORIES:
        raise _Invalid(
            where("category"), f"unknown category {category!r} (one of {', '.join(CATEGORIES)})"
        )
    stages = texts("emotion_stages")
    _choices(stages, EMOTION_STAGES, "emotion_stages", where("emotion_stages"))
    types = texts("customer_types")
    _choices(types, CUSTOMER_TYPES, "customer_types", where("customer_types"))
    if category == "jargon":
        for key in ("term", "plain", "analogy"):
            if not text(key).strip():
                raise _Invalid(where(key), f"a jargon entry needs {key}")
    own = (
        _placeholders(fields["placeholders"][1], "placeholders") if "placeholders" in fields else {}
    )
    defined = {**shared, **own}
    body = text("body", required=True)
    alternatives = texts("alternatives")
    used: list[str] = []
    for key, value in [("body", body)] + [("alternatives", a) for a in alternatives]:
        try:
            used.extend(placeholder_names(value))
        except TemplateSyntaxError as exc:
            raise _Invalid(where(key), f"{key}: {exc}") from None
    undefined = [
        n for n in dict.fromkeys(used) if n not in defined and n not in BUILTIN_PLACEHOLDERS
    ]
    if undefined:
        raise _Invalid(
            where("body"),
            f"placeholder {{{undefined[0]}}} is used but not defined"
            + (f" (also {', '.join(undefined[1:])})" if len(undefined) > 1 else ""),
        )
    dated = {n for n, p in defined.items() if p.kind == "date"}
    for key, value in [("body", body)] + [("alternatives", a) for a in alternatives]:
        clash = _day_word_clash(value, dated)
        if clash:
            raise _Invalid(where(key), f"{key}: {clash}")
    intent = text("intent")
    if intent and not _ID.fullmatch(intent):
        raise _Invalid(where("intent"), f"intent {intent!r}: letters, digits, . _ - only")
    shortcode = text("shortcode").strip()
    if shortcode and not SHORTCODE.fullmatch(shortcode):
        raise _Invalid(
            where("shortcode"),
            f"shortcode {shortcode!r}: one word of up to 16 letters, digits, . _ -",
        )
    tags = texts("tags")
    placeholders = tuple(defined[n] for n in dict.fromkeys(used) if n in defined)
    return Entry(
        id=entry_id,
        title=text("title", required=True),
        category=category,
        body=body,
        tags=tags,
        when_to_use=text("when_to_use"),
        emotion_stages=stages,
        customer_types=types,
        alternatives=alternatives,
        term=text("term"),
        plain=text("plain"),
        analogy=text("analogy"),
        placeholders=placeholders,
        language=header.language,
        pack_id=header.id,
        source=source,
        line=line,
        intent=intent,
        keywords=_keywords(category, tags, placeholders, synonyms),
        shortcode=shortcode,
    )


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
    problems: list[Problem] = []
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
    try:
        top = _mapping(root, "the pack")
        for key in sorted(set(top) - {"pack", "placeholders", "synonyms", "entries"}):
            problems.append(Problem(source, _line(top[key][0]), "", f"unknown key {key!r}"))
        if "pack" not in top:
            raise _Invalid(1, "missing the 'pack:' header (id, name, language)")
        header = _header(top["pack"][1])
        shared = (
            _placeholders(top["placeholders"][1], "placeholders") if "placeholders" in top else {}
        )
        synonyms = _synonyms(top["synonyms"][1]) if "synonyms" in top else {}
        entries_node = top["entries"][1] if "entries" in top else None
        if entries_node is None or _is_null(entries_node):
            raise _Invalid(1, "the pack has no 'entries:' list")
        if not isinstance(entries_node, yaml.SequenceNode):
            raise _Invalid(_line(entries_node), "'entries' must be a list")
    except _Invalid as exc:
        return None, [*problems, Problem(source, exc.line, "", exc.message)]

    entries: list[Entry] = []
    seen: dict[str, int] = {}
    codes: dict[str, str] = {}
    for node in entries_node.value:
        entry_id = _guess_id(node)
        try:
            entry = _entry(node, header, shared, source, synonyms)
        except _Invalid as exc:
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
