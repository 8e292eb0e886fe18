"""Reading the whole timeline from the stored entries (``entries``): what ``timeline --json``
prints for a library with no filter but the hidden events, in one indexed scan.

Light on purpose: it imports neither the clustering nor the timeline builder unless the
library changed since the entries were rendered, or holds hand-made events, so the command
starts as fast as reading its rows. A filtered timeline (person, words, tag, dates) is built
as before: its conflicts are checked among the events it shows.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator

from sqlite_utils import Database

from db import timeline_entries as stored
from db.connection import only_reads
from desktop.timeline.filters import Filters


def can_serve(filters: Filters) -> bool:
    """Whether the stored entries are this timeline: no filter but the hidden events."""
    return filters.is_empty() and not filters.include_off_story


def refresh(db: Database) -> None:
    """Bring the stored happenings and their entries up to date, if anything changed. (Only
    the whole timeline's readers render entries: the window and the brief read happenings.)"""
    if stored.has_entries_table(db) and stored.nothing_changed(db):
        return
    # lazy: clustering and rendering load only when the library changed since the last read
    from desktop.timeline.entries import refresh_entries
    from desktop.timeline.happening_store import refresh_happenings

    refresh_happenings(db)
    if not only_reads(db):
        refresh_entries(db)


def timeline_lines(db: Database, filters: Filters) -> Iterator[str] | None:
    """The timeline's entries as ``timeline --json`` writes them (one JSON object each,
    hand-made events in their places), or None when the stored entries are not current (a
    connection that only reads, a library being written to): build it then."""
    if not stored.has_entries_table(db) or not stored.is_current(db):
        return None
    manual: list[tuple[str, str, str, str]] = []
    if stored.has_manual_events(db):
        # lazy: hand-made events are built as the timeline builds them (few, and rare)
        from desktop.timeline.query import manual_events

        manual = sorted((e.sort_key, e.sources[0].published or "" if e.sources else "", e.id,
                         json.dumps(e.as_dict(), ensure_ascii=False)) for e in manual_events(db, filters))
    return (line for *_key, line in heapq.merge(stored.entry_lines(db, filters.include_hidden), manual))
