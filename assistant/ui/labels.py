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
    "confrontational": QT_TRANSLATE_NOOP("labels", "Hostile"),
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


# -- the call record ---------------------------------------------------------------

FIELD_LABELS: dict[str, str] = {
    "started_at": QT_TRANSLATE_NOOP("labels", "Started"),
    "ended_at": QT_TRANSLATE_NOOP("labels", "Ended"),
    "channel": QT_TRANSLATE_NOOP("labels", "Channel"),
    "direction": QT_TRANSLATE_NOOP("labels", "Direction"),
    "connect_status": QT_TRANSLATE_NOOP("labels", "Connected?"),
    "participants": QT_TRANSLATE_NOOP("labels", "Participants"),
    "customer_name": QT_TRANSLATE_NOOP("labels", "Customer name"),
    "customer_title": QT_TRANSLATE_NOOP("labels", "How to address"),
    "customer_contact": QT_TRANSLATE_NOOP("labels", "Contact"),
    "account_ref": QT_TRANSLATE_NOOP("labels", "Account"),
    "customer_type": QT_TRANSLATE_NOOP("labels", "Customer type"),
    "level": QT_TRANSLATE_NOOP("labels", "Level"),
    "emotion_start": QT_TRANSLATE_NOOP("labels", "Emotion"),
    "emotion_end": QT_TRANSLATE_NOOP("labels", "Emotion at end"),
    "facts": QT_TRANSLATE_NOOP("labels", "Facts"),
    "emotions": QT_TRANSLATE_NOOP("labels", "Emotions"),
    "demands": QT_TRANSLATE_NOOP("labels", "Demands"),
    "request": QT_TRANSLATE_NOOP("labels", "Request"),
    "key_problem": QT_TRANSLATE_NOOP("labels", "Key problem"),
    "outcome": QT_TRANSLATE_NOOP("labels", "Outcome"),
    "resolution": QT_TRANSLATE_NOOP("labels", "Resolution"),
    "disposition": QT_TRANSLATE_NOOP("labels", "Disposition"),
    "escalated_to": QT_TRANSLATE_NOOP("labels", "Escalated to"),
    "handoff": QT_TRANSLATE_NOOP("labels", "Handoff"),
    "notes": QT_TRANSLATE_NOOP("labels", "Notes"),
    "tags": QT_TRANSLATE_NOOP("labels", "Tags"),
    "followups": QT_TRANSLATE_NOOP("labels", "Follow-up"),
    "owner": QT_TRANSLATE_NOOP("labels", "Owner"),
    "due_at": QT_TRANSLATE_NOOP("labels", "Due"),
    "plan": QT_TRANSLATE_NOOP("labels", "Plan"),
}

CHOICE_LABELS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
    "in_person": QT_TRANSLATE_NOOP("labels", "In person"),
    "online": QT_TRANSLATE_NOOP("labels", "Online chat"),
    "email": QT_TRANSLATE_NOOP("labels", "E-mail"),
    "inbound": QT_TRANSLATE_NOOP("labels", "Inbound"),
    "outbound": QT_TRANSLATE_NOOP("labels", "Outbound"),
    "internal": QT_TRANSLATE_NOOP("labels", "Internal"),
    "connected": QT_TRANSLATE_NOOP("labels", "Connected"),
    "no_answer": QT_TRANSLATE_NOOP("labels", "No answer"),
    "busy": QT_TRANSLATE_NOOP("labels", "Busy"),
    "voicemail": QT_TRANSLATE_NOOP("labels", "Voicemail"),
    "failed": QT_TRANSLATE_NOOP("labels", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("labels", "Cancelled"),
    "rational": QT_TRANSLATE_NOOP("labels", "Rational: data first"),
    "emotional": QT_TRANSLATE_NOOP("labels", "Emotional: stories"),
    "direct": QT_TRANSLATE_NOOP("labels", "Direct: point first"),
    "unknown": QT_TRANSLATE_NOOP("labels", "Not sure yet"),
    "L1": QT_TRANSLATE_NOOP("labels", "L1 basic inquiry"),
    "L2": QT_TRANSLATE_NOOP("labels", "L2 complex inquiry"),
    "L3": QT_TRANSLATE_NOOP("labels", "L3 technical fault"),
    "L4": QT_TRANSLATE_NOOP("labels", "L4 major complaint"),
    "resolved": QT_TRANSLATE_NOOP("labels", "Resolved"),
    "partial": QT_TRANSLATE_NOOP("labels", "Partly resolved"),
    "unresolved": QT_TRANSLATE_NOOP("labels", "Unresolved"),
}

# The built-in dispositions (settings.DEFAULT_DISPOSITIONS); the record keeps the code.
DISPOSITION_LABELS: dict[str, str] = {
    "info_provided": QT_TRANSLATE_NOOP("labels", "Information provided"),
    "resolved_first_contact": QT_TRANSLATE_NOOP("labels", "Resolved on first contact"),
    "callback_scheduled": QT_TRANSLATE_NOOP("labels", "Callback scheduled"),
    "escalated": QT_TRANSLATE_NOOP("labels", "Escalated"),
    "transferred": QT_TRANSLATE_NOOP("labels", "Transferred"),
    "complaint_logged": QT_TRANSLATE_NOOP("labels", "Complaint logged"),
    "no_action_needed": QT_TRANSLATE_NOOP("labels", "No action needed"),
}


def field_label(name: str) -> str:
    """The record field's display name; ``followups[0].owner`` reads as its last part."""
    return label(FIELD_LABELS, name.rpartition(".")[2] if name.startswith("followups[") else name)


def choice_label(value: str) -> str:
    """A choice's display name: a stage, a channel, a built-in disposition...; else
    the value, underscores as spaces (a centre's own dispositions are its own words)."""
    for table in (STAGE_LABELS, CHOICE_LABELS, DISPOSITION_LABELS):
        if value in table:
            return label(table, value)
    return value.replace("_", " ")
