"""All loaded packs as one library: discovery, cross-pack checks, the on-disk cache.

Parsing YAML and building the search index are the expensive parts, so their
result is cached in the data dir: a warm start maps one file instead of parsing
every pack.

The cache is keyed on the app version and each pack's path, size and
modification time, so a warm start never reads the packs themselves. A pack
changed within two seconds of the cache being written (when a later change could
keep the same size and timestamp) is also compared by content, as git does for
its index. The file is a small marshal header (packs, categories, the index's
small tables) followed by raw arrays (each entry's bytes, the entry ids, the
index's keys, words and posting lists) that are memory-mapped: only the pages a
search touches are ever read, and a list of ten thousand ids or words costs no
memory until it is used.
"""

from __future__ import annotations

import marshal
import mmap
import os
import struct
import sys
import threading
import time
import weakref
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, overload

from assistant import __version__
from assistant.playbooks.model import Entry, Origin, Pack, Placeholder, Problem
from assistant.playbooks.search import Hit, SearchContext, SearchIndex, StringTable

if TYPE_CHECKING:
    from assistant.paths import Paths

CACHE_FORMAT = 6
CACHE_NAME = "playbook.cache"
_MAGIC = b"AApb%04d" % CACHE_FORMAT
_START = struct.Struct("<8sQ")  # magic, length of the marshal header
_ALIGN = 8
# Sections read a few bytes at a time rather than mapped: the index's key table,
# slots and posting lists (a search looks at a few dozen places all over them).
_READ_ON_DEMAND = frozenset({4, 5, 6})
_RACY_NS = 2_000_000_000

Source = tuple[Path, Origin]
# Hits asked of the index per row shown: an intent may be found in each language.
_LANGUAGE_ROWS = 3


class EntryTable(Sequence[Entry]):
    """Entries decoded from the cache on first use.

    A warm start maps every entry's bytes but builds an ``Entry`` only for what a
    search shows: with a 10,000-entry pack that is most of the start-up time saved.
    Entry ``i`` is ``marshal`` data at ``data[offsets[i]:offsets[i + 1]]``.
    """

    __slots__ = ("_data", "_made", "_offsets", "categories", "ids", "intents", "languages")

    def __init__(
        self,
        ids: Sequence[str],
        categories: Sequence[str],
        data: bytes | memoryview | _FileRange,
        offsets: Sequence[int],
        intents: Sequence[str],
        languages: Sequence[str],
    ):
        if len(offsets) != len(ids) + 1 or not (
            len(categories) == len(intents) == len(languages) == len(ids)
        ):
            raise ValueError("entry table: lengths differ")
        self.ids = ids
        self.categories = categories
        self.intents = intents
        self.languages = languages
        self._data = data
        self._offsets = offsets
        self._made: dict[int, Entry] = {}

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> EntryTable: ...
    def __getitem__(self, index: int | slice) -> Entry | EntryTable:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                raise ValueError("entry table: only plain slices")
            stop = max(start, stop)
            return EntryTable(
                self.ids[start:stop],
                self.categories[start:stop],
                self._data,
                self._offsets[start : stop + 1],
                self.intents[start:stop],
                self.languages[start:stop],
            )
        if index < 0:
            index += len(self)
        entry = self._made.get(index)
        if entry is None:
            if not 0 <= index < len(self):
                raise IndexError("entry index out of range")
            data = self._data[self._offsets[index] : self._offsets[index + 1]]
            entry = self._made[index] = _entry_from(marshal.loads(data))
        return entry


class Library:
    """The loaded playbook: its packs, entries, problems and search index."""

    __slots__ = (
        "_intents",
        "_mine",
        "_positions",
        "entries",
        "from_cache",
        "index",
        "packs",
        "problems",
        "shortcodes",
    )

    def __init__(
        self,
        packs: tuple[Pack, ...],
        entries: Sequence[Entry],
        problems: tuple[Problem, ...],
        index: SearchIndex,
        *,
        from_cache: bool = False,
        shortcodes: dict[str, str] | None = None,
    ) -> None:
        self.packs = packs
        self.entries = entries
        self.problems = problems
        self.index = index
        self.from_cache = from_cache
        # casefolded shortcode -> entry id
        self.shortcodes = shortcodes if shortcodes is not None else _shortcodes(entries)
        self._positions: dict[str, int] | None = None
        self._intents: dict[str, list[int]] | None = None
        self._mine: frozenset[int] | None = None

    def search(
        self,
        query: str,
        limit: int = 50,
        context: SearchContext | None = None,
        languages: Sequence[str] = (),
    ) -> list[Hit]:
        """The best ``limit`` phrases for ``query``, one row per intent.

        Every language of an intent is searched ("refund" finds 原路退款); the row
        shows the agent's own wording of the intent if there is one, else the intent
        in the first of ``languages`` that has it, else as found. A query that is
        exactly an entry's shortcode puts that entry first.
        """
        hits = self.index.search(query, limit * _LANGUAGE_ROWS, context)
        learned = context.learned if context is not None else {}
        rows: list[tuple[float, Hit]] = []
        seen: set[str] = set()
        coded = self._shortcode_hit(query, context)
        if coded is not None:
            top = max((hit.score for hit in hits), default=0.0) + max(learned.values(), default=0.0)
            rows.append((top + 1.0, coded))
            seen.add(coded.entry.intent_key)
        for hit in hits:
            intent = self.intent_of(hit.entry_id)
            if intent in seen:
                continue
            seen.add(intent)
            position = self._wording_position(intent, languages)
            row = hit
            if position is not None and self._id_at(position) != hit.entry_id:
                row = Hit.of(self.entries[position], hit.score, "title")
                row.via = hit
            rows.append((hit.score + learned.get(intent, 0.0), row))
            if len(rows) >= limit and not learned:
                break
        if learned:
            rows.sort(key=lambda item: -item[0])  # stable: ties keep the index's order
        return [row for _, row in rows[:limit]]

    def _shortcode_hit(self, query: str, context: SearchContext | None) -> Hit | None:
        entry_id = self.shortcodes.get(query.strip().casefold())
        entry = self.get(entry_id) if entry_id is not None else None
        category = context.category if context is not None else None
        if entry is None or category not in (None, entry.category):
            return None
        return Hit.of(entry, 0.0, "shortcode")

    def intent_of(self, entry_id: str) -> str:
        position = self._position(entry_id)
        if position is None:
            return entry_id
        intents = getattr(self.entries, "intents", None)
        return intents[position] if intents is not None else self.entries[position].intent_key

    def same_intent(self, entry_id: str) -> list[Entry]:
        """The entries that say what ``entry_id`` says, in every language, pack order."""
        positions = self._intent_table().get(self.intent_of(entry_id), [])
        return [self.entries[i] for i in positions]

    @property
    def phrase_count(self) -> int:
        """How many phrases the agent can find: intents, each in one or more languages."""
        return len(self._intent_table())

    def _wording_position(self, intent: str, languages: Sequence[str]) -> int | None:
        """The agent's own wording of the intent first (an edited copy replaces the
        original for this agent), then the first of ``languages`` that has it."""
        positions = self._intent_table().get(intent, [])
        mine = [i for i in positions if i in self._my_positions()]
        have = getattr(self.entries, "languages", None)
        for group in (mine, positions):
            for language in languages:
                for i in group:
                    if (have[i] if have is not None else self.entries[i].language) == language:
                        return i
            if group:
                return group[0] if group is mine else None
        return None

    def _my_positions(self) -> frozenset[int]:
        """Where the entries of the agent's own packs are (entries follow pack order)."""
        if self._mine is None:
            mine: list[int] = []
            start = 0
            for pack in self.packs:
                count = len(pack.entries)
                if pack.origin == "user":
                    mine.extend(range(start, start + count))
                start += count
            self._mine = frozenset(mine)
        return self._mine

    def _id_at(self, position: int) -> str:
        ids = getattr(self.entries, "ids", None)
        return ids[position] if ids is not None else self.entries[position].id

    def _intent_table(self) -> dict[str, list[int]]:
        if self._intents is None:
            intents = getattr(self.entries, "intents", None)
            if intents is None:
                intents = [e.intent_key for e in self.entries]
            table: dict[str, list[int]] = {}
            for position, intent in enumerate(intents):
                table.setdefault(intent, []).append(position)
            self._intents = table
        return self._intents

    def _position(self, entry_id: str) -> int | None:
        if self._positions is None:
            ids = self.entries.ids if isinstance(self.entries, EntryTable) else None
            ids = ids if ids is not None else [e.id for e in self.entries]
            self._positions = dict(zip(ids, range(len(ids)), strict=True))
        return self._positions.get(entry_id)

    def get(self, entry_id: str) -> Entry | None:
        position = self._position(entry_id)
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


def all_sources(paths: Paths) -> list[Source]:
    """The pack files of this install: built-in, the team's and the agent's own."""
    from assistant.paths import builtin_packs_dir

    return discover(builtin_packs_dir(), paths.user_packs_dir, paths.team_packs_dir)


def check_sources(
    sources: Iterable[Source], groups: Sequence[str] | None = None
) -> tuple[list[Pack], list[Problem]]:
    """Load packs from files, dropping (and reporting) ids already taken by earlier packs.

    With ``groups`` (the agent's), a pack limited to other groups is left out.
    """
    from assistant.playbooks.loader import load_pack_file  # YAML: only when packs changed

    packs: list[Pack] = []
    problems: list[Problem] = []
    pack_ids: dict[str, str] = {}
    entry_at: dict[str, Entry] = {}
    for path, origin in sources:
        pack, found = load_pack_file(path, origin)
        problems.extend(found)
        if pack is None or not _for_agent(pack, groups):
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


def _for_agent(pack: Pack, groups: Sequence[str] | None) -> bool:
    """Whether a pack limited to groups is for an agent in ``groups`` (None: any)."""
    return groups is None or not pack.groups or bool(set(pack.groups) & set(groups))


def _with_entries(pack: Pack, entries: list[Entry]) -> Pack:
    return Pack(
        pack.id, pack.name, pack.language, pack.version, pack.author, pack.origin, pack.source,
        tuple(entries), pack.groups,
    )  # fmt: skip


def read_cached(
    sources: Sequence[Source], cache_dir: Path, groups: Sequence[str] | None = None
) -> Library | None:
    """The library from the cache in ``cache_dir`` if the packs are unchanged: one
    file mapped and a few stats, a millisecond or two. None when it must be built."""
    return _read_cache(cache_dir / CACHE_NAME, sources, _groups_key(groups))


def load_library(
    sources: Sequence[Source], cache_dir: Path | None = None, groups: Sequence[str] | None = None
) -> Library:
    """Load every pack; reuse the cache in ``cache_dir`` when the packs are unchanged.

    ``groups``: the agent's groups; packs limited to other groups are left out.
    """
    cache_file = cache_dir / CACHE_NAME if cache_dir is not None else None
    if cache_dir is not None:
        cached = read_cached(sources, cache_dir, groups)
        if cached is not None:
            return cached
    stamps = _stamps(sources)  # before reading: a change while loading is not cached
    packs, problems = check_sources(sources, groups)
    entries = tuple(e for p in packs for e in p.entries)
    index = SearchIndex.build(entries)
    library = Library(tuple(packs), entries, tuple(problems), index)
    if cache_file is not None and stamps is not None:
        _write_cache(cache_file, sources, stamps, library, _groups_key(groups))
    return library


def _groups_key(groups: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if groups is None else tuple(sorted(set(groups)))


def _shortcodes(entries: Iterable[Entry]) -> dict[str, str]:
    codes: dict[str, str] = {}
    for entry in entries:
        if entry.shortcode:
            codes.setdefault(entry.shortcode.casefold(), entry.id)  # the first pack wins
    return codes


Stamp = tuple[str, str, int, int]  # path, origin, size, mtime in ns


def _stamps(sources: Sequence[Source]) -> list[Stamp] | None:
    """What the cache is keyed on; None when a pack cannot be looked at."""
    try:
        return [
            (str(path), origin, st.st_size, st.st_mtime_ns)
            for path, origin in sources
            for st in (path.stat(),)
        ]
    except OSError:
        return None


def _digest(path: str) -> bytes:
    import hashlib  # loads OpenSSL: only when writing the cache or checking a racy pack

    with open(path, "rb") as pack:
        return hashlib.file_digest(pack, "blake2b").digest()


# Entries travel through marshal as plain tuples: much faster to load than pickle.
def _entry_tuple(e: Entry) -> tuple[Any, ...]:
    placeholders = tuple(
        (p.name, p.label, p.default, p.choices, p.kind, p.spec) for p in e.placeholders
    )
    return (
        e.id, e.title, e.category, e.body, e.tags, e.when_to_use, e.emotion_stages,
        e.customer_types, e.alternatives, e.term, e.plain, e.analogy, placeholders,
        e.language, e.pack_id, e.source, e.line, e.intent, e.keywords, e.shortcode,
    )  # fmt: skip


def _entry_from(t: tuple[Any, ...]) -> Entry:
    if t[12]:
        t = (*t[:12], tuple(Placeholder(*p) for p in t[12]), *t[13:])
    return Entry(*t)


def _pack_tuple(p: Pack) -> tuple[Any, ...]:
    return (
        p.id, p.name, p.language, p.version, p.author, p.origin, p.source, len(p.entries),
        p.groups,
    )  # fmt: skip


def _write_cache(
    path: Path,
    sources: Sequence[Source],
    stamps: list[Stamp],
    library: Library,
    groups: tuple[str, ...] | None,
) -> None:
    try:
        digests = [_digest(stamp[0]) for stamp in stamps]
        if _stamps(sources) != stamps:
            return  # a pack changed while it was being loaded: cache the next start
        blobs = [marshal.dumps(_entry_tuple(e)) for e in library.entries]
        offsets = [0]
        for blob in blobs:
            offsets.append(offsets[-1] + len(blob))
        index_header, index_arrays = library.index.to_parts()
        ids = StringTable.encode([e.id for e in library.entries])
        arrays = [b"".join(blobs), array("Q", offsets).tobytes(), ids, *index_arrays]
        header = marshal.dumps(
            (
                __version__,
                time.time_ns(),
                [(*stamp, digest) for stamp, digest in zip(stamps, digests, strict=True)],
                tuple(_pack_tuple(p) for p in library.packs),
                # Interned, so marshal stores each category once and refers to it.
                tuple(sys.intern(e.category) for e in library.entries),
                tuple(e.intent_key for e in library.entries),
                tuple(sys.intern(e.language) for e in library.entries),
                tuple((p.file, p.line, p.entry_id, p.message) for p in library.problems),
                groups,
                library.shortcodes,
                index_header,
                [len(a) for a in arrays],
            )  # type: ignore[arg-type]  # the index header holds only marshal types
        )
        from assistant.files import write_atomically  # only when writing

        path.parent.mkdir(parents=True, exist_ok=True)

        def write(out: BinaryIO) -> None:
            out.write(_START.pack(_MAGIC, len(header)))
            out.write(header)
            for section in arrays:
                out.write(bytes(-out.tell() % _ALIGN))
                out.write(section)

        write_atomically(path, write)
    except OSError:
        # A cache that cannot be written only costs the next start some time.
        return


class _OpenFile:
    """A file open for reading while any section read from it is in use."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        weakref.finalize(self, os.close, self.fd)
        self.lock = threading.Lock()  # Windows has no pread: seek and read together


class _FileRange:
    """One section of a file, read on demand.

    Read rather than mapped: touching one mapped page brings its neighbours into
    the process's memory too, and a search reads entries and posting lists from
    all over the file.
    """

    def __init__(self, file: _OpenFile, start: int, length: int) -> None:
        self._file = file
        self._start = start
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, part: slice) -> bytes:
        start, stop, _ = part.indices(self._length)
        fd = self._file.fd
        if hasattr(os, "pread"):
            return os.pread(fd, stop - start, self._start + start)
        with self._file.lock:
            os.lseek(fd, self._start + start, os.SEEK_SET)
            return os.read(fd, stop - start)


def _map(path: Path) -> memoryview:
    with open(path, "rb") as file:
        try:
            return memoryview(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))
        except (OSError, ValueError):  # no mapping here (or an empty file): read it
            return memoryview(file.read())


def _unchanged(
    stamps: Sequence[tuple[str, str, int, int, bytes]], written_ns: int, sources: Sequence[Source]
) -> bool:
    now = _stamps(sources)
    if now is None or now != [stamp[:4] for stamp in stamps]:
        return False
    # A pack changed just before the cache was written could change again with
    # the same size and time stamp: check those by content.
    return all(
        stamp[3] + _RACY_NS < written_ns or _digest(stamp[0]) == stamp[4] for stamp in stamps
    )


def _read_cache(
    path: Path, sources: Sequence[Source], groups: tuple[str, ...] | None
) -> Library | None:
    try:
        data = _map(path)
        magic, size = _START.unpack_from(data)
        if magic != _MAGIC:
            return None
        at = _START.size + size
        (
            app_version, written_ns, stamps, pack_rows, categories, intents, languages,
            problem_rows, cached_groups, shortcodes, index_header, lengths,
        ) = marshal.loads(data[_START.size : at])  # fmt: skip
        if (
            app_version != __version__
            or cached_groups != groups
            or not _unchanged(stamps, written_ns, sources)
        ):
            return None
        sections, positions = [], []
        for length in lengths:
            at += -at % _ALIGN
            sections.append(data[at : at + length])
            positions.append((at, length))
            at += length
        if at > len(data):
            return None
        file = _OpenFile(path)
        ids = StringTable(sections[2])
        entries = EntryTable(
            ids,
            categories,
            _FileRange(file, *positions[0]),
            sections[1].cast("Q"),
            intents,
            languages,
        )
        index_arrays = [
            _FileRange(file, *positions[i]) if i in _READ_ON_DEMAND else sections[i]
            for i in range(3, len(sections))
        ]
        packs: list[Pack] = []
        start = 0
        for pack_id, name, language, version, author, origin, source, count, limited in pack_rows:
            chunk = entries[start : start + count]
            packs.append(
                Pack(pack_id, name, language, version, author, origin, source, chunk, limited)
            )
            start += count
        problems = tuple(Problem(*p) for p in problem_rows)
        index = SearchIndex.from_parts(index_header, index_arrays, entries, check_ids=False)
    except (OSError, EOFError, ValueError, TypeError, IndexError, struct.error):
        return None
    return Library(tuple(packs), entries, problems, index, from_cache=True, shortcodes=shortcodes)
