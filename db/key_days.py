"""The key-days reads: day-precision events, publication days and article leads, the SQL.

``desktop.timeline.keyevents`` ranks the days and picks the sentences; the rows it ranks come
from here. Filters arrive as plain values or a ``Where`` over ``events e`` already built from
them, so nothing here knows ``desktop``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlite_utils import Database

from db.connection import dict_rows
from db.timeline import Where, tagged


def _marks(ids: list[Any]) -> str:
    return ",".join("?" * len(ids))


def published_range(date_from: dt.date | None, date_to: dt.date | None) -> Where:
    """A clause over ``articles a``: published (by day) within the range; open ends do not filter."""
    clauses, params = ["1"], []
    if date_from:
        clauses.append("substr(a.published, 1, 10) >= ?")
        params.append(date_from.isoformat())
    if date_to:
        clauses.append("substr(a.published, 1, 10) <= ?")
        params.append(date_to.isoformat())
    return " AND ".join(clauses), params


def day_events(db: Database, where: Where, published: Where | None = None) -> list[dict[str, Any]]:
    """Day-precision events matching ``where`` (over ``events e``), each with its article's
    publication day and outlet, and its stored content words (``tokens``: None when not yet
    stored); with ``published`` (over ``articles a``) only from those articles."""
    clauses, params = [where[0], "e.precision = 'day'"], list(where[1])
    if published is not None:
        clauses.append(published[0])
        params += published[1]
    sql = (
        "SELECT e.date, e.article_id, e.text, e.planned, e.anchor, e.pinned,"
        " substr(a.published, 1, 10) AS published, a.outlet, w.tokens FROM events e"
        " JOIN articles a ON a.id = e.article_id LEFT JOIN event_words w ON w.event_id = e.id"
        f" WHERE {' AND '.join(clauses)}"
    )
    return dict_rows(db, sql, params)


def publications(
    db: Database, published: Where, *, tag: str | None = None, with_event: Where | None = None
) -> dict[str, list[int]]:
    """Article ids by publication day, those published as ``published`` says (over
    ``articles a``), of the ``tag`` when given, and with an event matching ``with_event``
    (over ``events e``) when given."""
    where, params = published[0], list(published[1])
    if tag:
        clause, clause_params = tagged("a.id", tag)
        where += f" AND {clause}"
        params.extend(clause_params)
    if with_event is not None:
        where += f" AND a.id IN (SELECT e.article_id FROM events e WHERE {with_event[0]})"
        params.extend(with_event[1])
    days: dict[str, list[int]] = defaultdict(list)
    for article_id, day in db.execute(
        f"SELECT a.id, substr(a.published, 1, 10) FROM articles a WHERE {where} AND a.published IS NOT NULL",
        params,
    ):
        days[day].append(article_id)
    return days


def date_timexes(db: Database, article_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """Each article's DATE and TIME expressions: (start, value; "" when it has none)."""
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if not article_ids:
        return found
    for article_id, start, value, kind in db.execute(
        f"SELECT article_id, start, value, type FROM timexes WHERE article_id IN ({_marks(article_ids)})",
        article_ids,
    ):
        if kind in ("DATE", "TIME"):
            found[article_id].append((start, value or ""))
    return found


def furniture_spans(db: Database, article_ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    """Each article's furniture spans (start, end), of every kind; none in a library without the table."""
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    if not article_ids or not db["furniture"].exists():
        return found
    for article_id, start, end in db.execute(
        f'SELECT article_id, start, "end" FROM furniture WHERE article_id IN ({_marks(article_ids)})',
        article_ids,
    ):
        found[article_id].append((start, end))
    return found


def article_texts(db: Database, article_ids: list[int]) -> list[tuple[int, str | None, str]]:
    """(id, title, text) of these articles."""
    if not article_ids:
        return []
    return [
        (r[0], r[1], r[2])
        for r in db.execute(f"SELECT id, title, text FROM articles WHERE id IN ({_marks(article_ids)})", article_ids)
    ]


def article_info(db: Database, article_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Title, url, publication time and outlet of these articles, by id."""
    if not article_ids:
        return {}
    sql = f"SELECT id, title, url, published, outlet FROM articles WHERE id IN ({_marks(article_ids)})"
    return {
        row[0]: {"title": row[1], "url": row[2], "published": row[3], "outlet": row[4]}
        for row in db.execute(sql, article_ids)
    }


def count_published(db: Database, date_from: dt.date | None, date_to: dt.date | None) -> int:
    """How many articles were published (by day) within the range; open ends do not filter."""
    where, params = published_range(date_from, date_to)
    return int(db.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0])
