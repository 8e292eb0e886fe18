"""Corrections: the reporter hides an event, fixes its date or wording, adds one, pins one.

A correction of an extracted event is stored against (article, event key), so it is applied
again after the library is re-analysed; it applies to every source sentence of a merged
event, each of which keeps its own state for undo (``restore``). Hand-made events live in
their own table. Ids are the ones ``build_timeline`` gives: "e<number>" for extracted events,
"m<number>" for hand-made ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from db.events import (
    EventState,
    add_manual_event,
    correct_event,
    event_by_id,
    event_states,
    restore_event_states,
    update_manual_event,
)
from db.library import Library
from db.timeline import event_spot
from desktop.timeline.filters import Filters
from desktop.timeline.precision import Placed, place
from desktop.timeline.query import build_timeline, database_of
from desktop.timeline.timeline_event import TimelineEvent


class CorrectionError(ValueError):
    """A correction that cannot be made (unknown event, date not on the calendar)."""


def _members(db: Database, event_id: str) -> list[tuple[int, str]]:
    """(article_id, key) of every source sentence of the timeline event ``event_id``: the
    merged event as the timeline shows it (as it was shown before being hidden, if hidden)."""
    number = _number(event_id, "e")
    row = event_spot(db, number)
    if row is None:
        raise CorrectionError(f"no event {event_id}")
    filters = Filters(
        date_from=dt.date.fromisoformat(row[2]),
        date_to=dt.date.fromisoformat(row[3]),
        include_hidden=bool(row[4]),
    )
    for event in build_timeline(db, filters):
        if any(s.event_id == number for s in event.sources):
            return _keys(event)
    return [(row[0], row[1])]


def _keys(event: TimelineEvent) -> list[tuple[int, str]]:
    return [(s.article_id, s.key) for s in event.sources if s.article_id is not None and s.key]


def _number(event_id: str, prefix: str) -> int:
    text = str(event_id).strip()
    if text[:1].lower() == prefix:
        text = text[1:]
    if not text.isdigit():
        raise CorrectionError(f"not an event id: {event_id!r}")
    return int(text)


def _place(date: str) -> Placed:
    """The date placed on the calendar: storage keeps the columns it gives."""
    placed = place(date)
    if placed is None:
        raise CorrectionError(
            f"not a calendar date: {date!r} (use YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD)"
        )
    return placed


def _check_date(date: str | None) -> Placed | None:
    return None if date is None else _place(date)


def correct(
    source: Library | Database,
    event_id: str,
    *,
    hidden: bool | None = None,
    pinned: bool | None = None,
    date: str | None = None,
    text: str | None = None,
) -> list[EventState]:
    """Hide, pin, re-date or re-word the timeline event ``event_id`` (all its sources), in one
    transaction. Returns each source row's state before, for ``restore`` (none for "m" ids)."""
    placed = _check_date(date)
    db = database_of(source)
    with db.atomic():
        if str(event_id).lower().startswith("m"):
            if not update_manual_event(
                db, _number(event_id, "m"), hidden=hidden, pinned=pinned, date=placed, text=text
            ):
                raise CorrectionError(f"no event {event_id}")
            return []
        return _correct_sources(
            db, _members(db, event_id), hidden=hidden, pinned=pinned, date=placed, text=text
        )


def correct_merged(source: Library | Database, event: TimelineEvent, **changes: Any) -> list[EventState]:
    """Correct an extracted event as a window shows it, in one transaction: its sources, and
    those of the merged event it belongs to that a filter (a person, some words) left out of
    view, since hiding it must take it off the whole timeline. Returns the states for undo."""
    changes = changes | {"date": _check_date(changes.get("date"))}
    db = database_of(source)
    with db.atomic():
        members = _keys(event)
        if members and _still_names(db, event.id, members[0]):
            members += _members(db, event.id)
        if not members:
            raise CorrectionError(f"no event {event.id}")
        return _correct_sources(db, members, **changes)


def _still_names(db: Any, event_id: str, member: tuple[int, str]) -> bool:
    """Whether ``event_id`` is still that source row: re-analysis gives rows new ids, and an
    undo command may outlive it (a correction keyed by (article, key) needs no id)."""
    row = event_by_id(db, _number(event_id, "e"))
    return row is not None and (row["article_id"], row["key"]) == member


def _correct_sources(db: Any, members: list[tuple[int, str]], **changes: Any) -> list[EventState]:
    """Correct each source row alike (inside the caller's transaction); their states before."""
    members = list(dict.fromkeys(members))
    before = event_states(db, members)
    for article_id, key in members:
        correct_event(db, article_id, key, **changes)
    return before


def restore(source: Library | Database, states: list[EventState]) -> None:
    """Undo a correction: every source row back to its own state before, in one transaction."""
    db = database_of(source)
    with db.atomic():
        restore_event_states(db, states)


def hide(source: Library | Database, event_id: str, hidden: bool = True) -> None:
    correct(source, event_id, hidden=hidden)


def pin(source: Library | Database, event_id: str, pinned: bool = True) -> None:
    correct(source, event_id, pinned=pinned)


def edit(source: Library | Database, event_id: str, *, date: str | None = None, text: str | None = None) -> None:
    correct(source, event_id, date=date, text=text)


def add(
    source: Library | Database,
    date: str,
    text: str,
    *,
    people: list[str] | None = None,
    article_id: int | None = None,
    url: str | None = None,
    source_title: str | None = None,
    planned: bool = False,
    pinned: bool = False,
) -> str:
    """Add an event by hand; returns its id ("m<number>")."""
    placed = _place(date)
    if not text.strip():
        raise CorrectionError("an event needs some text")
    db = database_of(source)
    with db.atomic():
        number = add_manual_event(
            db,
            placed,
            text.strip(),
            people=people or [],
            source_article_id=article_id,
            source_title=source_title,
            url=url,
            planned=planned,
            pinned=pinned,
        )
    return f"m{number}"
