"""All loaded packs as one library: discovery, cross-pack checks, the on-disk cache.

Parsing YAML and building the search index are the expensive parts, so their
result is cached in the data dir, keyed on the packs' content (and the app
version): a warm start reads one file instead of parsing every pack.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from assistant import __version__
from assistant.playbooks.model import Entry, Origin, Pack, Placeholder, Problem
from assistant.playbooks.search import Hit, SearchContext, SearchIndex

CACHE_FORMAT = 2
CACHE_NAME = "playbook.cache"

Source = tuple[Path, Origin]


class EntryTable(Sequence[Entry]):
    """Entries decoded from the cache on first use.

    A warm start reads every entry's bytes but builds an ``Entry`` only for what a
    search shows: with a 10,000-entry pack that is most of the start-up time saved.
    """

    __slots__ = ("_blobs", "_made", "categories", "ids")

    def __init__(self, ids: Sequence[str], categories: Sequence[str], blobs: Sequence[bytes]):
        self.ids = ids
        self.categories = categories
        self._blobs = blobs
        self._made: dict[int, Entry] = {}

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> EntryTable: ...
    def __getitem__(self, index: int | slice) -> Entry | EntryTable:
        if isinstance(index, slice):
            return EntryTable(self.ids[index], self.categories[index], self._blobs[index])
        entry = self._made.get(index)
        if entry is None:
            entry = _entry_from(marshal.loads(self._blobs[index]))
            self._made[index] = entry
        return entry


@dataclass(slots=True)
class Library:
    packs: tuple[Pack, ...]
    entries: Sequence[Entry]
    problems: tuple[Problem, ...]
    index: SearchIndex
    from_cache: bool = False
    _positions: dict[str, int] | None = None

    def search(
        self, query: str, limit: int = 50, context: SearchContext | None = None
    ) -> list[Hit]:
        return self.index.search(query, limit, context)

    def get(self, entry_id: str) -> Entry | None:
        if self._positions is None:
            ids = self.entries.ids if isinstance(self.entries, EntryTable) else None
            ids = ids if ids is not None else [e.id for e in self.entries]
            self._positions = dict(zip(ids, range(len(ids)), strict=True))
        position = self._positions.get(entry_id)
        return None if position is None else self.entries[position]

    def jargon(self) -> list[Entry]:
        if isinstance(self.entries, EntryTable):
            table = self.entries
            return [table[i] for i, c in enumerate(table.categories) if c == "jargon"]
        return [e for e in self.entries if e.category == "jargon"]


def pack_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def discover(builtin: Path, user: Path | None = None, team: Path | None = None) -> list[Source]:
    """Every pack file that would load, built-in first, then team, then the agent's own."""
    sources: list[Source] = [(p, "builtin") for p in pack_files(builtin)]
    if team is not None:
        sources += [(p, "team") for p in pack_files(team)]
    if user is not None:
        sources += [(p, "user") for p in pack_files(user)]
    return sources


def check_sources(sources: Iterable[Source]) -> tuple[list[Pack], list[Problem]]:
    """Load packs from files, dropping (and reporting) ids already taken by earlier packs."""
    from assistant.playbooks.loader import load_pack_file  # YAML: only when packs changed

    packs: list[Pack] = []
    problems: list[Problem] = []
    pack_ids: dict[str, str] = {}
    entry_at: dict[str, Entry] = {}
    for path, origin in sources:
        pack, found = load_pack_file(path, origin)
        problems.extend(found)
        if pack is None:
            continue
        if pack.id in pack_ids:
            problems.append(
                Problem(
                    str(path), 1, "", f"pack id {pack.id!r} is also used by {pack_ids[pack.id]}"
                )
            )
            continue
        pack_ids[pack.id] = str(path)
        kept: list[Entry] = []
        for entry in pack.entries:
            first = entry_at.get(entry.id)
            if first is not None:
                problems.append(
                    Problem(
                        entry.source,
                        entry.line,
                        entry.id,
                        f"duplicate id (also at {first.source}:{first.line})",
                    )
                )
                continue
            entry_at[entry.id] = entry
            kept.append(entry)
        packs.append(_with_entries(pack, kept))
    return packs, problems


def _with_entries(pack: Pack, entries: list[Entry]) -> Pack:
    return Pack(
        pack.id, pack.name, pack.language, pack.version, pack.author, pack.origin, pack.source,
        tuple(entries),
    )  # fmt: skip


def load_library(sources: Sequence[Source], cache_dir: Path | None = None) -> Library:
    """Load every pack; reuse the cache in ``cache_dir`` when the packs are unchanged."""
    contents = [(path, origin, _read_bytes(path)) for path, origin in sources]
    key = _cache_key(contents)
    cache_file = cache_dir / CACHE_NAME if cache_dir is not None else None
    if cache_file is not None:
        cached = _read_cache(cache_file, key)
        if cached is not None:
            return cached
    packs, problems = check_sources(sources)
    entries = tuple(e for p in packs for e in p.entries)
    index = SearchIndex.build(entries)
    library = Library(tuple(packs), entries, tuple(problems), index)
    if cache_file is not None:
        _write_cache(cache_file, key, library)
    return library


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""  # reported as a problem when the pack is loaded


def _cache_key(contents: Sequence[tuple[Path, Origin, bytes]]) -> bytes:
    digest = hashlib.blake2b(f"{__version__}/{CACHE_FORMAT}".encode(), digest_size=20)
    for path, origin, data in contents:
        digest.update(f"\0{origin}\0{path}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.digest()


# Entries travel through marshal as plain tuples: much faster to load than pickle.
def _entry_tuple(e: Entry) -> tuple[Any, ...]:
    placeholders = tuple(
        (p.name, p.label, p.default, p.choices, p.kind, p.spec) for p in e.placeholders
    )
    return (
        e.id, e.title, e.category, e.body, e.tags, e.when_to_use, e.emotion_stages,
        e.customer_types, e.alternatives, e.term, e.plain, e.analogy, placeholders,
        e.language, e.pack_id, e.source, e.line,
    )  # fmt: skip


def _entry_from(t: tuple[Any, ...]) -> Entry:
    if t[12]:
        t = (*t[:12], tuple(Placeholder(*p) for p in t[12]), *t[13:])
    return Entry(*t)


def _pack_tuple(p: Pack) -> tuple[Any, ...]:
    return (p.id, p.name, p.language, p.version, p.author, p.origin, p.source, len(p.entries))


def _write_cache(path: Path, key: bytes, library: Library) -> None:
    payload = (
        CACHE_FORMAT,
        key,
        tuple(_pack_tuple(p) for p in library.packs),
        tuple(e.id for e in library.entries),
        tuple(e.category for e in library.entries),
        tuple(marshal.dumps(_entry_tuple(e)) for e in library.entries),
        tuple((p.file, p.line, p.entry_id, p.message) for p in library.problems),
        library.index.to_bytes(),
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".playbook-", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            marshal.dump(payload, out)
        os.replace(tmp, path)
    except OSError:
        # A cache that cannot be written only costs the next start some time.
        return


def _read_cache(path: Path, key: bytes) -> Library | None:
    try:
        payload = marshal.loads(path.read_bytes())
        if payload[0] != CACHE_FORMAT or payload[1] != key:
            return None
        entries = EntryTable(payload[3], payload[4], payload[5])
        packs: list[Pack] = []
        start = 0
        for pack_id, name, language, version, author, origin, source, count in payload[2]:
            chunk = entries[start : start + count]
            packs.append(Pack(pack_id, name, language, version, author, origin, source, chunk))
            start += count
        problems = tuple(Problem(*p) for p in payload[6])
        index = SearchIndex.from_bytes(payload[7], entries)
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        return None
    return Library(tuple(packs), entries, problems, index, from_cache=True)
