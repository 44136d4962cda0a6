"""Business calendar: working days, office hours and business-time arithmetic.

Shared by the playbook (dated commitments) and the call records (level deadlines).
Working days come from the ``holidays`` package, including China's make-up working
days (调休), which it lists in ``HolidayBase.weekend_workdays``. Importing that
package costs about 0.1 s, so it happens when the first calendar is made (to check
the country code), never when this module is imported; each (country, year) is
computed once (about 0.2 s for the first CN year, 2 ms after) and cached.

All datetimes are timezone-aware. Arithmetic is done on wall-clock time in the
calendar's zone and the results are returned in that zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache

__all__ = ["DEFAULT_OFFICE_HOURS", "OfficeHours", "WorkCalendar"]

_HOURS_RE = r"\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*[-–—~～至到]\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*"

# A calendar with no working day in this many days is broken (e.g. a country with
# no weekend data); stop instead of looping forever.
_MAX_SCAN_DAYS = 3660


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """Daily opening hours, ``start <= t < end`` on working days (same day only)."""

    start: time = time(9, 0)
    end: time = time(18, 0)

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("office hours are wall-clock times and take no time zone")
        if not self.start < self.end:
            raise ValueError(f"office hours must end after they start on the same day, got {self}")

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """Read ``"09:00-18:00"``."""
        m = re.fullmatch(_HOURS_RE, text)
        if m is None:
            raise ValueError(
                f"office hours {text!r} are not in the form HH:MM-HH:MM, e.g. 09:00-18:00"
            )
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        for h, mi in ((h1, m1), (h2, m2)):
            if h > 23 or mi > 59:
                raise ValueError(
                    f"office hours {text!r}: {h:02d}:{mi:02d} is not a time of day (00:00 to 23:59)"
                )
        return cls(time(h1, m1), time(h2, m2))

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


DEFAULT_OFFICE_HOURS = OfficeHours()


def _check_country(country: str) -> str:
    code = country.strip().upper()
    from holidays.registry import EntityLoader

    if code not in set(EntityLoader.get_country_codes()):
        raise ValueError(
            f"unknown country code {country!r} for the work calendar; "
            "use an ISO 3166 code such as CN, HK, TW or US"
        )
    return code


@lru_cache(maxsize=128)
def _days_off(country: str, year: int) -> frozenset[date]:
    """Every non-working day of ``year``: weekends and holidays, less make-up days."""
    import holidays

    # expand=False: the object must never populate other years behind our back.
    table = holidays.country_holidays(country, years=year, expand=False)
    first = date(year, 1, 1)
    days = (first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days))
    # is_working_day() honours the country's weekend and weekend_workdays (调休);
    # the latter also holds cross-year make-up days (e.g. a Dec 29 for Jan 2).
    return frozenset(d for d in days if not table.is_working_day(d))


class WorkCalendar:
    """Working days of a country, office hours and a time zone."""

    def __init__(
        self,
        country: str = "CN",
        office_hours: OfficeHours = DEFAULT_OFFICE_HOURS,
        tz: tzinfo | None = None,
    ) -> None:
        self._country = _check_country(country)
        self._hours = office_hours
        self._tz = tz

    def __repr__(self) -> str:
        hours = f"OfficeHours.parse({str(self._hours)!r})"
        return f"WorkCalendar({self._country!r}, {hours}, {self._tz!r})"

    @property
    def country(self) -> str:
        return self._country

    @property
    def office_hours(self) -> OfficeHours:
        return self._hours

    @property
    def tz(self) -> tzinfo | None:
        """The zone results are given in; ``None`` means the system's local zone."""
        return self._tz

    def warm_up(self, year: int) -> None:
        """Compute ``year`` now (e.g. from a worker thread) so the first query is fast."""
        _days_off(self._country, year)

    # -- conversions --------------------------------------------------------------

    def to_local(self, dt: datetime) -> datetime:
        """``dt`` in the calendar's zone."""
        if dt.tzinfo is None or dt.utcoffset() is None:
            raise ValueError(f"datetime {dt.isoformat()} has no time zone")
        # astimezone(None) is the system zone with the offset in force at that instant.
        return dt.astimezone(self._tz)

    def combine(self, d: date, t: time) -> datetime:
        """The aware datetime for wall-clock ``t`` on day ``d`` in the calendar's zone."""
        naive = datetime.combine(d, t.replace(tzinfo=None))
        if self._tz is None:
            # A naive datetime's astimezone() reads it as system local time, DST included.
            return naive.astimezone()
        return naive.replace(tzinfo=self._tz)

    # -- queries ------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        if isinstance(d, datetime):
            d = self.to_local(d).date()
        return d not in _days_off(self._country, d.year)

    def is_open(self, dt: datetime) -> bool:
        local = self.to_local(dt)
        return (
            self.is_working_day(local.date())
            and self._hours.start <= local.time() < self._hours.end
        )

    def is_due_time(self, dt: datetime) -> bool:
        """Whether ``dt`` is a valid deadline: open, or exactly at closing time.

        "By 18:00 today" is a real promise, so closing time itself counts here.
        """
        local = self.to_local(dt)
        return (
            self.is_working_day(local.date())
            and self._hours.start <= local.time() <= self._hours.end
        )

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        for _ in range(_MAX_SCAN_DAYS):
            d += timedelta(days=1)
            if self.is_working_day(d):
                return d
        raise ValueError(f"no working day within {_MAX_SCAN_DAYS} days after {d}")

    def next_opening(self, dt: datetime) -> datetime:
        """``dt`` itself if open, else the next moment the office opens."""
        local = self.to_local(dt)
        if self.is_open(local):
            return local
        day = local.date()
        if self.is_working_day(day) and local.time() < self._hours.start:
            return self.combine(day, self._hours.start)
        return self.combine(self.next_working_day(day), self._hours.start)

    def clamp(self, dt: datetime) -> datetime:
        """``dt`` itself if it is a valid due time (closing time included), else the
        next opening."""
        local = self.to_local(dt)
        return local if self.is_due_time(local) else self.next_opening(local)

    # -- arithmetic ---------------------------------------------------------------

    def add_business_days(self, dt: datetime, days: int, at: time | None = None) -> datetime:
        """The ``days``-th working day after ``dt``'s day, at ``at`` or at ``dt``'s time
        of day, then moved into office hours (closing time allowed as a due time).

        ``days == 0`` keeps ``dt``'s day; the result is never before ``dt``.
        """
        if days < 0:
            raise ValueError(f"business days must be 0 or more, got {days}")
        local = self.to_local(dt)
        day = local.date()
        for _ in range(days):
            day = self.next_working_day(day)
        target = self.combine(day, at if at is not None else local.time())
        # Only days == 0 with an earlier `at` can point back in time; never before dt.
        return self.clamp(max(target, local))

    def add_business_minutes(self, dt: datetime, minutes: int) -> datetime:
        """``dt`` plus ``minutes`` counted only inside office hours.

        Work that fills the day to closing time ends at closing time (09:00 plus
        nine business hours is 18:00 the same day, not 09:00 the next).
        """
        if minutes < 0:
            raise ValueError(f"business minutes must be 0 or more, got {minutes}")
        cur = self.clamp(dt)
        left = timedelta(minutes=minutes)
        for _ in range(_MAX_SCAN_DAYS):
            # Wall-clock subtraction: a DST jump inside office hours is not counted twice.
            closing = datetime.combine(cur.date(), self._hours.end)
            room = closing - cur.replace(tzinfo=None)
            if left <= room:
                return self.combine(cur.date(), (cur.replace(tzinfo=None) + left).time())
            left -= room
            cur = self.combine(self.next_working_day(cur.date()), self._hours.start)
        raise ValueError(f"{minutes} business minutes do not fit in {_MAX_SCAN_DAYS} days")
