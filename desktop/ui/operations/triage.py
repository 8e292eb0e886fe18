"""Triage as undoable operations: "not this story" for an article or an outlet, and hiding
every happening of an outlet or matching the words filter, each one step on the undo stack.
No SQL here: ``db.happenings`` and ``desktop.timeline.triage`` do it.
"""

from __future__ import annotations

from typing import Any

from db.events import restore_event_states
from db.happenings import mark_off_story, unmark_off_story
from db.library import Library
from desktop.timeline.filters import Filters
from desktop.timeline.triage import hide_matching
from desktop.ui.changes import Changed
from desktop.ui.operations.operation import Operation


def set_aside(article_id: int | None = None, outlet: str | None = None) -> Operation:
    mark: dict[str, int] = {}

    def do(library: Library) -> None:
        mark["id"] = mark_off_story(library.db, article_id=article_id, outlet=outlet)

    def undo(library: Library) -> None:
        if "id" in mark:
            unmark_off_story(library.db, mark_id=mark.pop("id"))

    what = f"article #{article_id}" if article_id is not None else f"all of {outlet}"
    return Operation(f"Not this story: {what}", do, undo, Changed.TIMELINE)


def hide_all(filters: Filters, outlet: str | None = None) -> Operation:
    states: list[Any] = []

    def do(library: Library) -> None:
        _count, before = hide_matching(library.db, filters, outlet=outlet)
        states[:] = before

    def undo(library: Library) -> None:
        restore_event_states(library.db, states)

    what = f"from {outlet}" if outlet else f"matching \u201c{filters.query}\u201d"
    return Operation(f"Hide every happening {what}", do, undo, Changed.TIMELINE)
