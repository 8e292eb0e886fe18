"""Spans and values: the last week as a week, comparisons kept apart from their duration,
short range ends, and years that modify a noun."""

from __future__ import annotations

from desktop.analysis.dates import tag_dates


def found(text: str, dct: str = "2011-02-24") -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_dates(text, dct)]


def test_the_past_week_is_a_week_of_the_calendar():
    # Thursday 24 February 2011 is in ISO week 8.
    assert found("Fuel prices doubled over the past week.") == [
        ("the past week", "DATE", "2011-W08")]
    # Published on a Monday, most of the past seven days lie in the week before.
    assert found("Fuel prices doubled in the last week.", "2011-02-28") == [
        ("the last week", "DATE", "2011-W08")]


def test_earlier_than_usual_keeps_the_duration_apart():
    assert found("The swallows came back three weeks earlier than usual.") == [
        ("three weeks", "DURATION", "P3W")]


def test_the_short_second_year_of_a_range():
    assert found("Losses grew in the 2009-10 season.") == [
        ("2009", "DATE", "2009"), ("10", "DATE", "2010")]
    assert found("The 1998-99 budget was cut.") == [
        ("1998", "DATE", "1998"), ("99", "DATE", "1999")]


def test_a_two_digit_number_after_a_year_far_off_is_no_range_end():
    # (a guard for the rule above)
    assert found("They sold 2010-45 units.") in ([], [("2010", "DATE", "2010")])


def test_a_year_modifying_a_plural_noun_is_a_year():
    assert found("Exports recovered to 2008 levels.") == [("2008", "DATE", "2008")]


def test_a_year_counting_a_plural_noun_is_no_year():
    # (a guard for the rule above)
    assert found("Since then 2000 troops have arrived.") == []
