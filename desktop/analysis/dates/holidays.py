"""Named days ("Christmas", "Thanksgiving", "Easter") as functions from a year to a date.

Kept out of the normaliser because the calendar arithmetic (Easter, "the fourth Thursday of
November") is its own small concept; the normaliser only chooses the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

_EASTER_CACHE: dict[int, dt.date] = {}


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    if year not in _EASTER_CACHE:
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        f = (b + 8) // 25
        g = (b - f + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        L = (32 + 2 * e + 2 * i - h - k) % 7
        mm = (a + 11 * h + 22 * L) // 451
        mon = (h + L - 7 * mm + 114) // 31
        day_ = (h + L - 7 * mm + 114) % 31 + 1
        _EASTER_CACHE[year] = dt.date(year, mon, day_)
    return _EASTER_CACHE[year]


def _nth_weekday(year: int, mon: int, weekday: int, n: int) -> dt.date:
    """The n-th ISO *weekday* of a month; n = -1 for the last one."""
    if n > 0:
        first = dt.date(year, mon, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + mon // 12, mon % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's": lambda y: dt.date(y, 1, 1),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "easter": _easter,
    "easter sunday": _easter,
    "independence day": lambda y: dt.date(y, 7, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "veterans day": lambda y: dt.date(y, 11, 11),
    # US: the Tuesday after the first Monday of November.
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
}
