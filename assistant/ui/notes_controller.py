"""The call record in the panel: start, end, save, finalise, draft, hand off.

Holds the record the form shows (its id, the values the agent never types, its
follow-ups, its clocks) and runs every store action on the worker thread through
``PanelState.with_store``; results come back as plain values. The form is made
the first time it is needed.

It knows the panel around it only as a :class:`NotesPanel` (status line, banners,
pages, clipboard, keys) and tells the rest through its signals; the window wires
them to the playbook and the follow-ups.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLineEdit

from assistant.notes.call_clock import CallClock, clock_text, untalked
from assistant.store.fields import CALL_SPECS
from assistant.store.timefmt import parse_time
from assistant.ui import record_tools
from assistant.ui.autosave import Autosave
from assistant.ui.call_timer import CallTimer
from assistant.ui.record_in_hand import RecordPanel

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from assistant.maintenance.drafts import Draft
    from assistant.notes.handoff import Promise
    from assistant.notes.validation import SavedRecord
    from assistant.ui.actions import ShortcutGuard
    from assistant.ui.notes_page import NotesPage
    from assistant.ui.record_saver import RecordSaver
    from assistant.ui.state import PanelState

log = logging.getLogger(__name__)

# Values of the record the form does not show: the controller keeps them.
HIDDEN = ("status", "agent_id", "agent_name", "talk_seconds", "wrap_up_seconds", "templates_used")
# Where a draft keeps the dated commitments given (not a field: the store has no column).
PROMISES = "promises_given"
# Values the playbook's placeholders and ranking take from the record.
CALL_CONTEXT = ("customer_title", "customer_name", "customer_contact", "account_ref")


def new_id() -> str:
    import uuid  # not needed before the first record

    return str(uuid.uuid4())


def from_stored(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as a draft or the store gives them, with times as datetimes."""
    out = dict(values)
    for name, value in values.items():
        spec = CALL_SPECS.get(name) if name != "due_at" else None
        is_time = (spec is not None and spec.kind == "datetime") or name == "due_at"
        if is_time and isinstance(value, str) and value:
            try:
                out[name] = parse_time(value)
            except ValueError:
                out[name] = None
    return out


class NotesPanel(RecordPanel, Protocol):
    """What the record needs of the panel around it (the window is one): the record's
    panel, and the actions and shortcut guard of the notes keys."""

    @property
    def actions_by_name(self) -> dict[str, QAction]: ...

    @property
    def shortcut_guard(self) -> ShortcutGuard: ...


class NotesController(QObject):
    # The call's customer title, account, stage, type: {name: text} for the playbook.
    call_values_changed = Signal(object)
    used_changed = Signal()  # another record in hand: the wordings used in it changed
    records_changed = Signal()  # records in the store changed: lists of them may too
    page_made = Signal()  # the notes page exists now (its Recent menu can be filled)

    def __init__(self, state: PanelState, panel: NotesPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.state = state
        self._record_id: str | None = None
        self.hidden: dict[str, Any] = {}
        self.followups: list[dict[str, Any]] = []
        self.used_wordings: dict[str, int] = {}
        self.promises: list[Promise] = []  # dated commitments given in this call
        self.clock = CallClock()
        self._page: NotesPage | None = None
        self._shown_context: dict[str, str] = {}
        self.timer = CallTimer(lambda: self.clock, self.now)
        self.timer.cue.connect(self._cue)
        self.autosave = Autosave(self.state, self._draft, lambda: self.record_id, self)
        self.autosave.failed.connect(self._draft_problem)
        self._saver: RecordSaver | None = None
        self._start_record()

    @property
    def record_id(self) -> str:
        if self._record_id is None:
            self._record_id = new_id()
        return self._record_id

    @record_id.setter
    def record_id(self, value: str) -> None:
        self._record_id = value

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "show_notes": self.show,
            "new_call": self.new_call,
            "end_call": self.end_or_resume,
            "save_call": self.save,
            "finalise_call": self.finalise,
            "draft_from_listening": lambda: record_tools.draft(self),
            "handoff": lambda: record_tools.handoff(self),
        }

    def now(self) -> datetime:
        return self.state.clock()

    def show_status(self, text: str, error: bool = False) -> None:
        self.panel.show_status(text, error)

    def stored(self) -> None:
        self.records_changed.emit()

    # -- the page ------------------------------------------------------------------

    @property
    def made(self) -> bool:
        return self._page is not None

    @property
    def saver(self) -> RecordSaver:
        if self._saver is None:
            from assistant.ui.record_saver import RecordSaver

            self._saver = RecordSaver(self, self)
        return self._saver

    @property
    def page(self) -> NotesPage:
        if self._page is None:
            from PySide6.QtWidgets import QAbstractSpinBox

            from assistant.ui.lint_support import make_lint_support
            from assistant.ui.notes_page import NotesPage

            settings = self.state.settings
            page = NotesPage(
                settings.required_fields, settings.dispositions, make_lint_support(self.state)
            )
            page.bind(self.panel.actions_by_name, short_texts())
            fields = page.findChildren(QLineEdit) + page.findChildren(QAbstractSpinBox)
            self.panel.shortcut_guard.watch(*fields)
            for name in ("started_at", "ended_at"):
                page.form.editors[name].suggest = self.now  # type: ignore[union-attr]
            page.form.followups.due.suggest = lambda: record_tools.suggest_due(self)
            page.form.followups.now = self.now
            page.form.edited.connect(self._edited)
            page.form.followups.added.connect(self.add_followup)
            page.form.followups.removed.connect(self._followup_removed)
            self._page = page
            self._show_record()
            self.page_made.emit()
        return self._page

    def show(self) -> None:
        """Ctrl+2: the notes page, the cursor where the agent was writing."""
        self.show_page()
        self.page.focus_field(self.page.form.last_focused)

    def show_page(self) -> None:
        """The notes page comes up (the cursor is left to the caller)."""
        self.panel.pages.show("notes")

    # -- the record ------------------------------------------------------------------

    def _start_record(self) -> None:
        settings = self.state.settings
        self._record_id = None  # a new id when the record is first written or shown
        self.hidden = {
            "agent_name": settings.agent_name,
            "agent_id": settings.agent_id,
            "templates_used": [],
        }
        self.followups = []
        self.used_wordings = {}
        self.promises = []
        self.clock = CallClock()
        self._fresh = True  # made here, not opened from the store or a draft

    def values(self) -> dict[str, Any]:
        """The record as the form holds it now (every field, typed values)."""
        values: dict[str, Any] = self.page.form.values() if self._page else {}
        values.update({k: v for k, v in self.hidden.items() if v is not None})
        values["id"] = self.record_id
        return values

    def snapshot(self) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
        return self.record_id, self.values(), [dict(f) for f in self.followups]

    def _draft(self) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
        """The snapshot a crash draft keeps: also the promises given, which the store
        does not take (saving a draft to the store leaves them out)."""
        key, values, followups = self.snapshot()
        if self.promises:
            values[PROMISES] = [p.as_draft() for p in self.promises]
        return key, values, followups

    def has_content(self) -> bool:
        return self.clock.started is not None or self._typed()

    @property
    def awaits_call(self) -> bool:
        """A new record with nothing typed and no call yet (it may hold follow-ups)."""
        return self._fresh and self.clock.phase() == "idle" and not self._typed()

    def _typed(self) -> bool:
        values = self.page.form.values() if self._page else {}
        return any(isinstance(v, str) and v.strip() for v in values.values())

    def _show_record(self, values: Mapping[str, Any] | None = None) -> None:
        page = self.page
        page.form.set_values(values or {})
        page.form.followups.set_items(self.followups)
        owner = self.state.settings.agent_name or self.state.settings.agent_id
        page.form.followups.set_default_owner(owner)
        page.show_problem(())
        self.update_state_line()
        self.timer.tick()
        self._push_context()

    def keep_in_hand(self) -> None:
        """Before the form shows another record: this one to a draft and the store."""
        if self.has_content():
            self.autosave.flush()
            self.save(quiet=True)

    def load(
        self, call_id: str, values: Mapping[str, Any], followups: list[dict[str, Any]]
    ) -> None:
        """Show a saved or restored record in the form."""
        values = from_stored(values)
        self.record_id = call_id
        self.hidden = {k: values.get(k) for k in HIDDEN if values.get(k) is not None}
        self.hidden.setdefault("templates_used", [])
        self.followups = [from_stored(f) for f in followups]
        self.used_wordings = {e: 0 for e in self.hidden["templates_used"]}
        from assistant.notes.handoff import Promise

        given = values.get(PROMISES)
        kept = [Promise.from_draft(p) for p in given] if isinstance(given, list) else []
        self.promises = [p for p in kept if p is not None]
        started, ended = values.get("started_at"), values.get("ended_at")
        self.clock = CallClock.resume(
            started,
            ended,
            final=values.get("status") == "final",
            now=self.now(),
            paused=untalked(started, ended, values.get("talk_seconds")),
        )
        self._fresh = False
        self._show_record(values)
        self.autosave.reset()
        self.used_changed.emit()

    def new_call(self) -> None:
        """Ctrl+N: keep the record in hand (saved), then a fresh one, its timer running.

        A new record with nothing typed and no call yet (a follow-up added before
        Ctrl+N, say) is this call's: the call starts on it.
        """
        if self.clock.phase() == "talk":
            self.end_call()  # the last call was never ended: it ended now
        if not self.awaits_call:
            self.keep_in_hand()
            self._start_record()
        now = self.now()
        self.clock.start(now)
        self._show_record({"started_at": now, "channel": "phone", "direction": "inbound"})
        self.autosave.changed()
        self.show_page()
        self.page.focus_field("facts")
        self.used_changed.emit()
        self.show_status(self.tr("New call · %1").replace("%1", now.strftime("%H:%M")))

    def end_or_resume(self) -> None:
        """Ctrl+E: end the call; again, before it is final: the call goes on."""
        if self.clock.phase() == "wrap_up":
            self.resume_call()
        else:
            self.end_call()

    def end_call(self) -> None:
        """The customer hung up; wrap-up time starts."""
        if self.clock.phase() != "talk":
            self.show_status(self.tr("No call is running (Ctrl+N starts one)."))
            return
        now = self.now()
        talk = self.clock.end(now)
        self.hidden["talk_seconds"] = talk
        self._show_call_change(now)
        self.show_status(
            self.tr("Call ended · talk %1 · wrap-up running (Ctrl+E resumes the call)").replace(
                "%1", clock_text(talk)
            )
        )

    def resume_call(self) -> None:
        """The call was ended too soon: talk time goes on from where it stopped (the
        time in between stays wrap-up), and the end time is cleared."""
        talk = self.clock.resume_talk(self.now())
        self.hidden.pop("talk_seconds", None)  # not known until the call ends
        self._show_call_change(None)
        self.show_status(
            self.tr("Call resumed · talk time goes on from %1").replace("%1", clock_text(talk))
        )

    def _show_call_change(self, ended: datetime | None) -> None:
        self.page.form.editors["ended_at"].set_value(ended)  # type: ignore[union-attr]
        self.autosave.changed()
        self.timer.tick()
        self.update_state_line()

    # -- drafts left behind ----------------------------------------------------------

    def restore_drafts(self) -> None:
        """At start: drafts left by a crash or a quit come back (on the drafts lane)."""
        self.autosave.load(self._drafts_found)

    def _drafts_found(self, drafts: list[Draft]) -> None:
        if self.has_content():
            # The record in hand is this session's: its draft is autosave's, not a
            # leftover, and the leftovers go to the store rather than over the form.
            drafts = [d for d in drafts if d.key != self.record_id]
        if not drafts:
            return
        log.info("drafts restored: %d", len(drafts))
        older = list(drafts)
        newest = older.pop()  # oldest first
        if self.has_content():
            older.append(newest)  # the agent already started on something else
        else:
            record_id = str(newest.values.get("id") or newest.key)
            self.load(record_id, newest.values, newest.followups)
        text = self.tr("Restored %n unsaved call note(s) from last time.", "", len(drafts))
        if older:
            more = self.tr("%n kept as draft record(s) under Recent.", "", len(older))
            text += " " + more
            from assistant.notes.service import save_drafts

            dispositions, now = self.state.settings.dispositions, self.now()
            self.state.with_store(
                lambda store: save_drafts(store, older, dispositions=dispositions, now=now),
                self._older_kept,
                essential=True,
            )
        self.panel.banner.show_message("restored", text)

    def _older_kept(self, ids: list[str]) -> None:
        for key in ids:
            self.autosave.discard(key)
        self.records_changed.emit()

    # -- saving --------------------------------------------------------------------------

    def save(
        self, *, quiet: bool = False, then: Callable[[SavedRecord], None] | None = None
    ) -> None:
        if self._nothing_yet():
            return
        self.saver.save(quiet=quiet, then=then)

    def finalise(self) -> None:
        if self._nothing_yet():
            return
        self.saver.finalise()

    def _nothing_yet(self) -> bool:
        """An empty form is not saved (an empty record helps nobody)."""
        if self.has_content() or self.followups:
            return False
        self.show_status(self.tr("No call is running (Ctrl+N starts one)."))
        return True

    def _draft_problem(self, message: str) -> None:
        if not message:
            self.panel.banner.remove("draft")
            return
        text = self.tr("Your notes could not be kept as a draft: %1 They stay in the form.")
        self.panel.banner.show_message("draft", text.replace("%1", message), tone="warning")

    # -- while listening -------------------------------------------------------------------

    def _edited(self, name: str) -> None:
        self.autosave.changed()
        if name in ("started_at", "ended_at"):
            values = self.page.form.values()
            self.clock = CallClock.resume(
                values["started_at"],
                values["ended_at"],
                final=self.hidden.get("status") == "final",
                now=self.now(),
                paused=self.clock.paused,
            )
            # The talk time stored follows the times the agent corrected.
            if self.clock.ended is not None:
                self.hidden["talk_seconds"] = self.clock.talk_seconds()
            self.timer.tick()
            self.update_state_line()
        if name in CALL_CONTEXT or name in ("emotion_start", "emotion_end", "customer_type"):
            self._push_context()

    def _push_context(self) -> None:
        """Customer title, account... fill the playbook's blanks; stage and type rank it."""
        values = self.page.form.values()
        context = {name: str(values.get(name) or "") for name in CALL_CONTEXT}
        context["emotion_stage"] = values.get("emotion_end") or values.get("emotion_start") or ""
        context["customer_type"] = values.get("customer_type") or ""
        if context != self._shown_context:
            self._shown_context = context
            self.call_values_changed.emit(context)

    def add_followup(self, item: dict[str, Any]) -> None:
        self.followups.append({"status": "open", **item, "id": item.get("id") or new_id()})
        self.page.form.followups.set_items(self.followups)
        self.page.form.mark_missing(())
        self.autosave.changed()

    def _followup_removed(self, followup_id: str) -> None:
        for item in self.followups:
            if item.get("id") == followup_id:
                item["status"] = "cancelled"
        self.page.form.followups.set_items(self.followups)
        self.autosave.changed()

    def _cue(self, key: str) -> None:
        log.debug("call cue %s", key)

    def update_state_line(self) -> None:
        if self._page is None:
            return
        phase = self.clock.phase()
        status = self.hidden.get("status") or "draft"
        if status == "final":
            text = self.tr("Final record")
        elif phase == "talk":
            text = self.tr("Call running · draft")
        elif phase == "wrap_up":
            text = self.tr("Wrap-up · Ctrl+Enter finalises, Ctrl+E resumes")
        else:
            text = self.tr("Draft · Ctrl+N starts a call")
        self._page.state.setText(text)
        resumable = phase == "wrap_up" and status != "final"
        short = short_texts()["resume_call" if resumable else "end_call"]
        self.panel.actions_by_name["end_call"].setIconText(short)

    # -- the playbook side ---------------------------------------------------------------------

    def used(self, entry_id: str) -> bool:
        return entry_id in self.used_wordings

    def first_wording(self, entry_id: str, count: int) -> int:
        """The wording to offer first: after one already said in this call, the next."""
        if entry_id in self.used_wordings and count > 1:
            return (self.used_wordings[entry_id] + 1) % count
        return 0

    def template_copied(
        self, entry_id: str, wording: int, dues: Mapping[str, datetime] | None = None
    ) -> None:
        used = list(self.hidden.get("templates_used") or [])
        if entry_id not in used:
            used.append(entry_id)
        self.hidden["templates_used"] = used
        self.used_wordings[entry_id] = wording
        if dues:
            from assistant.notes.handoff import Promise

            # The customer heard the last copy of a phrase; its latest time is the promise.
            library = self.state.library
            entry = library.get(entry_id) if library is not None else None
            title = entry.title if entry is not None else entry_id
            self.promises = [p for p in self.promises if p.entry_id != entry_id]
            self.promises.append(Promise(max(dues.values()), title, entry_id))
        if self.has_content():
            self.autosave.changed()


def short_texts() -> dict[str, str]:
    """Button texts of the notes actions (the tooltip has the full text and key)."""
    tr = QCoreApplication.translate
    return {
        "new_call": tr("NotesController", "New call"),
        "end_call": tr("NotesController", "End call"),
        "resume_call": tr("NotesController", "Resume"),
        "save_call": tr("NotesController", "Save"),
        "finalise_call": tr("NotesController", "Finalise"),
        "draft_from_listening": tr("NotesController", "✎ Draft request and key problem"),
        "handoff": tr("NotesController", "Handoff"),
        "mark_done": tr("NotesController", "Done"),
        "snooze": tr("NotesController", "Snooze…"),
        "open_record": tr("NotesController", "Open"),
        "export": tr("NotesController", "Export…"),
    }
