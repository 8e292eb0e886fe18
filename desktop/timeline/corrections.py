"""Corrections: the reporter hides an event, fixes its date or wording, adds one, pins one.

A correction of an extracted event is stored against (article, event key), so it is applied
again after the library is re-analysed; it applies to every source sentence of a merged
event. Hand-made events live in their own table. Ids are the ones ``build_timeline`` gives:
"e<number>" for extracted events, "m<number>" for hand-made ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from db.events import add_manual_event, correct_event, update_manual_event
from desktop.timeline.filters import Filters
from desktop.timeline.precision import place
from desktop.timeline.query import build_timeline, database_of


class CorrectionError(ValueError):
    """A correction that cannot be made (unknown event, date not on the calendar)."""


def _members(db: Any, event_id: str) -> list[tuple[int, str]]:
    """(article_id, key) of every source sentence of the timeline event ``event_id``."""
    number = _number(event_id, "e")
    row = db.execute(
        "SELECT article_id, key, date_first, date_last FROM events WHERE id = ?", [number]
    ).fetchone()
    if row is None:
        raise CorrectionError(f"no event {event_id}")
    filters = Filters(
        date_from=dt.date.fromisoformat(row[2]),
        date_to=dt.date.fromisoformat(row[3]),
        include_hidden=True,
    )
    for event in build_timeline(db, filters):
        if any(s.event_id == number for s in event.sources):
            return [
                (s.article_id, s.key) for s in event.sources if s.article_id is not None and s.key
            ]
    return [(row[0], row[1])]


def _number(event_id: str, prefix: str) -> int:
    text = str(event_id).strip()
    if text[:1].lower() == prefix:
        text = text[1:]
    if not text.isdigit():
        raise CorrectionError(f"not an event id: {event_id!r}")
    return int(text)


def _check_date(date: str | None) -> None:
    if date is not None and place(date) is None:
        raise CorrectionError(
            f"not a calendar date: {date!r} (use YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD)"
        )


def correct(
    source: Any,
    event_id: str,
    *,
    hidden: bool | None = None,
    pinned: bool | None = None,
    date: str | None = None,
    text: str | None = None,
) -> None:
    """Hide, pin, re-date or re-word the timeline event ``event_id`` (all its sources)."""
    _check_date(date)
    db = database_of(source)
    with db.conn:
        if str(event_id).lower().startswith("m"):
            if not update_manual_event(
                db, _number(event_id, "m"), hidden=hidden, pinned=pinned, date=date, text=text
            ):
                raise CorrectionError(f"no event {event_id}")
            return
        for article_id, key in _members(db, event_id):
            correct_event(db, article_id, key, hidden=hidden, pinned=pinned, date=date, text=text)


def hide(source: Any, event_id: str, hidden: bool = True) -> None:
    correct(source, event_id, hidden=hidden)


def pin(source: Any, event_id: str, pinned: bool = True) -> None:
    correct(source, event_id, pinned=pinned)


def edit(source: Any, event_id: str, *, date: str | None = None, text: str | None = None) -> None:
    correct(source, event_id, date=date, text=text)


def add(
    source: Any,
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
    _check_date(date)
    if not text.strip():
        raise CorrectionError("an event needs some text")
    db = database_of(source)
    with db.conn:
        number = add_manual_event(
            db,
            date,
            text.strip(),
            people=people or [],
            source_article_id=article_id,
            source_title=source_title,
            url=url,
            planned=planned,
            pinned=pinned,
        )
    return f"m{number}"
