"""Storage of happenings (``happenings``, ``happening_events``, ``happening_dirty``) and of
the reporter's "not this story" marks (``off_story``).

Happenings are derived from events and rebuilt one date at a time: a trigger on ``events``
records in ``happening_dirty`` every date whose sentences changed, and ``replace_date``
swaps that date's happenings in the caller's transaction. Plain rows in, plain rows out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database


@dataclass
class StoredHappening:
    """One happening as stored: its headline event and the events reporting it."""

    date: str
    precision: str
    date_sort: str
    event_id: int
    text: str
    event_ids: Sequence[int]
    articles: int
    outlets: Sequence[str]
    first_published: str | None
    people: Sequence[str]
    places: Sequence[str]
    planned: bool


def dirty_dates(db: Database) -> list[str]:
    if not db["happening_dirty"].exists():
        return []
    return [r[0] for r in db.execute("SELECT date FROM happening_dirty ORDER BY date")]


def mark_all_dirty(db: Database) -> None:
    db.execute("INSERT OR IGNORE INTO happening_dirty (date) SELECT DISTINCT date FROM events")


def event_rows_on(db: Database, dates: Sequence[str]) -> list[dict[str, Any]]:
    """Every extracted event on these dates (hidden ones too: hiding a report does not change
    what it reports), with its article's outlet and publication."""
    rows: list[dict[str, Any]] = []
    for offset in range(0, len(dates), 500):
        chunk = list(dates[offset : offset + 500])
        rows += db.query(
            "SELECT e.id, e.article_id, e.text, e.date, e.precision, e.date_sort, e.start,"
            ' e."end", e.planned, a.outlet, a.published FROM events e'
            f" JOIN articles a ON a.id = e.article_id WHERE e.date IN ({','.join('?' * len(chunk))})",
            chunk,
        )
    return rows


def names_in_spans(
    db: Database, article_ids: Sequence[int]
) -> dict[int, list[tuple[int, int, str, str]]]:
    """Each article's people and places: (start, end, label, name), in text order."""
    found: dict[int, list[tuple[int, int, str, str]]] = {}
    for offset in range(0, len(article_ids), 900):
        chunk = list(article_ids[offset : offset + 900])
        for article_id, start, end, label, name in db.execute(
            'SELECT m.article_id, m.start, m."end", m.label, COALESCE(p.name, m.name)'
            " FROM mentions m LEFT JOIN people p ON p.id = m.person_id"
            f" WHERE m.label IN ('PERSON', 'PLACE') AND m.article_id IN ({','.join('?' * len(chunk))})"
            " ORDER BY m.article_id, m.start",
            chunk,
        ):
            found.setdefault(article_id, []).append((start, end, label, name))
    return found


def replace_date(db: Database, date: str, happenings: Iterable[StoredHappening]) -> None:
    """Swap the stored happenings of ``date``; runs inside the caller's transaction."""
    db.execute(
        "DELETE FROM happening_events WHERE happening_id IN (SELECT id FROM happenings WHERE date = ?)",
        [date],
    )
    db.execute("DELETE FROM happenings WHERE date = ?", [date])
    for h in happenings:
        cursor = db.execute(
            "INSERT INTO happenings (date, precision, date_sort, event_id, text, reports, articles,"
            " outlets, first_published, people, places, planned) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                h.date, h.precision, h.date_sort, h.event_id, h.text, len(h.event_ids), h.articles,
                json.dumps(list(h.outlets)), h.first_published, json.dumps(list(h.people)),
                json.dumps(list(h.places)), int(h.planned),
            ],
        )
        db.conn.executemany(
            "INSERT OR REPLACE INTO happening_events (event_id, happening_id) VALUES (?, ?)",
            [(e, cursor.lastrowid) for e in h.event_ids],
        )
    db.execute("DELETE FROM happening_dirty WHERE date = ?", [date])


def happening_of(db: Database, event_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The stored happening of each event: {event id: happening row (id, event_id, text, ...)}."""
    found: dict[int, dict[str, Any]] = {}
    for offset in range(0, len(event_ids), 900):
        chunk = list(event_ids[offset : offset + 900])
        for row in db.query(
            "SELECT he.event_id AS member, h.* FROM happening_events he JOIN happenings h"
            f" ON h.id = he.happening_id WHERE he.event_id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            found[row.pop("member")] = row
    return found


# -- "not this story" ------------------------------------------------------------------------


def mark_off_story(
    db: Database, *, article_id: int | None = None, outlet: str | None = None
) -> int:
    """Mark an article or a whole outlet "not this story"; returns the mark's id (for undo)."""
    cursor = db.execute(
        "INSERT INTO off_story (article_id, outlet, created_at) VALUES (?, ?, ?)",
        [article_id, outlet, datetime.now(UTC).isoformat(timespec="seconds")],
    )
    return int(cursor.lastrowid)


def unmark_off_story(
    db: Database, *, mark_id: int | None = None, article_id: int | None = None,
    outlet: str | None = None,
) -> int:
    """Remove "not this story" marks (by id, article or outlet); returns how many."""
    if mark_id is not None:
        return db.execute("DELETE FROM off_story WHERE id = ?", [mark_id]).rowcount
    if article_id is not None:
        return db.execute("DELETE FROM off_story WHERE article_id = ?", [article_id]).rowcount
    return db.execute("DELETE FROM off_story WHERE outlet = ?", [outlet]).rowcount


def off_story_marks(db: Database) -> list[dict[str, Any]]:
    if not db["off_story"].exists():
        return []
    return list(db.query("SELECT id, article_id, outlet, created_at FROM off_story ORDER BY id"))


#: Events of articles set aside, alone or with their outlet. The outlet marks come first
#: (``CROSS JOIN`` keeps that order): SQLite otherwise read every article to match them against
#: marks that are mostly none, on every read of the timeline (0.03 CPU-s at 20,000 articles).
OFF_STORY_SQL = (
    "e.article_id NOT IN (SELECT o.article_id FROM off_story o WHERE o.article_id IS NOT NULL"
    " UNION SELECT a2.id FROM off_story o2 CROSS JOIN articles a2 ON a2.outlet = o2.outlet)"
)


def stored_happening_count(db: Database) -> int:
    """How many happenings are stored."""
    return int(db.execute("SELECT count(*) FROM happenings").fetchone()[0])
