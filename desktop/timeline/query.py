"""Building the timeline from the library: filtered in SQL, corrected, merged, in order.

``build_timeline`` is what the window, the CLI and the brief call. ``count_events`` and
``event_rows`` are the fast paths for a window that pages through a large library; a window
that keeps the keys (``event_keys``, ``person_event_keys`` for one person matched exactly)
reads one merged page at a time with ``timeline_page`` (``events_by_id`` unmerged).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from db import timeline as store
from db.happenings import happening_of
from db.library import Library
from desktop.people.name_keys import name_key
from desktop.timeline.events import pronoun_person
from desktop.timeline.filters import Filters, event_where, manual_where
from desktop.timeline.happening_store import refresh_happenings
from desktop.timeline.merge import (
    CONFLICT_DAYS,
    _absorb,
    _copy,
    _flag_conflicts,
    _tell_it_best,
    content_tokens,
)
from desktop.timeline.precision import place, shift_day
from desktop.timeline.timeline_event import Source, TimelineEvent


def database_of(source: Library | Database) -> Database:
    """The database of a ``Library``, or the sqlite-utils ``Database`` given."""
    return source.db if hasattr(source, "db") and not isinstance(source, Database) else source


_database = database_of


def event_rows(
    source: Library | Database, filters: Filters | None = None, *, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Extracted events matching the filters, corrections applied, in date order (unmerged)."""
    return store.event_rows(database_of(source), event_where(filters or Filters()), limit=limit, offset=offset)


def event_keys(source: Library | Database, filters: Filters | None = None) -> list[tuple[int, str]]:
    """(event id, sort key) of every extracted event matching the filters, in date order:
    what a lazily fetching window model keeps (no join: events hold corrected values)."""
    return store.event_keys(database_of(source), event_where(filters or Filters()))


def count_happenings(source: Library | Database, event_ids: Iterable[int]) -> int:
    """How many happenings these extracted events are (as ``build_timeline`` groups them:
    an event not yet clustered is one on its own)."""
    db = database_of(source)
    refresh_happenings(db)
    ids = list(event_ids)
    grouped, happenings = store.happening_ids(db, ids)
    return len(happenings) + len(ids) - grouped


def count_events(source: Library | Database, filters: Filters | None = None) -> int:
    return store.count_events(database_of(source), event_where(filters or Filters()))


def _people_of(db: Database, rows: list[dict[str, Any]]) -> dict[int, list[str]]:
    """The people named in each event's sentence, by their current library names.

    Mentions linked to the library's people (so renames and merges show); the names stored
    with the event for articles that have no linked mentions.
    """
    people: dict[int, list[str]] = defaultdict(list)
    spans = store.person_spans(db, sorted({r["article_id"] for r in rows}))
    fallback = [r["id"] for r in rows if r["article_id"] not in spans]
    for row in rows:
        article_people = spans.get(row["article_id"], [])
        for start, end, name in article_people:
            if row["start"] <= start and end <= row["end"] and name not in people[row["id"]]:
                people[row["id"]].append(name)
        if article_people:
            antecedent = pronoun_person(row["text"], row["start"], article_people)
            if antecedent and antecedent not in people[row["id"]]:
                people[row["id"]].insert(0, antecedent)
    for event_id, name in store.stored_event_people(db, fallback):
        people[event_id].append(name)
    return people


def manual_events(source: Library | Database, filters: Filters | None = None) -> list[TimelineEvent]:
    db = database_of(source)
    events = []
    for row in store.manual_rows(db, manual_where(filters or Filters())):
        sources = []
        if row["source_article_id"] is not None or row["url"] or row["source_title"]:
            sources.append(
                Source(
                    row["source_article_id"] if row["a_title"] is not None else None,
                    row["source_title"] or row["a_title"] or row["url"] or "",
                    row["url"] or row["a_url"],
                    row["a_published"],
                    row["a_outlet"],
                    row["text"],
                    hidden=bool(row["hidden"]),
                )
            )
        events.append(
            TimelineEvent(
                f"m{row['id']}",
                row["date"],
                row["precision"],
                row["text"],
                json.loads(row["people"] or "[]"),
                bool(row["planned"]),
                sources,
                pinned=bool(row["pinned"]),
                manual=True,
                hidden=bool(row["hidden"]),
            )
        )
    return events


def event_page(
    source: Library | Database, filters: Filters | None = None, *, limit: int = 200, offset: int = 0
) -> list[TimelineEvent]:
    """One page of the unmerged timeline (each extracted event with its one source), for a
    window that fetches rows lazily; pair with ``count_events``."""
    db = database_of(source)
    rows = event_rows(db, filters, limit=limit, offset=offset)
    return _events_from_rows(db, rows)


def _events_from_rows(db: Database, rows: list[dict[str, Any]]) -> list[TimelineEvent]:
    people = _people_of(db, rows)
    return [
        TimelineEvent(
            f"e{r['id']}",
            r["date"],
            r["precision"],
            r["text"],
            people.get(r["id"], []),
            bool(r["planned"]),
            [
                Source(
                    r["article_id"],
                    r["title"] or "",
                    r["url"],
                    r["published"],
                    r["outlet"],
                    r["text"],
                    r["id"],
                    r["key"],
                    r["start"],
                    r["end"],
                    r.get("date_text") or "",
                    bool(r.get("hidden")),
                )
            ],
            pinned=bool(r["pinned"]),
            corrected=bool(r["corrected"]),
            hidden=bool(r.get("hidden")),
        )
        for r in rows
    ]


def build_timeline(
    source: Library | Database, filters: Filters | None = None, *, merge: bool = True, limit: int | None = None
) -> list[TimelineEvent]:
    """The timeline: events matching ``filters`` (corrections applied, hidden ones left out
    unless ``filters.include_hidden``, then marked ``hidden``), merged across articles unless
    ``merge`` is False, with hand-made events, in date order."""
    db = database_of(source)
    filters = filters or Filters()
    if merge:
        refresh_happenings(db)
    rows = event_rows(db, filters, limit=limit)
    events = _events_from_rows(db, rows)
    if merge:
        return as_happenings(db, events, manual_events(db, filters))
    events.extend(manual_events(db, filters))
    events.sort(key=lambda e: (e.sort_key, e.sources[0].published or "" if e.sources else ""))
    return events


def as_happenings(
    db: Database, events: list[TimelineEvent], manual: Iterable[TimelineEvent] = ()
) -> list[TimelineEvent]:
    """Extracted events (one source each) grouped into their stored happenings, told by the
    happening's headline sentence, date conflicts flagged, with the hand-made events, in order.

    A happening is shown when any of its reports is; it is hidden only when all are. Events
    not yet clustered (a library being written to) stand alone.
    """
    ids = [s.event_id for e in events for s in e.sources if s.event_id is not None]
    merged = grouped(events, happening_of(db, ids))
    tokens = {id(e): content_tokens(e.text) for e in merged if e.precision == "day"}
    merged.extend(manual)  # hand-made events are never compared for conflicts
    _flag_conflicts(merged, tokens)
    merged.sort(key=lambda e: (e.sort_key, e.sources[0].published or "" if e.sources else "", e.id))
    return merged


def grouped(events: list[TimelineEvent], stored: dict[int, dict[str, Any]]) -> list[TimelineEvent]:
    """Extracted events grouped by their stored happening (``stored``: ``happening_of`` them),
    each told by its headline sentence, in the order their first reports come (shown reports
    first); no conflicts flagged, not sorted."""
    groups: dict[Any, TimelineEvent] = {}
    for event in sorted(events, key=lambda e: e.hidden):  # shown reports name it first
        event_id = event.sources[0].event_id if event.sources else None
        row = stored.get(event_id) if event_id is not None else None
        key = ("h", row["id"]) if row else ("e", event.id)
        if key not in groups:
            groups[key] = _copy(event)
            if row:
                groups[key].happening = row["id"]
                groups[key].places = json.loads(row["places"] or "[]")
        else:
            _absorb(groups[key], event)
    merged: list[TimelineEvent] = []
    for key, event in groups.items():
        headline_id = stored[event.sources[0].event_id]["event_id"] if key[0] == "h" else None
        told = next((s for s in event.sources if s.event_id == headline_id), None)
        if told is not None and not event.corrected:
            event.text = told.sentence
        elif told is None:
            _tell_it_best(event)
        merged.append(event)
    return merged


# -- the window's pages ---------------------------------------------------------------------


def events_by_id(source: Library | Database, event_ids: Iterable[int]) -> list[TimelineEvent]:
    """Extracted events by id (corrections applied, each with its one source), unmerged, in
    date order: the rows for the keys a window got from ``event_keys``."""
    db = database_of(source)
    return _events_from_rows(db, store.event_rows_by_id(db, event_ids))


def _exact_person(db: Database, person: int | str) -> tuple[list[int], list[str]]:
    """The library's people meant by ``person`` — its id, or a name or alias equal to it
    (case and spelling folded as the library's name keys are, never a part of a name) — and
    every name they go by, for events whose people are stored as names."""
    text = str(person).strip()
    if isinstance(person, int) or text.isdigit():
        ids, names = store.exact_person(db, person_id=int(text))
        return ids, list(dict.fromkeys(names))
    ids, names = store.exact_person(db, key=name_key(text))
    return ids, list(dict.fromkeys([text, *names]))


def _person_clause(db: Database, person: int | str) -> store.Where:
    return store.person_clause(*_exact_person(db, person))


def person_event_keys(
    source: Library | Database, person: int | str, filters: Filters | None = None
) -> list[tuple[int, str]]:
    """``event_keys`` for one person matched exactly (by id, or by a name they go by):
    "Person1" never brings the events of "Person10". ``filters.person`` is ignored."""
    db = database_of(source)
    where, params = event_where(replace(filters or Filters(), person=None))
    clause, more = _person_clause(db, person)
    return store.event_keys(db, (f"{where} AND {clause}", [*params, *more]))


def person_manual_events(
    source: Library | Database, person: int | str, filters: Filters | None = None
) -> list[TimelineEvent]:
    """``manual_events`` naming one person exactly (see ``person_event_keys``)."""
    db = database_of(source)
    _ids, names = _exact_person(db, person)
    wanted = {n.casefold() for n in names}
    events = manual_events(db, replace(filters or Filters(), person=None))
    return [e for e in events if wanted & {p.casefold() for p in e.people}]


def timeline_page(
    source: Library | Database,
    event_ids: Iterable[int],
    manual: Iterable[TimelineEvent] = (),
    filters: Filters | None = None,
    *,
    person: int | str | None = None,
) -> list[TimelineEvent]:
    """One page of the timeline, merged, in date order: the extracted events ``event_ids``
    (whole dates, as ``event_keys`` lists them) and the hand-made events ``manual``.

    Date conflicts are flagged as ``build_timeline`` flags them, also against events on the
    days around the page that match the same filters (and ``person``, matched exactly): a
    conflicting report a few days away is on another page of a paging window.
    """
    db = database_of(source)
    filters = filters or Filters()
    page = events_by_id(db, event_ids)
    page_ids = {s.event_id for e in page for s in e.sources}
    days = [place(e.date) for e in page if e.precision == "day"]
    neighbours: list[TimelineEvent] = []
    placed = [d for d in days if d is not None]
    if placed:
        low = shift_day(min(d.first for d in placed), -CONFLICT_DAYS)
        high = shift_day(max(d.first for d in placed), CONFLICT_DAYS)
        if filters.date_from and filters.date_from > low:
            low = filters.date_from
        if filters.date_to and filters.date_to < high:
            high = filters.date_to
        around = replace(filters, person=None, date_from=low, date_to=high)
        where, params = event_where(around)
        if person is not None:
            clause, more = _person_clause(db, person)
            where, params = f"{where} AND {clause}", [*params, *more]
        elif filters.person:
            where, params = event_where(replace(around, person=filters.person))
        rows = [
            r
            for r in store.event_rows(db, (f"{where} AND e.precision = 'day'", params))
            if r["id"] not in page_ids
        ]
        neighbours = _events_from_rows(db, rows)
    refresh_happenings(db)
    merged = as_happenings(db, [*page, *neighbours], manual)
    return [e for e in merged if e.manual or any(s.event_id in page_ids for s in e.sources)]
