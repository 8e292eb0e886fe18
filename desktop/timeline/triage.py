"""Triage: the reporter clears what is not the story, in bulk, and can take it back.

"Not this story" sets an article (or every clip of an outlet) aside: it stays in the
library, its happenings leave the timeline and the brief until the mark is removed. Hiding
in bulk hides every happening reported by an outlet or matching some words, as one
correction that one undo puts back.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from db.articles import has_article, has_outlet
from db.events import EventState
from db.happenings import mark_off_story, off_story_marks, unmark_off_story
from db.library import Library
from desktop.timeline.corrections import _correct_sources, _keys, restore
from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline, database_of
from desktop.timeline.timeline_event import TimelineEvent


class TriageError(ValueError):
    """A triage step that cannot be made (no such article or outlet, nothing matches)."""


def set_aside(source: Library | Database, *, article_id: int | None = None, outlet: str | None = None) -> int:
    """Mark an article or an outlet "not this story"; returns the mark's id (for undo)."""
    db = database_of(source)
    if (article_id is None) == (outlet is None):
        raise TriageError("name one article or one outlet")
    if article_id is not None and not has_article(db, article_id):
        raise TriageError(f"no article {article_id}")
    if outlet is not None and not has_outlet(db, outlet):
        raise TriageError(f"no articles from {outlet!r}")
    with db.atomic():
        return mark_off_story(db, article_id=article_id, outlet=outlet)


def put_back(
    source: Library | Database, *, mark_id: int | None = None, article_id: int | None = None,
    outlet: str | None = None,
) -> int:
    """Remove "not this story" marks; returns how many were removed."""
    db = database_of(source)
    with db.atomic():
        return unmark_off_story(db, mark_id=mark_id, article_id=article_id, outlet=outlet)


def set_aside_marks(source: Library | Database) -> list[dict[str, Any]]:
    return off_story_marks(database_of(source))


def matching(
    source: Library | Database, filters: Filters | None = None, *, outlet: str | None = None
) -> list[TimelineEvent]:
    """The shown happenings matching ``filters`` (words, dates, person, story) that ``outlet``
    reports (any outlet without one)."""
    events = build_timeline(source, replace(filters or Filters(), include_hidden=False))
    if outlet is None:
        return [e for e in events if not e.manual]
    wanted = outlet.casefold()
    return [
        e for e in events if not e.manual and any((s.outlet or "").casefold() == wanted for s in e.sources)
    ]


def hide_matching(
    source: Library | Database, filters: Filters | None = None, *, outlet: str | None = None
) -> tuple[int, list[EventState]]:
    """Hide every happening ``matching`` finds, in one transaction; (how many, states for
    ``restore``)."""
    found = matching(source, filters, outlet=outlet)
    if not found:
        raise TriageError("no happening matches")
    members = [key for event in found for key in _keys(event)]
    db = database_of(source)
    with db.atomic():
        states = _correct_sources(db, members, hidden=True)
    return len(found), states


__all__ = [
    "TriageError",
    "hide_matching",
    "matching",
    "put_back",
    "restore",
    "set_aside",
    "set_aside_marks",
]
