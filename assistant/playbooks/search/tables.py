"""The index as stored in the cache: the payload's layout and its binary tables.

The payload is a tuple (``FORMAT``, count, digest of the entry ids, then byte
arrays at ``ARRAYS`` and a few small dicts); ``build`` writes it and ``index``
reads it. Each key has one posting list for the head fields (title, term, tags)
and one for the tail fields (plain, when_to_use, body); keys live in namespaces
marked by a first control character. ``StringTable`` is a list of strings (the
vocabulary) decoded one at a time on use; ``KeyTable`` maps a key to its slot
number through an open-addressing hash table. Both are read straight from a
memory-mapped cache file, or a section of it read on demand, building nothing.
"""

from __future__ import annotations

import struct
import zlib
from array import array
from collections.abc import Iterator, Sequence
from typing import Protocol, overload, runtime_checkable

from assistant.playbooks.model import Entry

__all__ = ["Buffer", "KeyTable", "StringTable"]

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


@runtime_checkable
class Buffer(Protocol):
    """Bytes, a memoryview, or a section of a file read on demand: sliced into bytes."""

    def __len__(self) -> int: ...

    def __getitem__(self, part: slice, /) -> bytes | memoryview: ...


_U32 = struct.Struct("<I")
_U32X2 = struct.Struct("<II")


class StringTable(Sequence[str]):
    """A list of strings read straight from bytes (a memory-mapped cache), decoded
    one at a time on use: a 10,000-word list costs nothing until it is read.

    Layout: count ``n`` and ``n`` end offsets (unsigned 32-bit), then the UTF-8
    text. A slice is a view of the same bytes.
    """

    __slots__ = ("_ends", "_first", "_n", "_text")

    def __init__(self, data: bytes | memoryview) -> None:
        view = memoryview(data)
        if len(view) < 4:
            raise ValueError("string table: unreadable data")
        (n,) = view[:4].cast("I")
        text_at = 4 + 4 * n
        if len(view) < text_at:
            raise ValueError("string table: unreadable data")
        self._ends = view[4:text_at].cast("I")
        self._text = view[text_at:]
        self._first = 0
        self._n = n
        if n and self._ends[-1] != len(self._text):
            raise ValueError("string table: unreadable data")

    @staticmethod
    def encode(strings: Sequence[str]) -> bytes:
        ends = array("I")
        text = bytearray()
        for item in strings:
            text += item.encode("utf-8", "surrogatepass")
            ends.append(len(text))
        return array("I", (len(strings),)).tobytes() + ends.tobytes() + text

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> StringTable: ...
    def __getitem__(self, index: int | slice) -> str | StringTable:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._n)
            if step != 1:
                raise ValueError("string table: only plain slices")
            view = object.__new__(StringTable)
            view._ends, view._text = self._ends, self._text
            view._first, view._n = self._first + start, max(0, stop - start)
            return view
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError("string table index out of range")
        at = self._first + index
        start = self._ends[at - 1] if at else 0
        return str(self._text[start : self._ends[at]], "utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        ends, text = self._ends, self._text
        start = self._ends[self._first - 1] if self._first else 0
        for at in range(self._first, self._first + self._n):
            end = ends[at]
            yield str(text[start:end], "utf-8", "surrogatepass")
            start = end


class KeyTable:
    """Index key -> slot number, read straight from bytes: an open-addressing hash
    table over CRC-32, so loading an index builds no dict of its (tens of thousands
    of) keys. A query looks up a few dozen keys at most.

    Layout, all unsigned 32-bit: key count ``n``, table size (a power of two),
    ``n`` end offsets of the keys in the text, the table (slot + 1; 0 is empty),
    then the keys' UTF-8 text. ``data`` is anything sliced into bytes: bytes, a
    memoryview, or a section of the cache file read on demand (a lookup reads a
    few dozen bytes, where a mapped file would bring in pages all over it).
    """

    __slots__ = ("_data", "_ends_at", "_mask", "_n", "_table_at", "_text_at")

    def __init__(self, data: Buffer) -> None:
        if len(data) < 8:
            raise ValueError("search index: unreadable data")
        n, size = _U32X2.unpack(data[:8])
        text_at = 8 + 4 * (n + size)
        if size & (size - 1) or size < n or len(data) < text_at:
            raise ValueError("search index: unreadable data")
        self._data = data
        self._n: int = n
        self._mask: int = size - 1
        self._ends_at = 8
        self._table_at = 8 + 4 * n
        self._text_at = text_at
        if n and self._end(n - 1) != len(data) - text_at:
            raise ValueError("search index: unreadable data")

    def _end(self, slot: int) -> int:
        at = self._ends_at + 4 * slot
        return int(_U32.unpack(self._data[at : at + 4])[0])

    @staticmethod
    def encode(keys: Sequence[str]) -> bytes:
        """The table of ``keys``, numbered in the order given."""
        size = 1 << max(1, (2 * len(keys)).bit_length())  # at most half full
        table = array("I", bytes(4 * size))
        ends = array("I")
        text = bytearray()
        for slot, key in enumerate(keys):
            data = key.encode("utf-8", "surrogatepass")
            text += data
            ends.append(len(text))
            at = zlib.crc32(data) & (size - 1)
            while table[at]:
                at = (at + 1) & (size - 1)
            table[at] = slot + 1
        return array("I", (len(keys), size)).tobytes() + ends.tobytes() + table.tobytes() + text

    def __len__(self) -> int:
        return self._n

    def get(self, key: str, default: int | None = None) -> int | None:
        wanted = key.encode("utf-8", "surrogatepass")
        source, mask, table_at, text_at = self._data, self._mask, self._table_at, self._text_at
        at = zlib.crc32(wanted) & mask
        slot: int
        while True:
            (slot,) = _U32.unpack(source[table_at + 4 * at : table_at + 4 * at + 4])
            if not slot:
                return default
            slot -= 1
            if slot:
                first = self._ends_at + 4 * (slot - 1)
                start, end = _U32X2.unpack(source[first : first + 8])
            else:
                start, end = 0, self._end(0)
            if end - start == len(wanted) and source[text_at + start : text_at + end] == wanted:
                return slot
            at = (at + 1) & mask

    def __getitem__(self, key: str) -> int:
        slot = self.get(key)
        if slot is None:
            raise KeyError(key)
        return slot

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None
