"""Stamps are the page's own timing: update stamps and reader-comment headers anchor what
follows them and make no event, a dateline dates a sentence only when the sentence has no
date of its own, and a clock time's weekday takes the date written after it."""

from __future__ import annotations

from desktop.analysis.dates import is_dateline, tag_dates
from desktop.timeline.events import extract_events


def values(text: str, dct: str) -> dict[str, str]:
    return {t.text: t.value for t in tag_dates(text, dct)}


def test_a_comment_header_anchors_the_comment():
    # The article is of Tue 1 June 2010; the comment was written on Sat 12 June.
    text = "At 6:50 pm on 12 Jun 2010, gulfwatcher wrote: We drove down to the coast on Friday."
    v = values(text, "2010-06-01")
    assert v["12 Jun 2010"] == "2010-06-12"
    assert v["Friday"] == "2010-06-11"


def test_a_comment_header_anchors_a_bare_month_day():
    text = "At 5:04 pm on 04 Dec 2009, M2 wrote: my son had the jab 23 November."
    assert values(text, "2009-05-21")["23 November"] == "2009-11-23"


def test_an_update_stamp_weekday_is_on_or_after_publication():
    # Published Sunday 20 February: the update came on Monday 21, and "early Monday" in the
    # report below it is that Monday, not the one a week before.
    text = ("(Updated: 1:09 a.m. Monday, Cairo; 6:09 p.m. Sunday ET) Witnesses said shooting "
            "began early Monday.")
    v = values(text, "2011-02-20")
    assert v["1:09 a.m. Monday"] == "2011-02-21T01:09"
    assert v["early Monday"] == "2011-02-21"


def test_a_clock_weekday_takes_the_date_written_after_it():
    text = "Video taken at 12:23 a.m. EDT, Saturday Sept. 4, 2010 shows the valve rising."
    (found,) = tag_dates(text, "2010-09-03")
    assert found.text == "12:23 a.m. EDT, Saturday Sept. 4, 2010"
    assert found.value == "2010-09-04T00:23"


def test_a_dateline_gives_way_to_the_sentences_own_date():
    text = ("TRIPOLI, Feb 27 (Reuters) - Troops loyal to the leader shelled the coastal town "
            "on Saturday, witnesses said.")
    timexes = tag_dates(text, "2011-02-27")
    assert [(t.text, t.value) for t in timexes] == [
        ("Feb 27", "2011-02-27"), ("Saturday", "2011-02-26")]
    assert is_dateline(text, 9, 15)
    events = extract_events(text, None, timexes, [], "2011-02-27")
    assert [(e.date, e.date_text) for e in events] == [("2011-02-26", "Saturday")]


def test_a_dateline_dates_a_sentence_without_a_date_of_its_own():
    # (a guard for the rule above)
    text = "TRIPOLI, Feb 27 (Reuters) - Troops loyal to the leader shelled the coastal town."
    events = extract_events(text, None, tag_dates(text, "2011-02-27"), [], "2011-02-27")
    assert [(e.date, e.date_text) for e in events] == [("2011-02-27", "Feb 27")]


def test_a_comment_header_is_no_event():
    # (a guard: the timeline kept comment headers out before; it now asks the tagger)
    text = "At 3:08 pm on 15 Jul 2009, helenle wrote: my husband was poorly on Tuesday."
    events = extract_events(text, None, tag_dates(text, "2009-05-21"), [], "2009-05-21")
    assert [e.date_text for e in events] == ["Tuesday"]
