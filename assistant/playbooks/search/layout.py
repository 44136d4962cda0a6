"""What a built search index holds, shared by the code that builds it and the code
that reads it: the payload's format and byte-array positions, the two posting
groups, the namespaces of its keys and the limits that decide which keys exist.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.playbooks.model import Entry

FORMAT = 5
# Payload positions of the byte arrays: order, keys, slots, blob, words.
ARRAYS = (3, 4, 5, 6, 7)
PAYLOAD_LENGTH = 11

# Each key has one posting list for the head fields (title, term, tags) and one for
# the tail fields (plain, when_to_use, body).
HEAD = 0
TAIL = 1

# Key namespaces. Plain keys are Han unigrams/bigrams and words.
EXACT = "\x01"  # a head field's whole text
START = "\x02"  # a head field's first word or characters
PREFIX = "\x03"  # a prefix shared by many words
FULL_INITIAL = "\x04"  # pinyin: a syllable and the next character's initial
INITIALS = "\x05"  # pinyin: the initials of two adjacent characters
META = "\x06"  # "s:" emotion stage, "t:" customer type

PREFIX_CAP = 24  # more words than this under a prefix: the prefix gets its own key
EXACT_MAX = 24  # head fields longer than this (compacted) get no exact key


def ids_of(entries: Sequence[Entry]) -> Sequence[str]:
    """Entry ids, without decoding the entries when the sequence already knows them."""
    ids: Sequence[str] | None = getattr(entries, "ids", None)
    return ids if ids is not None else [e.id for e in entries]


def digest(ids: Sequence[str]) -> bytes:
    """A fingerprint of the entries an index was built for."""
    import hashlib  # loads OpenSSL: only when building or checking an index

    return hashlib.blake2b("\n".join(ids).encode(), digest_size=16).digest()
