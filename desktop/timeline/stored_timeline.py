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
from db.timeline import EventFilter, Where, event_where
from desktop.timeline.filters import Filters
from desktop.timeline.merge import flag_conflicting_dates
from desktop.timeline.rules import made_by_these_rules


def can_serve(filters: Filters) -> bool:
    """Whether the stored entries make this timeline: no filter but dates and hidden events."""
    return not (filters.person or filters.query or filters.tag or filters.include_off_story)


def _dates(filters: Filters) -> Where | None:
    """The date filter as ``build_timeline`` applies it to each report (None: all dates)."""
    if not (filters.date_from or filters.date_to):
        return None
    return event_where(EventFilter(include_hidden=True, include_off_story=True,
                                   date_from=filters.date_from, date_to=filters.date_to))


def refresh(db: Database) -> None:
    """Bring the stored happenings and their entries up to date, if anything changed. (Only
    the whole timeline's readers render entries: the window and the brief read happenings.)"""
    if stored.has_entries_table(db) and stored.nothing_changed(db) and made_by_these_rules(db):
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
    dates = _dates(filters)
    # Conflicts are checked among the events a timeline shows: on some dates, found again.
    patched = {} if dates is None else {
        happening: entry for happening, _found, entry in
        conflicts_changed(stored.compared(db, filters.include_hidden, dates))}
    manual: list[tuple[str, str, str, str]] = []
    if stored.has_manual_events(db):
        # lazy: hand-made events are built as the timeline builds them (few, and rare)
        from desktop.timeline.query import manual_events

        manual = sorted((e.sort_key, e.sources[0].published or "" if e.sources else "", e.id,
                         json.dumps(e.as_dict(), ensure_ascii=False)) for e in manual_events(db, filters))
    entries = ((key, published, entry_id, patched.get(happening, line)) for key, published, entry_id, line, happening
               in stored.entry_lines(db, filters.include_hidden, dates))
    return (line for *_key, line in heapq.merge(entries, manual))


class _Compared:
    """What the conflict check (``merge.flag_conflicting_dates``) reads of a timeline entry,
    and what it flags."""

    __slots__ = ("articles", "conflict", "conflicting_dates", "date", "date_texts", "people")

    def __init__(self, date: str, people: list[str], articles: set[int | None], date_texts: list[str]) -> None:
        self.date, self.people, self.articles, self.date_texts = date, people, articles, date_texts
        self.conflict, self.conflicting_dates = False, []


def conflicts_changed(rows: list[tuple[int, str, str | None, str | None]]) -> list[tuple[int, str | None, str]]:
    """Flag the entries that look alike but carry different nearby days, among these rows of
    ``timeline_entries.compared`` (in the timeline's order), as ``build_timeline`` flags them:
    (happening id, its conflicting dates as JSON or None, its entry with them) of each entry
    whose conflicts are not the ones stored."""
    fields = json.loads("[" + ",".join(r[1] for r in rows) + "]")  # one parse, not one per entry
    events = []
    for date, _words, people, articles, date_texts in fields:
        if len(articles) != len(date_texts):  # one date wording per report, as rendered
            raise ValueError("a stored timeline entry's reports and date words differ in number")
        events.append(_Compared(date, people, set(articles), date_texts))
    words = [frozenset(f[1]) for f in fields]
    flag_conflicting_dates(events, words.__getitem__, lambda e: e.articles, lambda e: e.date_texts)
    changed = []
    for event, (happening_id, _fields, conflicts, entry) in zip(events, rows, strict=True):
        found = json.dumps(event.conflicting_dates, ensure_ascii=False) if event.conflict else None
        if found != conflicts and entry is not None:
            item = json.loads(entry)
            item["conflict"] = event.conflict
            item["conflicting_dates"] = list(event.conflicting_dates)
            changed.append((happening_id, found, json.dumps(item, ensure_ascii=False)))
    return changed
