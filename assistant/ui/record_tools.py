"""What the agent asks of the record in one key: the handoff (Ctrl+Shift+H), the
request and key problem drafted from what the customer said (Ctrl+R), and where a
new follow-up's due time starts."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from assistant.ui.record_in_hand import RecordInHand

log = logging.getLogger(__name__)


def handoff(notes: RecordInHand) -> None:
    """Compose the escalation text from the record, copy it, keep it in ``handoff``."""
    from assistant.notes.clocks import deadlines
    from assistant.notes.handoff import compose_handoff, record_language
    from assistant.ui.clipboard import ClipboardUnavailable

    values = notes.values()
    settings = notes.state.settings
    try:
        due = deadlines(
            values.get("started_at"),
            values.get("level") or None,
            settings.level_clocks,
            notes.state.calendar(),
        )
    except ValueError as exc:  # a centre's clock the calendar cannot meet
        log.warning("level clock: %s", exc)
        due = None
    # The centre's language decides the Chinese script: Traditional for a zh-Hant centre.
    language = record_language(values, notes.state.centre_language())
    open_items = [f for f in notes.followups if f.get("status", "open") == "open"]
    # A follow-up made from a copied commitment has its title as plan (Ctrl+T).
    library = notes.state.library
    copied = [library.get(e) for e in values.get("templates_used") or []] if library else []
    commitments = {e.title for e in copied if e is not None and e.category == "commitment"}
    text = compose_handoff(
        values,
        open_items,
        deadlines=due,
        promises=notes.promises,
        commitments=commitments,
        language=language,
        now=notes.state.clock(),
    )
    notes.page.form.set_text("handoff", text)
    try:
        notes.panel.clipboard.copy(text)
    except ClipboardUnavailable as exc:
        notes.show_status(exc.message, error=True)
        return
    notes.show_status(
        QCoreApplication.translate("NotesController", "Handoff copied and kept in the record")
    )


def draft(notes: RecordInHand) -> None:
    """Ctrl+R: request and key problem drafted from facts, emotions, demands."""
    from assistant.notes.drafting import draft_from_listening

    form = notes.page.form
    values = form.values()
    drafted = draft_from_listening(values["facts"], values["emotions"], values["demands"])
    if drafted.request is None and drafted.key_problem is None:
        notes.show_status(
            QCoreApplication.translate("NotesController", "Note the facts and demands first.")
        )
        return
    for name, text in (("request", drafted.request), ("key_problem", drafted.key_problem)):
        if text is not None:
            form.set_text(name, text)
    notes.show_page()
    notes.page.focus_field("request" if drafted.request else "key_problem")
    notes.show_status(
        QCoreApplication.translate("NotesController", "Drafted: check the wording (Ctrl+Z undoes).")
    )


def suggest_due(notes: RecordInHand) -> datetime:
    """Where a new follow-up's due time starts: the next business day, 10:00."""
    from datetime import timedelta

    from assistant.calendar.dates import resolve
    from assistant.ui.lint_fixes import DEFAULT_COMMITMENT

    now = notes.now()
    try:
        return resolve(DEFAULT_COMMITMENT, now, notes.state.calendar())
    except ValueError:
        return now + timedelta(days=1)
