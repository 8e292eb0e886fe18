"""Storage of each article's content words as the brief's story weights read them
(``article_words``, with the words as ids of ``story_vocabulary``).

The brief weighs every article and every day-dated sentence against the whole story's words
(``desktop.timeline.on_story``): at 20,000 articles, gathering each article's words from its
events' stored words and tokenising 85,000 dated sentences took over a second on every first
brief after a change. Each article's row keeps them gathered (``desktop.timeline.article_words``
computes a missing one), as arrays of word ids (int32, little-endian) the weights are summed
over without reading a word: the distinct words of its shown events; those of its shown
day-dated events; and each of those sentences' distinct words one after another, with how many
each has, its date, its event id and whether it is pinned (all the day ranking reads of it,
with the article's publication day and outlet, read fresh). Triggers drop an article's row
when one of its events comes, goes, is hidden or shown, pinned, reworded, re-dated, or given
new stored words; the next brief gathers it again. Off-story marks are applied when read, as the timeline's filter applies them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from sqlite_utils import Database

from db.happenings import OFF_STORY_SQL


class ArticleWords(NamedTuple):
    """One article's stored row."""

    article_id: int
    events: int  # its shown events
    bad: int  # of those, how many have no stored words or an empty sentence
    words: bytes  # the distinct word ids of its shown events
    day_words: bytes  # those of its shown day-dated events
    sentences: bytes  # each day-dated sentence's distinct word ids, one after another
    lengths: bytes  # how many ids each of those sentences has
    dates: str  # their dates, space-separated
    event_ids: bytes  # their event ids
    pins: bytes  # whether each is pinned (1) or not (0)


#: How word ids (and lengths) are stored (numpy's name for int32, little-endian).
ID_TYPE = "<i4"
#: How event ids are stored (int64, little-endian); a pin is one byte (0 or 1).
EVENT_TYPE = "<i8"


def has_article_words(db: Database) -> bool:
    return db["article_words"].exists()


def missing_articles(db: Database) -> list[int]:
    """Articles with events and no stored row (new, or something they are made of changed)."""
    return [r[0] for r in db.execute(
        "SELECT a.id FROM articles a WHERE NOT EXISTS"
        " (SELECT 1 FROM article_words w WHERE w.article_id = a.id)"
        " AND EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id)")]


def shown_sentences(db: Database, article_ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    """(article id, precision, date, text, stored words or None, event id, pinned) of these
    articles' shown events, by id."""
    return iter(db.execute(
        "SELECT e.article_id, e.precision, e.date, e.text, w.tokens, e.id, e.pinned FROM events e"
        " LEFT JOIN event_words w ON w.event_id = e.id WHERE e.hidden = 0"
        " AND e.article_id IN (SELECT value FROM json_each(?)) ORDER BY e.id",
        [json.dumps(list(article_ids))]))


def vocabulary(db: Database, words: Iterable[str] | None = None) -> dict[str, int]:
    """Word -> id of the stored words (only of ``words``, when given)."""
    if words is None:
        return dict(db.execute("SELECT word, id FROM story_vocabulary").fetchall())
    return dict(db.execute("SELECT word, id FROM story_vocabulary WHERE word IN"
                           " (SELECT value FROM json_each(?))", [json.dumps(sorted(words))]).fetchall())


def next_word_id(db: Database) -> int:
    return int(db.execute("SELECT COALESCE(max(id), -1) + 1 FROM story_vocabulary").fetchone()[0])


def add_words(db: Database, words: dict[str, int]) -> None:
    """Store new words with their ids; in the caller's transaction."""
    db.conn.executemany("INSERT INTO story_vocabulary (word, id) VALUES (?, ?)", list(words.items()))


def write_article_words(db: Database, rows: Iterable[ArticleWords]) -> None:
    """Store rows (``ArticleWords``); in the caller's transaction."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO article_words (article_id, events, bad, words, day_words,"
        " sentences, lengths, dates, event_ids, pins) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", list(rows))


def on_story_rows(db: Database) -> list[ArticleWords]:
    """The stored rows of the articles with a shown event, those marked off the story left
    out (as ``timeline.event_where`` leaves out their events), by article id."""
    # The table is named ``e``: the off-story clause names the article ``e.article_id``.
    return [ArticleWords(*row) for row in db.execute(
        "SELECT e.article_id, e.events, e.bad, e.words, e.day_words, e.sentences, e.lengths,"
        f" e.dates, e.event_ids, e.pins FROM article_words e WHERE e.events > 0 AND {OFF_STORY_SQL}"
        " ORDER BY e.article_id")]


def published_and_outlets(db: Database) -> dict[int, tuple[str | None, str | None]]:
    """Every article's publication day (``published``'s first ten characters) and outlet."""
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT id, substr(published, 1, 10), outlet FROM articles")}
