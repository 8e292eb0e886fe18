"""Articles a page at a time: every id in list order first (one indexed query), then the
summaries (no text) of the ids a window shows. ``Library.articles`` lists the whole table; a
window over 50,000 articles needs these two reads instead."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from sqlite_utils import Database

from db.library import ARTICLE_LIST_COLUMNS

ArticleOrder = Literal["published", "clipped"]

_ORDER = {"published": "published DESC, id DESC", "clipped": "clipped_at DESC, id DESC"}


def article_ids(db: Database, *, order_by: ArticleOrder = "published", tag: str | None = None) -> list[int]:
    """Every article id (of one story, if ``tag``) in list order, newest first."""
    order = _ORDER[order_by]
    if tag:
        sql = ("SELECT id FROM articles WHERE id IN (SELECT article_id FROM article_tags"
               f" JOIN tags ON tags.id = tag_id WHERE tags.name = ?) ORDER BY {order}")
        return [r[0] for r in db.execute(sql, [tag])]
    return [r[0] for r in db.execute(f"SELECT id FROM articles ORDER BY {order}")]


def article_rows(db: Database, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Article summaries (no text) for ``ids``, keyed by id."""
    rows: dict[int, dict[str, Any]] = {}
    for offset in range(0, len(ids), 500):
        chunk = list(ids[offset : offset + 500])
        sql = f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
        for row in db.query(sql, chunk):
            rows[row["id"]] = row
    return rows
