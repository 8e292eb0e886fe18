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

from db.happenings import (
    StoredHappening,
    dirty_dates,
    event_rows_on,
    names_in_spans,
    replace_date,
)
from desktop.timeline.events import pronoun_person
from desktop.timeline.happenings import Report, cluster


def refresh_happenings(source: Any) -> int:
    """Cluster again the dates whose events changed; returns how many dates were redone."""
    db = source.db if hasattr(source, "db") and not isinstance(source, Database) else source
    if not db["happenings"].exists():
        return 0
    dates = dirty_dates(db)
    if not dates:
        return 0
    with db.atomic():
        rows = event_rows_on(db, dates)
        names = names_in_spans(db, sorted({r["article_id"] for r in rows}))
        by_date: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_date[row["date"]].append(row)
        for date in dates:
            replace_date(db, date, happenings_of(by_date.get(date, []), names))
    return len(dates)


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
                frozenset(people), frozenset(places),
            )
        )
    stored = []
    for happening in cluster(reports):
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
