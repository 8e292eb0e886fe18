"""The brief weighs every happening in a light form read from stored rows: each must be the
happening the timeline shows (same headline, people, flags, reports, conflicts, order), and
what is stored of each sentence must follow corrections and renames."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.brief.light import (
    LightEvent,
    event_articles,
    event_reports,
    light_salience,
    light_timeline,
    light_weights,
)
from desktop.brief.markdown import brief_from_library
from desktop.brief.story import salience
from desktop.people.corrections import rename_person
from desktop.timeline import corrections
from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline
from tests.unit.timeline.test_timeline_library import store

SATURDAY = {"Saturday": "2011-02-26"}


@pytest.fixture
def story(memory_library):
    store(memory_library, "UN acts", "The UN Security Council imposed sanctions on Libya on Saturday "
          "and referred Moammar Gadhafi to the International Criminal Court.", "2011-02-27",
          SATURDAY, ["Moammar Gadhafi"], outlet="CNN")
    store(memory_library, "Sanctions", "On Saturday the Security Council imposed sanctions on Libya, "
          "referring Gadhafi to the International Criminal Court.", "2011-02-27", SATURDAY,
          outlet="Reuters")
    store(memory_library, "Sanctions again", "On Saturday the UN Security Council imposed sanctions "
          "on Libya and referred Moammar Gadhafi to the International Criminal Court.",
          "2011-02-28", SATURDAY, ["Moammar Gadhafi"], outlet="Reuters")
    store(memory_library, "A day early", "The UN Security Council imposed sanctions on Libya on "
          "Friday and referred Moammar Gadhafi to the International Criminal Court in The Hague.",
          "2011-02-27", {"Friday": "2011-02-25"}, ["Moammar Gadhafi"], outlet="AP")
    store(memory_library, "Blizzard", "A blizzard closed every school in Minnesota on Saturday as "
          "snow piled up. Schools will reopen on Tuesday, officials said.", "2011-02-27",
          {"Saturday": "2011-02-26", "Tuesday": "2011-03-01"}, outlet="CNN")
    return memory_library


def told(events):
    """What the brief reads of each happening, light or full, in order."""
    rows = []
    for e in events:
        outlets = e.outlets_count if isinstance(e, LightEvent) else len(e.outlets)
        rows.append((e.id, e.date, e.precision, e.text, list(e.people), e.planned, e.pinned,
                     e.hidden, e.conflict, list(e.conflicting_dates), event_reports(e),
                     sorted(event_articles(e)), outlets))
    return rows


FILTERS = [
    Filters(),
    Filters(date_from=dt.date(2011, 2, 26), date_to=dt.date(2011, 2, 26)),
    Filters(person="Gadhafi"),
    Filters(include_hidden=True),
]


@pytest.mark.parametrize("filters", FILTERS, ids=["all", "one day", "person", "with hidden"])
def test_every_happening_is_the_one_the_timeline_shows(story, filters):
    timeline = build_timeline(story, filters)
    light = light_timeline(story.db, filters).events
    assert told(light) == told(timeline)
    # the Friday report disagrees with Saturday's (when both are in view)
    assert any(e.conflict for e in timeline) == (filters.date_from is None)
    weights = light_weights(story.db, light_timeline(story.db, filters))
    assert sorted(light_salience(light, weights).values()) == sorted(salience(timeline).values())


def test_a_hidden_headline_or_a_corrected_wording_is_told_as_the_timeline_tells_it(story):
    council = next(e for e in build_timeline(story) if len(e.sources) >= 2)
    headline = next(s for s in council.sources if s.sentence == council.text)
    corrections.correct(story, f"e{headline.event_id}", hidden=True)
    assert told(light_timeline(story.db, Filters()).events) == told(build_timeline(story))
    corrections.correct(story, f"e{headline.event_id}", hidden=False)
    corrections.correct(story, council.id, text="The Security Council voted sanctions on Libya.")
    light = light_timeline(story.db, Filters()).events
    assert told(light) == told(build_timeline(story))
    assert any(e.text == "The Security Council voted sanctions on Libya." for e in light)


def test_what_is_stored_of_a_sentence_follows_its_correction_and_its_people_renamed(story):
    council = next(e for e in build_timeline(story) if "Friday" in e.text)
    corrections.correct(story, council.id, text="Diplomats in The Hague welcomed the referral.")
    light_timeline(story.db, Filters())
    stored = story.db.execute(
        "SELECT tokens FROM event_words WHERE event_id = ?", [council.sources[0].event_id]
    ).fetchone()[0]
    assert "diplomat" in stored.split() and "sanction" not in stored.split()
    rename_person(story.db, "Moammar Gadhafi", "Muammar Gaddafi")
    people = {n for e in light_timeline(story.db, Filters()).events for n in e.people}
    assert "Muammar Gaddafi" in people and "Moammar Gadhafi" not in people
    assert "Muammar Gaddafi" in brief_from_library(story)


def test_a_window_that_only_reads_a_library_still_being_written_gets_the_same_happenings(story):
    build_timeline(story)  # clustered and stored so far
    store(story, "Late news", "On Saturday the UN Security Council imposed sanctions on Libya "
          "and referred Moammar Gadhafi to the court.", "2011-03-01", SATURDAY,
          ["Moammar Gadhafi"], outlet="AP")
    story.db.execute("DELETE FROM event_words WHERE event_id IN (SELECT min(id) FROM events)")
    story.db.execute("PRAGMA query_only = ON")  # as the window's connection
    try:
        light = light_timeline(story.db, Filters()).events
        assert told(light) == told(build_timeline(story))
        assert any(e.happening is None for e in light)  # the late report is not clustered yet
        assert "Gadhafi" in brief_from_library(story)
    finally:
        story.db.execute("PRAGMA query_only = OFF")
