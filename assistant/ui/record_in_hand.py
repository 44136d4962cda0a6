"""The call record in hand as the saver (``record_saver``) and the one-key tools
(``record_tools``) see it: its values, clocks and form, and the few things of the
panel they report to. :class:`~assistant.ui.notes_controller.NotesController` is
the one that holds it; these protocols let a reader follow the saver and the tools
without it (or the window) open beside them.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from assistant.notes.call_clock import CallClock
    from assistant.notes.handoff import Promise
    from assistant.ui.autosave import Autosave
    from assistant.ui.banner import Banner
    from assistant.ui.call_timer import CallTimer
    from assistant.ui.clipboard import Clipboard
    from assistant.ui.notes_page import NotesPage
    from assistant.ui.panel_pages import PanelPages
    from assistant.ui.state import PanelState


class RecordPanel(Protocol):
    """The panel around the record: its banners, pages, clipboard and status line."""

    banner: Banner
    pages: PanelPages
    clipboard: Clipboard

    def show_status(self, text: str, error: bool = False) -> None: ...


class RecordInHand(Protocol):
    """The record the notes form shows, with what is kept beside the form."""

    state: PanelState
    autosave: Autosave
    clock: CallClock
    timer: CallTimer
    hidden: dict[str, Any]  # values the form does not show (status, talk time, ...)
    followups: list[dict[str, Any]]
    promises: list[Promise]  # dated commitments given in this call

    @property
    def panel(self) -> RecordPanel: ...

    @property
    def record_id(self) -> str: ...

    @property
    def page(self) -> NotesPage: ...

    def now(self) -> datetime: ...

    def values(self) -> dict[str, Any]: ...

    def snapshot(self) -> tuple[str, dict[str, Any], list[dict[str, Any]]]: ...

    def update_state_line(self) -> None: ...

    def show_status(self, text: str, error: bool = False) -> None: ...

    def show_page(self) -> None:
        """Bring the notes page up (without moving the cursor)."""

    def stored(self) -> None:
        """A save reached the store: the lists of records may have changed."""
