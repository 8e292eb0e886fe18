"""Storage of page furniture found in articles (``furniture``): character spans of the text.

Structural furniture is found per article by analysis and rewritten with it; furniture found
by repetition across an outlet's clips (kind "repeated") needs the whole library and is
rewritten by the library-wide step. The article text itself is never changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

REPEATED = "repeated"


def write_furniture(db: Database, article_id: int, spans: Iterable[Any], *, repeated: bool = False) -> None:
    """Replace one article's structural (or, with ``repeated``, repeated) furniture spans;
    runs inside the caller's transaction."""
    if not db["furniture"].exists():
        return
    db.execute(
        "DELETE FROM furniture WHERE article_id = ? AND (kind = ?) = ?",
        [article_id, REPEATED, int(repeated)],
    )
    db.conn.executemany(
        'INSERT OR IGNORE INTO furniture (article_id, start, "end", kind) VALUES (?, ?, ?, ?)',
        [(article_id, s.start, s.end, REPEATED if repeated else s.kind) for s in spans],
    )


def furniture_of(db: Database, article_id: int) -> list[tuple[int, int, str]]:
    """An article's furniture spans (start, end, kind), in text order."""
    if not db["furniture"].exists():
        return []
    return [
        (r[0], r[1], r[2])
        for r in db.execute(
            'SELECT start, "end", kind FROM furniture WHERE article_id = ? ORDER BY start',
            [article_id],
        )
    ]


def outlet_texts(db: Database, outlets: Sequence[str]) -> list[tuple[int, str, str]]:
    """(article id, outlet, text) of every article of these outlets."""
    rows: list[tuple[int, str, str]] = []
    for outlet in outlets:
        rows += [
            (r[0], outlet, r[1])
            for r in db.execute("SELECT id, text FROM articles WHERE outlet = ?", [outlet])
        ]
    return rows


def drop_analysis_inside(db: Database, article_id: int, spans: Iterable[tuple[int, int]]) -> None:
    """Forget the events and mentions an article's analysis found inside furniture."""
    for start, end in spans:
        db.execute(
            'DELETE FROM events WHERE article_id = ? AND start < ? AND "end" > ?',
            [article_id, end, start],
        )
        db.execute(
            'DELETE FROM mentions WHERE article_id = ? AND start >= ? AND "end" <= ?',
            [article_id, start, end],
        )


def dirty_outlets(db: Database) -> list[str]:
    """Outlets whose clips changed since their repeated furniture was last found."""
    return [r[0] for r in db.execute("SELECT outlet FROM furniture_dirty")]


def forget_dirty_outlets(db: Database) -> None:
    """Every outlet's repeated furniture is current; runs inside the caller's transaction."""
    db.execute("DELETE FROM furniture_dirty")


def repeated_spans_with_events_on(db: Database, dates: Sequence[str]) -> list[tuple[int, int, int]]:
    """(article id, start, end) of the repeated furniture that holds an event dated one of
    ``dates``: what re-analysis found again inside it."""
    found: list[tuple[int, int, int]] = []
    for offset in range(0, len(dates), 500):
        chunk = list(dates[offset : offset + 500])
        marks = ",".join("?" * len(chunk))
        found += [
            (r[0], r[1], r[2])
            for r in db.execute(
                'SELECT DISTINCT f.article_id, f.start, f."end" FROM furniture f JOIN events e'
                ' ON e.article_id = f.article_id AND e.start < f."end" AND e."end" > f.start'
                f" WHERE f.kind = ? AND e.date IN ({marks})",
                [REPEATED, *chunk],
            ).fetchall()
        ]
    return found
