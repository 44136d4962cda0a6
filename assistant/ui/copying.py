"""From the selected entry to the clipboard: render, or ask for the blanks first.

Placeholders the panel knows (the agent's name and ID, the call's customer title,
account reference, ...) are filled without asking; when any other blank has no
value and no default, the fill-in form opens in the panel first. Taboo entries
are warnings for the agent and are never copied.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from assistant.playbooks.model import Entry
from assistant.playbooks.template import (
    MissingValues,
    Rendered,
    due_times,
    entry_placeholders,
    render,
)
from assistant.ui.clipboard import ClipboardUnavailable
from assistant.ui.wording import blank_label

if TYPE_CHECKING:
    from assistant.ui.fill_form import FillForm
    from assistant.ui.window import MainWindow


class CopyFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._form: FillForm | None = None
        self._target: tuple[Entry, str] | None = None

    @property
    def form(self) -> FillForm:
        """The fill-in form, made the first time an entry needs it."""
        if self._form is None:
            from assistant.ui.fill_form import FillForm

            self._form = FillForm()
            self._form.accepted.connect(self._form_accepted)
            self._form.cancelled.connect(self.window.show_browse)
            self.window.stack.addWidget(self._form)
        return self._form

    @property
    def open_form(self) -> FillForm | None:
        """The fill-in form if it was ever made (without making it)."""
        return self._form

    @property
    def target(self) -> tuple[Entry, str] | None:
        """The entry and wording the fill-in form is filling in."""
        return self._target

    def copy(self, entry: Entry | None, body: str, *, force_form: bool = False) -> None:
        window, state = self.window, self.window.state
        if entry is None:
            return
        if entry.category == "taboo":
            window.show_status(
                self.tr("This is a reminder for you, not words for the customer: nothing copied."),
                error=True,
            )
            return
        known = state.auto_values()
        blanks = [p for p in entry_placeholders(entry, body) if p.name not in known]
        now = state.clock()
        try:
            calendar = state.calendar()
            if not (force_form and blanks):
                try:
                    rendered = render(entry, known, now=now, calendar=calendar, body=body)
                except MissingValues:
                    pass
                else:
                    self._copy(entry, rendered)
                    return
            dues = due_times(entry, now=now, calendar=calendar)
        except ValueError as exc:  # a date spec the calendar cannot meet
            window.show_status(str(exc), error=True)
            return
        self._target = (entry, body)
        form = self.form
        window.stack.setCurrentWidget(form)
        form.open(entry, body, blanks, known=known, dues=dues, now=now)

    def _form_accepted(self, values: Mapping[str, str | datetime]) -> None:
        if self._target is None or self.window.stack.currentWidget() is not self._form:
            return
        entry, body = self._target
        state = self.window.state
        merged: dict[str, str | datetime] = {**state.auto_values(), **values}
        try:
            rendered = render(
                entry, merged, now=state.clock(), calendar=state.calendar(), body=body
            )
        except MissingValues as exc:
            self.form.show_missing([blank_label(entry, n) for n in exc.names], exc.names[0])
            return
        except ValueError as exc:
            self.window.show_status(str(exc), error=True)
            return
        if self._copy(entry, rendered):
            self._target = None
            self.window.show_browse()

    def _copy(self, entry: Entry, rendered: Rendered) -> bool:
        window, state = self.window, self.window.state
        try:
            window.clipboard.copy(rendered.text)
        except ClipboardUnavailable as exc:
            window.show_status(exc.message, error=True)
            return False
        stamp = state.clock().strftime("%H:%M")
        window.show_status(self.tr("Copied · %1").replace("%1", stamp))
        state.record_use(entry.id, window.search.text())
        window.copied.emit(entry.id, rendered.text, dict(rendered.dues))
        window.refresh(keep_selection=True)
        return True
