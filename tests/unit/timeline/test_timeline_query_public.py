"""The timeline's public paging API for the window: events by id, a person matched exactly,
one merged page with date conflicts checked against the days around it."""

from __future__ import annotations

import pytest

from desktop.timeline import corrections
from desktop.timeline.filters import Filters
from desktop.timeline.query import (
    build_timeline,
    event_keys,
    events_by_id,
    person_event_keys,
    person_manual_events,
    timeline_page,
)
from tests.ui.conftest import _add, _event, _mention, build_small_library


@pytest.fixture
def library(tmp_path):
    library = build_small_library(tmp_path / "library.db")
    for name, sentence, date in (
        ("Anna Kovalenko", "Anna Kovalenko resigned on May 12, 2025.", "2025-05-12"),
        ("Anna Kovalenkova", "Anna Kovalenkova won the vote on May 14, 2025.", "2025-05-14"),
    ):
        text = f"{sentence} Officials confirmed it."
        _add(library, f"About {name}", "AP", "2025-05-20", "2025-05-21T10:00:00+00:00", text, [],
             [_mention(text, name, "PERSON")], [_event(text, sentence, date, [name])])
    yield library
    library.close()


def test_events_by_id_read_as_the_timeline_does_in_date_order(library):
    keys = event_keys(library)
    events = events_by_id(library, [k[0] for k in reversed(keys)])
    assert [e.id for e in events] == [f"e{k[0]}" for k in keys]
    whole = {s.event_id: e for e in build_timeline(library, merge=False) for s in e.sources}
    for event in events:
        same = whole[event.sources[0].event_id]
        assert (event.date, event.text, event.people, event.planned) == (
            same.date, same.text, same.people, same.planned)


def test_a_person_is_matched_exactly_by_name_or_id(library):
    def dates(person):
        return [e.date for e in events_by_id(library, [k[0] for k in person_event_keys(library, person)])]

    assert dates("Anna Kovalenko") == ["2025-05-12"]
    assert dates("anna kovalenko") == ["2025-05-12"]
    assert dates("Anna Kovalenkova") == ["2025-05-14"]
    assert dates("Kovalenko") == []
    person_id = library.db.execute("SELECT id FROM people WHERE name = 'Anna Kovalenkova'").fetchone()[0]
    assert dates(person_id) == dates(str(person_id)) == ["2025-05-14"]
    assert dates("Maria Zakharova") == ["2024", "2025-05-29"]
    in_2025 = Filters.from_strings(date_from="2025")
    assert [k[1][:10] for k in person_event_keys(library, "Maria Zakharova", in_2025)] == ["2025-05-29"]


def test_hand_made_events_of_a_person_exactly(library):
    corrections.add(library, "2025-06", "A memorandum is expected.", people=["Anna Kovalenkova"])
    assert [e.text for e in person_manual_events(library, "Anna Kovalenkova")] == ["A memorandum is expected."]
    assert person_manual_events(library, "Anna Kovalenko") == []


def test_a_page_flags_a_conflict_with_a_date_outside_it(library):
    keys = event_keys(library)
    june2 = [k[0] for k in keys if k[1].startswith("2025-06-02")]
    page = timeline_page(library, june2)
    assert [e.date for e in page] == ["2025-06-02"]  # the 3 June report is not on the page...
    assert page[0].conflict and page[0].conflicting_dates == ["2025-06-03"]  # ...but is seen
    whole = next(e for e in build_timeline(library) if e.date == "2025-06-02")
    assert whole.conflicting_dates == page[0].conflicting_dates
    hidden = next(e for e in build_timeline(library) if e.date == "2025-06-03")
    corrections.hide(library, hidden.id)
    assert not timeline_page(library, june2)[0].conflict  # a hidden report is no conflict


def test_a_page_keeps_the_filters_for_its_neighbours(library):
    keys = event_keys(library)
    june2 = [k[0] for k in keys if k[1].startswith("2025-06-02")]
    only_june2 = Filters.from_strings(date_to="2025-06-02")
    assert not timeline_page(library, june2, filters=only_june2)[0].conflict
    manual = [e for e in build_timeline(library) if e.manual]
    assert timeline_page(library, [], manual) == []
