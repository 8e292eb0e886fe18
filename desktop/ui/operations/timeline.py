"""Timeline corrections as undoable operations: (text, do, undo), two functions of the library.

An extracted event is corrected as the window shows it (every source of a merged event); undo
puts each source back as it stood (one may have been pinned, another re-worded). A hand-made
event is changed in its own table; its undo gives back the values before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from db.events import EventState
from db.library import Library
from desktop.actions import corrections as act
from desktop.timeline.timeline_event import TimelineEvent

Change = Callable[[Library], Any]
Operation = tuple[str, Change, Change]


def correction(text: str, event: TimelineEvent, do: dict[str, Any], undo: dict[str, Any]) -> Operation:
    """``do`` to ``event``; ``undo`` gives a hand-made event's values before (an extracted
    one's source rows each keep their own, taken when it is made)."""
    if event.manual:
        return (text, lambda library: act.correct_added_event(library, event.id, **do),
                lambda library: act.correct_added_event(library, event.id, **undo))
    before: list[EventState] = []

    def apply(library: Library) -> None:
        before[:] = act.correct_shown_event(library, event, **do)

    return text, apply, lambda library: act.restore_events(library, before)


def hide(event: TimelineEvent) -> Operation:
    return correction("Hide event", event, {"hidden": True}, {"hidden": False})


def show_again(event: TimelineEvent) -> Operation:
    return correction("Show event again", event, {"hidden": False}, {"hidden": True})


def toggle_pin(event: TimelineEvent) -> Operation:
    return correction("Unpin event" if event.pinned else "Pin event", event,
                      {"pinned": not event.pinned}, {"pinned": event.pinned})


def edit(event: TimelineEvent, date: str, text: str) -> Operation:
    return correction("Edit event", event, {"date": date, "text": text},
                      {"date": event.date, "text": event.text})


def add(date: str, text: str, *, people: list[str], article_id: int | None, planned: bool) -> Operation:
    """Add a hand-made event; undo deletes it, redo puts the same event back (its id too,
    which later corrections on the undo stack name)."""
    created: dict[str, Any] = {}

    def do(library: Library) -> None:
        if created.get("row"):
            created["id"] = act.restore_added_event(library, created.pop("row"))
        else:
            created["id"] = act.add_event(library, date, text, people=people, article_id=article_id,
                                          planned=planned)

    def undo(library: Library) -> None:
        created["row"] = act.delete_added_event(library, created["id"])

    return "Add event", do, undo
