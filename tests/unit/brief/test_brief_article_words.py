"""Each article's words kept for the story weights (``article_words``) never go stale: after an
import, a deletion, a hide, a reworded or re-dated event, a hand-made event, an article set
aside or an edited article, the next brief is the one made with nothing kept, and the kept
weights are exactly those gathered from every event's words again."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from db import Library
from db.article_words import missing_articles
from db.happenings import mark_off_story
from db.key_days import day_events
from desktop.brief.light import story_weights
from desktop.brief.markdown import brief_from_library
from desktop.timeline import corrections
from desktop.timeline.article_words import keep_article_words, story_words
from desktop.timeline.filters import Filters, event_where
from desktop.timeline.keyevents import sentence_weights
from desktop.timeline.query import build_timeline
from tests.unit.brief.test_brief_light import SATURDAY
from tests.unit.brief.test_brief_light import story as story  # noqa: F401 (the fixture)
from tests.unit.timeline.test_timeline_library import store


def from_scratch(library) -> str:
    """The brief with nothing kept for it: rows, story-wide reads and articles' words."""
    for table in ("happening_briefs", "brief_cache", "article_words"):
        library.db.execute(f"DELETE FROM {table}")
    return brief_from_library(library)


def gathered_again(library) -> tuple[Any, ...]:
    """The article weights, each article's best sentence weight per day, and what the day
    ranking reads of each day-dated sentence (in order), read from every event (nothing kept
    per article)."""
    weights = story_weights(library.db, Filters())
    events = day_events(library.db, event_where(Filters()))
    said: dict[tuple[str, int], float] = {}
    for event, weight in zip(events, sentence_weights(events), strict=True):
        key = (event["date"], event["article_id"])
        said[key] = max(said.get(key, 0.0), weight)
    rows = [(e["date"], e["published"], e["pinned"], e["article_id"], e["outlet"]) for e in events]
    return weights, said, rows


def kept(library) -> tuple[Any, ...]:
    words = story_words(library.db)
    assert words is not None
    return story_weights(library.db, Filters(), words), words.said(), words.day_rows(library.db)


def article(library, title: str) -> int:
    return library.db.execute("SELECT id FROM articles WHERE title = ?", [title]).fetchone()[0]


def event_of(library, words: str):
    return next(e for e in build_timeline(library) if words in e.text)


CHANGES = {
    "import": lambda lib: store(
        lib, "Late news", "On Saturday the UN Security Council imposed sanctions on Libya and "
        "froze the assets of Moammar Gadhafi, diplomats in Geneva said.", "2011-03-01", SATURDAY,
        ["Moammar Gadhafi"], outlet="BBC"),
    "delete": lambda lib: lib.delete_article(article(lib, "Sanctions")),
    "hide": lambda lib: corrections.hide(lib, event_of(lib, "blizzard").id),
    "show again": lambda lib: (corrections.hide(lib, event_of(lib, "blizzard").id),
                               brief_from_library(lib),
                               corrections.correct(lib, next(e for e in build_timeline(
                                   lib, Filters(include_hidden=True)) if "blizzard" in e.text).id,
                                   hidden=False)),
    "reword": lambda lib: corrections.edit(lib, event_of(lib, "blizzard").id,
                                           text="A blizzard shut every school and road in Minnesota."),
    "re-date": lambda lib: corrections.edit(lib, event_of(lib, "Friday").id, date="2011-02-24"),
    "to a month": lambda lib: corrections.edit(lib, event_of(lib, "blizzard").id, date="2011-02"),
    "hand-made": lambda lib: corrections.add(lib, "2011-02-26", "Blizzard warnings spread across "
                                             "Minnesota and Wisconsin", article_id=article(lib, "Blizzard")),
    "set aside": lambda lib: mark_off_story(lib.db, outlet="CNN"),
    "edit article": lambda lib: lib.update_article(article(lib, "Blizzard"), title="Snow", outlet="AP"),
    "pin": lambda lib: corrections.pin(lib, event_of(lib, "Friday").id),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_the_brief_after_a_change_is_the_one_made_from_scratch(story, change):
    first = brief_from_library(story)
    assert story.db.execute("SELECT count(*) FROM article_words").fetchone()[0] == 5
    assert kept(story) == gathered_again(story)
    CHANGES[change](story)
    after = brief_from_library(story)
    assert kept(story) == gathered_again(story)
    assert after == from_scratch(story)
    if change in ("import", "delete", "reword", "hide", "set aside", "hand-made"):
        assert after != first


def test_a_change_drops_only_the_words_of_the_article_it_touches(story):
    brief_from_library(story)
    assert missing_articles(story.db) == []
    corrections.hide(story, event_of(story, "blizzard").id)
    assert missing_articles(story.db) == [article(story, "Blizzard")]
    story.update_article(article(story, "Sanctions"), title="Sanctions imposed")  # no event changed
    assert missing_articles(story.db) == [article(story, "Blizzard")]
    corrections.pin(story, event_of(story, "Friday").id)  # the day ranking reads pins
    assert missing_articles(story.db) == sorted([article(story, "Blizzard"), article(story, "A day early")])
    assert keep_article_words(story.db) == 2
    assert missing_articles(story.db) == []


def test_the_words_of_an_article_with_every_event_hidden_count_for_nothing(story):
    brief_from_library(story)
    blizzard = article(story, "Blizzard")
    story.db.execute("UPDATE events SET hidden = 1 WHERE article_id = ?", [blizzard])
    weights, *_said = kept(story)
    assert blizzard not in weights
    assert kept(story) == gathered_again(story)
    assert brief_from_library(story) == from_scratch(story)


def test_an_upgraded_library_gives_the_brief_it_gave_before(tmp_path):
    path = tmp_path / "old.db"
    with Library(path) as library:
        for title, text, outlet in (
            ("Sanctions", "On Saturday the Security Council imposed sanctions on Libya, "
             "referring Gadhafi to the International Criminal Court.", "Reuters"),
            ("Blizzard", "A blizzard closed every school in Minnesota on Saturday as snow piled up.", "CNN"),
        ):
            store(library, title, text, "2011-02-27", SATURDAY, outlet=outlet)
        before = brief_from_library(library)
    # As a library written before the step: no kept words, no vocabulary, no triggers, no index.
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                " AND name LIKE 'article_words_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE article_words")
    conn.execute("DROP TABLE story_vocabulary")
    conn.execute("DROP INDEX idx_quotes_pronoun")
    conn.execute("DELETE FROM brief_cache")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0016_article_words'")
    conn.commit()
    conn.close()
    with Library(path) as upgraded:
        assert brief_from_library(upgraded) == before
        assert upgraded.db.execute("SELECT count(*) FROM article_words").fetchone()[0] == 2
        assert kept(upgraded) == gathered_again(upgraded)


def test_words_gathered_before_an_events_words_were_stored_are_gathered_again(story):
    brief_from_library(story)
    blizzard = article(story, "Blizzard")
    event_id = story.db.execute("SELECT min(id) FROM events WHERE article_id = ?", [blizzard]).fetchone()[0]
    story.db.execute("DELETE FROM event_words WHERE event_id = ?", [event_id])  # as a mention's change does
    keep_article_words(story.db)  # gathered while that event has no words
    assert story.db.execute("SELECT bad FROM article_words WHERE article_id = ?", [blizzard]).fetchone()[0] == 1
    after = brief_from_library(story)  # stores the event's words again
    assert kept(story) == gathered_again(story)
    assert after == from_scratch(story)
