"""Keeping the stored happenings current: the dates whose sentences changed are clustered again.

Import, re-analysis and corrections change ``events``; a trigger notes the dates they touched
and the next reader (timeline, brief, window) calls ``refresh_happenings`` first, which
clusters just those dates again in one transaction. Reading an unchanged library costs one
small query.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlite_utils import Database

from db.connection import only_reads
from db.derived_rules import renew_derived
from db.furniture import (
    REPEATED,
    dirty_outlets,
    drop_analysis_inside,
    forget_dirty_outlets,
    furniture_of,
    outlet_texts,
    repeated_spans_with_events_on,
    write_furniture,
)
from db.happenings import (
    StoredHappening,
    dirty_dates,
    event_rows_on,
    names_in_spans,
    replace_date,
)
from db.library import Library
from desktop.clipping.repetition import repeated_furniture
from desktop.timeline.event_words import keep_event_words
from desktop.timeline.events import pronoun_person
from desktop.timeline.happenings import Report, cluster
from desktop.timeline.paraphrase import merge_paraphrases
from desktop.timeline.rules import DERIVED_RULES


def refresh_happenings(source: Library | Database, *, most: int | None = None) -> int:
    """Find the furniture of outlets whose clips changed, then cluster again the dates whose
    events changed (at ``most`` of them, the earliest: a caller that may be stopped takes them
    in steps); returns how many dates were redone."""
    db = source.db if hasattr(source, "db") and not isinstance(source, Database) else source
    if not db["happenings"].exists() or only_reads(db):
        return 0  # a connection that only reads (the window's): its writer refreshes them
    renew_derived(db, DERIVED_RULES)  # made by another Clipline's rules: all made again
    refresh_outlet_furniture(db)
    dates = dirty_dates(db)[:most]
    if dates:
        with db.atomic():
            drop_repeated_furniture_events(db, dates)
            rows = event_rows_on(db, dates)
            names = names_in_spans(db, sorted({r["article_id"] for r in rows}))
            by_date: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in rows:
                by_date[row["date"]].append(row)
            for date in dates:
                replace_date(db, date, happenings_of(by_date.get(date, []), names))
    # What the brief reads of each new or changed event: also when no date changed (a rename
    # makes the words of its people's events stale; an upgraded library has none yet).
    keep_event_words(db)
    return len(dates)


def refresh_outlet_furniture(db: Database) -> None:
    """Lines recurring at the edges of several clips of one outlet are furniture: recorded
    per article, and what analysis found inside them is forgotten (one transaction)."""
    outlets = dirty_outlets(db)
    if not outlets:
        return
    with db.atomic():
        for outlet in outlets:
            clips = [(a, text) for a, _o, text in outlet_texts(db, [outlet])]
            found = repeated_furniture(clips)
            for article_id, _text in clips:
                spans = found.get(article_id, [])
                stored = [(s, e) for s, e, kind in furniture_of(db, article_id) if kind == REPEATED]
                if stored == [(f.start, f.end) for f in spans]:
                    continue
                write_furniture(db, article_id, spans, repeated=True)
                drop_analysis_inside(db, article_id, [(f.start, f.end) for f in spans])
        forget_dirty_outlets(db)


def drop_repeated_furniture_events(db: Database, dates: list[str]) -> None:
    """Events (and mentions) re-analysis found again inside repeated furniture."""
    for article_id, start, end in repeated_spans_with_events_on(db, dates):
        drop_analysis_inside(db, article_id, [(start, end)])


def happenings_of(
    rows: list[dict[str, Any]], names: dict[int, list[tuple[int, int, str, str]]]
) -> list[StoredHappening]:
    """The happenings of one date's event rows, ready to store."""
    if not rows:
        return []
    by_id = {r["id"]: r for r in rows}
    reports = []
    for r in rows:
        spans = names.get(r["article_id"], [])
        people = {n for s, e, label, n in spans if label == "PERSON" and r["start"] <= s and e <= r["end"]}
        places = {n for s, e, label, n in spans if label == "PLACE" and r["start"] <= s and e <= r["end"]}
        persons = [(s, e, n) for s, e, label, n in spans if label == "PERSON"]
        antecedent = pronoun_person(r["text"], r["start"], persons) if persons else None
        if antecedent:
            people.add(antecedent)
        reports.append(
            Report(
                r["id"], r["article_id"], r["outlet"] or "", r["published"] or "", r["text"],
                frozenset(people), frozenset(places), planned=bool(r["planned"]),
            )
        )
    stored = []
    for happening in merge_paraphrases(cluster(reports)):
        head = by_id[happening.headline.event_id] if happening.headline else rows[0]
        members = happening.reports
        people = _by_count(n for r in members for n in r.people)
        places = _by_count(n for r in members for n in r.places)
        published = sorted(r.published for r in members if r.published)
        stored.append(
            StoredHappening(
                head["date"], head["precision"], head["date_sort"], head["id"], head["text"],
                [r.event_id for r in members], len(happening.articles), happening.outlets(),
                published[0] if published else None, people, places,
                all(by_id[r.event_id]["planned"] for r in members),
            )
        )
    return stored


def _by_count(names: Any) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for name in names:
        counts[name] += 1
    return sorted(counts, key=lambda n: (-counts[n], n))
