"""The core's analysis reads the window uses, tolerant of an old library.

The window still opens (showing what there is) on a library without the people or dates
tables. No Qt here.
"""

from __future__ import annotations

import logging
from typing import Any

from db.furniture import furniture_of
from db.library import Library
from db.people import mentions_in_article as read_mentions
from db.quotes import quotes_in_article as read_quotes
from db.timexes import timexes_in_article as read_timexes

log = logging.getLogger(__name__)


def _has_table(library: Library, name: str) -> bool:
    return library.db[name].exists()


def timexes_in_article(library: Library, article_id: int) -> list[dict[str, Any]]:
    if not _has_table(library, "timexes"):
        return []
    return read_timexes(library.db, article_id)


def mentions_in_article(library: Library, article_id: int) -> list[dict[str, Any]]:
    if not _has_table(library, "mentions"):
        return []
    return [dict(m) if not isinstance(m, dict) else m for m in read_mentions(library.db, article_id)]


def furniture_in_article(library: Library, article_id: int) -> list[tuple[int, int]]:
    """The article's page furniture as (start, end) spans of its text."""
    return [(start, end) for start, end, _kind in furniture_of(library.db, article_id)]


def quotes_in_article(library: Library, article_id: int) -> list[dict[str, Any]]:
    """The article's quotes for the reader (none on a library from before quotes)."""
    if not _has_table(library, "quotes"):
        return []
    return read_quotes(library.db, article_id)
