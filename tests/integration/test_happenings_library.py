"""Happenings in a library: stored, kept current after corrections, grouped by outlet, set
aside or hidden in bulk by the reporter; furniture never becomes an event or a person."""

from __future__ import annotations

import json

import pytest

from desktop.timeline import corrections, triage
from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline
from tests.unit.timeline.test_timeline_library import store

COUNCIL = {"Saturday": "2011-02-26"}


@pytest.fixture
def libya(memory_library):
    store(memory_library, "UN acts", "The UN Security Council imposed sanctions on Libya on Saturday "
          "and referred Moammar Gadhafi to the International Criminal Court.", "2011-02-27",
          COUNCIL, ["Moammar Gadhafi"], outlet="CNN")
    store(memory_library, "Sanctions", "On Saturday the Security Council imposed sanctions on Libya, "
          "referring Gadhafi to the International Criminal Court.", "2011-02-27",
          COUNCIL, outlet="Reuters")
    store(memory_library, "Blizzard", "A blizzard closed every school in Minnesota on Saturday "
          "as snow piled up.", "2011-02-27", COUNCIL, outlet="CNN")
    return memory_library


def council(library, filters: Filters | None = None):
    return next((e for e in build_timeline(library, filters) if "Council" in e.text), None)


def test_reports_of_one_happening_from_two_outlets_are_one_stored_happening(libya):
    events = build_timeline(libya)
    assert len(events) == 2  # the council's decision, and the blizzard apart from it
    decision = council(libya)
    assert decision.outlets == ["CNN", "Reuters"] or decision.outlets == ["Reuters", "CNN"]
    data = decision.as_dict()
    assert data["reports"] == 2 and data["articles"] == 2 and len(data["outlets"]) == 2
    assert data["happening"] is not None and "first reported by" in data["reported_by"]
    stored = libya.db.execute("SELECT count(*), sum(reports) FROM happenings").fetchone()
    assert stored == (2, 3)


def test_a_correction_of_a_happening_applies_to_all_its_reports_and_it_is_clustered_again(libya):
    decision = council(libya)
    corrections.edit(libya, decision.id, date="2011-02-25")
    moved = council(libya)
    assert moved.date == "2011-02-25" and len(moved.sources) == 2
    assert libya.db.execute(
        "SELECT count(*) FROM happenings WHERE date = '2011-02-25'").fetchone()[0] == 1
    corrections.hide(libya, moved.id)
    assert council(libya) is None


def test_an_outlet_set_aside_leaves_the_story_until_put_back(libya):
    triage.set_aside(libya, outlet="Reuters")
    assert council(libya).outlets == ["CNN"]
    triage.put_back(libya, outlet="Reuters")
    assert len(council(libya).outlets) == 2


def test_hiding_in_bulk_by_word_hides_every_matching_happening_and_undo_puts_them_back(libya):
    count, states = triage.hide_matching(libya, Filters.from_strings(query="blizzard"))
    assert count == 1 and [e.text for e in build_timeline(libya) if "blizzard" in e.text] == []
    corrections.restore(libya, states)
    assert any("blizzard" in e.text for e in build_timeline(libya))


def test_not_story_and_hide_matching_from_the_command_line(cli, tmp_path):
    lines = [
        {"text": "Security Council acts\nThe UN Security Council imposed sanctions on Libya on "
                 "Saturday, February 26, 2011.", "published": "2011-02-27", "source": "CNN",
         "title": "Security Council acts"},
        {"text": "Snow\nA blizzard closed every school in Minnesota on Saturday, February 26, 2011.",
         "published": "2011-02-27", "source": "Weather Desk", "title": "Snow"},
    ]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    library = tmp_path / "library.db"
    assert cli("--library", library, "import", "--jsonl", jsonl)[0] == 0
    timeline = json.loads(cli("--library", library, "timeline", "--json")[1])
    assert {e["outlets"][0] for e in timeline} == {"CNN", "Weather Desk"}
    assert cli("--library", library, "not-story", "--outlet", "Weather Desk")[0] == 0
    timeline = json.loads(cli("--library", library, "timeline", "--json")[1])
    assert [e["outlets"] for e in timeline] == [["CNN"]]
    assert cli("--library", library, "not-story", "--outlet", "Weather Desk", "--undo")[0] == 0
    status, out, _err = cli("--library", library, "hide-matching", "--query", "blizzard")
    assert status == 0 and out.startswith("1 happening hidden")
    assert cli("--library", library, "not-story", "--outlet", "Nobody")[0] == 1


def test_furniture_in_a_clip_never_becomes_an_event_or_a_person(cli, tmp_path):
    text = (
        "Protests spread\n"
        "By the CNN Wire Staff\n"
        "Protesters marched in Benghazi on Tuesday, February 15, 2011, witnesses said.\n"
        "February 16, 2011 at 6:20 pm | John Smith wrote that on Tuesday, February 15, 2011 "
        "the world watched\n"
        "Reply\n"
    )
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"text": text, "published": "2011-02-16", "source": "CNN",
                                 "title": "Protests spread"}) + "\n", encoding="utf-8")
    library = tmp_path / "library.db"
    assert cli("--library", library, "import", "--jsonl", jsonl)[0] == 0
    timeline = json.loads(cli("--library", library, "timeline", "--json")[1])
    assert [e["text"] for e in timeline] == [
        "Protesters marched in Benghazi on Tuesday, February 15, 2011, witnesses said."]
    people = cli("--library", library, "people", "--json")[1]
    assert "John Smith" not in people
    from db import Library

    with Library(library) as opened:
        kinds = {r[0] for r in opened.db.execute("SELECT kind FROM furniture")}
        original = opened.db.execute("SELECT text FROM articles").fetchone()[0]
    assert {"byline", "comment", "widget"} <= kinds
    assert "Reply" in original  # the text keeps its furniture; only analysis ignores it
