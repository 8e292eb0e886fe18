"""Who said what, for both faces: the stored quotes, and one small function per correction.

Each correction runs in one transaction and returns what undo needs (the correction it
replaced or took back); corrections are kept by article and quoted words, so they stick
through ``reanalyse``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from db import quotes as store
from db.library import Library
from desktop.people import PeopleError, find_person
from desktop.timeline.filters import Filters
from desktop.timeline.quote_filters import quote_where

QuoteError = store.QuoteError

__all__ = ["QuoteError", "article_quotes", "find_quotes", "mark_not_quote", "person_finder", "quote",
           "restore_quote_correction", "set_quote_speaker", "undo_quote_correction"]


def person_finder(db: Database) -> Callable[[str], int | None]:
    """Finds the library person a speaker's name refers to (any of their names), or None
    when no one or several people go by it: storage links quotes to people through this."""

    def find(name: str) -> int | None:
        try:
            return find_person(db, name)
        except PeopleError:
            return None

    return find


def find_quotes(library: Library, filters: Filters | None = None, *,
                limit: int | None = None) -> list[dict[str, Any]]:
    """The stored quotes the filters keep (all when none), by date, with their sources."""
    where, params = quote_where(filters or Filters())
    return store.list_quotes(library.db, where, params, limit=limit)


def article_quotes(library: Library, article_id: int) -> list[dict[str, Any]]:
    """An article's quotes in reading order (what the reader marks)."""
    return store.quotes_in_article(library.db, article_id)


def quote(library: Library, quote_id: int) -> dict[str, Any] | None:
    """One stored quote, hidden or not."""
    return store.get_quote(library.db, quote_id)


def set_quote_speaker(library: Library, quote_id: int, person: str) -> dict[str, Any] | None:
    """The quote was said by ``person``; returns the correction it replaced (for undo)."""
    with library.transaction() as db:
        return store.correct_quote(db, quote_id, person=person, find=person_finder(db))


def mark_not_quote(library: Library, quote_id: int) -> dict[str, Any] | None:
    """The words are no quote: hidden from lists, reader and brief; returns what it replaced."""
    with library.transaction() as db:
        return store.correct_quote(db, quote_id, not_quote=True, find=person_finder(db))


def undo_quote_correction(library: Library, quote_id: int) -> dict[str, Any] | None:
    """The quote as analysis found it again; returns the correction taken back."""
    with library.transaction() as db:
        return store.uncorrect_quote(db, quote_id, person_finder(db))


def restore_quote_correction(library: Library, quote_id: int,
                             before: dict[str, Any] | None) -> None:
    """Undo a correction: ``before`` (what the correction function returned) back in force."""
    with library.transaction() as db:
        if before is None:
            store.uncorrect_quote(db, quote_id, person_finder(db))
        else:
            store.restore_correction(db, before, person_finder(db))
