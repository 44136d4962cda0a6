"""Display names of playbook categories and emotion stages, marked for translation.

The core keeps machine names (``de_escalation``); the panel shows these. Source
strings are English; zh-Hans/zh-Hant translations come from a .qm file later.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_CONTEXT = "labels"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; translated where it is shown."""
    return text


CATEGORY_LABELS: dict[str, str] = {
    "opening": QT_TRANSLATE_NOOP("labels", "Opening"),
    "closing": QT_TRANSLATE_NOOP("labels", "Closing"),
    "questioning": QT_TRANSLATE_NOOP("labels", "Questioning"),
    "confirming": QT_TRANSLATE_NOOP("labels", "Confirming"),
    "jargon": QT_TRANSLATE_NOOP("labels", "Plain language"),
    "de_escalation": QT_TRANSLATE_NOOP("labels", "De-escalation"),
    "sandwich": QT_TRANSLATE_NOOP("labels", "Sandwich"),
    "complaint": QT_TRANSLATE_NOOP("labels", "Complaint"),
    "crisis": QT_TRANSLATE_NOOP("labels", "Crisis notice"),
    "commitment": QT_TRANSLATE_NOOP("labels", "Commitment"),
    "handoff": QT_TRANSLATE_NOOP("labels", "Handoff"),
    "written_reply": QT_TRANSLATE_NOOP("labels", "Written reply"),
    "objection": QT_TRANSLATE_NOOP("labels", "Objection"),
    "proactive_care": QT_TRANSLATE_NOOP("labels", "Proactive care"),
    "cross_cultural": QT_TRANSLATE_NOOP("labels", "Cross-cultural"),
    "taboo": QT_TRANSLATE_NOOP("labels", "Avoid"),
}

STAGE_LABELS: dict[str, str] = {
    "calm": QT_TRANSLATE_NOOP("labels", "Calm"),
    "dissatisfied": QT_TRANSLATE_NOOP("labels", "Dissatisfied"),
    "angry": QT_TRANSLATE_NOOP("labels", "Angry"),
    "confrontational": QT_TRANSLATE_NOOP("labels", "Confrontational"),
}

# Blanks every template may use; the panel fills them from settings and the call.
PLACEHOLDER_LABELS: dict[str, str] = {
    "agent_name": QT_TRANSLATE_NOOP("labels", "your name"),
    "agent_id": QT_TRANSLATE_NOOP("labels", "your agent ID"),
    "customer_name": QT_TRANSLATE_NOOP("labels", "customer name"),
    "customer_title": QT_TRANSLATE_NOOP("labels", "customer title"),
    "customer_contact": QT_TRANSLATE_NOOP("labels", "customer contact"),
    "account_ref": QT_TRANSLATE_NOOP("labels", "account"),
}

EDGE_LABELS: dict[str, str] = {
    "left": QT_TRANSLATE_NOOP("labels", "Left edge"),
    "right": QT_TRANSLATE_NOOP("labels", "Right edge"),
}


def label(table: dict[str, str], key: str) -> str:
    """The translated display name, or the machine name for an unknown key."""
    source = table.get(key)
    if source is None:
        return key
    return QCoreApplication.translate(_CONTEXT, source)


def category_label(category: str) -> str:
    return label(CATEGORY_LABELS, category)


def stage_label(stage: str) -> str:
    return label(STAGE_LABELS, stage)
