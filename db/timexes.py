"""Storage of the date expressions found in each article (``timexes`` table)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

COLUMNS = ("start", "end", "text", "type", "value", "anchor", "anchor_kind", "confidence", "explanation")
_INSERT = (
    'INSERT INTO timexes (article_id, start, "end", text, type, value, anchor, anchor_kind,'
    " confidence, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def write_timexes(db: Database, article_id: int, timexes: Iterable[Any]) -> None:
    """Replace an article's timexes; runs inside the caller's transaction."""
    db.execute("DELETE FROM timexes WHERE article_id = ?", [article_id])
    rows = [[article_id, *(getattr(t, c, None) for c in COLUMNS)] for t in timexes]
    if rows:  # a prepared statement: sqlite-utils' insert_all reads the schema on every call
        db.conn.executemany(_INSERT, rows)


def timexes_in_article(db: Database, article_id: int) -> list[dict[str, Any]]:
    return list(db["timexes"].rows_where("article_id = ?", [article_id], order_by="start"))
