"""Drafting the record's ``request`` and ``key_problem`` from what the agent jotted
down while listening: the facts, the emotions and the demands (事实/情绪/诉求).

The agent notes these in shorthand, one item per line or separated by ``;``; the
draft turns them into the two fields' sentences, which the agent then corrects.
The request is what the customer demands; the key problem is the facts, with the
customer's feeling in brackets so the next person knows how the customer is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

_SPLIT = re.compile(r"[\n\r;；]+")
# Bullets and numbering an agent types in front of an item.
_BULLET = re.compile(r"^\s*(?:[-*•·・]+|\d{1,2}[.)、．]|[（(]\d{1,2}[)）])\s*")
_END = "。.!?！？…"
_TRAILING = "，,、；;：:"


class Drafted(NamedTuple):
    """The drafted fields; None where there was nothing to draft from."""

    request: str | None
    key_problem: str | None


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def items(text: str | None) -> list[str]:
    """The separate items of a shorthand note, bullets removed."""
    if not text:
        return []
    found = []
    for part in _SPLIT.split(text):
        item = _BULLET.sub("", part).strip().rstrip(_TRAILING).strip()
        if item:
            found.append(item)
    return found


def _sentence(parts: Iterable[str], zh: bool) -> str:
    parts = [p.rstrip(_END).strip() for p in parts]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    if zh:
        return "；".join(parts) + "。"
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def draft_from_listening(facts: str | None, emotions: str | None, demands: str | None) -> Drafted:
    """Draft ``request`` from the demands and ``key_problem`` from the facts and emotions.

    Chinese wording when any of the three holds Chinese, English otherwise.
    """
    fact_items, feeling_items, demand_items = items(facts), items(emotions), items(demands)
    zh = has_cjk(" ".join((*fact_items, *feeling_items, *demand_items)))
    request = _sentence(demand_items, zh) or None
    key_problem: str | None = None
    if fact_items:
        key_problem = _sentence(fact_items, zh)
        if feeling_items:
            if zh:
                key_problem += "（客户情绪：" + "、".join(feeling_items) + "）"
            else:
                key_problem += " (The customer feels: " + ", ".join(feeling_items) + ".)"
    return Drafted(request, key_problem)
