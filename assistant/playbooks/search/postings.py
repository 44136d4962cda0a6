"""Posting lists read from the cache as bit sets over the entries, and bit-set helpers.

A posting list says which entries hold a key, one bit per entry in display order
(bit ``r`` is the entry of rank ``r``). ``build`` stores each list packed (dense)
or as (byte offset, bits) pairs (sparse); ``Postings`` turns a list into a
Python integer when a query first needs it and keeps a bounded number of them.
"""

from __future__ import annotations

import contextlib
import struct
from collections import deque
from collections.abc import Iterable, Sequence

from assistant.playbooks.search.tables import HEAD, META, TAIL, Buffer, KeyTable

__all__ = ["Postings", "bits", "mask_of", "range_mask"]

_I64X2 = struct.Struct("<qq")
_CHUNK = 2048


class Postings:
    """The posting lists of an index: key -> (head mask, tail mask)."""

    __slots__ = ("_blob", "_cache", "_cache_cap", "_meta", "_slots", "nb", "slot")

    def __init__(self, keys: KeyTable, slots: Buffer, blob: Buffer, nb: int) -> None:
        self.slot = keys  # key -> slot number
        self.nb = nb  # bytes of one bit set
        # Read a few bytes at a time: the library hands these over as sections of
        # its cache file, read on demand.
        self._slots = slots
        self._blob = blob
        self._cache: dict[tuple[int, int], int] = {}
        self._cache_cap = max(64, (16 << 20) // nb)
        self._meta: dict[str, int] = {}

    def mask(self, slot: int, group: int) -> int:
        """The entries holding the key of ``slot`` in ``group`` (HEAD or TAIL)."""
        key = (slot, group)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        at = 8 * (4 * slot + 2 * group)
        offset, count = _I64X2.unpack(self._slots[at : at + 16])
        if count == 0:
            value = 0
        elif count < 0:
            value = int.from_bytes(self._blob[offset : offset + self.nb], "little")
        else:
            buf = bytearray(self.nb)
            data = self._blob[offset : offset + 5 * count]
            deque(
                map(buf.__setitem__, memoryview(data)[: 4 * count].cast("I"), data[4 * count :]),
                maxlen=0,
            )
            value = int.from_bytes(buf, "little")
        cache = self._cache
        if len(cache) >= self._cache_cap:
            with contextlib.suppress(StopIteration, KeyError, RuntimeError):
                del cache[next(iter(cache))]
        cache[key] = value
        return value

    def key_mask(self, key: str, group: int) -> int:
        slot = self.slot.get(key)
        return 0 if slot is None else self.mask(slot, group)

    def all_of(self, slots: Sequence[int], group: int) -> int:
        """The entries holding every one of the keys."""
        result = -1
        for slot in slots:
            result &= self.mask(slot, group)
            if not result:
                return 0
        return result if result > 0 else 0

    def any_of(self, slots: Iterable[int]) -> tuple[int, int]:
        """(head, tail) masks of the entries holding any of the keys."""
        head = tail = 0
        for slot in slots:
            head |= self.mask(slot, HEAD)
            tail |= self.mask(slot, TAIL)
        return head, tail

    def any_word(self, words: Iterable[str]) -> tuple[int, int]:
        """(head, tail) masks of the entries holding any of the words."""
        head = tail = 0
        for w in words:
            slot = self.slot.get(w)
            if slot is not None:
                head |= self.mask(slot, HEAD)
                tail |= self.mask(slot, TAIL)
        return head, tail

    def meta(self, name: str) -> int:
        """Entries of an emotion stage ("s:calm") or a customer type ("t:vip")."""
        mask = self._meta.get(name)
        if mask is None:
            mask = self.key_mask(META + name, HEAD)
            self._meta[name] = mask
        return mask


def range_mask(lo: int, hi: int) -> int:
    """The ranks ``lo`` to ``hi - 1``."""
    return ((1 << hi) - 1) ^ ((1 << lo) - 1)


def mask_of(ranks: Iterable[int], nb: int) -> int:
    buf = bytearray(nb)
    any_set = False
    for rank in ranks:
        buf[rank >> 3] |= 1 << (rank & 7)
        any_set = True
    return int.from_bytes(buf, "little") if any_set else 0


def bits(mask: int, need: int) -> list[int]:
    """The lowest ``need`` set bits of a non-negative mask, ascending."""
    out: list[int] = []
    base = 0
    chunk_mask = (1 << _CHUNK) - 1
    while mask and len(out) < need:
        low = mask & chunk_mask
        if not low:
            skip = (mask & -mask).bit_length() - 1
            mask >>= skip
            base += skip
            continue
        while low and len(out) < need:
            bit = low & -low
            out.append(base + bit.bit_length() - 1)
            low ^= bit
        mask >>= _CHUNK
        base += _CHUNK
    return out
