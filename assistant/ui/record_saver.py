"""Saving and finalising the record in the form, on the worker thread, and showing
the outcome: saved, final, refused (every missing field named, the cursor moved to
the first, a running call left running), card numbers masked (the fields named, the
form's text masked too), or the store's refusal (disk full, read-only: the text
stays in the form).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from assistant.errors import UserError
from assistant.notes.call_clock import clock_text
from assistant.notes.service import FormProblems, finalise_form, save_form
from assistant.notes.validation import SavedRecord
from assistant.ui.labels import field_label

if TYPE_CHECKING:
    from assistant.ui.record_in_hand import RecordInHand

log = logging.getLogger(__name__)


class RecordSaver(QObject):
    done = Signal(object)  # the SavedRecord, or the exception that stopped the save

    def __init__(self, record: RecordInHand, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.c = record

    def save(
        self, *, quiet: bool = False, then: Callable[[SavedRecord], None] | None = None
    ) -> None:
        """Ctrl+S: save to the store on the worker thread; ``then`` runs once it is in."""
        key, values, followups = self.c.snapshot()
        revision, now = self.c.autosave.revision, self.c.now()
        dispositions = self.c.state.settings.dispositions
        self.c.state.with_store(
            lambda store: save_form(store, values, followups, dispositions=dispositions, now=now),
            lambda saved: self._saved(saved, revision, quiet, now, then),
            lambda exc: self._save_failed(exc, key),
            essential=True,
        )

    def finalise(self) -> None:
        """Ctrl+Enter: finalise; a call still running ends with it. Refused: every
        missing field is named, and the call runs on (only Ctrl+E ends it)."""
        now = self.c.now()
        # The end and durations are stored only if the record becomes final.
        when_final = self.c.clock.settled(now)
        key, values, followups = self.c.snapshot()
        revision = self.c.autosave.revision
        settings = self.c.state.settings
        required, dispositions = settings.required_fields, settings.dispositions

        def job(store: Any) -> SavedRecord:
            return finalise_form(
                store,
                values,
                followups,
                required=required,
                dispositions=dispositions,
                now=now,
                when_final=when_final,
            )

        self.c.state.with_store(
            job,
            lambda saved: self._saved(saved, revision, False, now),
            lambda exc: self._save_failed(exc, key),
            essential=True,
        )

    def _saved(
        self,
        saved: SavedRecord,
        revision: int,
        quiet: bool,
        at: datetime,
        then: Callable[[SavedRecord], None] | None = None,
    ) -> None:
        c = self.c
        c.autosave.stored(saved.id, revision)
        c.panel.banner.remove("save")
        c.stored()
        if saved.id == c.record_id:  # else the agent moved on to another record
            self._show_saved(saved, quiet, at)
        if then is not None:
            then(saved)
        self.done.emit(saved)

    def _show_saved(self, saved: SavedRecord, quiet: bool, at: datetime) -> None:
        c, page = self.c, self.c.page
        c.hidden["status"] = saved.values.get("status")
        stored = {f["id"]: f for f in saved.followups}
        for item in c.followups:  # masked plans; a follow-up added meanwhile stays
            item.update(stored.get(item.get("id"), {}))
        page.form.followups.set_items(c.followups)
        page.show_problem(())
        if saved.refused:
            fields = [p.field for p in saved.refused]
            page.form.mark_missing(fields)
            page.show_problem(fields)
            c.show_page()
            page.focus_field(fields[0])
            text = self.tr("Not final yet: saved as a draft.")
            if c.clock.phase() == "talk":
                text = self.tr("Not final yet: saved as a draft. The call is still running.")
            c.show_status(text, error=True)
        else:
            page.form.mark_missing(())
            text = self.tr("Final · %1") if saved.final else self.tr("Saved · %1")
            text = text.replace("%1", at.strftime("%H:%M"))
            if saved.final:
                text = self._stop_clocks(saved, at) or text
            if not quiet:
                c.show_status(text)
        if saved.masked:
            self._show_masked(saved)
        c.update_state_line()

    def _stop_clocks(self, saved: SavedRecord, at: datetime) -> str:
        """The record is final: the clocks stop, as stored. A call still running when
        it was finalised ended then; say so."""
        c, text = self.c, ""
        if c.clock.phase() == "talk":
            talk = clock_text(c.clock.end(at))
            c.page.form.editors["ended_at"].set_value(c.clock.ended)  # type: ignore[union-attr]
            text = self.tr("Final · %1 · call ended, talk %2")
            text = text.replace("%1", at.strftime("%H:%M")).replace("%2", talk)
        c.clock.finish(at)
        for name in ("talk_seconds", "wrap_up_seconds"):
            if saved.values.get(name) is not None:
                c.hidden[name] = saved.values[name]
        c.timer.tick()
        return text

    def _show_masked(self, saved: SavedRecord) -> None:
        from assistant.redact import mask_cards

        form = self.c.page.form
        for name in saved.masked:
            if name in form.editors:  # mask what the field holds now (the agent may type on)
                current = form.values()[name]
                if isinstance(current, str):
                    form.set_text(name, mask_cards(current)[0])
        names = ", ".join(dict.fromkeys(field_label(n) for n in saved.masked))
        text = self.tr("Card numbers are never stored: masked in %1.").replace("%1", names)
        self.c.page.show_problem((), text)
        self.c.show_status(text, error=True)

    def _save_failed(self, exc: BaseException, key: str) -> None:
        if isinstance(exc, FormProblems):
            fields = [p.field for p in exc.problems]
            text = self.tr("Not saved: %1").replace(
                "%1", "; ".join(f"{field_label(p.field)}: {p.reason}" for p in exc.problems)
            )
            if key == self.c.record_id:
                self.c.page.form.mark_missing(fields)
                self.c.page.show_problem((), text)
        elif isinstance(exc, UserError):
            text = self.tr("Not saved: %1 Your notes stay in the form.").replace("%1", exc.message)
        else:
            log.error("saving the record failed", exc_info=exc)
            text = self.tr("Not saved (see the log). Your notes stay in the form.")
        self.c.show_status(text, error=True)
        self.c.panel.banner.show_message("save", text, tone="warning")
        self.done.emit(exc)
