"""Follow-ups in the panel: the list page (done, snooze, open the record), the
notification when one comes due, the follow-up a copied commitment offers, the
"Recent" records menu and the export page.

It acts on the record in hand through the :class:`NotesController` and knows the
panel around it only as a :class:`FollowUpPanel`; the window registers its pages
and brings it copied commitments.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt

from assistant.ui.reminders import Reminders

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from assistant.notes.service import FollowUpRow, RecentCall, Snooze
    from assistant.notes.validation import SavedRecord
    from assistant.ui.banner import Banner
    from assistant.ui.export_page import ExportPage
    from assistant.ui.followups_page import FollowUpsPage
    from assistant.ui.notes_controller import NotesController
    from assistant.ui.panel_pages import PanelPages
    from assistant.ui.state import PanelState

log = logging.getLogger(__name__)


class FollowUpPanel(Protocol):
    """What the follow-ups need of the panel around them (the window is one)."""

    banner: Banner
    pages: PanelPages

    @property
    def actions_by_name(self) -> dict[str, QAction]: ...

    def show_status(self, text: str, error: bool = False) -> None: ...

    def show_panel(self) -> None: ...


class FollowUpFlow(QObject):
    def __init__(
        self,
        state: PanelState,
        notes: NotesController,
        panel: FollowUpPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel = panel
        self.notes = notes
        self.state = state
        self.reminders = Reminders(self.state, notes.now, self)
        self.reminders.rows_changed.connect(self._show_rows)
        self.reminders.due.connect(self._due)
        self.reminders.ticked.connect(self._tick)
        self.offer: tuple[datetime, str] | None = None
        self._started = False
        self.recent: list[RecentCall] = []
        self._page: FollowUpsPage | None = None
        self._export: ExportPage | None = None
        # Set by the app when the desktop has a tray: its notification, else a banner.
        self.notifier: Callable[[str, str], None] | None = None
        self.state.store_recovered.connect(self._store_recovered)

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "show_followups": self.show,
            "add_followup": self.add_offered,
            "mark_done": self.mark_done,
            "snooze": self.snooze_menu,
            "open_record": self.open_current,
            "export": self.show_export,
        }

    def start(self) -> None:
        """After start-up: drafts left behind, due follow-ups, the daily backup (once)."""
        if self._started:
            return
        self._started = True
        self.notes.restore_drafts()
        self.reload()
        self.state.back_up(
            lambda message: self.panel.banner.show_message("backup", message, tone="warning")
        )
        self.state.report_damaged(self._store_recovered)

    def _store_recovered(self, message: str) -> None:
        self.panel.banner.show_message("store", message, tone="warning")
        self.panel.show_status(message, error=True)

    def page_shown(self, take_focus: bool) -> None:
        """The list came up (Ctrl+3, a tab clicked, back from the export): fresh from
        the store every time, and the cursor to it unless it is on the page already."""
        if self._page is not None:
            if take_focus:
                self._page.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.reload()

    def notify(self, title: str, text: str) -> None:
        """A follow-up came due: the tray's notification, or a banner without a tray."""
        if self.notifier is not None:
            self.notifier(title, text)
            return
        self.panel.banner.show_message(
            "due", f"{title}\n{text}", tone="due", action=(self.tr("Show"), self.show)
        )

    # -- pages ---------------------------------------------------------------------

    @property
    def page(self) -> FollowUpsPage:
        if self._page is None:
            from assistant.ui.followups_page import FollowUpsPage
            from assistant.ui.notes_controller import short_texts

            page = FollowUpsPage()
            page.bind(self.panel.actions_by_name, short_texts())
            for choice, text in (
                ("15min", self.tr("15 minutes")),
                ("1h", self.tr("1 hour")),
                ("next_business_day", self.tr("Next business day, opening time")),
            ):
                action = page.snooze_menu.addAction(text)
                action.triggered.connect(lambda _c=False, c=choice: self.snooze(c))
            page.open_requested.connect(self.open_record)
            self._page = page
            self._show_rows()
        return self._page

    @property
    def export_page(self) -> ExportPage:
        if self._export is None:
            from assistant.ui.export_page import ExportPage

            state = self.state
            page = ExportPage(
                state.paths.store_file,
                state.slow_lane,
                state.stopping,
                lambda: state.clock().date(),
                lambda: state.settings.fcr_window_days,
            )
            page.back.connect(self.show)
            page.finished.connect(self.panel.show_status)
            self._export = page
        return self._export

    def show(self) -> None:
        """Ctrl+3: the list (``page_shown`` reads it fresh from the store)."""
        self.panel.pages.show("followups")
        self.page.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_from_notification(self) -> None:
        self.panel.show_panel()
        self.show()

    def show_export(self) -> None:
        self.panel.pages.show("export")
        self.export_page.export_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reload(self) -> None:
        """Reload the follow-up list and the Recent menu (after any save)."""
        from assistant.notes.service import recent_calls

        self.reminders.reload()
        self.state.with_store(recent_calls, self._show_recent)

    def _tick(self) -> None:
        # Time moves on: what is overdue or due soon changes without a reload.
        if self._page is not None and self._page.isVisible():
            self._page.model.set_now(self.notes.now())

    def _show_rows(self) -> None:
        if self._page is not None:
            self._page.show_rows(self.reminders.rows, self.notes.now())

    # -- acting on a follow-up -------------------------------------------------------

    def _selected(self) -> FollowUpRow | None:
        if self.panel.pages.current() != "followups":
            return None
        return self.page.current()

    def mark_done(self) -> None:
        from assistant.notes.service import mark_done as finish

        row = self._selected()
        if row is None:
            return
        now = self.notes.now()
        self.reminders.drop(row.id)
        self._touch_form(row.id, status="done", done_at=now)
        self.state.with_store(lambda store: finish(store, row.id, now), lambda _r: self.reload())
        self.panel.show_status(self.tr("Done: %1").replace("%1", row.plan or row.customer))

    def snooze_menu(self) -> None:
        if self._selected() is not None:
            button = self.page.snooze_button
            self.page.snooze_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    def snooze(self, choice: Snooze) -> None:
        from assistant.notes.service import reschedule, snooze_until
        from assistant.ui.followups_page import due_words

        row = self._selected()
        if row is None:
            return
        now = self.notes.now()
        try:
            due = snooze_until(choice, now, self.state.calendar())
        except ValueError as exc:
            self.panel.show_status(str(exc), error=True)
            return
        self.reminders.forget(row.id)
        self._touch_form(row.id, due_at=due)
        self.state.with_store(
            lambda store: reschedule(store, row.id, due, now), lambda _r: self.reload()
        )
        self.panel.show_status(self.tr("Snoozed until %1").replace("%1", due_words(due, now)))

    def _touch_form(self, followup_id: str, **changes: Any) -> None:
        """Keep the form's copy of a follow-up in step, so its next save agrees."""
        for item in self.notes.followups:
            if item.get("id") == followup_id:
                item.update(changes)
                if self.notes.made:
                    self.notes.page.form.followups.set_items(self.notes.followups)

    def open_current(self) -> None:
        row = self._selected()
        if row is not None:
            self.open_record(row.call_id)

    def open_record(self, call_id: str) -> None:
        """Show a saved record in the form (the one in hand is saved first)."""
        from assistant.notes.service import load_call

        if call_id == self.notes.record_id:
            self.notes.show()
            return
        self.notes.keep_in_hand()
        self.state.with_store(lambda store: load_call(store, call_id), self._opened)

    def _opened(self, saved: SavedRecord | None) -> None:
        if saved is None:
            self.panel.show_status(self.tr("That record is no longer in the store."), error=True)
            return
        self.notes.load(saved.id, saved.values, saved.followups)
        self.notes.show()

    def _show_recent(self, calls: list[RecentCall]) -> None:
        self.recent = calls
        if self.notes.made:
            self.fill_recent()

    def fill_recent(self) -> None:
        """The notes page's Recent menu, from the last list read from the store."""
        calls = self.recent
        menu = self.notes.page.recent_menu
        menu.clear()
        for call in calls:
            when = call.started_at or call.updated_at
            text = " · ".join(
                p for p in (when.astimezone().strftime("%m-%d %H:%M"), call.customer) if p
            )
            if call.request:
                text += " · " + (
                    call.request[:24] + "…" if len(call.request) > 24 else call.request
                )
            if call.status != "final":
                text += " " + self.tr("(draft)")
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, i=call.id: self.open_record(i))
        self.notes.page.recent_button.setEnabled(bool(calls))

    # -- coming due ----------------------------------------------------------------------

    def _due(self, rows: list[FollowUpRow], missed: bool) -> None:
        from assistant.ui.followups_page import due_words

        now = self.notes.now()
        lines = [
            " · ".join(p for p in (due_words(r.due_at, now), r.customer, r.plan) if p)
            for r in rows[:3]
        ]
        if len(rows) > 3:
            lines.append(self.tr("and %n more", "", len(rows) - 3))
        if missed:
            title = self.tr("%n follow-up(s) came due while the panel was closed", "", len(rows))
        else:
            title = self.tr("%n follow-up(s) due now", "", len(rows))
        self.notify(title, "\n".join(lines))

    # -- a commitment becomes a follow-up ------------------------------------------------

    def offer_from(self, entry_id: str, dues: dict[str, datetime]) -> None:
        from assistant.calendar.dates import render_due

        if not dues:
            return
        due = min(dues.values())
        library = self.state.library
        entry = library.get(entry_id) if library is not None else None
        plan = entry.title if entry is not None else entry_id
        self.offer = (due, plan)
        language = entry.language if entry is not None else "en"
        when = render_due(due, self.notes.now(), language)
        text = self.tr("Add a follow-up due %1 to this call? (Ctrl+T)").replace("%1", when)
        self.panel.banner.show_message("offer", text, action=(self.tr("Add"), self.add_offered))

    def add_offered(self) -> None:
        """Ctrl+T: the offered follow-up goes into the record in the form, owned by the
        agent, and the record is saved so that the list (Ctrl+3) shows it. With no call
        and nothing typed, that record is a draft that Ctrl+N starts the call on.
        """
        from assistant.notes.service import commitment_followup

        if self.offer is None:
            self.panel.show_status(self.tr("No follow-up to add: copy a dated promise first."))
            return
        due, plan = self.offer
        self.offer = None
        self.panel.banner.remove("offer")
        settings = self.state.settings
        owner = settings.agent_name or settings.agent_id or self.tr("me")
        notes = self.notes
        no_call = notes.awaits_call
        notes.add_followup(commitment_followup("", due, owner, plan))
        # Said once the store has it: only then does the list show it.
        notes.save(quiet=True, then=lambda _saved: self._offer_added(due, no_call))

    def _offer_added(self, due: datetime, no_call: bool) -> None:
        from assistant.ui.followups_page import due_words

        if no_call:
            text = self.tr(
                "No call running: follow-up %1 kept in a draft record, listed under"
                " Follow-ups (Ctrl+3). Ctrl+N starts the call on it."
            )
        else:
            text = self.tr("Follow-up added: %1 · listed under Follow-ups (Ctrl+3)")
        self.panel.show_status(text.replace("%1", due_words(due, self.notes.now())))
