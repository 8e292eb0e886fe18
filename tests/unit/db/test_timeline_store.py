"""The timeline's SQL in storage: filters given as plain values (no desktop code) pick the
events and hand-made events a reporter asked for."""

from __future__ import annotations

import datetime as dt

from db import timeline as store
from db.timeline import EventFilter
from tests.ui.conftest import build_small_library


def _texts(db, f: EventFilter) -> list[str]:
    return [row["text"] for row in store.event_rows(db, store.event_where(f))]


def test_a_person_is_matched_by_whole_words_of_a_name(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        zakharova = _texts(db, EventFilter(person="Zakharova"))
        assert len(zakharova) == 2 and all("Zakharova" in t for t in zakharova)
        assert _texts(db, EventFilter(person="Zakharov")) == []  # a part of a name finds no one
        assert _texts(db, EventFilter(person="Lavrov")) == ["Sergey Lavrov met envoys in May 2025."]


def test_dates_words_and_stories_narrow_the_events_and_count_as_listed(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        june = EventFilter(date_from=dt.date(2025, 6, 1), date_to=dt.date(2025, 6, 30))
        assert [t[:25] for t in _texts(db, june)] == ["Peace talks will be held ", "Peace talks will be held "]
        assert store.count_events(db, store.event_where(june)) == 2
        assert _texts(db, EventFilter(fts='"memorandum"')) == [
            "The memorandum was first drafted in 2024 by Maria Zakharova's office."]
        story = store.event_where(EventFilter(tag="Ukraine talks"))
        assert store.count_events(db, story) == 4
        keys = store.event_keys(db, story)
        assert [k[1] for k in keys] == sorted(k[1] for k in keys)  # in date order
        by_id = store.event_rows_by_id(db, [k[0] for k in reversed(keys)])
        assert [r["id"] for r in by_id] == [k[0] for k in keys]


def test_the_people_of_an_event_by_id_or_name_key(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        key = db.execute("SELECT key FROM people WHERE name = 'Sergey Lavrov'").fetchone()[0]
        ids, names = store.exact_person(db, key=key)
        assert names == ["Sergey Lavrov"]
        assert store.exact_person(db, person_id=ids[0]) == (ids, names)
        where = store.person_clause(ids, names)
        assert [r["text"] for r in store.event_rows(db, where)] == ["Sergey Lavrov met envoys in May 2025."]
        assert store.person_clause([], [])[0] == "(0)"  # nobody: no event
