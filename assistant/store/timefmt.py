"""How call-record times are written: ISO 8601 in UTC, to the second.

Stored and raw-exported times are always ``YYYY-MM-DDTHH:MM:SS+00:00``, so text
order is time order and an export re-imports to identical bytes. Local time is
only for display and the Excel export.
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_utc_text(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("time has no UTC offset")
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def parse_time(text: str) -> datetime:
    """Parse ISO 8601 with an offset (``Z`` allowed); naive times are refused."""
    value = datetime.fromisoformat(text.strip())
    if value.tzinfo is None:
        raise ValueError("needs a UTC offset, e.g. 2024-03-15T14:00:00+08:00")
    return value.astimezone(UTC).replace(microsecond=0)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
