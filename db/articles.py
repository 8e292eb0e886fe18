"""Small questions about the stored articles that callers ask before they write."""

from __future__ import annotations

from sqlite_utils import Database


def has_article(db: Database, article_id: int) -> bool:
    """Whether the library holds this article."""
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None


def has_outlet(db: Database, outlet: str) -> bool:
    """Whether the library holds an article from this outlet (its name exactly as stored)."""
    return db.execute("SELECT 1 FROM articles WHERE outlet = ?", [outlet]).fetchone() is not None
