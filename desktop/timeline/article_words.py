"""Each article's content words as the story weights read them, gathered once and kept.

The brief's article weights and its sentence weights compare against the whole story's words
(``on_story``): every article's distinct words over its shown events, and over those dated to
a day (``keyevents.sentence_weights`` counts the articles using each word among those, and
weighs each of those sentences). They are gathered from the events' stored words
(``event_words``) when an article's row is missing (``db.article_words``: triggers drop it
when anything it is made of changes), so the first brief after a change gathers the articles
that changed, not all 20,000; and kept as word ids, so the weights are sums over arrays.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property

import numpy as np
from sqlite_utils import Database

from db.article_words import (
    EVENT_TYPE,
    ID_TYPE,
    ArticleWords,
    add_words,
    has_article_words,
    missing_articles,
    next_word_id,
    on_story_rows,
    published_and_outlets,
    shown_sentences,
    vocabulary,
    write_article_words,
)
from db.connection import only_reads
from db.timeline import CHUNK
from desktop.timeline.merge import content_tokens
from desktop.timeline.on_story import FLOOR, cosines, frequencies_of, norm_of, on_story_weights


class _Vocabulary:
    """The stored words' ids, and the words this gathering adds (the next ids in turn)."""

    def __init__(self, db: Database) -> None:
        self.ids = vocabulary(db)
        self.next = next_word_id(db)
        self.new: dict[str, int] = {}

    def encoded(self, words: Collection[str]) -> bytes:
        """Distinct words as sorted ids, as stored (``ID_TYPE``)."""
        for word in words:
            if word not in self.ids:
                self.ids[word] = self.new[word] = self.next
                self.next += 1
        return np.array(sorted({self.ids[w] for w in words}), dtype=ID_TYPE).tobytes()


def _gathered(db: Database, article_ids: list[int], vocab: _Vocabulary) -> list[ArticleWords]:
    """The rows of these articles, gathered from their events' stored words."""
    found: dict[int, tuple[int, int, set[str], set[str], list[tuple[str, Collection[str], int, int]]]] = {}
    for article_id, precision, date, text, tokens, event_id, pinned in shown_sentences(db, article_ids):
        events, bad, words, day_words, sentences = found.get(article_id) or (0, 0, set(), set(), [])
        if tokens is None or text == "":
            bad += 1
        if tokens is not None:
            words.update(tokens.split())
        if precision == "day":
            # as ``keyevents`` reads a sentence: its stored words, else its text's
            said = tokens.split() if tokens else content_tokens(text or "")
            day_words.update(said)
            sentences.append((date, said, event_id, 1 if pinned else 0))
        found[article_id] = (events + 1, bad, words, day_words, sentences)
    rows: list[ArticleWords] = []
    for article_id in article_ids:
        events, bad, words, day_words, sentences = found.get(article_id) or (0, 0, set(), set(), [])
        each = [vocab.encoded(said) for _date, said, _id, _pin in sentences]
        lengths = np.array([len(ids) // 4 for ids in each], dtype=ID_TYPE).tobytes()
        rows.append(ArticleWords(
            article_id, events, bad, vocab.encoded(words), vocab.encoded(day_words), b"".join(each),
            lengths, " ".join(s[0] for s in sentences),
            np.array([s[2] for s in sentences], dtype=EVENT_TYPE).tobytes(), bytes(s[3] for s in sentences)))
    return rows


def keep_article_words(db: Database) -> int:
    """Gather the rows of articles that have none and store them, a chunk of articles at a
    time (a library's first gathering never holds every article's words); returns how many
    were missing. A connection that only reads stores nothing: the brief reads the reports."""
    missing = missing_articles(db)
    if missing and not only_reads(db):
        vocab = _Vocabulary(db)
        for start in range(0, len(missing), CHUNK):
            rows = _gathered(db, missing[start:start + CHUNK], vocab)
            with db.atomic():
                add_words(db, vocab.new)
                write_article_words(db, rows)
            vocab.new = {}
    return len(missing)


class StoryWords:
    """The unfiltered timeline's words as kept per article (on-story articles with a shown
    event), weighed as ``on_story`` weighs texts, over word ids."""

    def __init__(self, rows: list[ArticleWords], size: int) -> None:
        self.rows = rows
        self.size = size  # word ids stored are below it

    def article_weights(self, db: Database, added: dict[int, set[str]], floor: float = FLOOR) -> dict[int, float]:
        """``story.article_weights``: each article's stored words, and the words ``added``
        to an article (hand-made events' sentences, which have no stored words)."""
        articles = [row.article_id for row in self.rows]
        bags = [row.words for row in self.rows]
        size = self.size
        if added:
            known = vocabulary(db, set().union(*added.values()))
            extra: dict[str, int] = {}
            at = {a: i for i, a in enumerate(articles)}
            for article_id, words in added.items():
                ids = set(np.frombuffer(bags[at[article_id]], ID_TYPE).tolist()) if article_id in at else set()
                for word in words:
                    if word not in known:
                        known[word] = extra[word] = size + len(extra)
                    ids.add(known[word])
                bag = np.array(sorted(ids), dtype=ID_TYPE).tobytes()
                if article_id in at:
                    bags[at[article_id]] = bag
                else:
                    articles.append(article_id)
                    bags.append(bag)
            size += len(extra)
        words = np.frombuffer(b"".join(bags), ID_TYPE)
        lengths = np.array([len(bag) // 4 for bag in bags], dtype=np.int64)
        frequencies = frequencies_of(words, size)
        scores = cosines(words, lengths, frequencies, norm_of(frequencies))
        return dict(zip(articles, on_story_weights(scores, floor=floor), strict=True))

    @cached_property
    def _sentence_keys(self) -> tuple[list[str], list[int]]:
        """Each day-dated sentence's date and article id, in the rows' order (``said`` and
        ``day_rows`` both read them, one after the other)."""
        dates = " ".join(r.dates for r in self.rows if r.dates).split()
        articles = np.repeat(np.array([r.article_id for r in self.rows], dtype=np.int64),
                             [len(r.pins) for r in self.rows]).tolist()
        return dates, articles

    def said(self, floor: float = FLOOR) -> dict[tuple[str, int], float]:
        """``keyevents.sentence_weights`` of the timeline's day-dated sentences, the best of
        each article's on each day: (date, article id) -> weight (``rank_dates``' ``said``)."""
        frequencies = frequencies_of(np.frombuffer(b"".join(r.day_words for r in self.rows), ID_TYPE),
                                     self.size)
        lengths = np.frombuffer(b"".join(r.lengths for r in self.rows), ID_TYPE)
        words = np.frombuffer(b"".join(r.sentences for r in self.rows), ID_TYPE)
        scores = cosines(words, lengths, frequencies, norm_of(frequencies))
        dates, articles = self._sentence_keys
        said: dict[tuple[str, int], float] = {}
        for key, weight in zip(zip(dates, articles, strict=True), on_story_weights(scores, floor=floor),
                               strict=True):
            if weight > said.get(key, 0.0):
                said[key] = weight
        return said

    def day_rows(self, db: Database) -> list[tuple[str, str | None, int, int, str | None]]:
        """What ``keyevents.rank_dates`` reads of each day-dated sentence: (date, its article's
        publication day, pinned, article id, outlet), in event id order, as ``day_events``
        gives them (the day ranking adds up each day's articles in the order they come)."""
        ids = np.frombuffer(b"".join(r.event_ids for r in self.rows), EVENT_TYPE)
        pins = b"".join(r.pins for r in self.rows)
        dates, articles = self._sentence_keys
        about = published_and_outlets(db)
        rows = []
        for i in np.argsort(ids, kind="stable").tolist():
            published, outlet = about[articles[i]]
            rows.append((dates[i], published, pins[i], articles[i], outlet))
        return rows


def story_words(db: Database) -> StoryWords | None:
    """The unfiltered timeline's words (``StoryWords``); None when an event has no stored
    words or an empty sentence, or the rows could not be stored (the brief then reads them
    from the happenings)."""
    if not has_article_words(db):
        return None
    if keep_article_words(db) and only_reads(db):
        return None  # gathered in memory only: the reports are read instead, as for event words
    rows = on_story_rows(db)
    if any(row.bad for row in rows):
        return None
    return StoryWords(rows, next_word_id(db))
