"""From the selected entry to the clipboard: render, or ask for the blanks first.

Placeholders the panel knows (the agent's name and ID, the call's customer title,
account reference, ...) are filled without asking; when any other blank has no
value and no default, the fill-in form opens in the panel first. Taboo entries
are warnings for the agent and are never copied.

The flow knows the panel around it only as a :class:`CopyPanel`; what was copied
it tells through its ``copied`` signal.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

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
    from PySide6.QtWidgets import QLineEdit, QStackedWidget

    from assistant.ui.clipboard import Clipboard
    from assistant.ui.fill_form import FillForm
    from assistant.ui.state import PanelState


class CopyPanel(Protocol):
    """What copying needs of the panel around it (the window is one)."""

    clipboard: Clipboard
    stack: QStackedWidget  # the playbook page's stack, where the fill-in form shows

    @property
    def search(self) -> QLineEdit: ...

    def show_browse(self) -> None: ...

    def show_status(self, text: str, error: bool = False) -> None: ...

    def refresh(self, keep_selection: bool = False) -> None: ...


class CopyFlow(QObject):
    copied = Signal(str, str, object)  # entry id, text, {placeholder: due datetime}

    def __init__(self, state: PanelState, panel: CopyPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.panel = panel
        self._form: FillForm | None = None
        self._target: tuple[Entry, str] | None = None

    @property
    def form(self) -> FillForm:
        """The fill-in form, made the first time an entry needs it."""
        if self._form is None:
            from assistant.ui.fill_form import FillForm

            self._form = FillForm()
            self._form.accepted.connect(self._form_accepted)
            self._form.cancelled.connect(self.panel.show_browse)
            self.panel.stack.addWidget(self._form)
        return self._form

    def filled_in(self) -> tuple[Entry, str] | None:
        """While the fill-in form shows: the entry it fills in, and its words as
        filled in so far."""
        form = self._form
        if self._target is None or form is None or self.panel.stack.currentWidget() is not form:
            return None
        return self._target[0], form.phrase_text()

    def copy(self, entry: Entry | None, body: str, *, force_form: bool = False) -> None:
        panel, state = self.panel, self.state
        if entry is None:
            return
        if entry.category == "taboo":
            panel.show_status(
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
            panel.show_status(str(exc), error=True)
            return
        self._target = (entry, body)
        form = self.form
        panel.stack.setCurrentWidget(form)
        form.open(entry, body, blanks, known=known, dues=dues, now=now)

    def _form_accepted(self, values: Mapping[str, str | datetime]) -> None:
        if self._target is None or self.panel.stack.currentWidget() is not self._form:
            return
        entry, body = self._target
        state = self.state
        merged: dict[str, str | datetime] = {**state.auto_values(), **values}
        try:
            rendered = render(
                entry, merged, now=state.clock(), calendar=state.calendar(), body=body
            )
        except MissingValues as exc:
            self.form.show_missing([blank_label(entry, n) for n in exc.names], exc.names[0])
            return
        except ValueError as exc:
            self.panel.show_status(str(exc), error=True)
            return
        if self._copy(entry, rendered):
            self._target = None
            self.panel.show_browse()

    def _copy(self, entry: Entry, rendered: Rendered) -> bool:
        panel, state = self.panel, self.state
        try:
            panel.clipboard.copy(rendered.text)
        except ClipboardUnavailable as exc:
            panel.show_status(exc.message, error=True)
            return False
        stamp = state.clock().strftime("%H:%M")
        panel.show_status(self.tr("Copied · %1").replace("%1", stamp))
        state.record_use(entry.id, panel.search.text())
        self.copied.emit(entry.id, rendered.text, dict(rendered.dues))
        panel.refresh(keep_selection=True)
        return True
