"""Names that contain a date are not dates: days with names, newspapers, movements, the
September 11 attacks, and futures contract months."""

from __future__ import annotations

import pytest

from desktop.analysis.dates import tag_dates

DCT = "2011-02-27"


def texts(text: str) -> list[str]:
    return [t.text for t in tag_dates(text, DCT)]


@pytest.mark.parametrize(
    "text",
    [
        "Marchers remembered the 1972 Bloody Sunday killings in Derry.",
        "The senator repeated the claim on Fox News Sunday.",
        "Retailers hope for record sales on Black Friday.",
        "The minister gave an interview to the Sunday Telegraph.",
        "The story first ran in the Mail on Sunday.",
    ],
)
def test_a_named_day_or_a_newspaper_is_no_weekday(text):
    assert not [t for t in texts(text) if "day" in t.lower()]


@pytest.mark.parametrize(
    "text",
    [
        "Leaders of the February 17 Uprising named a spokesman.",
        "Members of the April 6 Youth Movement joined the march.",
        "The July 26 Movement took its name from an attack.",
    ],
)
def test_a_movement_named_after_a_date_is_no_date(text):
    assert texts(text) == []


def test_the_september_11_attacks_are_a_name():
    assert texts("Relatives of September 11 victims criticised the remark.") == []
    assert texts("Airport checks tightened in the post-September 11 era.") == []


def test_a_real_september_11_is_still_a_date():
    # (a guard for the rule above)
    assert texts("The council meets again on September 11.") == ["September 11"]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. April crude futures rose two dollars.",
        "December futures slipped in late trade.",
        "Copper for March delivery fell 1 percent.",
    ],
)
def test_a_contract_month_is_no_date(text):
    assert texts(text) == []


def test_every_weekday_night_is_a_frequency():
    (found,) = tag_dates("Every Sunday night she drives back to the city.", DCT)
    assert (found.text, found.type, found.value) == ("Every Sunday night", "SET", "XXXX-WXX-7TNI")
