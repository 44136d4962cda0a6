"""Masking payment card numbers before anything is written.

Agents on payment calls type card numbers into their notes by mistake, and PCI DSS
forbids keeping a full card number. Every write path (the form's save, import,
drafts) runs text through ``mask_cards`` first, so the store, its WAL, drafts,
exports and logs never see one.

A card number here is 13-19 digits that passes the Luhn check, written together or
in groups separated the ways agents type them: spaces, dashes, dots, slashes or
underscores (ASCII or full-width), zero-width characters pasted from a chat, or a
line break inside the number. It becomes ``[•••• 1111]``: the last
four digits stay, so the agent can still tell which card the customer meant. The
marker has no words: records are read in Chinese and English interfaces alike (and
exported, synced, read by supervisors), and four dots before four digits read as a
masked card in either.
Numbers that fail Luhn (order numbers, most phone numbers) are left alone, and so
is an international phone number written with its leading ``+`` (E.164 allows at
most 15 digits; a 16-19 digit run after a ``+`` is still masked).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

MASK = "[•••• {last4}]"
MIN_DIGITS, MAX_DIGITS = 13, 19
E164_MAX_DIGITS = 15

# One separator between digit groups: up to two spaces (also the no-break and the
# ideographic space an IME types); one mark (a dash of any common width, a dot, a
# slash or an underscore, ASCII or full-width) with a space either side; or a line
# end, after a mark or not. Zero-width characters (a chat app's paste) may sit
# anywhere in it, or be the separator themselves.
_SPACE = "[ \t\u00a0\u3000]"
_MARK = "[-\u2010\u2011\u2012\u2013\u2014\u2212\uff0d.\uff0e/\uff0f_\uff3f]"
_ZERO_WIDTH = "[\u200b\u200c\u200d\u2060\ufeff\u00ad]"
_S = f"(?:{_SPACE}{_ZERO_WIDTH}*)"  # a space, and any zero-width characters after it
_M = f"(?:{_MARK}{_ZERO_WIDTH}*)"
_BREAK = f"{_S}{{0,4}}{_M}?{_S}{{0,4}}(?:\\r\\n|\\n|\\r){_ZERO_WIDTH}*{_S}{{0,8}}"
_SEP = f"(?:{_ZERO_WIDTH}*(?:{_S}{{1,2}}|{_S}?{_M}{_S}?|{_BREAK})|{_ZERO_WIDTH}+)"
# ``\d`` is any decimal digit, so full-width digits typed through an IME count too.
_RUN = re.compile(rf"(?<!\d)\+?\d+(?:{_SEP}\d+)*(?!\d)")
_GROUP = re.compile(r"\d+")
# Fewer than 13 digits in a whole text: nothing to look at (the common case).
_ENOUGH_DIGITS = re.compile(r"(?:\d\D{0,8}){13}")


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = unicodedata.decimal(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _ascii(digits: str) -> str:
    return "".join(str(unicodedata.decimal(c)) for c in digits)


def _mask_run(run: str) -> tuple[str, int]:
    """Mask the card numbers in one run of digit groups; return the text and how many."""
    groups = [(m.start(), m.end()) for m in _GROUP.finditer(run)]
    phone_prefix = run.startswith("+")
    pieces: list[str] = []
    done = 0  # where in ``run`` the text still to copy starts
    masked = 0
    i = 0
    while i < len(groups):
        best = -1
        digits = ""
        for j in range(i, len(groups)):
            digits += run[groups[j][0] : groups[j][1]]
            if len(digits) > MAX_DIGITS:
                break
            if len(digits) < MIN_DIGITS or not luhn_ok(digits):
                continue
            if phone_prefix and i == 0 and len(digits) <= E164_MAX_DIGITS:
                continue  # "+86 138 0013 8000" is a phone number, not a card
            best = j
        if best < 0:
            i += 1
            continue
        start, end = groups[i][0], groups[best][1]
        window = "".join(run[a:b] for a, b in groups[i : best + 1])
        pieces.append(run[done:start])
        pieces.append(MASK.format(last4=_ascii(window[-4:])))
        done = end
        masked += 1
        i = best + 1
    if not masked:
        return run, 0
    pieces.append(run[done:])
    return "".join(pieces), masked


def mask_cards(text: str) -> tuple[str, int]:
    """Return ``text`` with every card number masked, and how many were masked."""
    if not _ENOUGH_DIGITS.search(text):
        return text, 0
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        masked, found = _mask_run(match.group(0))
        count += found
        return masked

    return _RUN.sub(replace, text), count


def mask_value(value: Any) -> tuple[Any, bool]:
    """Mask a text or a list of texts; anything else is returned as it is."""
    if isinstance(value, str):
        masked, count = mask_cards(value)
        return masked, count > 0
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        results = [mask_cards(v) for v in value]
        return [r[0] for r in results], any(r[1] for r in results)
    return value, False


def mask_fields(
    values: Mapping[str, Any], names: Iterable[str] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """Mask card numbers in ``values`` (only ``names`` if given); return the copy and
    the names of the fields where something was masked."""
    wanted = None if names is None else set(names)
    out = dict(values)
    changed: list[str] = []
    for name, value in values.items():
        if wanted is not None and name not in wanted:
            continue
        masked, hit = mask_value(value)
        if hit:
            out[name] = masked
            changed.append(name)
    return out, changed


def mask_anything(value: Any) -> tuple[Any, int]:
    """Mask every string inside nested dicts and lists (drafts); return it and the count."""
    if isinstance(value, str):
        return mask_cards(value)
    if isinstance(value, list):
        results = [mask_anything(v) for v in value]
        return [r[0] for r in results], sum(r[1] for r in results)
    if isinstance(value, dict):
        count = 0
        out: dict[Any, Any] = {}
        for key, item in value.items():
            out[key], found = mask_anything(item)
            count += found
        return out, count
    return value, 0
