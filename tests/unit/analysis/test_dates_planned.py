"""Planned means the event's date lies after publication and its clause looks ahead.

The date tagger tells which way the clause looks (`clause_direction`); the timeline marks
an event planned only when it looks ahead. Dates are tagged for real here, so the rule is
tested with the values the tagger gives.
"""

from __future__ import annotations

from desktop.analysis.dates import FUTURE, HYPOTHETICAL, PAST, clause_direction, tag_dates
from desktop.timeline.events import extract_events

DCT = "2011-03-02"  # a Wednesday


def planned(text: str, phrase: str, dct: str = DCT) -> bool:
    """The planned flag of the event dated by *phrase*."""
    timexes = tag_dates(text, dct)
    at = text.index(phrase)
    events = extract_events(text, None, timexes, [], dct)
    (event,) = [e for e in events if e.start <= at < e.end and e.date_text == phrase]
    return event.planned


def direction(text: str, phrase: str) -> str | None:
    at = text.index(phrase)
    return clause_direction(text, at, at + len(phrase))


def test_a_future_clause_after_publication_is_planned():
    text = "The foreign minister will travel to Ankara on Saturday for the next round."
    assert direction(text, "Saturday") == FUTURE
    assert planned(text, "Saturday")


def test_a_plan_given_up_is_not_planned():
    text = "The school had been due to reopen on Sunday, March 6, before the outbreak."
    assert direction(text, "Sunday, March 6") == PAST
    assert not planned(text, "Sunday, March 6")


def test_a_condition_is_not_planned():
    text = "If the cap failed, the company would drill a relief well on Saturday."
    assert direction(text, "Saturday") == HYPOTHETICAL
    assert not planned(text, "Saturday")


def test_a_mere_possibility_is_not_planned():
    text = '"Tomorrow we can talk about peace," the colonel told the crowd.'
    assert direction(text, "Tomorrow") == HYPOTHETICAL
    assert not planned(text, "Tomorrow")


def test_years_later_in_a_retrospective_clause_is_not_planned():
    text = ("The mill closed in 2008 after a fire that gutted it.\n\n"
            "Six years later, its owners rebuilt the mill on the same site.")
    # 2014 would lie after publication in a past clause: no planned 2014 rebuilding
    timexes = tag_dates(text, "2011-03-02")
    events = extract_events(text, None, timexes, [], "2011-03-02")
    assert not [e for e in events if e.planned or (e.date or "").startswith("2014")]


def test_a_listed_past_step_dated_after_publication_is_not_planned():
    # A timeline on a page updated after its first publication: reported, not ahead.
    text = "The leak slowed.\n4 March: Divers closed the last valve on the well head."
    assert not planned(text, "4 March")


def test_a_planned_talk_proposed_in_the_perfect_is_still_planned():
    # (a guard: a proposal in the perfect still looks ahead)
    text = "The envoy has proposed holding the follow-up talks on Monday, March 7, in Geneva."
    assert planned(text, "Monday, March 7")


def test_a_count_since_a_day_is_dated_at_the_report():
    # "since Tuesday" starts the count; the count itself is what the report tells, today.
    text = "Hospitals have counted 84 deaths since Tuesday, the ministry said."
    timexes = tag_dates(text, "2011-02-27")
    events = extract_events(text, None, timexes, [], "2011-02-27")
    assert [(e.date, e.date_text) for e in events] == [("2011-02-27", "since Tuesday")]


def test_a_count_since_a_day_yields_to_the_sentences_own_date():
    # (a guard for the rule above)
    text = "By Friday, doctors had counted 84 deaths since Tuesday."
    events = extract_events(text, None, tag_dates(text, "2011-02-27"), [], "2011-02-27")
    assert [(e.date, e.date_text) for e in events] == [("2011-02-25", "Friday")]


def test_next_weekday_is_ahead_whatever_the_verb():
    # "wanted" is past, but "next Tuesday" lies ahead of publication: a plan.
    text = "The minister wanted the boxer to delay his return until at least next Tuesday."
    assert direction(text, "next Tuesday") == FUTURE
    assert planned(text, "next Tuesday")


def test_a_participle_after_the_modals_object_leaves_the_modal_in_charge():
    # "placed" describes the bans; "may lift" is what looks ahead. (Only a modal within
    # three words counts: further off, "would emerge from the disaster, caused by an
    # explosion on 20 April" dates the participle's own clause.)
    text = "Moscow signalled it may lift bans placed on beef imports by April 1."
    assert direction(text, "April 1") == FUTURE
    assert planned(text, "April 1")


def test_done_by_a_day_ahead_is_planned():
    # A perfect infinitive after a hope, a future perfect: finished by a day to come.
    text = "The agency hopes to have delivered five million meals to the island by March 25."
    assert direction(text, "March 25") == FUTURE
    assert planned(text, "March 25")


def test_a_perfect_infinitive_after_a_report_is_past():
    # (a guard for the rule above) "is said to have left" reports something done.
    text = "The envoy is said to have left the capital for talks on Monday."
    assert direction(text, "Monday") == PAST


def test_an_appointment_set_off_by_commas_is_planned_whatever_the_main_verb():
    text = "Mr Lee, due to take over as chairman on March 10, spoke to the staff in Leeds."
    assert direction(text, "March 10") == FUTURE
    assert planned(text, "March 10")
