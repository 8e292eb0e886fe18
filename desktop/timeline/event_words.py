"""What the brief reads of each event, computed once: its content words, how well it stands
alone as a bullet, and its people.

A brief of a 20,000-article library cannot tokenise 140,000 sentences, score each as a
bullet and match every article's person mentions on every call; these are properties of the
event alone, so they are computed when the event is stored or changed (``keep_event_words``,
called when happenings are refreshed) and read back as plain rows. People are kept as
person ids (and the names stored with the event for an article whose mentions are not linked
to the library's people), so a rename shows without computing anything again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from db import timeline as store
from db.connection import only_reads
from db.event_words import has_event_words, missing_words, write_words
from desktop.timeline.bullets import bullet_length
from desktop.timeline.events import pronoun_person
from desktop.timeline.happenings import cleanliness
from desktop.timeline.merge import content_tokens

#: An event's people as stored: (person ids in text order, antecedent id, names stored with the event).
People = tuple[list[int], int | None, list[str]]


def keep_event_words(db: Database) -> dict[int, tuple[str, float, str, int]]:
    """Compute the rows of events that have none, and store them (a connection that only
    reads keeps them in memory); returns what it computed, by event id."""
    if not has_event_words(db):
        return {}
    rows = missing_words(db)
    if not rows:
        return {}
    computed = words_of(db, rows)
    if not only_reads(db):
        with db.atomic():
            write_words(db, [(event_id, *row) for event_id, row in computed.items()])
    return computed


def words_of(db: Database, rows: Sequence[dict[str, Any]]) -> dict[int, tuple[str, float, str, int]]:
    """(tokens, clean, people, bullet words) of event rows (id, article_id, text, start, end,
    date);
    people as JSON (``People``), "" when there are none."""
    spans = store.person_spans(db, sorted({r["article_id"] for r in rows}), ids=True)
    fallback: dict[int, list[str]] = {}
    for event_id, name in store.stored_event_people(
        db, [r["id"] for r in rows if r["article_id"] not in spans]
    ):
        fallback.setdefault(event_id, []).append(name)
    computed = {}
    for row in rows:
        text = row["text"] or ""
        people = _people(row, spans.get(row["article_id"], []), fallback.get(row["id"], []))
        computed[row["id"]] = (
            " ".join(sorted(content_tokens(text))), cleanliness(text),
            json.dumps(people) if people[0] or people[1] is not None or people[2] else "",
            bullet_length(text, row.get("date") or ""),
        )
    return computed


def _people(row: dict[str, Any], spans: list[tuple[int, int, int]], names: list[str]) -> People:
    """As ``query._people_of`` finds them, by person id."""
    if not spans:
        return [], None, names
    ids: list[int] = []
    for start, end, person_id in spans:
        if row["start"] <= start and end <= row["end"] and person_id not in ids:
            ids.append(person_id)
    return ids, pronoun_person(row["text"], row["start"], spans), []  # type: ignore[arg-type]


def people_names(stored: str, names: dict[int, str]) -> list[str] | None:
    """The event's people (``People`` as JSON) by their current names, as
    ``query._people_of`` lists them; None when a stored person is no longer in the library
    (compute them again)."""
    if not stored:
        return []
    ids, antecedent, fallback = json.loads(stored)
    if any(i not in names for i in ids) or (antecedent is not None and antecedent not in names):
        return None
    people: list[str] = []
    for person_id in ids:
        name = names[person_id]
        if name not in people:
            people.append(name)
    if antecedent is not None:
        name = names[antecedent]
        if name and name not in people:
            people.insert(0, name)
    return people + list(fallback)
