"""The unfiltered brief reads each happening as stored when it was clustered or last changed
(``happening_briefs``) and its story-wide reads as kept since nothing they read changed
(``brief_cache``): a reporter's hide, pin, rename or "not this story" mark must reach the
next brief exactly as if nothing had been stored, and an upgraded library must give the
brief it gave before."""

from __future__ import annotations

import sqlite3

from db import Library
from db.happenings import mark_off_story
from desktop.brief.light import light_timeline
from desktop.brief.markdown import brief_from_library
from desktop.people.corrections import rename_person
from desktop.timeline import corrections
from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline
from tests.unit.brief.test_brief_light import SATURDAY, told
from tests.unit.brief.test_brief_light import story as story  # noqa: F401 (the fixture)
from tests.unit.timeline.test_timeline_library import store


def from_scratch(library) -> str:
    """The brief with nothing stored for it: every row and story-wide read made again."""
    library.db.execute("DELETE FROM happening_briefs")
    library.db.execute("DELETE FROM brief_cache")
    library.db.execute("DELETE FROM article_words")
    return brief_from_library(library)


def stored_texts(library) -> set[str]:
    return {r[0] for r in library.db.execute("SELECT text FROM happening_briefs WHERE entry_id IS NOT NULL")}


def test_a_brief_stores_every_happening_and_the_next_brief_reads_them(story):
    first = brief_from_library(story)
    happenings = story.db.execute("SELECT count(*) FROM happenings").fetchone()[0]
    assert story.db.execute("SELECT count(*) FROM happening_briefs").fetchone()[0] == happenings
    kept = {r[0] for r in story.db.execute("SELECT name FROM brief_cache")}
    assert kept >= {"weights", "day_scores", "people", "quotes", "days", "plan"}
    assert brief_from_library(story) == first == from_scratch(story)
    assert told(light_timeline(story.db, Filters()).events) == told(build_timeline(story))


def test_a_hidden_happening_leaves_the_stored_rows_and_the_brief(story):
    brief_from_library(story)
    blizzard = next(e for e in build_timeline(story) if "blizzard" in e.text)
    assert blizzard.text in stored_texts(story)
    corrections.correct(story, blizzard.id, hidden=True)
    assert story.db.execute("SELECT count(*) FROM brief_cache WHERE name = 'plan'").fetchone()[0] == 0
    after = brief_from_library(story)
    assert blizzard.text not in stored_texts(story)
    assert "blizzard" not in after
    assert told(light_timeline(story.db, Filters()).events) == told(build_timeline(story))
    assert after == from_scratch(story)


def test_an_article_set_aside_stops_counting_and_a_pin_leads(story):
    before = brief_from_library(story)
    assert "Minnesota" in before
    cnn_blizzard = story.db.execute("SELECT id FROM articles WHERE title = 'Blizzard'").fetchone()[0]
    mark_off_story(story.db, article_id=cnn_blizzard)
    after = brief_from_library(story)
    assert "Minnesota" not in after and after != before
    assert after == from_scratch(story)
    friday = next(e for e in build_timeline(story) if "Friday" in e.text)
    corrections.pin(story, friday.id)
    pinned = brief_from_library(story)
    assert "(pinned)" in pinned and pinned == from_scratch(story)


def test_a_renamed_person_and_a_new_article_reach_the_next_brief(story):
    brief_from_library(story)
    rename_person(story.db, "Moammar Gadhafi", "Muammar Gaddafi")
    store(story, "Late news", "On Saturday the UN Security Council imposed sanctions on Libya "
          "and referred Moammar Gadhafi to the court, diplomats in Geneva said.", "2011-03-01",
          SATURDAY, ["Moammar Gadhafi"], outlet="BBC")
    after = brief_from_library(story)
    assert "Muammar Gaddafi" in after and "BBC" in after
    assert after == from_scratch(story)


def test_an_upgraded_library_gives_the_brief_it_gave_before(tmp_path):
    path = tmp_path / "old.db"
    library = Library(path)
    store(library, "Sanctions", "On Saturday the Security Council imposed sanctions on Libya, "
          "referring Gadhafi to the International Criminal Court.", "2011-02-27", SATURDAY,
          outlet="Reuters")
    store(library, "Blizzard", "A blizzard closed every school in Minnesota on Saturday as "
          "snow piled up.", "2011-02-27", SATURDAY, outlet="CNN")
    library.close()
    # As a library written before the step: no stored rows, no marks, no cache.
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND"
                                " (name LIKE 'brief_%' OR name LIKE 'happening_briefs_%')").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for table in ("happening_briefs", "brief_stale", "brief_cache"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_happening_briefs'")
    conn.commit()
    conn.close()
    with Library(path) as upgraded:
        brief = brief_from_library(upgraded)
        assert upgraded.db.execute("SELECT count(*) FROM happening_briefs").fetchone()[0] > 0
        assert "Minnesota" in brief and "Security Council" in brief
        assert told(light_timeline(upgraded.db, Filters()).events) == told(build_timeline(upgraded))
        assert brief_from_library(upgraded) == brief
