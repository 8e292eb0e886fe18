"""One answer for "which days does this TIMEX3 value cover, and how precise is it", for the
tagger, clipping, the timeline and the brief alike (three copies used to disagree on "2025-H1")."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.analysis.dates import precision_of as tagger_precision
from desktop.clipping.text import published_precision
from desktop.timeline.precision import display, sort_key
from desktop.timex_calendar import place, precision_of

D = dt.date


@pytest.mark.parametrize(
    ("value", "precision", "first", "last"),
    [
        ("2025-05-29", "day", D(2025, 5, 29), D(2025, 5, 29)),
        ("2025-05-28TEV", "day", D(2025, 5, 28), D(2025, 5, 28)),
        ("2025-W22", "week", D(2025, 5, 26), D(2025, 6, 1)),
        ("2025-W22-WE", "week", D(2025, 5, 26), D(2025, 6, 1)),
        ("2025-05", "month", D(2025, 5, 1), D(2025, 5, 31)),
        ("2024-02", "month", D(2024, 2, 1), D(2024, 2, 29)),
        ("2025-Q2", "quarter", D(2025, 4, 1), D(2025, 6, 30)),
        ("2025-H1", "half", D(2025, 1, 1), D(2025, 6, 30)),
        ("2025-H2", "half", D(2025, 7, 1), D(2025, 12, 31)),
        ("2025-SP", "season", D(2025, 3, 1), D(2025, 5, 31)),
        ("2025-SU", "season", D(2025, 6, 1), D(2025, 8, 31)),
        ("2025-FA", "season", D(2025, 9, 1), D(2025, 11, 30)),
        ("2023-WI", "season", D(2023, 12, 1), D(2024, 2, 29)),  # winter runs into the next year
        ("2025", "year", D(2025, 1, 1), D(2025, 12, 31)),
        ("199", "decade", D(1990, 1, 1), D(1999, 12, 31)),
        ("202", "decade", D(2020, 1, 1), D(2029, 12, 31)),
        ("20", "century", D(2000, 1, 1), D(2099, 12, 31)),
    ],
)
def test_each_value_covers_its_stretch_at_its_precision(value, precision, first, last):
    placed = place(value)
    assert placed is not None
    assert (placed.precision, placed.first, placed.last) == (precision, first, last)
    assert precision_of(value) == precision


@pytest.mark.parametrize("value", ["P3D", "PAST_REF", "XXXX-05-16", "2025-02-30", "2025-W54", "0000", "000", "", None])
def test_what_is_not_on_the_calendar_is_not_placed(value):
    assert place(value) is None and precision_of(value) is None


def test_the_tagger_and_the_timeline_agree_on_a_half_year():
    assert tagger_precision("2025-H1") == precision_of("2025-H1") == "half"
    assert display("2025-H1") == "first half of 2025"
    assert display("2025-Q2") == "Q2 2025"


def test_coarse_sorts_before_fine_on_the_same_first_day():
    values = ["2025-07-01", "2025-07", "2025-Q3", "2025-H2", "202"]
    assert sorted(values, key=sort_key) == ["202", "2025-H2", "2025-Q3", "2025-07", "2025-07-01"]


def test_a_publication_date_is_a_year_a_month_a_day_or_a_timestamp():
    assert [published_precision(v) for v in ("2025", "2025-05", "2025-05-30", "2025-05-30T10:00:00+00:00")] == [
        "year", "month", "day", "minute"]
