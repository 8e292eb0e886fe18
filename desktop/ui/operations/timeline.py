"""Timeline corrections as undoable operations (hide, show again, pin, edit, add).

An extracted event is corrected as the window shows it (every source of a merged event); undo
puts each source back as it stood (one may have been pinned, another re-worded). A hand-made
event is changed in its own table; its undo gives back the values before.
"""

from __future__ import annotations

from typing import Any

from db.events import EventState
from db.library import Library
from desktop.actions import corrections as act
from desktop.timeline.timeline_event import TimelineEvent
from desktop.ui.changes import Changed
from desktop.ui.operations.operation import Operation


def correction(text: str, event: TimelineEvent, do: dict[str, Any], undo: dict[str, Any], done: str = "") -> Operation:
    """``do`` to ``event``; ``undo`` gives a hand-made event's values before (an extracted
    one's source rows each keep their own, taken when it is made)."""
    if event.manual:
        return Operation(text, lambda library: act.correct_added_event(library, event.id, **do),
                         lambda library: act.correct_added_event(library, event.id, **undo), Changed.TIMELINE, done)
    before: list[EventState] = []

    def apply(library: Library) -> None:
        before[:] = act.correct_shown_event(library, event, **do)

    return Operation(text, apply, lambda library: act.restore_events(library, before), Changed.TIMELINE, done)


def hide(event: TimelineEvent) -> Operation:
    return correction("Hide event", event, {"hidden": True}, {"hidden": False}, "Event hidden — Ctrl+Z to undo")


def show_again(event: TimelineEvent) -> Operation:
    """Put a hidden event (listed by "Show hidden events") back on the timeline."""
    return correction("Show event again", event, {"hidden": False}, {"hidden": True},
                      "Event shown again — Ctrl+Z hides it again")


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

    return Operation("Add event", do, undo, Changed.TIMELINE)
