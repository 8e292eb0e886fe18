"""Dates on the timeline sort and read at the precision the text gave; no day is invented."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.timeline.precision import display, parse_bound, place, precision_of, sort_key


def test_coarse_dates_sort_before_the_finer_dates_they_contain():
    values = ["2025-05-29", "2025-05", "2022", "2025", "2025-W22", "2025-05-16", "2025-06-02"]
    assert sorted(values, key=sort_key) == [
        "2022",
        "2025",
        "2025-05",
        "2025-05-16",
        "2025-W22",
        "2025-05-29",
        "2025-06-02",
    ]


def test_display_keeps_the_precision_of_the_text():
    assert display("2025-05-29") == "Thu 29 May 2025"
    assert display("2025-05") == "May 2025"
    assert display("2025") == "2025"
    assert display("2025-W22") == "week of 26 May 2025"
    assert display("2025-05-28TEV") == "Wed 28 May 2025"


def test_durations_references_and_unknown_years_are_not_on_the_calendar():
    for value in ("P30D", "PAST_REF", "XXXX-05-16", "2025-02-30", ""):
        assert place(value) is None
    assert precision_of("2025-Q2") == "quarter"


def test_date_bounds_cover_whole_months_and_years():
    assert parse_bound("2025-05").isoformat() == "2025-05-01"
    assert parse_bound("2025-05", end=True).isoformat() == "2025-05-31"
    assert parse_bound("2024", end=True).isoformat() == "2024-12-31"
    with pytest.raises(ValueError):
        parse_bound("next week")


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["day", "month", "year"]))
def test_a_date_sorts_after_every_coarser_date_containing_it(day, precision):
    fine = day.isoformat()
    coarse = {"day": fine, "month": fine[:7], "year": fine[:4]}[precision]
    assert sort_key(coarse) <= sort_key(fine)
    assert place(coarse).contains(place(fine))
    shown = display(coarse)
    if precision != "day":
        assert str(day.day) not in shown.split()  # no invented day
