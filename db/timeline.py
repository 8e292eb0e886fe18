"""The timeline's reads over ``events``, ``manual_events`` and the people named in them: the SQL.

``desktop.timeline`` turns what the reporter asks for (``Filters``) into an ``EventFilter`` of
plain values (a person's name key and the FTS query already made) and builds the timeline from
the rows these functions give; the SQL stays here, beside the tables. Each ``*_where`` gives a
``Where``: a clause and its parameters, over ``events e`` or ``manual_events m``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from db.happenings import OFF_STORY_SQL

Where = tuple[str, list[Any]]

#: SQLite's default limit on parameters is 999: ids go in chunks of this many.
CHUNK = 900

EVENT_SQL = """
SELECT e.id, e.article_id, e.key, e.text, e.date, e.precision, e.date_sort, e.planned, e.pinned,
       e.corrected, e.start, e."end", a.title, a.url, a.published, a.outlet, e.date_text, e.hidden
FROM events e
JOIN articles a ON a.id = e.article_id
WHERE {where}
ORDER BY e.date_sort, e.hidden, e.id
"""


@dataclass(frozen=True)
class EventFilter:
    """Which events: empty fields do not filter. ``person`` is matched as whole words of a
    name (``person_key``: any spelling with the same name key), ``fts`` is an FTS5 query over
    event text, ``words`` the words a hand-made event's text must hold."""

    include_hidden: bool = False
    include_off_story: bool = False
    person: str | None = None
    person_key: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    fts: str | None = None
    words: tuple[str, ...] = ()
    tag: str | None = None


def event_where(f: EventFilter) -> Where:
    """A WHERE clause over ``events e`` (which holds the corrected values)."""
    clauses: list[str] = []
    params: list[Any] = []
    if not f.include_hidden:
        clauses.append("e.hidden = 0")
    if not f.include_off_story:
        clauses.append(OFF_STORY_SQL)
    if f.person:
        # The library's people (with the reporter's renames and merges) by any of their
        # names; the names stored with the events when there is no mention of them.
        # Any spelling finds them: a name with the same name key ("Moammar Gadhafi",
        # "Muammar Gaddafi") is the same person, and so are the names they go by.
        names, name_params = names_match("name", f.person)
        aliases, alias_params = names_match("alias", f.person)
        people = (f"SELECT id FROM people WHERE {names} OR key = ?"
                  f" UNION SELECT person_id FROM person_aliases WHERE {aliases} OR key = ?")
        people_params = [*name_params, f.person_key, *alias_params, f.person_key]
        clauses.append(
            "(e.id IN (SELECT ev.id FROM mentions m JOIN events ev ON ev.article_id = m.article_id"
            ' AND m.start >= ev.start AND m."end" <= ev."end"'
            f" WHERE m.label = 'PERSON' AND m.person_id IN ({people}))"
            " OR e.id IN (SELECT event_id FROM event_people WHERE name IN"
            f" (SELECT DISTINCT name FROM event_people WHERE {names})"
            f" OR name IN (SELECT name FROM people WHERE id IN ({people})"
            f" UNION SELECT alias FROM person_aliases WHERE person_id IN ({people}))))"
        )
        params.extend(people_params + name_params + people_params + people_params)
    # date_sort starts with the first day, so its index serves the range and the order.
    if f.date_from:
        clauses.append("e.date_sort >= ?")
        params.append(f.date_from.isoformat())
    if f.date_to:
        clauses.append("e.date_sort < ? AND e.date_last <= ?")
        params.extend([_day_after(f.date_to), f.date_to.isoformat()])
    if f.fts:
        clauses.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(f.fts)
    if f.tag:
        clause, clause_params = tagged("e.article_id", f.tag)
        clauses.append(clause)
        params.extend(clause_params)
    return (" AND ".join(clauses) or "1"), params


def manual_where(f: EventFilter) -> Where:
    """The same filters over ``manual_events m`` (a tag filter keeps those from tagged sources)."""
    clauses: list[str] = []
    params: list[Any] = []
    if not f.include_hidden:
        clauses.append("m.hidden = 0")
    if f.person:
        clause, clause_params = names_match("m.people", f.person, quoted=True)
        clauses.append(clause)
        params.extend(clause_params)
    if f.date_from:
        clauses.append("m.date_first >= ?")
        params.append(f.date_from.isoformat())
    if f.date_to:
        clauses.append("m.date_last <= ?")
        params.append(f.date_to.isoformat())
    for word in f.words:
        clauses.append("m.text LIKE ? ESCAPE '\\'")
        params.append(like(word))
    if f.tag:
        clause, clause_params = tagged("m.source_article_id", f.tag)
        clauses.append(clause)
        params.extend(clause_params)
    return (" AND ".join(clauses) or "1"), params


def names_match(column: str, name: str, *, quoted: bool = False) -> Where:
    """``column`` holds ``name`` as whole words: "Lavrov" finds "Sergey Lavrov", but
    "Anna Kovalenko" does not find "Anna Kovalenkova". With ``quoted`` the column is a JSON
    list of names. (LIKE ignores case, as a reporter typing a name expects.)"""
    word = " ".join(name.split()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if quoted:  # '["Sergey Lavrov", "Marco Rubio"]'
        patterns = [f'%"{word}"%', f'%"{word} %', f'% {word}"%', f"% {word} %"]
    else:
        patterns = [word, f"{word} %", f"% {word}", f"% {word} %"]
    clause = "(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for _ in patterns) + ")"
    return clause, list(patterns)


def tagged(column: str, tag: str) -> Where:
    """``column`` (an article id) names an article filed under the story ``tag``: the one
    tag clause of events, hand-made events, quotes and key days."""
    return (f"{column} IN (SELECT article_id FROM article_tags JOIN tags ON tags.id = tag_id"
            " WHERE tags.name = ?)", [tag])


def like(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) finding ``text`` anywhere."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _day_after(day: dt.date) -> str:
    """The exclusive upper bound for ``date_sort``: past the last day there is only "9999-12-31~"."""
    return "9999-12-31~" if day == dt.date.max else (day + dt.timedelta(days=1)).isoformat()


def _marks(ids: list[Any]) -> str:
    return ",".join("?" * len(ids))


# -- reads ---------------------------------------------------------------------------------


def event_rows(db: Database, where: Where, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Extracted events (with their article) matching ``where``, in date order."""
    sql, params = EVENT_SQL.format(where=where[0]), list(where[1])
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return list(db.query(sql, params))


def event_rows_by_id(db: Database, event_ids: Iterable[int]) -> list[dict[str, Any]]:
    """``event_rows`` of these events, in date order."""
    ids = list(dict.fromkeys(event_ids))
    rows: list[dict[str, Any]] = []
    for offset in range(0, len(ids), CHUNK):
        chunk = ids[offset : offset + CHUNK]
        rows.extend(db.query(EVENT_SQL.format(where=f"e.id IN ({_marks(chunk)})"), chunk))
    rows.sort(key=lambda r: (r["date_sort"], r["hidden"], r["id"]))
    return rows


def event_keys(db: Database, where: Where) -> list[tuple[int, str]]:
    """(event id, sort key) of every extracted event matching ``where``, in date order (no
    join: events hold corrected values)."""
    sql = f"SELECT e.id, e.date_sort FROM events e WHERE {where[0]} ORDER BY e.date_sort, e.hidden, e.id"
    return [(row[0], row[1]) for row in db.execute(sql, where[1])]


def count_events(db: Database, where: Where) -> int:
    return int(db.execute(f"SELECT count(*) FROM events e WHERE {where[0]}", where[1]).fetchone()[0])


def happening_ids(db: Database, event_ids: list[int]) -> tuple[int, set[int]]:
    """How many of these events are grouped into stored happenings, and which happenings."""
    grouped, happenings = 0, set()
    for offset in range(0, len(event_ids), CHUNK):
        chunk = event_ids[offset : offset + CHUNK]
        rows = db.execute(f"SELECT happening_id FROM happening_events WHERE event_id IN ({_marks(chunk)})",
                          chunk).fetchall()
        grouped += len(rows)
        happenings.update(r[0] for r in rows)
    return grouped, happenings


def person_spans(db: Database, article_ids: Sequence[int], *, ids: bool = False) -> dict[int, list[tuple[int, int, Any]]]:
    """Per article, the spans of mentions linked to the library's people, by their current
    names (so renames and merges show), or by their ids with ``ids``, in text order."""
    spans: dict[int, list[tuple[int, int, Any]]] = defaultdict(list)
    article_ids = list(article_ids)
    person = "p.id" if ids else "p.name"
    for offset in range(0, len(article_ids), CHUNK):
        chunk = article_ids[offset : offset + CHUNK]
        sql = (f'SELECT m.article_id, m.start, m."end", {person} FROM mentions m JOIN people p'
               " ON p.id = m.person_id WHERE m.label = 'PERSON' AND m.article_id IN"
               f" ({_marks(chunk)}) ORDER BY m.article_id, m.start")
        for article_id, start, end, who in db.execute(sql, chunk):
            spans[article_id].append((start, end, who))
    return spans


def stored_event_people(db: Database, event_ids: list[int]) -> list[tuple[int, str]]:
    """(event id, name) stored with the events, in the order they were stored."""
    pairs: list[tuple[int, str]] = []
    for offset in range(0, len(event_ids), CHUNK):
        chunk = event_ids[offset : offset + CHUNK]
        sql = f"SELECT event_id, name FROM event_people WHERE event_id IN ({_marks(chunk)}) ORDER BY rowid"
        pairs.extend((row[0], row[1]) for row in db.execute(sql, chunk))
    return pairs


def manual_rows(db: Database, where: Where) -> list[dict[str, Any]]:
    """Hand-made events matching ``where``, with their source article's title, url,
    publication date and outlet (``a_*``) when they name one."""
    sql = ("SELECT m.*, a.title AS a_title, a.url AS a_url, a.published AS a_published, a.outlet AS a_outlet"
           f" FROM manual_events m LEFT JOIN articles a ON a.id = m.source_article_id WHERE {where[0]}")
    return list(db.query(sql, where[1]))


def event_spot(db: Database, event_id: int) -> tuple[int, str, str, str, bool] | None:
    """Where an extracted event sits: (article id, key, first day, last day, hidden)."""
    row = db.execute("SELECT article_id, key, date_first, date_last, hidden FROM events WHERE id = ?",
                     [event_id]).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3], bool(row[4]))


def exact_person(db: Database, person_id: int | None = None, key: str | None = None) -> tuple[list[int], list[str]]:
    """The people with this id, or whose name or an alias has this name key, and every name
    they go by."""
    if person_id is not None:
        ids = [r[0] for r in db.execute("SELECT id FROM people WHERE id = ?", [person_id])]
    else:
        ids = [r[0] for r in db.execute("SELECT id FROM people WHERE key = ? UNION"
                                        " SELECT person_id FROM person_aliases WHERE key = ?", [key, key])]
    names: list[str] = []
    for each in ids:
        names += [r[0] for r in db.execute("SELECT name FROM people WHERE id = ? UNION"
                                           " SELECT alias FROM person_aliases WHERE person_id = ?", [each, each])]
    return ids, names


def person_clause(ids: list[int], names: list[str]) -> Where:
    """Events naming one of these people: a linked mention inside the sentence, or a name
    stored with the event."""
    clauses, params = [], []
    if ids:
        clauses.append(
            "e.id IN (SELECT ev.id FROM mentions m JOIN events ev ON ev.article_id = m.article_id"
            ' AND m.start >= ev.start AND m."end" <= ev."end"'
            f" WHERE m.label = 'PERSON' AND m.person_id IN ({_marks(ids)}))"
        )
        params += ids
    if names:
        clauses.append(f"e.id IN (SELECT event_id FROM event_people WHERE name IN ({_marks(names)}))")
        params += names
    return "(" + (" OR ".join(clauses) or "0") + ")", params


__all__ = [
    "CHUNK", "EVENT_SQL", "EventFilter", "Where", "count_events", "event_keys", "event_rows", "event_rows_by_id",
    "event_spot", "event_where", "exact_person", "happening_ids", "like", "manual_rows", "manual_where", "names_match",
    "person_clause", "person_spans", "stored_event_people",
]
