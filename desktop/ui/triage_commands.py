"""The window's triage as undoable pairs of plain functions (do, undo) of the database.

"Not this story" for an article or an outlet, and hiding every happening of an outlet or
matching the words filter: each is one correction on the undo stack (``EventCorrection``
runs each half in one transaction). No Qt here, no SQL: ``desktop.timeline.triage`` does it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from db.events import restore_event_states
from db.happenings import mark_off_story, unmark_off_story
from desktop.timeline.filters import Filters


@dataclass
class Triage:
    """What the undo stack shows, and the two halves."""

    text: str
    do: Callable[[Any], Any]
    undo: Callable[[Any], Any]


def set_aside(article_id: int | None = None, outlet: str | None = None) -> Triage:
    mark: dict[str, int] = {}

    def do(db: Any) -> None:
        mark["id"] = mark_off_story(db, article_id=article_id, outlet=outlet)

    def undo(db: Any) -> None:
        if "id" in mark:
            unmark_off_story(db, mark_id=mark.pop("id"))

    what = f"article #{article_id}" if article_id is not None else f"all of {outlet}"
    return Triage(f"Not this story: {what}", do, undo)


def hide_all(filters: Filters, outlet: str | None = None) -> Triage:
    states: list[Any] = []

    def do(db: Any) -> None:
        from desktop.timeline.triage import hide_matching

        _count, before = hide_matching(db, filters, outlet=outlet)
        states[:] = before

    def undo(db: Any) -> None:
        restore_event_states(db, states)

    what = f"from {outlet}" if outlet else f"matching \u201c{filters.query}\u201d"
    return Triage(f"Hide every happening {what}", do, undo)
