"""Storage of the timeline's events (``events``, ``event_people``), corrections and manual events.

Events are derived: the analysis pipeline rewrites an article's events with the rest of its
analysis. Corrections (``event_corrections``) and hand-made events (``manual_events``) are the
reporter's own work and are never cleared; a correction finds its event again by
(article_id, key), the key being stable across re-analysis.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlite_utils import Database


class PlacedDate(Protocol):
    """A date already placed on the calendar by the caller (``desktop.timeline.precision.place``):
    storage keeps the columns it gives and knows nothing of TIMEX3 values itself."""

    @property
    def value(self) -> str: ...
    @property
    def precision(self) -> str: ...
    @property
    def first(self) -> dt.date: ...
    @property
    def last(self) -> dt.date: ...
    @property
    def sort_key(self) -> str: ...


def _placed_columns(placed: PlacedDate) -> dict[str, str]:
    return {
        "date": placed.value,
        "precision": placed.precision,
        "date_first": placed.first.isoformat(),
        "date_last": placed.last.isoformat(),
        "date_sort": placed.sort_key,
    }


def write_events(db: Database, article_id: int, events: Iterable[tuple[Any, PlacedDate]]) -> None:
    """Replace an article's events, each given with its placed date (events whose date could
    not be placed are the caller's to leave out); runs inside the caller's transaction."""
    db.execute("DELETE FROM events WHERE article_id = ?", [article_id])
    people_rows: list[tuple[int, int, str]] = []
    for event, placed in events:
        columns = _placed_columns(placed)
        cursor = db.execute(
            'INSERT INTO events (article_id, key, start, "end", text, date, precision, date_first,'
            " date_last, date_sort, planned, date_text, anchor, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                event.key,
                event.start,
                event.end,
                event.text,
                columns["date"],
                columns["precision"],
                columns["date_first"],
                columns["date_last"],
                columns["date_sort"],
                int(bool(event.planned)),
                event.date_text,
                event.anchor,
                event.confidence,
            ],
        )
        event_id = int(cursor.lastrowid or 0)
        people_rows.extend((event_id, article_id, name) for name in dict.fromkeys(event.people))
    if people_rows:
        db.conn.executemany(
            "INSERT INTO event_people (event_id, article_id, name) VALUES (?, ?, ?)", people_rows
        )
    apply_corrections(db, article_id)


def apply_corrections(db: Database, article_id: int, key: str | None = None) -> None:
    """Apply the stored corrections of an article (or of one event key) to its events.

    The events table holds the corrected values so the timeline filters need no join;
    ``event_corrections`` stays the record, and this runs again whenever events are rewritten.
    """
    sql = "SELECT event_key, hidden, pinned, date, precision, date_first, date_last, date_sort, text FROM event_corrections WHERE article_id = ?"
    params: list[Any] = [article_id]
    if key is not None:
        sql += " AND event_key = ?"
        params.append(key)
    for event_key, hidden, pinned, date, precision, first, last, sort, text in db.execute(
        sql, params
    ).fetchall():
        db.execute(
            "UPDATE events SET hidden = ?, pinned = ?, corrected = ?, date = COALESCE(?, date),"
            " precision = COALESCE(?, precision), date_first = COALESCE(?, date_first),"
            " date_last = COALESCE(?, date_last), date_sort = COALESCE(?, date_sort),"
            " text = COALESCE(?, text) WHERE article_id = ? AND key = ?",
            [
                hidden,
                pinned,
                int(date is not None or text is not None),
                date,
                precision,
                first,
                last,
                sort,
                text,
                article_id,
                event_key,
            ],
        )


def events_in_article(db: Database, article_id: int) -> list[dict[str, Any]]:
    rows = list(
        db["events"].rows_where("article_id = ?", [article_id], order_by="start, date_sort")
    )
    for row in rows:
        row["people"] = [
            r[0]
            for r in db.execute("SELECT name FROM event_people WHERE event_id = ?", [row["id"]])
        ]
    return rows


# -- corrections ----------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _changed_columns(
    hidden: bool | None, pinned: bool | None, date: PlacedDate | None, text: str | None
) -> dict[str, Any]:
    """The columns a correction sets (extracted or hand-made events alike): only those given."""
    changes: dict[str, Any] = {}
    if hidden is not None:
        changes["hidden"] = int(hidden)
    if pinned is not None:
        changes["pinned"] = int(pinned)
    if date is not None:
        changes |= _placed_columns(date)
    if text is not None:
        changes["text"] = text
    return changes


def correct_event(
    db: Database,
    article_id: int,
    key: str,
    *,
    hidden: bool | None = None,
    pinned: bool | None = None,
    date: PlacedDate | None = None,
    text: str | None = None,
) -> None:
    """Record a correction of one extracted event (only the given fields change)."""
    db.execute(
        "INSERT OR IGNORE INTO event_corrections (article_id, event_key, updated_at) VALUES (?, ?, ?)",
        [article_id, key, _now()],
    )
    changes = {"updated_at": _now()} | _changed_columns(hidden, pinned, date, text)
    assignments = ", ".join(f"{name} = ?" for name in changes)
    db.execute(
        f"UPDATE event_corrections SET {assignments} WHERE article_id = ? AND event_key = ?",
        [*changes.values(), article_id, key],
    )
    apply_corrections(db, article_id, key)


def add_manual_event(
    db: Database,
    date: PlacedDate,
    text: str,
    *,
    people: Iterable[str] = (),
    source_article_id: int | None = None,
    source_title: str | None = None,
    url: str | None = None,
    planned: bool = False,
    pinned: bool = False,
) -> int:
    row = _placed_columns(date) | {
        "text": text,
        "people": json.dumps(list(people), ensure_ascii=False),
        "source_article_id": source_article_id,
        "source_title": source_title,
        "url": url,
        "planned": int(planned),
        "pinned": int(pinned),
        "hidden": 0,
        "created_at": _now(),
    }
    cursor = db.execute(
        f"INSERT INTO manual_events ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    return int(cursor.lastrowid or 0)


def update_manual_event(
    db: Database,
    manual_id: int,
    *,
    hidden: bool | None = None,
    pinned: bool | None = None,
    date: PlacedDate | None = None,
    text: str | None = None,
) -> bool:
    changes = _changed_columns(hidden, pinned, date, text)
    if not changes:
        return True
    assignments = ", ".join(f"{name} = ?" for name in changes)
    cursor = db.execute(
        f"UPDATE manual_events SET {assignments} WHERE id = ?", [*changes.values(), manual_id]
    )
    return cursor.rowcount > 0


def event_by_id(db: Database, event_id: int) -> dict[str, Any] | None:
    row = db.execute("SELECT article_id, key FROM events WHERE id = ?", [event_id]).fetchone()
    return {"article_id": row[0], "key": row[1]} if row else None


# -- undo: a source row's correction as it stood, and hand-made events taken back ------------

_SHOWN_COLUMNS = (
    "hidden",
    "pinned",
    "corrected",
    "date",
    "precision",
    "date_first",
    "date_last",
    "date_sort",
    "text",
)


@dataclass(frozen=True)
class EventState:
    """One source row of an event as it stood before a correction, so undo can put it back.

    ``correction`` is its ``event_corrections`` row (None: it had none); ``shown`` the values
    its ``events`` row held, since a correction overwrites the extracted date and wording there.
    """

    article_id: int
    key: str
    correction: dict[str, Any] | None
    shown: dict[str, Any] | None


def event_states(db: Database, members: Iterable[tuple[int, str]]) -> list[EventState]:
    """The state of each (article_id, key) source row now (``members`` named once each): what
    ``restore_event_states`` takes."""
    shown = ", ".join(f'"{name}"' for name in _SHOWN_COLUMNS)
    correction_sql = "SELECT * FROM event_corrections WHERE article_id = ? AND event_key = ?"
    shown_sql = f"SELECT {shown} FROM events WHERE article_id = ? AND key = ? LIMIT 1"
    return [
        EventState(
            article_id,
            key,
            next(db.query(correction_sql, [article_id, key]), None),
            next(db.query(shown_sql, [article_id, key]), None),
        )
        for article_id, key in members
    ]


def restore_event_states(db: Database, states: Iterable[EventState]) -> None:
    """Put each source row back as it stood (its own correction, or none); runs inside the
    caller's transaction. A row whose article was deleted since is left alone."""
    for state in states:
        db.execute(
            "DELETE FROM event_corrections WHERE article_id = ? AND event_key = ?",
            [state.article_id, state.key],
        )
        if db.execute("SELECT 1 FROM articles WHERE id = ?", [state.article_id]).fetchone() is None:
            continue
        if state.correction is not None:
            db["event_corrections"].insert(state.correction)
        if state.shown is not None:
            assignments = ", ".join(f'"{name}" = ?' for name in state.shown)
            db.execute(
                f"UPDATE events SET {assignments} WHERE article_id = ? AND key = ?",
                [*state.shown.values(), state.article_id, state.key],
            )


def delete_manual_event(db: Database, manual_id: int) -> dict[str, Any] | None:
    """Delete a hand-made event; returns its row (None: there was none) so that undoing its
    deletion, or redoing its addition, can put it back with ``restore_manual_event``."""
    row = next(db.query("SELECT * FROM manual_events WHERE id = ?", [manual_id]), None)
    if row is not None:
        db.execute("DELETE FROM manual_events WHERE id = ?", [manual_id])
    return row


def restore_manual_event(db: Database, row: dict[str, Any]) -> int:
    """Put a deleted hand-made event back, content and id alike ("m<id>" may be named by later
    edits on the undo stack). Refused if another event has taken that id meanwhile."""
    if db.execute("SELECT 1 FROM manual_events WHERE id = ?", [row["id"]]).fetchone():
        raise ValueError(f"cannot put event m{row['id']} back: another event has its number")
    db["manual_events"].insert(row)
    return int(row["id"])
