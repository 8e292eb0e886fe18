"""Corrections of a merged event reach every article that reports it, and undo puts each back.

The timeline merges one happening reported by several clips; hidden rows are left out before
merging, so a correction that touched one source would leave the event on the timeline,
backed by the others.
"""

from __future__ import annotations

import json

import pytest

from db.events import correct_event, delete_manual_event, restore_manual_event
from desktop.timeline import corrections
from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline
from tests.unit.timeline.test_timeline_library import store

GENEVA_A = (
    "Ceasefire talks open in Geneva\nMay 30, 2025\n\n"
    "Delegations from Russia and Ukraine met in Geneva on Thursday for ceasefire talks.\n\n"
    "Officials said the talks lasted four hours.\n"
)
GENEVA_B = (
    "Geneva hosts ceasefire round\nMay 31, 2025\n\n"
    "The delegations of Russia and Ukraine met in Geneva on May 29 for ceasefire talks.\n\n"
    "A second round is planned.\n"
)


# -- the command line, with the real import and analysis --------------------------------------


def _timeline(cli, library) -> list[dict]:
    status, out, _ = cli("--library", library, "timeline", "--json")
    assert status == 0
    return json.loads(out)


@pytest.fixture
def geneva(cli, tmp_path):
    """A library with two clips reporting the same meeting (one merged event)."""
    for name, text in (("a.txt", GENEVA_A), ("b.txt", GENEVA_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    library = tmp_path / "story.db"
    status, _, err = cli("--library", library, "import", tmp_path / "a.txt", tmp_path / "b.txt")
    assert status == 0, err
    [event] = [e for e in _timeline(cli, library) if "Geneva" in e["text"]]
    assert event["date"] == "2025-05-29" and len(event["sources"]) == 2
    return library, event


def test_hiding_a_merged_event_takes_it_off_the_timeline_and_undo_brings_both_back(cli, geneva):
    library, event = geneva
    status, out, _ = cli("--library", library, "event-hide", event["id"])
    assert status == 0 and out.strip() == f"{event['id']} hidden"
    assert not [e for e in _timeline(cli, library) if "Geneva" in e["text"]]

    assert cli("--library", library, "event-hide", "--undo", event["id"])[0] == 0
    [back] = [e for e in _timeline(cli, library) if "Geneva" in e["text"]]
    assert back["id"] == event["id"]
    assert sorted(s["title"] for s in back["sources"]) == sorted(
        s["title"] for s in event["sources"]
    )


def test_a_hidden_merged_event_stays_hidden_after_reanalyse(cli, geneva):
    library, event = geneva
    assert cli("--library", library, "event-hide", event["id"])[0] == 0
    assert cli("--library", library, "reanalyse")[0] == 0
    assert not [e for e in _timeline(cli, library) if "Geneva" in e["text"]]


def test_pin_and_edit_apply_to_the_whole_merged_event_and_survive_reanalyse(cli, geneva):
    library, event = geneva
    assert cli("--library", library, "event-pin", event["id"])[0] == 0
    status, out, _ = cli(
        "--library",
        library,
        "event-edit",
        event["id"],
        "--date",
        "2025-05-28",
        "--text",
        "Russian and Ukrainian delegations met in Geneva.",
    )
    assert status == 0 and out.strip() == f"{event['id']} corrected"
    assert cli("--library", library, "reanalyse")[0] == 0
    [edited] = [e for e in _timeline(cli, library) if "Geneva" in e["text"]]
    assert edited["date"] == "2025-05-28" and edited["pinned"] and edited["corrected"]
    assert edited["text"] == "Russian and Ukrainian delegations met in Geneva."
    assert len(edited["sources"]) == 2  # both sources moved with it: still one event


# -- the core the window calls: each source row keeps its own state for undo -------------------


@pytest.fixture
def talks(memory_library):
    """Two clips reporting the same meeting; only the second names Dmitry Peskov in it."""
    store(
        memory_library,
        "Talks resume",
        "Delegations met in Istanbul on May 16 for direct talks.",
        "2025-05-30",
        {"May 16": "2025-05-16"},
    )
    store(
        memory_library,
        "Istanbul round",
        "Dmitry Peskov said the delegations met in Istanbul on May 16 for direct talks.",
        "2025-05-30",
        {"May 16": "2025-05-16"},
        ["Dmitry Peskov"],
    )
    return memory_library


def _istanbul(library, filters: Filters | None = None):
    found = [e for e in build_timeline(library, filters) if "Istanbul" in e.text]
    return found[0] if found else None


def _rows(library) -> list[tuple]:
    """What each source row shows, in article order: (hidden, pinned, text)."""
    return library.db.execute(
        "SELECT hidden, pinned, text FROM events ORDER BY article_id, key"
    ).fetchall()


def test_undo_puts_each_source_back_as_it_stood(talks):
    first, second = talks.db.execute("SELECT article_id, key FROM events ORDER BY article_id")
    correct_event(talks.db, *first, pinned=True)
    reworded = (
        "Dmitry Peskov said the delegations met in Istanbul on May 16 for direct peace talks."
    )
    correct_event(talks.db, *second, text=reworded)
    event = _istanbul(talks)
    assert len(event.sources) == 2 and event.pinned
    before = _rows(talks)

    states = corrections.correct_merged(talks, event, hidden=True)
    assert _istanbul(talks) is None
    corrections.restore(talks, states)
    assert _rows(talks) == before

    states = corrections.correct_merged(talks, event, text="The delegations met.")
    assert [row[2] for row in _rows(talks)] == ["The delegations met."] * 2
    corrections.restore(talks, states)
    assert _rows(talks) == before
    assert len(_istanbul(talks).sources) == 2


def test_undo_of_an_edit_brings_back_the_extracted_wording_after_reanalysis(talks):
    from desktop.actions.storing import store_analysis
    from tests.unit.timeline.test_timeline_library import analyse

    event = _istanbul(talks)
    states = corrections.correct_merged(talks, event, text="The delegations met.")
    corrections.restore(talks, states)
    for article_id, text, published in talks.db.execute(
        "SELECT id, text, published FROM articles"
    ).fetchall():
        people = ["Dmitry Peskov"] if "Peskov" in text else []
        with talks.transaction() as db:
            store_analysis(db, article_id, analyse(text, published, {"May 16": "2025-05-16"}, people))
    assert talks.db.execute("SELECT count(*) FROM event_corrections").fetchone()[0] == 0
    assert _istanbul(talks).text == "Delegations met in Istanbul on May 16 for direct talks."


def test_hiding_the_event_seen_under_a_person_filter_hides_all_of_it(talks):
    seen = _istanbul(talks, Filters.from_strings(person="Dmitry Peskov"))
    assert [s.title for s in seen.sources] == ["Istanbul round"]  # the filter shows one source
    corrections.correct_merged(talks, seen, hidden=True)
    assert _istanbul(talks) is None


def test_a_correction_that_fails_halfway_changes_nothing(talks, monkeypatch):
    event = _istanbul(talks)
    calls = []

    def fail_on_second(db, article_id, key, **changes):
        calls.append(article_id)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        correct_event(db, article_id, key, **changes)

    monkeypatch.setattr(corrections, "correct_event", fail_on_second)
    with pytest.raises(RuntimeError):
        corrections.correct_merged(talks, event, hidden=True)
    calls.clear()
    with pytest.raises(RuntimeError):
        corrections.hide(talks, event.id)
    assert len(_istanbul(talks).sources) == 2
    assert talks.db.execute("SELECT count(*) FROM event_corrections").fetchone()[0] == 0


# -- hand-made events deleted and put back ----------------------------------------------------


def test_a_deleted_hand_made_event_comes_back_with_its_content_and_id(memory_library):
    added = corrections.add(
        memory_library,
        "2025-06-02",
        "Next round due in Istanbul.",
        people=["Sergey Lavrov"],
        planned=True,
    )
    before = next(e for e in build_timeline(memory_library) if e.id == added)
    row = delete_manual_event(memory_library.db, int(added[1:]))
    assert row is not None and not build_timeline(memory_library)
    assert delete_manual_event(memory_library.db, int(added[1:])) is None
    restore_manual_event(memory_library.db, row)
    assert build_timeline(memory_library) == [before]


def test_a_hand_made_event_is_not_put_back_over_another_that_took_its_number(memory_library):
    added = corrections.add(memory_library, "2025-06-02", "Next round due in Istanbul.")
    row = delete_manual_event(memory_library.db, int(added[1:]))
    other = corrections.add(memory_library, "2025-06-03", "Something else.")
    assert other == added  # SQLite gives the freed number to the next event
    with pytest.raises(ValueError, match="another event"):
        restore_manual_event(memory_library.db, row)
    assert [e.text for e in build_timeline(memory_library)] == ["Something else."]
