"""A template body as the agent reads it: placeholders shown by their labels.

Values already known (the agent's name, the caller's title) are shown filled in;
the rest appear as ``〔label〕`` so the agent sees what the form will ask.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.playbooks.model import Entry
from assistant.playbooks.template import TemplateSyntaxError, parse
from assistant.ui.labels import PLACEHOLDER_LABELS, label

Segment = tuple[str, bool]  # (text, is a blank still to fill)

# Plain text as a QLabel's rich text shows it. (``html.escape`` would bring in the
# ``html`` package and its entity tables on every start for these four characters.)
_AS_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": "<br>"})


Wording = tuple[Entry, str]  # the entry a wording belongs to, and the wording


def wordings(entry: Entry, other_languages: Sequence[Entry] = ()) -> tuple[Wording, ...]:
    """The body and its alternatives, then the main wording of the same intent in each
    other language: the order Alt+→ cycles through them (Alt+← reaches the last
    language from the first wording in one key)."""
    own = tuple((entry, body) for body in (entry.body, *entry.alternatives))
    return own + tuple((other, other.body) for other in other_languages)


def blank_label(entry: Entry, name: str) -> str:
    definition = entry.placeholder(name)
    if definition is not None and definition.label:
        return definition.label
    return label(PLACEHOLDER_LABELS, name)


def segments(entry: Entry, body: str, values: Mapping[str, str]) -> list[Segment]:
    try:
        parts = parse(body)
    except TemplateSyntaxError:
        return [(body, False)]
    out: list[Segment] = []
    for part in parts:
        if isinstance(part, str):
            out.append((part, False))
            continue
        name = part[0]
        value = values.get(name)
        if value:
            out.append((value, False))
            continue
        definition = entry.placeholder(name)
        if definition is not None and definition.default and definition.kind == "text":
            out.append((definition.default, False))
        else:
            out.append((f"〔{blank_label(entry, name)}〕", True))
    return out


def plain_text(entry: Entry, body: str, values: Mapping[str, str] | None = None) -> str:
    return "".join(text for text, _ in segments(entry, body, values or {}))


def rich_text(entry: Entry, body: str, values: Mapping[str, str], blank_colour: str) -> str:
    """HTML for a QLabel: blanks in ``blank_colour``, line breaks kept."""
    out: list[str] = []
    for text, blank in segments(entry, body, values):
        escaped = text.translate(_AS_HTML)
        out.append(f'<span style="color:{blank_colour}">{escaped}</span>' if blank else escaped)
    return "".join(out)
