"""What note-field lint takes from the panel: the playbook's jargon entries (once
the playbook is loaded) and fixes computed with the panel's clock and calendar."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.playbooks.lint import Finding
from assistant.playbooks.model import Entry
from assistant.ui.lint_fixes import Fix, fixes_for
from assistant.ui.lint_highlighter import LintSupport

if TYPE_CHECKING:
    from assistant.playbooks.library import Library
    from assistant.ui.state import PanelState

log = logging.getLogger(__name__)


def make_lint_support(state: PanelState) -> LintSupport:
    cache: dict[int, Sequence[Entry]] = {}

    def jargon() -> Sequence[Entry]:
        library: Library | None = state.library
        if library is None:
            return ()
        key = id(library)
        if key not in cache:
            cache.clear()
            cache[key] = library.jargon()
        return cache[key]

    def entry(entry_id: str) -> Entry | None:
        return state.library.get(entry_id) if state.library is not None else None

    def fixes(finding: Finding) -> list[Fix]:
        try:
            centre = state.centre_language()
            return fixes_for(
                finding, entry, now=state.clock(), calendar=state.calendar(), centre=centre
            )
        except ValueError as exc:  # office hours the calendar cannot meet
            log.warning("no fix offered: %s", exc)
            return []

    def analogy(finding: Finding) -> str:
        found = entry(finding.entry_id) if finding.entry_id else None
        return found.analogy.strip() if found is not None else ""

    return LintSupport(jargon, fixes, analogy)
