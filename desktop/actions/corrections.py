"""The reporter's corrections, one small function per thing they do, for both faces.

Calibre's habit (``implementation(db, ...)`` shared by GUI and command line): each function
takes the ``Library``, makes its change in one transaction and returns what undo needs (the
states before, a correction's rule id, a deleted row). The window runs them on its one writer
thread and keeps the return value on its undo stack; the command line prints it.

Timeline events: extracted ones are corrected by id ("e12", the command line) or as the
window shows them (a merged ``TimelineEvent``, every source alike); hand-made ones ("m3")
are changed in their own table. People: each correction is a stored rule, applied again to
every article imported later; undo drops the rule.
"""

from __future__ import annotations

from typing import Any

from db.events import EventState, delete_manual_event, restore_manual_event, update_manual_event
from db.library import Library
from desktop import people as people_store
from desktop.timeline import corrections as event_rules
from desktop.timeline.corrections import CorrectionError
from desktop.timeline.precision import Placed, place
from desktop.timeline.timeline_event import TimelineEvent

PeopleError = people_store.PeopleError

__all__ = [
    "CorrectionError", "PeopleError", "add_event", "correct_added_event", "correct_event",
    "correct_shown_event", "delete_added_event", "mark_not_person", "merge_people", "people_corrections",
    "rename_person", "restore_added_event", "restore_events", "split_person", "undo_people_correction",
]


# -- timeline events -----------------------------------------------------------------------


def correct_event(library: Library, event_id: str, **changes: Any) -> list[EventState]:
    """Hide, pin, re-date or re-word the event ``event_id`` ("e12" or "m3"); the states before."""
    return event_rules.correct(library, event_id, **changes)


def correct_shown_event(library: Library, event: TimelineEvent, **changes: Any) -> list[EventState]:
    """Correct an extracted event as the window shows it (all its sources); the states before."""
    return event_rules.correct_merged(library, event, **changes)


def restore_events(library: Library, states: list[EventState]) -> None:
    """Undo ``correct_event``/``correct_shown_event``: each source row back as it was."""
    event_rules.restore(library, states)


def _placed(date: str) -> Placed:
    placed = place(date)
    if placed is None:
        raise CorrectionError(f"not a calendar date: {date!r} (use YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD)")
    return placed


def correct_added_event(library: Library, event_id: str, **changes: Any) -> None:
    """Change a hand-made event ("m3"): hidden, pinned, date or text, in one transaction."""
    if changes.get("date") is not None:
        changes = changes | {"date": _placed(changes["date"])}
    with library.transaction() as db:
        if not update_manual_event(db, int(str(event_id).lstrip("mM")), **changes):
            raise CorrectionError(f"no event {event_id}")


def add_event(library: Library, date: str, text: str, **details: Any) -> str:
    """Add an event by hand (people, article_id, url, source_title, planned, pinned); its id."""
    return event_rules.add(library, date, text, **details)


def delete_added_event(library: Library, event_id: str) -> dict[str, Any] | None:
    """Delete a hand-made event; returns its row, for ``restore_added_event``."""
    with library.transaction() as db:
        return delete_manual_event(db, int(str(event_id).lstrip("mM")))


def restore_added_event(library: Library, row: dict[str, Any]) -> str:
    """Put a deleted hand-made event back, with its id (later corrections name it)."""
    with library.transaction() as db:
        return f"m{restore_manual_event(db, row)}"


# -- people --------------------------------------------------------------------------------


def rename_person(library: Library, person: str | int, new_name: str) -> int:
    """Call a person by another name; returns the correction's rule id."""
    return people_store.rename_person(library.db, person, new_name)


def merge_people(library: Library, first: str | int, second: str | int) -> int:
    """``second`` is the same person as ``first``; returns the rule id."""
    return people_store.merge_people(library.db, first, second)


def split_person(library: Library, person: str | int, alias: str) -> int:
    """``alias`` is someone other than ``person``; returns the rule id."""
    return people_store.split_person(library.db, person, alias)


def mark_not_person(library: Library, name: str, label: str | None = None) -> int:
    """``name`` is not a person (a place, an organisation: ``label``); returns the rule id."""
    return people_store.mark_not_person(library.db, name, label)


def people_corrections(library: Library) -> list[dict[str, Any]]:
    """Every people correction still in force, oldest first."""
    return people_store.corrections(library.db)


def undo_people_correction(library: Library, rule_id: int) -> None:
    """Take a people correction back; people are linked again without it."""
    people_store.undo_correction(library.db, rule_id)
