"""How relative dates are placed: tense, the narrative, the weekday check, granularity."""

from __future__ import annotations

import pytest

from desktop.analysis.dates import precision_of, tag_dates


def values(text: str, dct: str | None = "2025-05-30") -> dict[str, str]:
    return {t.text: t.value for t in tag_dates(text, dct)}


def test_weekday_follows_the_verb():
    assert values("The minister said on Tuesday that talks failed.")["Tuesday"] == "2025-05-27"
    assert values("The minister will travel on Tuesday.")["Tuesday"] == "2025-06-03"
    assert values("The vote is scheduled for Tuesday.")["Tuesday"] == "2025-06-03"


def test_next_and_last_weekday():
    assert values("They meet next Monday.")["next Monday"] == "2025-06-02"
    assert values("They met last Monday.")["last Monday"] == "2025-05-26"


def test_bare_month_day_follows_tense_and_distance():
    assert values("The deal was signed on March 3.")["March 3"] == "2025-03-03"
    assert values("The deal will be signed on March 3.")["March 3"] == "2026-03-03"
    # A date far on the other side of publication loses to the near one.
    assert values("The dividend is payable Jan. 2.", "1989-11-02")["Jan. 2"] == "1990-01-02"


def test_weekday_with_date_picks_the_year_where_they_agree():
    # 2 June fell on a Monday in 2025; in 2024 it was a Sunday.
    assert values("Talks on Monday, June 2 ended.", "2025-09-30")["Monday, June 2"] == \
        "2025-06-02"
    assert values("It opened on Sunday, June 2.", "2025-05-30")["Sunday, June 2"] == \
        "2024-06-02"


def test_narrative_moves_relative_expressions():
    found = tag_dates("Talks opened on May 16. Two days later the delegates left.", "2025-05-30")
    later = [t for t in found if t.text == "Two days later"][0]
    assert later.value == "2025-05-18"
    assert later.anchor_kind == "narrative"
    assert later.anchor == "2025-05-16"


def test_ago_counts_from_publication_at_the_unit_given():
    v = values("Three years ago the plant closed; two months ago it reopened.")
    assert v["Three years ago"] == "2022"
    assert v["two months ago"] == "2025-03"
    assert values("Then, a week or so ago, he chose.")["a week or so ago"] == "2025-W21"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("last week", "2025-W21"),
        ("this month", "2025-05"),
        ("next year", "2026"),
        ("earlier this month", "2025-05"),
        ("yesterday", "2025-05-29"),
        ("tomorrow", "2025-05-31"),
        ("the third quarter", "2024-Q3"),
        ("this summer", "2025-SU"),
        ("the 1990s", "199"),
        ("June 2024", "2024-06"),
        ("now", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("then current", "PAST_REF"),
    ],
)
def test_relative_dates_keep_their_granularity(text, value):
    assert values(f"It happened {text}, officials said.")[text] == value


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("three years", "DURATION", "P3Y"),
        ("two hours", "DURATION", "PT2H"),
        ("2 1/2 years", "DURATION", "P2Y6M"),
        ("several weeks", "DURATION", "PXW"),
        ("the past three months", "DURATION", "P3M"),
        ("daily", "SET", "P1D"),
        ("every Monday", "SET", "XXXX-WXX-1"),
        ("twenty four hours", "DURATION", "PT24H"),
        ("two and a half years", "DURATION", "P2Y6M"),
        ("eight trading days", "DURATION", "P8D"),
        ("a day-long", "DURATION", "P1D"),
        ("centuries", "DURATION", "PXC"),
        ("an additional year", "DURATION", "P1Y"),
        ("two full days", "DURATION", "P2D"),
        ("a quarter of a century", "DURATION", "P25Y"),
        ("a quarter of an hour", "DURATION", "PT15M"),
        ("decades", "DURATION", "PXE"),
    ],
)
def test_durations_and_frequencies(text, type_, value):
    found = {t.text: (t.type, t.value) for t in tag_dates(f"The work took {text}.", None)}
    assert found[text] == (type_, value)


def test_without_publication_date_the_year_stays_unknown():
    found = tag_dates("The talks were held on May 16.", None)
    assert [(t.text, t.value, t.anchor_kind) for t in found] == [
        ("May 16", "XXXX-05-16", "none")]


def test_publication_date_may_carry_a_time():
    assert values("He spoke on Friday.", "1998-03-01T14:11:00")["Friday"] == "1998-02-27"


def test_may_the_name_is_not_a_month():
    assert "May" not in values("Prime Minister Theresa May said the vote failed.")


def test_counts_and_money_are_not_years():
    v = values("Police sent 2000 troops and paid $1999 for it.")
    assert "2000" not in v and "1999" not in v


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2025-05-29", "day"),
        ("2025-05-28TEV", "day"),
        ("2025-W22", "week"),
        ("2025-05", "month"),
        ("2025-Q2", "quarter"),
        ("2025-H1", "half"),
        ("2025-W22-WE", "week"),
        ("2025-SU", "season"),
        ("2025", "year"),
        ("199", "decade"),
        ("20", "century"),
        ("XXXX-05-16", None),
        ("P3D", None),
        ("PAST_REF", None),
    ],
)
def test_precision_of(value, precision):
    assert precision_of(value) == precision


def test_business_and_clock_notation():
    found = {t.text: (t.type, t.value) for t in tag_dates(
        "Results for Q1 2025 came at 14:30 on 2025-05-20; the plan covers 2019-2023.",
        "2025-05-30")}
    assert found["Q1 2025"] == ("DATE", "2025-Q1")
    assert found["2025-05-20"] == ("DATE", "2025-05-20")
    assert found["2019"] == ("DATE", "2019")
    assert found["2023"] == ("DATE", "2023")
    assert found["14:30"][0] == "TIME"


def test_ages_are_not_durations():
    assert values("Mr. Smith, 52 years old, and a 6-year-old boy were there.") == {}


def test_numeric_dates_day_first_when_they_must_be():
    found = {t.text: t for t in tag_dates("Filed 30/05/2025, 05/30/2025, 3.5.2025 and 04/05/2025.",
                                          None)}
    assert found["30/05/2025"].value == "2025-05-30"
    assert found["05/30/2025"].value == "2025-05-30"
    assert found["3.5.2025"].value == "2025-05-03"
    # 04/05 could be either: read US-style, but trusted less.
    assert found["04/05/2025"].value == "2025-04-05"
    assert found["04/05/2025"].confidence < found["30/05/2025"].confidence


def test_present_tense_takes_the_nearest_weekday():
    # Published Monday 22 Nov 2010: the deadline "is" the coming Tuesday, not last week's.
    v = values("The actual deadline is 11:59 p.m. Tuesday.", "2010-11-22")
    assert v["11:59 p.m. Tuesday"] == "2010-11-23T23:59"


def test_tokenised_text_with_spaced_commas():
    v = values("On April 27 , 2003 , oil spilled; he served from Jan 2,2003 .", "2010-09-28")
    assert v["April 27 , 2003"] == "2003-04-27"
    assert v["Jan 2,2003"] == "2003-01-02"


def test_a_weekday_that_contradicts_a_full_date_lowers_confidence():
    [right] = tag_dates("It opened on Wednesday, November 17, 2010.", "2010-11-18")
    [wrong] = tag_dates("It opened on Friday, November 17, 2010.", "2010-11-18")
    assert right.value == wrong.value == "2010-11-17"
    assert wrong.confidence < right.confidence
    assert "Friday" in wrong.explanation


def test_named_days_fall_on_their_calendar_dates():
    v = values("Sales jumped over Thanksgiving and Easter, before Christmas Eve 2024.",
               "2025-05-30")
    assert v["Thanksgiving"] == "2024-11-28"  # fourth Thursday of November
    assert v["Easter"] == "2025-04-20"
    assert v["Christmas Eve 2024"] == "2024-12-24"
    assert values("Voters go to the polls on Election Day 2024.")["Election Day 2024"] == \
        "2024-11-05"


def test_reporting_verb_right_after_the_weekday_dates_the_saying():
    # What was said ("may extend ... to shut off") has its own tense; the day is the saying's.
    v = values("President Bush on Tuesday said the United States may extend its quarantine "
               "to shut off trade.", "1990-08-15")
    assert v["Tuesday"] == "1990-08-14"


def test_participle_used_as_adjective_gives_no_tense():
    v = values("On Friday, when Albright set aside vacation plans for the hastily planned "
               "trip, the warning was lifted.", "1998-08-17")
    assert v["Friday"] == "1998-08-14"


def test_until_points_ahead_only_after_a_deferring_verb():
    assert values("Until Thursday, they had not called him a suspect.")["Thursday"] == \
        "2025-05-29"
    assert values("Officials postponed until Tuesday any action on the case.")["Tuesday"] == \
        "2025-06-03"


def test_a_plan_in_the_past_progressive_looks_ahead():
    v = values("Protesters were planning to drive around the airport on Saturday.")
    assert v["Saturday"] == "2025-05-31"


def test_the_year_spelled_out():
    v = values("His promise to halve unemployment by the year two thousand was dropped; "
               "the plan for the year two thousand and five stands.", "1998-02-05")
    assert v["the year two thousand"] == "2000"
    assert v["the year two thousand and five"] == "2005"
    assert "two thousand" not in values("Some two thousand people marched.")


def test_the_season_follows_the_verb_and_the_fall_of_things_is_no_season():
    assert values("Demand stayed weak well into the summer.", "1989-10-26")["the summer"] == \
        "1989-SU"
    assert values("Factories will slow in the early spring.", "1998-02-06")[
        "the early spring"] == "1998-SP"
    assert values("After the fall of the Berlin Wall, prices fell.", "1998-02-06") == {}


def test_open_stretches_ahead_and_the_near_term():
    found = {t.text: (t.type, t.value) for t in tag_dates(
        "Funds may sell in the weeks ahead; the challenge of the near term is cash; "
        "their decades-long battle goes on; by mid afternoon it was over.", "1989-10-27")}
    assert found["the weeks ahead"] == ("DURATION", "PXW")
    assert found["the near term"] == ("DATE", "FUTURE_REF")
    assert found["decades-long"] == ("DURATION", "PXY")
    assert found["mid afternoon"] == ("TIME", "1989-10-27TAF")
    assert "long-term" not in values("A long-term plan was approved.")


def test_a_quarter_that_ended_on_a_day_is_the_three_months_before_it():
    v = values("In the quarter ended July 31, Jayark had 5.6 million shares.", "1989-10-30")
    assert v["the quarter"] == "1989-Q2"
    v = values("For the quarter ended Sept. 30, Delta earned $133 million.", "1989-10-26")
    assert v["the quarter"] == "1989-Q3"


def test_the_nth_day_of_something_is_today_only_in_the_present():
    v = values("It's the second day of an offensive by the security forces.", "1998-03-06")
    assert v["the second day"] == "1998-03-06"
    assert values("It was the third day of the strike.", "1998-03-06") == {}


def test_names_and_idioms_are_not_times():
    assert values("This is VOA Today. USA Today reported it.") == {}
    assert values("WASHINGTON Today the president spoke.")["Today"] == "2025-05-30"
    assert values('Baker, speaking on ABC News\' "This Week," said the request helps.') == {}
    assert values("Protesters joined the annual March for Life on Capitol Hill.") == {}
    assert values("For the people of Poland, high noon has come.") == {}
    # ... but the words keep their meaning where they are used as such.
    assert values("He stepped down in March for health reasons.")["March"] == "2025-03"
    assert values('"Today is a sad day," he said.')["Today"] == "2025-05-30"


def test_a_year_ago_compares_with_reported_results_not_a_forecast():
    v = values("Steelmakers will report losses through the third quarter of 1990. In the "
               "year-ago period, Bethlehem earned $101 million.", "1989-10-26")
    assert v["the third quarter of 1990"] == "1990-Q3"
    assert v["the year-ago period"] == "1988-Q3"


def test_soon_looks_ahead_but_not_as_soon_as_or_in_past_narration():
    assert values("Kellogg soon will begin selling cheaper boxes.")["soon"] == "FUTURE_REF"
    assert "soon" not in values("They will leave as soon as Tuesday.")
    assert "soon" not in values("He was soon released from the hospital.")
    assert "soon" not in values("She died soon after the attack.")


def test_overnight_and_the_previous_weekday_count_from_the_story_day():
    text = ("London stocks fell Friday. Shares were depressed by overnight losses in New "
            "York. The index closed down 4.5% from the previous Friday.")
    v = values(text, "1989-10-30")
    assert v["Friday"] == "1989-10-27"
    assert v["overnight"] == "1989-10-26TNI"
    assert v["the previous Friday"] == "1989-10-20"
    # Without a recent story day, overnight is the night before publication.
    assert values("Rebels attacked overnight.", "1989-10-30")["overnight"] == "1989-10-29TNI"


def test_the_week_of_a_day_is_that_week():
    v = values("The case may be resolved in a hearing the week of March 6.", "2000-02-24")
    assert v == {"the week of March 6": "2000-W10"}


def test_a_participle_after_a_determiner_is_an_adjective_not_a_past_tense():
    v = values("The company will pay an unspecified dividend in January.", "1989-10-26")
    assert v["January"] == "1990-01"
    # A relative clause keeps its verb: "shootings that injured doctors in November".
    v = values("He is a suspect in shootings that injured doctors in November.", "1999-05-06")
    assert v["November"] == "1998-11"


def test_the_second_day_of_a_range_takes_the_month_of_the_first():
    v = values("The summit is on April 24 and 25; the festival runs June 10-12.", "1999-02-10")
    assert v["25"] == "1999-04-25"
    assert v["12"] == "1999-06-12"
    assert "5" not in values("On May 3 to 5 people came.", "1999-02-10")


def test_over_the_years_is_an_open_stretch_but_the_years_before_a_war_is_not():
    found = {t.text: (t.type, t.value) for t in tag_dates(
        "Over the years the list grew; in the early years it was short.", "1998-03-31")}
    assert found == {"the years": ("DURATION", "PXY"), "the early years": ("DURATION", "PXY")}
    assert values("In the years before the war, trade grew.") == {}


def test_a_present_passive_is_not_a_past_tense():
    # Friday 30 May: "is heard on Monday" is the nearest Monday, not the one just gone.
    assert values("The appeal is heard on Monday.")["Monday"] == "2025-06-02"
    assert values("The appeal was heard on Monday.")["Monday"] == "2025-05-26"


def test_a_year_ago_is_a_point_of_comparison_not_the_story_date():
    v = values("Oil prices were higher than a year ago. Herbicide use was delayed earlier in "
               "the year by rains.", "1989-10-26")
    assert v["a year ago"] == "1988"
    assert v["earlier in the year"] == "1989"
    found = [t.value for t in tag_dates("Costs rose from a year earlier. Sales fell compared "
                                        "with a year earlier.", "1989-10-26")]
    assert found == ["1988", "1988"]


def test_the_corresponding_period_last_year_is_the_reported_quarter_a_year_back():
    v = values("Net fell in the third quarter ended Sept. 30, against $1.8 million for the "
               "corresponding period last year. Sales for last year's quarter were $3 million.",
               "1989-11-01")
    assert v["the corresponding period last year"] == "1988-Q3"
    assert v["last year's quarter"] == "1988-Q3"


def test_holiday_week_and_a_past_verb_only_picks_a_near_past_holiday():
    v = values("Protesters prayed for help as Easter week began.", "2000-04-17")
    assert v["Easter week"] == "2000-W16"  # Easter 2000 was 23 April, a week ahead
    assert values("They met at Christmas.", "2000-04-17")["Christmas"] == "1999-12-25"
    assert values("He will visit at Christmas.", "2000-04-17")["Christmas"] == "2000-12-25"


def test_in_years_and_post_year():
    found = {t.text: (t.type, t.value) for t in tag_dates(
        "Sales grew for the first time in years. The post-1959 politics split families.",
        "2000-02-24")}
    assert found == {"years": ("DURATION", "PXY"), "post-1959": ("DATE", "1959")}


def test_the_past_followed_by_a_count_is_not_past_ref():
    assert values("There was violence for the past three summers.") == {}
    assert values("In the past, it was different.")["the past"] == "PAST_REF"


def test_generic_todays_is_the_present_not_the_publication_day():
    assert values("It is hard for mothers in today's world.")["today"] == "PRESENT_REF"
    assert values("It was advertised in today's editions.")["today"] == "2025-05-30"


def test_that_period_does_not_crash_and_is_not_placed():
    assert values("Losses grew during that period and the previous period.") == {}


def test_long_term_as_an_adjective_is_not_a_time():
    assert values("The long term trend matters more than short term noise.") == {}


def test_a_season_without_a_tense_is_the_nearest():
    # 29 April: with only "could", the autumn meant is the coming one.
    assert values("It could get worse again in the autumn.", "2009-04-29")["the autumn"] == \
        "2009-FA"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the day before yesterday", "1998-08-10"),
        ("the day after tomorrow", "1998-08-14"),
        ("the day before last Monday", "1998-08-09"),
        ("the first quarter of next year", "1999-Q1"),
        ("the fourth quarter of last year", "1997-Q4"),
        ("the first half of next year", "1999-H1"),
        ("the weekend of June 6", "1998-W23-WE"),
        ("the first two quarters of 1999", "1999-H1"),
    ],
)
def test_relative_phrases_built_on_other_expressions(text, value):
    assert values(f"It happens {text}, officials said.", "1998-08-12")[text] == value


def test_weekday_nights_are_a_frequency_and_the_plural_covers_coordinated_days():
    found = {t.text: (t.type, t.value) for t in tag_dates(
        "Two new flights would leave on Monday and Tuesday nights.", "1998-02-13")}
    assert found == {"Monday": ("SET", "XXXX-WXX-1TNI"),
                     "Tuesday nights": ("SET", "XXXX-WXX-2TNI")}
    assert values("They met on Monday and Tuesday.")["Monday"] == "2025-05-26"


def test_in_a_year_or_two_is_the_near_future():
    assert values("You may, in a year or two, save more lives.")["a year or two"] == \
        "FUTURE_REF"
    found = {t.text: t.value for t in tag_dates("It could take a month or two.", None)}
    assert found == {"a month or two": "P1M"}


def test_one_day_after_a_modal_is_some_day_ahead_and_last_the_verb_is_no_determiner():
    assert values("Islam will one day be the second largest religion.")["one day"] == \
        "FUTURE_REF"
    found = {t.text: t.value for t in tag_dates("The strike will last one day.", None)}
    assert found == {"one day": "P1D"}


def test_until_looks_ahead_when_no_verb_says_otherwise():
    assert values("The exhibition runs until Sunday.")["Sunday"] == "2025-06-01"
    assert values("The strike lasted until Friday.")["Friday"] == "2025-05-30"


def test_the_last_decade_is_the_previous_one_the_past_decade_a_stretch():
    found = {t.text: (t.type, t.value) for t in tag_dates(
        "Workers lost pay to inflation in the last decade; prices rose over the past decade.",
        "1998-02-06")}
    assert found == {"the last decade": ("DATE", "198"),
                     "the past decade": ("DURATION", "P10Y")}


def test_a_quarter_of_something_is_a_share_not_three_months():
    assert values("Funds account for more than a quarter of the market.") == {}


def test_would_with_a_participle_looks_ahead_but_would_have_looks_back():
    # "would be paid ... in January", written in October: the coming January.
    v = values("The split would be paid on a date in January.", "1989-10-26")
    assert v["January"] == "1990-01"
    v = values("The split would have been paid in January.", "1989-10-26")
    assert v["January"] == "1989-01"
    # "could be" still says nothing: the nearest reading, as without a verb.
    v = values("The plant could be located in January.", "1989-10-26")
    assert v["January"] == "1989-01"
