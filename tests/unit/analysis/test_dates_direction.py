"""Which way a weekday points: the clause that governs it decides, not the nearest verb.

Published on Wednesday 2 March 2011 unless a test says otherwise: the Friday before is
25 February, the Saturday after is 5 March.
"""

from __future__ import annotations

from desktop.analysis.dates import tag_dates

WED = "2011-03-02"


def value_of(text: str, phrase: str, dct: str = WED) -> str:
    """The value Clipline gives the expression *phrase* in *text*."""
    found = {t.text: t.value for t in tag_dates(text, dct)}
    return found[phrase]


def test_a_reporting_verb_with_its_own_phrase_dates_the_saying():
    # The day sits in "said in a statement ...", so it is when the ministry spoke, even
    # though what it said looks ahead.
    text = "The ministry said in a statement Friday that the border crossing will reopen."
    assert value_of(text, "Friday") == "2011-02-25"


def test_told_with_its_listener_dates_the_telling():
    text = "A spokesman told the BBC in an interview on Friday the airport would stay shut."
    assert value_of(text, "Friday") == "2011-02-25"


def test_what_was_said_keeps_its_own_direction():
    # (a guard for the rule above) Here the day belongs to the reported clause, which
    # looks ahead.
    text = "The coach said the squad would fly out on Saturday."
    assert value_of(text, "Saturday") == "2011-03-05"


def test_agreed_to_a_noun_is_the_agreeing_not_a_plan():
    # "to the proposal" is a preposition and its object, not an infinitive.
    text = "The council agreed to the proposal on Tuesday after a long debate."
    assert value_of(text, "Tuesday") == "2011-03-01"


def test_agreed_to_do_something_looks_ahead():
    # (a guard for the rule above: an infinitive still looks ahead)
    text = "The two leaders agreed to meet again on Saturday."
    assert value_of(text, "Saturday") == "2011-03-05"


def test_ahead_of_points_to_what_is_awaited():
    text = "Campaigners released a dossier ahead of the inquiry on Thursday."
    assert value_of(text, "Thursday") == "2011-03-03"


def test_a_forward_modal_looks_ahead():
    text = "In the best case, the new pump should be running by Saturday."
    assert value_of(text, "Saturday") == "2011-03-05"


def test_future_in_the_past_looks_ahead():
    text = "The envoys were to meet the rebel council on Saturday."
    assert value_of(text, "Saturday") == "2011-03-05"


def test_a_hyphenated_participle_is_an_adjective_without_tense():
    # "remote-controlled" must not turn the plan into a report of the past.
    text = "Engineers plan to lower the dome on Thursday, using remote-controlled submarines."
    assert value_of(text, "Thursday") == "2011-03-03"


def test_an_unmarked_weekday_in_a_past_report_is_the_most_recent():
    # (the news habit the rules above must keep)
    text = "Rebels shelled the port on Friday, residents said."
    assert value_of(text, "Friday") == "2011-02-25"


def test_the_month_called_may_is_no_modal():
    # (a guard for the forward modals) "May" after a day number is the month: it must not
    # make the clause look ahead.
    text = "Five cases were confirmed in the region today Friday 8 May 2009 16.29 BST."
    assert value_of(text, "today", "2009-05-08") == "2009-05-08"
    found = tag_dates(text, "2009-05-08")
    assert all(t.value.startswith("2009-05-08") for t in found)


def test_to_before_a_noun_is_a_preposition_not_a_modal():
    # "loyal to the leader shelled": "shelled" is the verb, in the past.
    text = "Troops loyal to the leader shelled the coastal town on Saturday."
    assert value_of(text, "Saturday", "2011-02-27") == "2011-02-26"


def test_a_participle_after_a_preposition_is_an_adjective():
    # (a guard for the rule above) "over affected areas" must not outweigh "were to lead".
    text = "The ministers were to lead a delegation to the region Sunday to fly over affected areas."
    assert value_of(text, "Sunday", "2011-03-04") == "2011-03-06"


def test_a_headline_tells_the_past_in_the_present():
    # Published Tuesday 1 March: the Friday before (25 Feb) lies four days back, the next
    # (4 Mar) three days ahead, but a headline's present tense reports what happened.
    text = "Oil port is shut on Friday as rebels advance\nThe rebels took the port after a battle."
    assert value_of(text, "Friday", "2011-03-01") == "2011-02-25"


def test_a_present_tense_in_the_body_still_takes_the_nearest_day():
    # (a guard for the rule above: only a headline reads the present as past)
    text = "The rebel council says the port is open again.\nThe vote is on Friday."
    assert value_of(text, "Friday", "2011-03-01") == "2011-03-04"


def test_a_bare_month_under_a_past_verb_is_never_the_coming_one():
    # Published in October: "closed in December" is last December, ten months back.
    assert value_of("The factory closed in December.", "December", "2011-10-05") == "2010-12"


def test_a_month_after_until_in_a_forward_clause_is_ahead():
    assert value_of("The ban will remain in force until March.", "March", "2011-05-10") == \
        "2012-03"
    assert value_of("The talks will run through February.", "February", "2011-04-02") == \
        "2012-02"


def test_a_month_under_a_future_verb_is_ahead():
    assert value_of("The envoy will visit in January.", "January", "2011-03-01") == "2012-01"


def test_a_decision_to_act_is_dated_by_the_deciding():
    # A past verb, an infinitive, a weekday: the day is the vote's, not a week ahead.
    text = "The Security Council voted to impose sanctions on Saturday."
    assert value_of(text, "Saturday") == "2011-02-26"


def test_will_have_looks_ahead():
    # Published Wednesday: the Monday before is two days back, the next five days ahead.
    text = "The division will have 100 soldiers on the island on Monday."
    assert value_of(text, "Monday") == "2011-03-07"


def test_due_to_before_an_appointment_is_a_schedule():
    text = "Due to take over on Monday, the new chief has begun hiring."
    assert value_of(text, "Monday") == "2011-03-07"


def test_one_story_names_one_friday():
    # The first Friday is set ahead by its own verb; the second sits far from its verb (a
    # past "convened", whose meeting is the one announced) and is the same day.
    text = ("Trade ministers are to meet on Friday to discuss the tariffs. Earlier, the "
            "commission convened an emergency meeting of the officials from all of the "
            "member states on Friday to prepare the talks.")
    first, second = [t for t in tag_dates(text, WED) if t.text == "Friday"]
    assert first.value == second.value == "2011-03-04"


def test_a_day_named_with_a_possessive_is_the_day_already_set():
    text = "Ministers will meet on Friday in Brussels. Officials said Friday's meeting would " \
           "settle the tariffs."
    assert [t.value for t in tag_dates(text, WED) if t.text == "Friday"] == ["2011-03-04"] * 2


def test_a_weekday_with_its_week_is_in_that_week():
    # "Wednesday next week" is a week after publication day; "this week" is the one of it,
    # and neither is taken for the other by the one-story-one-day rule.
    text = ("The committee said the chief executive would testify on Wednesday next week. On "
            "Wednesday this week, the chief engineer presented the internal report.")
    first, second = [t.value for t in tag_dates(text, WED) if t.text == "Wednesday"]
    assert (first, second) == ("2011-03-09", "2011-03-02")


def test_the_to_of_a_range_of_numbers_is_no_future_in_the_past():
    # "was 15 to 20 miles" is a distance, not "was to" (a future in the past).
    text = "Pilots said the edge of the slick Monday was 15 to 20 miles off the coast."
    assert value_of(text, "Monday") == "2011-02-28"


def test_a_future_perfect_looks_ahead():
    text = "The engineers will have finished the relief well by Friday."
    assert value_of(text, "Friday") == "2011-03-04"


def test_a_clause_set_off_by_commas_keeps_its_own_verb():
    # "will be tested" after the closing comma is the sentence's; the day is the fitting's.
    text = "The cap, which was fitted to the well on Monday, will be tested again."
    assert value_of(text, "Monday") == "2011-02-28"


def test_coming_from_is_a_motion_not_the_coming_week():
    text = "Small amounts of oil started coming from the cap late Sunday, engineers said."
    assert value_of(text, "late Sunday") == "2011-02-27"


def test_a_month_day_without_a_tense_looks_back():
    # A chronology in a December story: a day in April with no verb to say otherwise is
    # the April gone, not the one to come.
    text = "Key dates of the year.\nApril 20 - An explosion on the rig kills 11 workers."
    assert value_of(text, "April 20", "2011-12-29") == "2011-04-20"


def test_a_month_day_ending_a_stretch_stays_the_nearest():
    # (a guard for the rule above) "through September 30" bounds a stretch ahead.
    text = "The bill provides $79.9 billion to fund the two wars through September 30."
    assert value_of(text, "September 30", "2011-06-24") == "2011-09-30"


def test_a_clause_set_off_by_dashes_keeps_its_own_verb():
    # "accepted" after the closing dash is the sentence's; "is to leave" is the clause's.
    for dash in ("\u2013", "-", "--"):
        text = f"Tony Hayward {dash} who is to leave the top job in October {dash} accepted the board's view."
        assert value_of(text, "October") == "2011-10"
