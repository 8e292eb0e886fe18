"""The whole timeline is read from entries stored per happening: what ``timeline --json``
prints is what building the timeline gives, and a correction, a rename, a merge or a "not
this story" mark shows at once, date conflicts included."""

from __future__ import annotations

import json

import pytest

from desktop.people.corrections import merge_people, rename_person
from desktop.timeline import corrections
from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline
from desktop.timeline.stored_timeline import refresh, timeline_lines
from desktop.timeline.triage import set_aside
from tests.ui.conftest import _add, _event, _mention, build_small_library

SHOWN, EVERY = Filters(), Filters(include_hidden=True)


@pytest.fixture
def library(tmp_path):
    library = build_small_library(tmp_path / "library.db")
    text = "Sergey Lavrov said talks in Istanbul on June 2 are set. He praised the hosts."
    _add(library, "Talks confirmed", "AP", "2025-05-31", "2025-06-01T12:00:00+00:00", text, [],
         [_mention(text, "Sergey Lavrov", "PERSON")],
         [_event(text, "Sergey Lavrov said talks in Istanbul on June 2 are set.", "2025-06-02", ["Sergey Lavrov"]),
          _event(text, "He praised the hosts.", "2025-06-02", [])])
    yield library
    library.close()


def stored_timeline(library, filters):
    refresh(library.db)
    lines = timeline_lines(library.db, filters)
    assert lines is not None  # the stored entries are current after a refresh
    return [json.loads(line) for line in lines]


def built_timeline(library, filters):
    return [e.as_dict() for e in build_timeline(library, filters)]


RANGES = [Filters.from_strings(date_to="2025-06-02"), Filters.from_strings(date_from="2025-06-03"),
          Filters.from_strings(date_from="2025-05", date_to="2025-06-02", include_hidden=True),
          Filters.from_strings(date_from="2026")]


def assert_same(library):
    for filters in (SHOWN, EVERY, *RANGES):
        assert stored_timeline(library, filters) == built_timeline(library, filters)


def test_the_stored_timeline_is_the_built_one_with_its_conflicts(library):
    assert_same(library)
    june2 = next(e for e in stored_timeline(library, SHOWN) if e["date"] == "2025-06-02"
                 and "Kremlin" in e["text"])
    assert june2["conflict"] and june2["conflicting_dates"] == ["2025-06-03"]
    assert any(e["manual"] is False and e["people"] for e in stored_timeline(library, SHOWN))


def test_a_date_range_checks_conflicts_among_its_own_dates(library):
    whole = stored_timeline(library, SHOWN)
    assert [e["date"] for e in whole if e["conflict"]] == ["2025-06-02", "2025-06-03"]
    to_june2 = stored_timeline(library, RANGES[0])
    assert to_june2 and max(e["date"] for e in to_june2) == "2025-06-02"
    assert not any(e["conflict"] for e in to_june2)  # its other date is outside the range
    assert_same(library)


def test_corrections_show_at_once(library):
    stored_timeline(library, SHOWN)  # rendered before the corrections
    june3 = next(e for e in stored_timeline(library, SHOWN) if e["date"] == "2025-06-03")
    corrections.hide(library, june3["id"])
    after = stored_timeline(library, SHOWN)
    assert all(e["date"] != "2025-06-03" for e in after)
    assert not any(e["conflict"] for e in after)  # a hidden report is no conflict
    assert [e["hidden"] for e in stored_timeline(library, EVERY) if e["date"] == "2025-06-03"] == [True]
    # listed with the hidden ones, the hidden report still gives another date
    assert [e["conflicting_dates"] for e in stored_timeline(library, EVERY) if e["conflict"]] == [
        ["2025-06-03"], ["2025-06-02"]]
    corrections.hide(library, june3["id"], hidden=False)
    assert [e["conflicting_dates"] for e in stored_timeline(library, SHOWN) if e["conflict"]] == [
        ["2025-06-03"], ["2025-06-02"]]
    assert_same(library)
    corrections.hide(library, june3["id"])
    assert_same(library)

    first = after[0]
    corrections.pin(library, first["id"])
    corrections.edit(library, first["id"], text="The delegation was named.")
    [edited] = [e for e in stored_timeline(library, SHOWN) if e["id"] == first["id"]]
    assert edited["pinned"] and edited["corrected"] and edited["text"] == "The delegation was named."
    corrections.add(library, "2025-06-01", "Hand-made: the hosts agreed.")
    assert "Hand-made: the hosts agreed." in [e["text"] for e in stored_timeline(library, SHOWN)]
    assert_same(library)


def test_renames_merges_and_not_this_story_show_at_once(library):
    stored_timeline(library, SHOWN)
    rename_person(library.db, "Sergey Lavrov", "S. V. Lavrov")
    people = [p for e in stored_timeline(library, SHOWN) for p in e["people"]]
    assert "S. V. Lavrov" in people and "Sergey Lavrov" not in people
    praised = next(e for e in stored_timeline(library, SHOWN) if e["text"] == "He praised the hosts.")
    assert praised["people"] == ["S. V. Lavrov"]  # "he", named by the library's name now
    merge_people(library.db, "Maria Zakharova", "S. V. Lavrov")
    people = [p for e in stored_timeline(library, SHOWN) for p in e["people"]]
    assert "S. V. Lavrov" not in people and "Maria Zakharova" in people
    assert_same(library)

    set_aside(library, outlet="AP")
    assert all("AP" not in e["outlets"] for e in stored_timeline(library, SHOWN))
    assert_same(library)


def test_a_connection_that_only_reads_builds_the_timeline_when_entries_are_behind(library):
    stored_timeline(library, SHOWN)
    library.db.execute("INSERT INTO timeline_stale (article_id) VALUES (1)")  # a writer's change
    library.db.execute("PRAGMA query_only = 1")
    try:
        assert timeline_lines(library.db, SHOWN) is None  # not current: the caller builds it
    finally:
        library.db.execute("PRAGMA query_only = 0")


def test_timeline_json_prints_the_stored_entries(cli, library, tmp_path):
    path = library.db.execute("PRAGMA database_list").fetchone()[2]
    stored_timeline(library, SHOWN)
    rename_person(library.db, "Sergey Lavrov", "S. V. Lavrov")
    library.db.conn.commit()
    status, out, err = cli("--library", path, "timeline", "--json")
    assert status == 0, err
    printed = json.loads(out)
    assert printed == built_timeline(library, SHOWN)
    assert "S. V. Lavrov" in [p for e in printed for p in e["people"]]
    assert out.startswith("[\n{") and out.endswith("}\n]\n") and out.count("\n") == len(printed) + 2
