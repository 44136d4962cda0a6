"""Fixes for what lint finds in the agent's notes: a vague promise becomes a dated
commitment, a jargon term its plain meaning or the term with its everyday analogy.

The panel offers these on the underlined words; the agent picks one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from assistant.calendar.dates import render_due, resolve
from assistant.calendar.workcalendar import WorkCalendar
from assistant.languages import chinese_script
from assistant.notes.drafting import has_cjk
from assistant.playbooks.lint import Finding
from assistant.playbooks.model import Entry

FixKind = Literal["commitment", "plain", "analogy"]

# What a vague promise is turned into unless the caller says otherwise.
DEFAULT_COMMITMENT = "+1 business day at 10:00"


@dataclass(frozen=True, slots=True)
class Fix:
    kind: FixKind
    start: int
    end: int
    replacement: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


def commitment_words(due: datetime, now: datetime, language: str, *, before: bool = True) -> str:
    """A due time as said on the phone: ``明天（3月11日 周三）上午10:00前``,
    ``明天（3月11日 週三）上午10:00前`` or ``by tomorrow, Wednesday 11 March, at 10:00``."""
    said = render_due(due, now, language)
    if language != "en":
        return said + ("前" if before else "")
    return ("by " if before else "") + said


def fixes_for(
    finding: Finding,
    entry_of: Callable[[str], Entry | None],
    *,
    now: datetime,
    calendar: WorkCalendar,
    spec: str = DEFAULT_COMMITMENT,
    centre: str = "",
) -> list[Fix]:
    """The fixes for one finding, best first (none for a term with no plain entry).

    A Chinese promise is dated in the script of the ``centre``'s language
    (Traditional for zh-Hant, zh_TW...), an English one in English."""
    if finding.kind == "vague":
        chinese = chinese_script(centre)
        due = resolve(spec, now, calendar)
        words = commitment_words(due, now, chinese if has_cjk(finding.text) else "en")
        return [Fix("commitment", finding.start, finding.end, words)]
    entry = entry_of(finding.entry_id) if finding.entry_id else None
    if entry is None:
        return []
    fixes = []
    zh = entry.language.startswith("zh")
    plain = entry.plain.strip().rstrip("。.")
    if plain:
        fixes.append(Fix("plain", finding.start, finding.end, plain))
    analogy = entry.analogy.strip().rstrip("。.")
    if analogy:
        added = f"（{analogy}）" if zh else f" ({analogy})"
        fixes.append(Fix("analogy", finding.start, finding.end, finding.text + added))
    return fixes
