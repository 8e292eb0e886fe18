"""Dates counted from a happening the article dated, "last <weekday>" in news usage, and a
diary entry's own date: what a reporter reads as a day, the tagger must place on that day."""

from __future__ import annotations

from desktop.analysis.dates import tag_dates


def found(text: str, dct: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag_dates(text, dct)}


# --- "N days after the <happening>" ---------------------------------------------------------


def test_days_after_a_happening_dated_by_its_date_count_from_that_day():
    text = ("The March 3 flood cut the town in two. Six days after the flood, the bridge "
            "reopened to traffic.")
    assert found(text, "2031-03-12")["Six days"] == ("DATE", "2031-03-09")


def test_days_after_a_happening_dated_by_its_weekday():
    text = ("Thursday's blast destroyed the depot. Two days after the blast, the owners "
            "still had no insurance payout.")
    # published Mon 10 Nov 2031: Thursday is 6 Nov, two days later Sat 8 Nov
    assert found(text, "2031-11-10")["Two days"] == ("DATE", "2031-11-08")


def test_a_count_that_would_pass_publication_in_a_past_clause_stays_a_stretch():
    # a recap repeating an old "Thursday's blast": Thursday read as 6 Nov, and a week
    # after it (13 Nov) lies past publication, so the count dates nothing
    text = ("Thursday's blast destroyed the depot. A week after the blast, looting "
            "has broken out.")
    assert found(text, "2031-11-10")["A week"] == ("DURATION", "P1W")


def test_a_happening_dated_by_its_verb_and_a_quake_by_its_earthquake():
    text = ("The earthquake struck on 4 February, flattening the old town. "
            "Ten days after another quake shook the valley, the school reopened.")
    assert found(text, "2031-02-20")["Ten days"] == ("DATE", "2031-02-14")


def test_weeks_before_a_dated_happening():
    text = ("The summit that opened on June 20 ended without a deal. Two weeks before the "
            "summit, officials had met in Geneva.")
    assert found(text, "2031-06-25")["Two weeks"] == ("DATE", "2031-06-06")


def test_days_after_an_undated_happening_stay_a_stretch_of_time():
    text = "Five days after the fire, the street was still closed."
    assert found(text, "2031-03-12")["Five days"] == ("DURATION", "P5D")


def test_another_happening_in_the_article_does_not_lend_its_date():
    text = ("The March 3 flood cut the town in two. Six days after the election, the "
            "bridge reopened.")
    assert found(text, "2031-03-12")["Six days"] == ("DURATION", "P6D")


def test_a_weekday_in_apposition_agrees_with_the_count_from_the_happening():
    # The quake on Tue 6 May 2031; the recap is published Thu 22 May. "On Sunday, five
    # days after the quake" is Sun 11 May, not the Sunday before publication (18 May).
    text = ("The quake hit on May 6 at dawn. On Sunday, five days after the quake, "
            "rescuers pulled a boy from the rubble.")
    values = found(text, "2031-05-22")
    assert values["Sunday"] == ("DATE", "2031-05-11")
    assert values["five days"] == ("DATE", "2031-05-11")


# --- "last <weekday>" -----------------------------------------------------------------------


def test_last_weekday_when_that_weekday_was_yesterday_is_the_week_before():
    # published Wed 14 May 2031: "last Tuesday" is 6 May, "Tuesday" is yesterday
    assert found("Survivors of last Tuesday's storm queued for water.",
                 "2031-05-14")["last Tuesday"] == ("DATE", "2031-05-06")
    assert found("The storm hit on Tuesday.", "2031-05-14")["Tuesday"] == \
        ("DATE", "2031-05-13")


def test_last_weekday_three_or_more_days_back_is_still_the_latest_one():
    # published Mon 12 May 2031: "last Friday" is 9 May
    assert found("The minister resigned last Friday.", "2031-05-12")["last Friday"] == \
        ("DATE", "2031-05-09")


# --- a diary entry's own date ----------------------------------------------------------------


def test_this_morning_in_a_diary_entry_is_the_entry_day():
    text = ("Aid diary: our team in the field\n"
            "THURSDAY 5 JUNE - ANNA BELL This morning we reached the camp at last.\n"
            "SATURDAY 7 JUNE - The first trucks arrived today.")
    values = found(text, "2031-06-09")
    assert values["This morning"] == ("TIME", "2031-06-05TMO")
    assert values["today"] == ("DATE", "2031-06-07")


def test_an_entry_heading_dates_only_its_own_entry():
    filler = "We carried water up the hill and handed it out to the families there. " * 20
    text = ("THURSDAY 5 JUNE - ANNA BELL We reached the camp.\n" + filler
            + "\nOur second team arrived this morning from the coast.")
    assert found(text, "2031-06-09")["this morning"] == ("TIME", "2031-06-09TMO")


def test_a_happening_dated_further_on_in_the_article_lends_its_date():
    text = ("A strong tremor shook the valley, eight days after another quake devastated "
            "it. Rescuers have saved 120 people since the 4 February earthquake.")
    assert found(text, "2031-02-12")["eight days"] == ("DATE", "2031-02-12")


def test_a_captions_date_is_no_entry_heading():
    text = ("Crews fight the spill\n"
            "June 5 : A boat makes its way through the oil.\n"
            "The company said today that the leak was slowing.")
    assert found(text, "2031-06-09")["today"] == ("DATE", "2031-06-09")


def test_a_possessive_weekday_written_tokenised_is_still_past():
    # "Tuesday 's": tokenised text (Penn Treebank style) parts the possessive from its day
    text = "The league is working out how it can help after Tuesday 's storm ."
    assert found(text, "2031-05-14")["Tuesday"] == ("DATE", "2031-05-13")


def test_a_possessive_weekday_of_an_event_held_ahead_looks_ahead():
    # published Wed 14 May 2031: the concert is Friday 16 May
    text = "The band are due to appear as part of Friday's Hope for Rain concert."
    assert found(text, "2031-05-14")["Friday"] == ("DATE", "2031-05-16")
    # a happening named by its day has happened, whatever the clause around it
    text = "The league is working out how it will help the victims of Friday's storm."
    assert found(text, "2031-05-14")["Friday"] == ("DATE", "2031-05-09")


# --- "N <unit> later" with nothing dated before it ------------------------------------------


def test_later_than_an_undated_time_is_not_counted_from_publication():
    # nothing in the article dates the start, so "two decades later" is not 2051
    text = "Two decades later, the fishermen agree on one thing: the first days were lost."
    assert found(text, "2031-06-01")["Two decades later"][1] != "2051"
    assert not found(text, "2031-06-01")["Two decades later"][1].startswith("20")


def test_later_counts_from_the_date_the_story_has_reached():
    text = "The tanker ran aground in 1998. Two decades later, the fishermen still remember."
    assert found(text, "2031-06-01")["Two decades later"] == ("DATE", "2018")


def test_later_in_a_clause_that_looks_ahead_still_counts_from_publication():
    text = "The verdict will be known two weeks later."
    assert found(text, "2031-06-02")["two weeks later"] == ("DATE", "2031-W25")
