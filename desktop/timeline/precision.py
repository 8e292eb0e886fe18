"""Placing TIMEX3 values on the calendar: their stretch of days, sort key and display.

A timeline mixes precisions ("2022", "May 2025", "Thu 29 May 2025", "week 22 of 2025").
Each value covers a stretch of days; it sorts by the first day of that stretch, and a coarse
value sorts before the finer ones that start on the same day, so "2025" comes before
"May 2025" which comes before "Thu 29 May 2025". Display never invents a day the text did
not give.
"""

from __future__ import annotations

import datetime as dt

from desktop.timex_calendar import Placed, place, precision_of, shift_day

#: Precisions an event may have (coarser ones, and durations, make no event).
EVENT_PRECISIONS = ("day", "week", "month", "year")

__all__ = ["EVENT_PRECISIONS", "Placed", "display", "parse_bound", "place", "precision_of", "shift_day", "sort_key"]


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
    if placed.precision == "half":
        return f"{'first' if placed.value.endswith('1') else 'second'} half of {first.year}"
    if placed.precision == "quarter":
        return f"Q{placed.value[-1]} {first.year}"
    if placed.precision == "season":
        names = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
        return f"{names[placed.value[-2:]]} {first.year}"
    if placed.precision == "decade":
        return f"the {first.year}s"
    if placed.precision == "century":
        return f"{first.year}–{placed.last.year}"
    return str(first.year)


def parse_bound(text: str, *, end: bool = False) -> dt.date:
    """A --from/--to bound: "2025", "2025-05" or "2025-05-29" (first or last day of it)."""
    placed = place(text.strip())
    if placed is None or placed.precision not in ("day", "month", "year"):
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return placed.last if end else placed.first
