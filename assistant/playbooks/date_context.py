"""The words beside a date placeholder in a phrase template: a day word there says
the day twice (the placeholder says its own), and an "on"/"at" before it reads wrong
when the date is said as "tomorrow, ...". The date itself is worded by
``assistant.calendar.dates``.
"""

from __future__ import annotations

import re

from assistant.calendar.dates import EN_RELATIVE

__all__ = ["day_word_beside", "drop_preposition"]

# Words that name a day. Beside a date placeholder they say the day twice, since the
# placeholder renders its own (今天（12月4日 周五）…), or say the wrong day once the
# promise has moved to the next opening.
_DAY_WORD_BEFORE = re.compile(
    r"(今天|今日|明天|明日|后天|後天|当天|當天|本周|本週|下周|下週"
    r"|\b(?:today|tomorrow|tonight|this (?:morning|afternoon|evening)))\s*$",
    re.IGNORECASE,
)
_DAY_WORD_AFTER = re.compile(
    r"^\s*(今天|今日|明天|明日|后天|後天|\b(?:today|tomorrow|tonight)\b)", re.IGNORECASE
)


def day_word_beside(before: str, after: str) -> str | None:
    """The day word that ends ``before`` or starts ``after``, the text on either side of
    a date placeholder; None when there is none."""
    m = _DAY_WORD_BEFORE.search(before) or _DAY_WORD_AFTER.search(after)
    return m.group(1) if m else None


_PREPOSITION_BEFORE = re.compile(r"\b(?:on|at)\s+$", re.IGNORECASE)


def drop_preposition(before: str, said: str) -> str:
    """``before`` without a trailing "on"/"at" when the date ``said`` starts with today
    or tomorrow: "call you back on {at}" reads "call you back tomorrow, …" then, and
    "… on Monday 7 December at 10:00" otherwise."""
    if said.startswith(EN_RELATIVE):
        return _PREPOSITION_BEFORE.sub("", before)
    return before
