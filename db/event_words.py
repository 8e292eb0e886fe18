"""Storage of what the brief reads of each event (``event_words``), and the brief's reads.

``event_words`` holds, per event, its content words, how well it stands alone, and its
people (computed in ``desktop.timeline.event_words``); triggers drop a row when its event or
its article's person mentions change. The reads here give the brief the whole timeline as
plain tuples — one row per event, grouped into happenings by the caller — and the details
(titles, urls, quotes) only of what the brief will show. Plain rows in, plain rows out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from db.connection import dict_rows
from db.quotes import list_quotes
from db.timeline import CHUNK, Where

#: The columns of ``brief_rows``, in order (``BriefRow`` in the brief names them).
BRIEF_COLUMNS = (
    "e.id, e.article_id, e.date, e.precision, e.text, e.start, e.planned, e.pinned,"
    " e.corrected, e.hidden, a.published, a.outlet, e.date_text, he.happening_id, h.event_id,"
    " w.tokens, w.clean, w.people, e.\"end\", w.words, e.date_sort"
)


def has_event_words(db: Database) -> bool:
    return db["event_words"].exists()


def missing_words(db: Database) -> list[dict[str, Any]]:
    """Events without their ``event_words`` row (new, changed, or their people changed)."""
    stored = db.execute("SELECT count(*) FROM event_words").fetchone()[0]
    events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    if stored >= events:
        return []
    return list(
        db.query(
            'SELECT e.id, e.article_id, e.text, e.start, e."end", e.date FROM events e'
            " LEFT JOIN event_words w ON w.event_id = e.id WHERE w.event_id IS NULL"
        )
    )


def write_words(db: Database, rows: Iterable[tuple[int, str, float, str, int]]) -> None:
    """Store (event id, tokens, clean, people, words) rows; in the caller's transaction."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO event_words (event_id, tokens, clean, people, words)"
        " VALUES (?, ?, ?, ?, ?)",
        list(rows),
    )


def brief_rows(db: Database, where: Where) -> list[tuple[Any, ...]]:
    """Every event matching ``where`` (over ``events e``, corrections applied), with its
    article's publication and outlet, its stored happening and headline event, and its
    ``event_words``, in timeline order: ``BRIEF_COLUMNS``."""
    sql = (
        f"SELECT {BRIEF_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
        " LEFT JOIN happening_events he ON he.event_id = e.id"
        " LEFT JOIN happenings h ON h.id = he.happening_id"
        f" LEFT JOIN event_words w ON w.event_id = e.id WHERE {where[0]}"
        " ORDER BY e.date_sort, e.hidden, e.id"
    )
    return db.execute(sql, list(where[1])).fetchall()


def person_names(db: Database) -> dict[int, str]:
    return dict(db.execute("SELECT id, name FROM people").fetchall())


def happening_places(db: Database, happening_ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    ids = list(happening_ids)
    for offset in range(0, len(ids), CHUNK):
        chunk = ids[offset : offset + CHUNK]
        for happening_id, places in db.execute(
            f"SELECT id, places FROM happenings WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ):
            found[happening_id] = json.loads(places or "[]")
    return found


def source_rows(db: Database, event_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """What a cited source shows of these events: title, url, key, end (by event id)."""
    found: dict[int, dict[str, Any]] = {}
    ids = list(event_ids)
    for offset in range(0, len(ids), CHUNK):
        chunk = ids[offset : offset + CHUNK]
        for row in db.query(
            'SELECT e.id, a.title, a.url, e.key, e."end" FROM events e JOIN articles a'
            f" ON a.id = e.article_id WHERE e.id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            found[row["id"]] = row
    return found


# -- quotes ------------------------------------------------------------------------------------

_IN_ARTICLES = "q.article_id IN (SELECT value FROM json_each(?))"


def pronoun_quotes(db: Database, article_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The quotes of these articles (hidden ones left out) whose speaker is a bare "he" or
    "she": their article, speaker, speaker's offsets and person (as ``list_quotes`` names it)."""
    sql = (
        "SELECT q.article_id, q.speaker, q.speaker_start, q.speaker_end,"
        " COALESCE(p.name, q.person) AS person FROM quotes q LEFT JOIN people p ON p.id = q.person_id"
        f" WHERE {_IN_ARTICLES} AND q.hidden = 0 AND q.speaker_start IS NOT NULL"
        " AND lower(q.speaker) IN ('he', 'she')"
    )
    return dict_rows(db, sql, [json.dumps(sorted(article_ids))])


def speaker_counts(db: Database, where: Where, article_ids: Sequence[int]) -> dict[str, int]:
    """How many quotes matching ``where`` (over ``quotes q``) each named speaker has in these
    articles (hidden quotes left out, as ``list_quotes`` does). Their articles are not
    joined: ``where`` reads only the quote, and a quote goes with its article."""
    sql = (
        "SELECT COALESCE(p.name, q.person) AS person, count(*) FROM quotes q"
        " LEFT JOIN people p ON p.id = q.person_id"
        f" WHERE ({where[0]}) AND q.hidden = 0 AND {_IN_ARTICLES}"
        " GROUP BY 1 HAVING person IS NOT NULL AND person != ''"
    )
    return dict(db.execute(sql, [*where[1], json.dumps(sorted(article_ids))]).fetchall())


def quotes_of(db: Database, where: Where, article_ids: Sequence[int], people: Sequence[str]) -> list[dict[str, Any]]:
    """The quotes matching ``where`` (over ``quotes q``; hidden ones left out) in these
    articles said by ``people``, in ``list_quotes`` order, with only what ranks them: id,
    person, direct, content_text, date, article_id, cue_start (``quotes_by_id`` reads the
    rest). Their articles are not joined, as in ``speaker_counts``."""
    if not people:
        return []
    sql = (
        "SELECT q.id, COALESCE(p.name, q.person) AS person, q.direct, q.content_text, q.date,"
        " q.article_id, q.cue_start FROM quotes q"
        f" LEFT JOIN people p ON p.id = q.person_id WHERE ({where[0]}) AND q.hidden = 0"
        f" AND {_IN_ARTICLES} AND COALESCE(p.name, q.person) IN ({','.join('?' * len(people))})"
        " ORDER BY q.date, q.article_id, q.cue_start"
    )
    return dict_rows(db, sql, [*where[1], json.dumps(sorted(article_ids)), *people])


def quotes_by_id(db: Database, quote_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Whole quote rows (``list_quotes``) by id."""
    if not quote_ids:
        return {}
    rows = list_quotes(db, f"q.id IN ({','.join('?' * len(quote_ids))})", list(quote_ids))
    return {row["id"]: row for row in rows}


# -- the brief's timeline, one row per happening ------------------------------------------------

#: Orders a happening's reports as the timeline does (shown ones first, then by id) in one
#: integer: hidden * RANK + event id.
RANK = 1_000_000_000_000
#: Separators of the reports (and of their fields) a happening's row lists.
REPORTS, FIELDS = "\x1f", "\x1e"
SUMMARY_COLUMNS = (
    "happening", "headline", "reports", "first_rank", "date", "date_sort", "precision", "planned",
    "pinned", "corrected", "hidden", "has_headline", "stored", "members", "people", "text",
    "tokens", "clean", "words",
)


def happening_summary(db: Database, where: Where) -> Iterator[tuple[Any, ...]]:
    """One row per stored happening of the events matching ``where`` (over ``events e``),
    aggregated in SQL: ``SUMMARY_COLUMNS``. ``members`` lists its reports (REPORTS between
    them; rank, article id, outlet, published, start, date_text with FIELDS between), in no
    particular order: ``rank`` (``RANK``) puts them in the timeline's; ``people`` lists the
    reports naming someone ("rank:people", REPORTS between); ``stored``: how many reports
    have their ``event_words``; ``text`` and its words are the headline report's."""
    sql = f"""
    SELECT he.happening_id, h.event_id, count(*), min(e.hidden * {RANK} + e.id), max(e.date),
           max(e.date_sort), max(e.precision), min(e.planned), max(e.pinned), max(e.corrected),
           min(e.hidden), max(e.id = h.event_id), count(w.event_id),
           group_concat((e.hidden * {RANK} + e.id) || char(30) || e.article_id || char(30)
                        || COALESCE(a.outlet, '') || char(30) || COALESCE(a.published, '')
                        || char(30) || e.start || char(30) || COALESCE(e.date_text, ''), char(31)),
           group_concat(CASE WHEN w.people != '' THEN (e.hidden * {RANK} + e.id) || ':' || w.people END,
                        char(31)),
           max(CASE WHEN e.id = h.event_id THEN e.text END),
           max(CASE WHEN e.id = h.event_id THEN w.tokens END),
           max(CASE WHEN e.id = h.event_id THEN w.clean END),
           max(CASE WHEN e.id = h.event_id THEN w.words END)
    FROM happening_events he JOIN happenings h ON h.id = he.happening_id
    JOIN events e ON e.id = he.event_id JOIN articles a ON a.id = e.article_id
    LEFT JOIN event_words w ON w.event_id = e.id
    WHERE {where[0]} GROUP BY he.happening_id
    """
    return iter(db.execute(sql, list(where[1])))  # row by row: a large library's rows are never all held


def told_in_headline(db: Database, where: Where, happening_ids: Sequence[int]) -> list[tuple[int, int, int]]:
    """(happening, rank, report's sentence is the headline's) of the reports matching
    ``where`` of these happenings."""
    sql = (
        f"SELECT he.happening_id, e.hidden * {RANK} + e.id, e.text = hx.text FROM happening_events he"
        " JOIN happenings h ON h.id = he.happening_id JOIN events hx ON hx.id = h.event_id"
        f" JOIN events e ON e.id = he.event_id WHERE ({where[0]})"
        " AND he.happening_id IN (SELECT value FROM json_each(?))"
    )
    return db.execute(sql, [*where[1], json.dumps(list(happening_ids))]).fetchall()


def unclustered(db: Database, where: Where) -> list[int]:
    """Events matching ``where`` not yet in a stored happening."""
    sql = (f"SELECT e.id FROM events e WHERE ({where[0]}) AND NOT EXISTS"
           " (SELECT 1 FROM happening_events he WHERE he.event_id = e.id)")
    return [r[0] for r in db.execute(sql, list(where[1]))]


def article_words(db: Database, where: Where) -> Iterator[tuple[int, str | None, int]]:
    """(article id, the stored words of its events matching ``where``, joined by spaces, how
    many of those events have an empty sentence or no stored words)."""
    sql = (
        "SELECT e.article_id, group_concat(w.tokens, ' '),"
        " sum(w.event_id IS NULL OR e.text = '') FROM events e"
        f" LEFT JOIN event_words w ON w.event_id = e.id WHERE {where[0]} GROUP BY e.article_id"
    )
    return iter(db.execute(sql, list(where[1])))


def published_days(db: Database, where: Where) -> list[str]:
    """The distinct publication days (``published``'s first ten characters) of the articles
    of the events matching ``where``."""
    # Article by article (an index gives each its events), not event by event: 20,000 rows
    # read instead of 140,000 with their articles.
    sql = (
        "SELECT DISTINCT substr(a.published, 1, 10) FROM articles a WHERE a.published IS NOT NULL"
        f" AND EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND {where[0]})"
    )
    return [r[0] for r in db.execute(sql, list(where[1]))]


def clustered_articles(db: Database, where: Where) -> list[int]:
    """The articles with an event matching ``where`` in a stored happening: every article
    the brief rows made over ``where`` cite (a row cites the articles of its happening's
    events matching it). Article by article, each stopping at its first such event."""
    sql = ("SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM events e JOIN happening_events he"
           f" ON he.event_id = e.id WHERE e.article_id = a.id AND ({where[0]}))")
    return [r[0] for r in db.execute(sql, list(where[1]))]


def dated_twice(db: Database, where: Where, happening_ids: Sequence[int] | None = None) -> set[tuple[int, int]]:
    """(article id, start) of sentences matching ``where`` dated to more than one day (in
    the articles reporting these happenings: all when None)."""
    params = list(where[1])
    within = ""
    if happening_ids is not None:
        within = (" AND e.article_id IN (SELECT DISTINCT r.article_id FROM happening_events he JOIN events r"
                  " ON r.id = he.event_id WHERE he.happening_id IN (SELECT value FROM json_each(?)))")
        params.append(json.dumps(list(happening_ids)))
    sql = (f"SELECT e.article_id, e.start FROM events e WHERE ({where[0]}){within}"
           " GROUP BY e.article_id, e.start HAVING count(*) > 1")
    return {(r[0], r[1]) for r in db.execute(sql, params)}
