"""The brief's story-wide reads (``brief_cache``) are made again only when what each reads
changed: a pin leaves the article weights, quotes, people and publication days as they were
(the next brief after a pin in a 20,000-article library made them all again), a hide leaves
the people and the quotes (kept with the articles they were read for). Whatever is kept, the next brief is the one a library with nothing stored gives."""

from __future__ import annotations

from desktop.brief.markdown import brief_from_library
from desktop.timeline import corrections
from desktop.timeline.query import build_timeline
from tests.unit.brief.test_brief_light import story as story  # noqa: F401 (the fixture)
from tests.unit.brief.test_brief_stored import from_scratch


def kept(library) -> set[str]:
    return {r[0] for r in library.db.execute("SELECT name FROM brief_cache")}


def words_stored(library) -> int:
    return library.db.execute("SELECT count(*) FROM event_words").fetchone()[0]


def test_a_pin_keeps_what_a_pin_cannot_change_and_the_brief_leads_with_it(story):
    before = brief_from_library(story)
    words = words_stored(story)
    friday = next(e for e in build_timeline(story) if "Friday" in e.text)
    corrections.pin(story, friday.id)
    assert kept(story) == {"weights", "quotes", "people", "days"}  # not the plan, not the day scores
    assert words_stored(story) == words  # an event's words do not hang on its pin
    pinned = brief_from_library(story)
    assert "(pinned)" not in before and "(pinned)" in pinned
    assert pinned == from_scratch(story)


def test_a_hide_keeps_the_people_and_the_quotes_and_the_brief_drops_it(story):
    brief_from_library(story)
    blizzard = next(e for e in build_timeline(story) if "blizzard" in e.text)
    corrections.correct(story, blizzard.id, hidden=True)
    assert kept(story) == {"people", "quotes"}  # the quotes kept with the articles they were read for
    after = brief_from_library(story)
    assert "blizzard" not in after
    assert after == from_scratch(story)


def test_an_edited_sentence_drops_its_words_and_every_story_wide_read(story):
    brief_from_library(story)
    friday = next(e for e in build_timeline(story) if "Friday" in e.text)
    corrections.correct(story, friday.id, text="Diplomats said the Security Council met on Friday in New York.")
    assert kept(story) == {"people", "quotes"}
    after = brief_from_library(story)
    assert "met on Friday in New York" in after
    assert after == from_scratch(story)
