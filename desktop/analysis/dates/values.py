"""TIMEX3 values: build them from calendar units, check them, say how precise they are.

A value is the TimeML way of writing a point or stretch of time at the granularity the text
gives ("2025-05", "2025-W22", "2025-Q2", "P30D", "PAST_REF"). The timeline only trusts values
it can place on a calendar, so everything that writes a value goes through here.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.timex_calendar import precision_of as precision_of  # the one answer, for every layer

REFS = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
SEASONS = ("SP", "SU", "FA", "WI")

_DATE = (
    r"(?:\d{4}|\d{3}|\d{2}|XXXX|\d{2}XX|\d{3}X)"
    r"(?:-(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12]\d|3[01]|XX))?"
    r"|-W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?:[1-7]|WE))?"
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
)
_TIME = r"(?:T(?:(?:[01]\d|2[0-4])(?::[0-5]\d){0,2}|MO|MI|AF|EV|NI|DT))?"
_NUM = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = rf"P(?:(?:{_NUM}(?:Y|M|W|D|Q|DE|CE|E|C|L))+(?:T(?:{_NUM}[HMS])+)?|T(?:{_NUM}[HMS])+)"
_WELL_FORMED = re.compile(rf"(?:PAST_REF|PRESENT_REF|FUTURE_REF|{_DURATION}|{_DATE}{_TIME})\Z")

def is_well_formed(value: str) -> bool:
    """True when *value* is a TIMEX3 value this tagger may produce."""
    return bool(_WELL_FORMED.match(value))


def day(d: dt.date) -> str:
    return d.isoformat()


def month(year: int, mon: int) -> str:
    return f"{year:04d}-{mon:02d}"


def week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_months(year: int, mon: int, n: int) -> tuple[int, int]:
    """(year, month) shifted by *n* months."""
    index = year * 12 + (mon - 1) + n
    return index // 12, index % 12 + 1


def add_quarters(year: int, q: int, n: int) -> tuple[int, int]:
    index = year * 4 + (q - 1) + n
    return index // 4, index % 4 + 1


def safe_date(year: int, mon: int, dom: int) -> dt.date | None:
    """A date, or None for impossible ones ("Feb. 30") and years outside 1..9999."""
    try:
        return dt.date(year, mon, dom)
    except ValueError:
        return None


def shift_days(d: dt.date, n: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return None


def format_number(n: float) -> str:
    """3.0 -> "3", 2.5 -> "2.5" (durations keep fractions only when they must)."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: (3, "D") -> "P3D", (None, "Y") -> "PXY", (2, "H") -> "PT2H".

    Fractions go down a unit where they can ("2.5 years" -> "P2Y6M", "1.5 minutes" ->
    "PT1M30S") because a decimal value is harder to read than the text.
    """
    time_units = {"H", "MIN", "S"}
    if n is None:
        code = {"MIN": "M"}.get(unit, unit)
        return f"PTX{code}" if unit in time_units else f"PX{code}"
    whole = int(n)
    frac = n - whole
    smaller = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
    if frac and unit in smaller:
        sub, factor = smaller[unit]
        rest = frac * factor
        if float(rest).is_integer():
            parts = []
            if whole:
                parts.append((whole, unit))
            parts.append((int(rest), sub))
            return _join(parts)
    return _join([(n, unit)])


def _join(parts: list[tuple[float, str]]) -> str:
    date_part = "".join(f"{format_number(n)}{u}" for n, u in parts if u not in {"H", "MIN", "S"})
    time_part = "".join(
        f"{format_number(n)}{'M' if u == 'MIN' else u}" for n, u in parts if u in {"H", "MIN", "S"}
    )
    return "P" + date_part + ("T" + time_part if time_part else "")
