"""What a playbook is made of, as plain immutable data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

# The categories of the domain brief. Order is the order the panel lists them in.
CATEGORIES: tuple[str, ...] = (
    "opening",
    "closing",
    "questioning",
    "confirming",
    "jargon",
    "de_escalation",
    "sandwich",
    "complaint",
    "crisis",
    "commitment",
    "handoff",
    "written_reply",
    "objection",
    "proactive_care",
    "cross_cultural",
    "taboo",
)

EMOTION_STAGES: tuple[str, ...] = ("calm", "dissatisfied", "angry", "confrontational")
CUSTOMER_TYPES: tuple[str, ...] = ("rational", "emotional", "direct", "unknown")

# Placeholders every template may use without defining them: the panel fills them
# from the agent's settings and the current call record.
BUILTIN_PLACEHOLDERS: tuple[str, ...] = (
    "agent_name",
    "agent_id",
    "customer_name",
    "customer_title",
    "customer_contact",
    "account_ref",
)

Origin = Literal["builtin", "user", "team"]
PlaceholderKind = Literal["text", "date"]


class Placeholder(NamedTuple):
    """A named blank in a template body, written ``{name}``."""

    name: str
    label: str = ""
    default: str | None = None
    choices: tuple[str, ...] = ()
    kind: PlaceholderKind = "text"
    # For kind == "date": a relative spec such as "+1 business day at 10:00".
    spec: str | None = None


class Entry(NamedTuple):
    """One phrasing template from a pack: its wordings, when to use it, its blanks.

    A named tuple: read-only and hashable, quick to rebuild from the cache, and
    cheaper to define than a dataclass when the panel starts.
    """

    id: str
    title: str
    category: str
    body: str
    tags: tuple[str, ...] = ()
    when_to_use: str = ""
    emotion_stages: tuple[str, ...] = ()
    customer_types: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    term: str = ""
    plain: str = ""
    analogy: str = ""
    placeholders: tuple[Placeholder, ...] = ()
    language: str = "en"
    pack_id: str = ""
    source: str = ""
    line: int = 0
    # What the phrase is for, shared by its wordings in other languages (``intent:``
    # in the pack); empty: the entry's own id.
    intent: str = ""
    # Words it is also found by, never shown: its pack's synonyms of its tags, and
    # the day its dated promise falls on (明天, tomorrow...).
    keywords: tuple[str, ...] = ()
    # A few letters the agent types to bring this entry first (``shortcode: th1``).
    shortcode: str = ""

    @property
    def intent_key(self) -> str:
        return self.intent or self.id

    def placeholder(self, name: str) -> Placeholder | None:
        for p in self.placeholders:
            if p.name == name:
                return p
        return None


class Pack(NamedTuple):
    """One pack file's metadata and the entries that loaded from it."""

    id: str
    name: str
    language: str
    version: str
    author: str
    origin: Origin
    source: str
    entries: Sequence[Entry] = ()
    # The agent groups the pack is for (``groups:`` in the header); empty: everyone.
    groups: tuple[str, ...] = ()


class Problem(NamedTuple):
    """Something wrong in a pack, as ``FILE:LINE: ENTRY-ID: message``."""

    file: str
    line: int
    entry_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.entry_id or '-'}: {self.message}"
