"""What the panel knows, without any widget: the playbook, usage, the call, settings.

Widgets ask this object for search rows and values and render what comes back.
Slow work (building the playbook's index when its cache is cold, opening the
store, importing the pinyin tables and the holiday calendar) runs on the background
lane; nothing here blocks the first paint.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from assistant.errors import UserError
from assistant.paths import Paths, builtin_packs_dir
from assistant.playbooks.search import Hit, SearchContext
from assistant.settings import Settings
from assistant.ui.background import BackgroundLane

if TYPE_CHECKING:
    from assistant.calendar.workcalendar import WorkCalendar
    from assistant.playbooks.library import Library, Source
    from assistant.playbooks.model import Entry
    from assistant.store.db import RecoveryNotice, Store
    from assistant.store.usage import Picks, Usage

log = logging.getLogger(__name__)

RESULT_LIMIT = 100
# A stage filter drops most hits, so it looks further down the ranking.
FILTERED_LIMIT = 1000


class Row(NamedTuple):
    """One line of the result list; its entry is decoded when first shown."""

    hit: Hit
    favourite: bool = False
    used: bool = False

    @property
    def entry(self) -> Entry:
        return self.hit.entry


def local_now() -> datetime:
    return datetime.now().astimezone()


class PanelState(QObject):
    library_loaded = Signal()
    usage_changed = Signal()
    # Something the agent should know (a store or pack problem), one line.
    notice = Signal(str)
    # The store was damaged, moved aside and a new one started: the whole story.
    store_recovered = Signal(str)

    def __init__(
        self,
        paths: Paths,
        settings: Settings,
        lane: BackgroundLane,
        clock: Callable[[], datetime] = local_now,
        builtin_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.builtin_dir = builtin_dir or builtin_packs_dir()
        self.settings = settings
        self.lane = lane
        # Drafts are written on their own lane, so a slow store or a long export never
        # holds up the agent's autosave; exports and backups run on the slow lane.
        self.draft_lane = BackgroundLane()
        self.slow_lane = BackgroundLane()
        self.stopping = threading.Event()  # set when the panel goes away
        self.clock = clock
        self.library: Library | None = None
        self.favourites: frozenset[str] = frozenset()
        self.usage: dict[str, tuple[int, float]] = {}
        self.picks: dict[str, dict[str, int]] = {}  # query -> intent -> copies (learning)
        self.call_values: dict[str, str] = {}
        self._calendar: WorkCalendar | None = None
        # Touched only on the lane's thread (and by close() after the lane stopped).
        self._store: Store | None = None
        self._store_failed = False
        self._recovered: RecoveryNotice | None = None

    # -- loading -----------------------------------------------------------------

    def load_library(self) -> None:
        """The playbook: from a warm cache right here (one file mapped, a millisecond or
        two; no thread to wait for), else read and indexed on the background lane."""
        from assistant.playbooks.library import read_cached

        try:
            cached = read_cached(self._sources(), self.paths.cache_dir, self.settings.groups)
        except OSError:
            cached = None  # the lane tries again, and reports what is wrong
        if cached is not None:
            self._library_ready(cached)
        else:
            self.lane.submit(self._read_library, self._library_ready, self._library_failed)

    def reload_library(self) -> None:
        """Read the packs again (one changed) on the background lane; the panel keeps
        searching the library it has until the new one is ready."""
        self.lane.submit(self._read_library, self._library_ready, self._library_failed)

    def _sources(self) -> list[Source]:
        from assistant.playbooks.library import discover

        paths = self.paths
        return discover(self.builtin_dir, paths.user_packs_dir, paths.team_packs_dir)

    def _read_library(self) -> Library:
        from assistant.playbooks.library import load_library
        from assistant.playbooks.textfold import compile_patterns

        library = load_library(
            self._sources(), cache_dir=self.paths.cache_dir, groups=self.settings.groups
        )
        compile_patterns()  # here rather than in the first query, on the UI thread
        return library

    def _library_ready(self, library: Library) -> None:
        self.library = library
        self.library_loaded.emit()
        if library.problems:
            first = library.problems[0]
            self.notice.emit(
                self.tr(
                    "%n playbook problem(s) skipped, e.g. %1", "", len(library.problems)
                ).replace("%1", f"{first.file}:{first.line}: {first.message}")
            )

    def _library_failed(self, exc: BaseException) -> None:
        log.error("cannot load the playbook", exc_info=exc)
        self.notice.emit(self.tr("The playbook could not be loaded: %1").replace("%1", str(exc)))

    def load_usage(self) -> None:
        """Favourites and use counts from the store, then warm the slow imports."""
        self.lane.submit(
            self._read_usage, self._reported(self._usage_ready), self._reported(self._store_error)
        )
        self.lane.submit(self._warm_up, self._calendar_ready, self._calendar_error)

    def _open_store(self) -> Store | None:
        """The store, opened on first use (on the lane's thread only).

        A damaged store is moved aside and a new one started; the notice goes to
        the agent with the next result this lane delivers.
        """
        if self._store is None and not self._store_failed:
            from assistant.store.db import open_store_or_recover

            try:
                self._store, self._recovered = open_store_or_recover(self.paths.store_file)
            except UserError:
                self._store_failed = True
                raise
        return self._store

    def _reported(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """``callback``, after telling the agent about a store that was recovered."""

        def deliver(value: Any) -> None:
            notice, self._recovered = self._recovered, None
            if notice is not None:
                self.store_recovered.emit(notice.message)
            callback(value)

        return deliver

    def with_store(
        self,
        job: Callable[[Store], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        essential: bool = False,
    ) -> None:
        """Run ``job(store)`` on the lane; the result or error comes back on the UI thread."""

        def run() -> Any:
            store = self._open_store()
            if store is None:
                raise UserError(
                    self.tr("The store could not be opened; your notes are kept as drafts.")
                )
            return job(store)

        self.lane.submit(
            run,
            self._reported(on_done or (lambda _value: None)),
            self._reported(on_error or self._store_error),
            essential=essential,
        )

    def _read_usage(self) -> tuple[frozenset[str], Usage, Picks] | None:
        store = self._open_store()
        if store is None:
            return None
        from assistant.store.usage import load_picks, load_usage

        with store.sessions.begin() as session:
            return (*load_usage(session), load_picks(session))

    def _usage_ready(self, loaded: tuple[frozenset[str], Usage, Picks] | None) -> None:
        if loaded is None:
            return
        favourites, usage, picks = loaded
        # Changes the agent made while the store was opening win over what it held.
        self.favourites = favourites | self.favourites
        self.usage = {**usage, **self.usage}
        for key, intents in self.picks.items():
            said = picks.setdefault(key, {})
            for intent, count in intents.items():
                said[intent] = said.get(intent, 0) + count
        self.picks = picks
        self.usage_changed.emit()

    def _store_error(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.notice.emit(
                self.tr("Favourites and history are off: %1").replace("%1", exc.message)
            )
        else:
            log.error("store job failed", exc_info=exc)
            self.notice.emit(self.tr("Favourites and history could not be saved (see the log)."))

    def _warm_up(self) -> WorkCalendar:
        from assistant.calendar.dates import resolve
        from assistant.playbooks.textfold import fold, readings

        readings("退")  # pinyin tables, for the first pinyin query
        fold("投訴")  # Traditional-to-Simplified tables
        calendar = self._make_calendar()
        now = self.clock()
        calendar.warm_up(now.year)
        resolve("+1 business day at 10:00", now, calendar)  # for the first commitment copied
        return calendar

    def _calendar_ready(self, calendar: WorkCalendar) -> None:
        if self._calendar is None:
            self._calendar = calendar

    def _calendar_error(self, exc: BaseException) -> None:
        self.notice.emit(str(exc))

    def back_up(self, on_problem: Callable[[str], None]) -> None:
        """Today's backup if there is none yet (on the slow lane: it reads the whole store)."""
        paths, settings, now = self.paths, self.settings, self.clock()

        def job() -> None:
            from assistant.maintenance.backup import backup_if_due

            backup_if_due(paths, settings, now)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                on_problem(self.tr("No backup today: %1").replace("%1", exc.message))
            else:
                log.error("backup failed", exc_info=exc)
                on_problem(self.tr("No backup today (see the log)."))

        self.slow_lane.submit(job, None, failed)

    def report_damaged(self, on_found: Callable[[str], None]) -> None:
        """Damaged stores moved aside and not yet dealt with, said as ``doctor`` says it
        (on the slow lane: it reads each one to count what can still be read)."""
        store = self.paths.store_file

        def job() -> str:
            from assistant.store.salvage import damaged_copies

            return "\n".join(
                copy.message[:1].upper() + copy.message[1:] for copy in damaged_copies(store)
            )

        def found(text: str) -> None:
            if text:
                on_found(text)

        def failed(exc: BaseException) -> None:
            log.error("cannot check for damaged stores", exc_info=exc)

        self.slow_lane.submit(job, found, failed)

    def close(self, *, exiting: bool = False) -> None:
        """Stop the lanes and close the store; call once, when the panel goes away.

        A running export is cancelled; pending writes (saves, drafts) still finish.
        ``exiting``: the process ends next, so a running load or warm-up is left
        to die with it rather than waited for (and the store it may use stays open).
        """
        self.stopping.set()
        stopped = [
            lane.shutdown(abandon=exiting) for lane in (self.slow_lane, self.lane, self.draft_lane)
        ]
        if self._store is not None and all(stopped):
            self._store.close()
            self._store = None

    # -- searching -----------------------------------------------------------------

    def context(self, category: str | None = None, stage: str | None = None) -> SearchContext:
        values = self.call_values
        return SearchContext(
            emotion_stage=stage or values.get("emotion_stage") or values.get("emotion_start"),
            customer_type=values.get("customer_type") or None,
            favourites=self.favourites,
            usage=self.usage,
            category=category,
            now=self.clock().timestamp(),
        )

    def search(
        self, query: str, category: str | None = None, stage: str | None = None
    ) -> list[Row]:
        if self.library is None:
            return []
        limit = FILTERED_LIMIT if stage else RESULT_LIMIT
        context = self.context(category, stage)
        if self.picks and query.strip():
            from assistant.playbooks.learning import learned_bonus

            context = context._replace(learned=learned_bonus(self.picks, query))
        hits = self.library.search(query, limit, context, self.phrase_languages())
        if stage:
            hits = [h for h in hits if stage in h.entry.emotion_stages][:RESULT_LIMIT]
        favourites, usage = self.favourites, self.usage
        return [Row(h, h.entry_id in favourites, h.entry_id in usage) for h in hits]

    def phrase_languages(self) -> tuple[str, ...]:
        from PySide6.QtCore import QLocale

        from assistant.settings import phrase_languages

        return phrase_languages(self.settings, QLocale().name())

    def centre_language(self) -> str:
        """The centre's language (the settings', else the interface's): it decides
        the Chinese script of dates, fixes and handoffs."""
        from PySide6.QtCore import QLocale

        from assistant.settings import centre_language

        return centre_language(self.settings, QLocale().name())

    # -- the agent's actions ---------------------------------------------------------

    def toggle_favourite(self, entry_id: str) -> bool:
        starred = entry_id not in self.favourites
        self.favourites = self.favourites | {entry_id} if starred else self.favourites - {entry_id}
        self._write(lambda session: _set_favourite(session, entry_id, starred))
        return starred

    def record_use(self, entry_id: str, query: str = "") -> None:
        """The agent copied ``entry_id``; ``query`` is what they had typed to find it."""
        now = self.clock()
        count = self.usage.get(entry_id, (0, 0.0))[0]
        self.usage = {**self.usage, entry_id: (count + 1, now.timestamp())}
        version = self._shared_version(entry_id)
        self._write(lambda session: _record_use(session, entry_id, now, version))
        if query.strip() and self.library is not None:
            from assistant.playbooks.learning import pick_key

            key, intent = pick_key(query), self.library.intent_of(entry_id)
            said = self.picks.setdefault(key, {})
            said[intent] = said.get(intent, 0) + 1
            self._write(lambda session: _record_pick(session, key, intent, now))

    def _shared_version(self, entry_id: str) -> str | None:
        """The version of a team or built-in entry's pack; None for the agent's own."""
        library = self.library
        entry = library.get(entry_id) if library is not None else None
        if library is None or entry is None:
            return None
        pack = next((p for p in library.packs if p.id == entry.pack_id), None)
        if pack is None or pack.origin == "user":
            return None
        return pack.version

    def _write(self, action: Callable[[Any], None]) -> None:
        def job() -> None:
            store = self._open_store()
            if store is not None:
                with store.sessions.begin() as session:
                    action(session)

        self.lane.submit(job, None, self._store_error, essential=True)

    # -- values ------------------------------------------------------------------------

    def set_call_values(self, values: Mapping[str, object]) -> None:
        self.call_values = {
            k: str(v).strip() for k, v in values.items() if v is not None and str(v).strip()
        }

    def set_settings(self, settings: Settings) -> None:
        if (settings.country, settings.office_hours) != (
            self.settings.country,
            self.settings.office_hours,
        ):
            self._calendar = None
        self.settings = settings

    def auto_values(self) -> dict[str, str]:
        """Placeholder values the agent never types: their own, and the call's."""
        values = {"agent_name": self.settings.agent_name, "agent_id": self.settings.agent_id}
        values.update(self.call_values)
        return {k: v for k, v in values.items() if v.strip()}

    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            self._calendar = self._make_calendar()
        return self._calendar

    def _make_calendar(self) -> WorkCalendar:
        from assistant.calendar.workcalendar import OfficeHours, WorkCalendar

        settings = self.settings
        try:
            return WorkCalendar(settings.country, OfficeHours.parse(settings.office_hours))
        except ValueError as exc:
            log.warning("settings: %s; using CN 09:00-18:00", exc)
            return WorkCalendar()


def _set_favourite(session: Any, entry_id: str, starred: bool) -> None:
    from assistant.store.usage import set_favourite

    set_favourite(session, entry_id, starred)


def _record_use(session: Any, entry_id: str, now: datetime, version: str | None) -> None:
    from assistant.store.usage import record_use

    record_use(session, entry_id, now, version)


def _record_pick(session: Any, query: str, intent: str, now: datetime) -> None:
    from assistant.store.usage import record_pick

    record_pick(session, query, intent, now)
