"""TIMEX3 values on the calendar: the stretch of days a value covers, and how precise it is.

The one answer for every layer: the date tagger (which values it trusts), clipping (how precise
a publication date is), the timeline (where an event sorts, which header it goes under) and the
brief. "2025-05-29" is a day, "2025-W22" a week, "2025-05" a month, "2025-Q2" a quarter,
"2025-H1" a half year (1 January to 30 June: neither a quarter nor the whole year), "2025-SU"
a season (winter runs into the next year), "2025" a year, "199" a decade, "20" a century.
Durations ("P3D"), references ("PAST_REF"), unknown years ("XXXX-05-16") and impossible days
("2025-02-30") are not on the calendar: ``place`` gives None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

#: Coarse before fine when two stretches start on the same day. These numbers are in the
#: ``date_sort`` keys stored with events: never renumber them (a half year shares 3 with the
#: quarter and the season; "H" sorts before "Q", so it still comes before the quarter).
RANK = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "half": 3,
    "quarter": 3,
    "season": 3,
    "month": 4,
    "week": 5,
    "day": 6,
}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?\Z")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-(?:[1-7]|WE))?\Z")
_MONTH = re.compile(r"(\d{4})-(\d{2})\Z")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])\Z")
_HALF = re.compile(r"(\d{4})-H([12])\Z")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)\Z")
_YEAR = re.compile(r"(\d{4})\Z")
_DECADE = re.compile(r"(\d{3})\Z")
_CENTURY = re.compile(r"(\d{2})\Z")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True)
class Placed:
    """A TIMEX3 value on the calendar: first and last day it covers, and its precision."""

    value: str
    precision: str
    first: dt.date
    last: dt.date

    @property
    def sort_key(self) -> str:
        """A string that sorts chronologically, coarse before fine on the same first day."""
        return f"{self.first.isoformat()}|{RANK[self.precision]}|{self.value}"

    def contains(self, other: Placed) -> bool:
        return self.first <= other.first and other.last <= self.last


def shift_day(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held at the calendar's ends (0001-01-01, 9999-12-31).

    Dates come from articles and reporters: one published "0001-01-01" must not make every
    later command raise OverflowError.
    """
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(value: str, precision: str, year: int, first_month: int, months: int) -> Placed:
    last_month = first_month + months - 1
    last = _month_end(year + 1, last_month - 12) if last_month > 12 else _month_end(year, last_month)
    return Placed(value, precision, dt.date(year, first_month, 1), last)


@lru_cache(maxsize=1 << 16)
def place(value: str | None) -> Placed | None:
    """The stretch of days a value covers, or None for durations, refs and unknown years.
    Remembered (a ``Placed`` is frozen): a large library's brief and timeline place each of
    their tens of thousands of dates several times."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return Placed(value[:10], "day", day, day)
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return Placed(value[:8], "week", monday, shift_day(monday, 6))
        if m := _MONTH.match(value):
            return _months(value, "month", int(m[1]), int(m[2]), 1)
        if m := _QUARTER.match(value):
            return _months(value, "quarter", int(m[1]), (int(m[2]) - 1) * 3 + 1, 3)
        if m := _HALF.match(value):
            return _months(value, "half", int(m[1]), (int(m[2]) - 1) * 6 + 1, 6)
        if m := _SEASON.match(value):
            first_month, last_month = _SEASON_MONTHS[m[2]]
            return _months(value, "season", int(m[1]), first_month, last_month - first_month + 1)
        for pattern, precision, years in ((_YEAR, "year", 1), (_DECADE, "decade", 10), (_CENTURY, "century", 100)):
            if m := pattern.match(value):
                start = int(m[1]) * years
                if start < 1:
                    return None
                return Placed(value, precision, dt.date(start, 1, 1), dt.date(min(start + years - 1, 9999), 12, 31))
    except ValueError:  # 2025-02-30, week 54 ...
        return None
    return None


def precision_of(value: str | None) -> str | None:
    """How precise a value is ("day" … "century"), or None when it is not on the calendar."""
    placed = place(value)
    return placed.precision if placed else None


__all__ = ["RANK", "Placed", "place", "precision_of", "shift_day"]
