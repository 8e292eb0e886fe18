"""Placing TIMEX3 values on the calendar: their stretch of days, sort key and display.

A timeline mixes precisions ("2022", "May 2025", "Thu 29 May 2025", "week 22 of 2025").
Each value covers a stretch of days; it sorts by the first day of that stretch, and a coarse
value sorts before the finer ones that start on the same day, so "2025" comes before
"May 2025" which comes before "Thu 29 May 2025". Display never invents a day the text did
not give.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

#: Precisions an event may have (coarser ones, and durations, make no event).
EVENT_PRECISIONS = ("day", "week", "month", "year")

#: Coarse before fine when two stretches start on the same day.
_RANK = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "quarter": 3,
    "season": 3,
    "month": 4,
    "week": 5,
    "day": 6,
}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?\Z")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-(?:[1-7]|WE))?\Z")
_MONTH = re.compile(r"(\d{4})-(\d{2})\Z")
_QUARTER = re.compile(r"(\d{4})-(?:Q([1-4])|H([12]))\Z")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)\Z")
_YEAR = re.compile(r"(\d{4})\Z")
_DECADE = re.compile(r"(\d{3})\Z")
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
        return f"{self.first.isoformat()}|{_RANK[self.precision]}|{self.value}"

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


def place(value: str | None) -> Placed | None:
    """The stretch of days a value covers, or None for durations, refs and unknown years."""
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
            year, month = int(m[1]), int(m[2])
            return Placed(value, "month", dt.date(year, month, 1), _month_end(year, month))
        if m := _QUARTER.match(value):
            year = int(m[1])
            if m[2]:
                first_month, months = (int(m[2]) - 1) * 3 + 1, 3
            else:
                first_month, months = (int(m[3]) - 1) * 6 + 1, 6
            last_month = first_month + months - 1
            return Placed(
                value, "quarter", dt.date(year, first_month, 1), _month_end(year, last_month)
            )
        if m := _SEASON.match(value):
            year = int(m[1])
            a, b = _SEASON_MONTHS[m[2]]
            last = _month_end(year + 1, b - 12) if b > 12 else _month_end(year, b)
            return Placed(value, "season", dt.date(year, a, 1), last)
        if m := _YEAR.match(value):
            year = int(m[1])
            if year < 1:
                return None
            return Placed(value, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))
        if m := _DECADE.match(value):
            decade = int(m[1]) * 10
            if decade < 1:
                return None
            return Placed(value, "decade", dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31))
    except ValueError:  # 2025-02-30, week 54 ...
        return None
    return None


def precision_of(value: str | None) -> str | None:
    placed = place(value)
    return placed.precision if placed else None


def sort_key(value: str | None) -> str:
    """Sort key of a value; values that cannot be placed sort last."""
    placed = place(value)
    return placed.sort_key if placed else "9999-99-99|9|"


def display(value: str | None) -> str:
    """A date as a reporter reads it, at the precision the text gave.

    "2025-05-29" -> "Thu 29 May 2025", "2025-05" -> "May 2025", "2025-W22" ->
    "week of 26 May 2025", "2025" -> "2025". No day is ever made up.
    """
    placed = place(value)
    if placed is None:
        return value or "undated"
    first = placed.first
    if placed.precision == "day":
        return f"{first:%a} {first.day} {first:%B %Y}"
    if placed.precision == "week":
        return f"week of {first.day} {first:%B %Y}"
    if placed.precision == "month":
        return f"{first:%B %Y}"
    if placed.precision == "quarter":
        if "H" in placed.value:
            return f"{'first' if placed.value.endswith('1') else 'second'} half of {first.year}"
        return f"Q{placed.value[-1]} {first.year}"
    if placed.precision == "season":
        names = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
        return f"{names[placed.value[-2:]]} {first.year}"
    if placed.precision == "decade":
        return f"the {first.year}s"
    return str(first.year)


def parse_bound(text: str, *, end: bool = False) -> dt.date:
    """A --from/--to bound: "2025", "2025-05" or "2025-05-29" (first or last day of it)."""
    placed = place(text.strip())
    if placed is None or placed.precision not in ("day", "month", "year"):
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return placed.last if end else placed.first
