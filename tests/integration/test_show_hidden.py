"""A hidden event can be found again: ``timeline --hidden`` lists it, marked, with the id that
``event-hide --undo`` takes, even after the library was closed or re-analysed.

A merged event is hidden only when every report of it is hidden: a clip of the same happening
imported after the reporter hid it brings it back to the timeline, and ``--hidden`` tells which
report is still hidden and by what id.
"""

from __future__ import annotations

import json

from db.events import correct_event
from desktop.timeline import corrections
from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline
from tests.integration.test_merged_corrections import geneva  # noqa: F401 (a fixture)
from tests.unit.timeline.test_timeline_library import store


def _events(cli, library, *options: str) -> list[dict]:
    status, out, err = cli("--library", library, "timeline", "--json", *options)
    assert status == 0, err
    return json.loads(out)


def _geneva(events: list[dict]) -> list[dict]:
    return [e for e in events if "Geneva" in e["text"]]


def test_a_hidden_event_is_listed_with_hidden_and_undo_brings_it_back(cli, geneva):  # noqa: F811
    library, event = geneva
    assert event["hidden"] is False
    assert all(e["hidden"] is False for e in _events(cli, library))
    assert cli("--library", library, "event-hide", event["id"])[0] == 0

    assert not _geneva(_events(cli, library))  # the plain timeline leaves it out
    [found] = _geneva(_events(cli, library, "--hidden"))
    assert found["hidden"] is True and found["id"] == event["id"]
    assert sorted(s["title"] for s in found["sources"]) == sorted(s["title"] for s in event["sources"])

    status, out, _ = cli("--library", library, "timeline", "--hidden")
    [line] = [line for line in out.splitlines() if "Geneva" in line and found["id"] in line]
    assert line.rstrip().endswith("[hidden]")
    status, out, _ = cli("--library", library, "timeline")
    assert "Geneva" not in out and "[hidden" not in out

    status, out, _ = cli("--library", library, "event-hide", "--undo", found["id"])
    assert status == 0 and out.strip() == f"{found['id']} shown again"
    [back] = _geneva(_events(cli, library))
    assert back["hidden"] is False and len(back["sources"]) == 2
    assert not [e for e in _events(cli, library, "--hidden") if e["hidden"]]


def test_after_reanalysis_the_hidden_event_is_found_by_its_new_id(cli, geneva):  # noqa: F811
    library, event = geneva
    assert cli("--library", library, "event-hide", event["id"])[0] == 0
    assert cli("--library", library, "reanalyse")[0] == 0
    [found] = _geneva(_events(cli, library, "--hidden"))
    assert found["hidden"] is True and found["id"] != event["id"]  # re-analysis renumbers
    assert cli("--library", library, "event-hide", "--undo", found["id"])[0] == 0
    [back] = _geneva(_events(cli, library))
    assert back["id"] == found["id"] and len(back["sources"]) == 2


def test_hidden_keeps_the_other_filters(cli, geneva):  # noqa: F811
    library, event = geneva
    assert cli("--library", library, "event-hide", event["id"])[0] == 0
    assert not _events(cli, library, "--hidden", "--from", "2025-06")
    assert _geneva(_events(cli, library, "--hidden", "--query", "Geneva"))
    assert not _events(cli, library, "--query", "Geneva")


# -- merging hidden reports with shown ones ----------------------------------------------------


def _talks(library) -> None:
    store(library, "Talks resume", "Delegations met in Istanbul on May 16 for direct talks.",
          "2025-05-30", {"May 16": "2025-05-16"})


def _istanbul(library, filters: Filters | None = None) -> list:
    return [e for e in build_timeline(library, filters) if "Istanbul" in e.text]


def test_a_merged_event_is_hidden_only_when_every_report_is(memory_library, cli, tmp_path):
    _talks(memory_library)
    [event] = _istanbul(memory_library)
    corrections.hide(memory_library, event.id)
    # The same meeting clipped again later: its report is shown, so the event is back.
    store(memory_library, "Istanbul round",
          "Dmitry Peskov said the delegations met in Istanbul on May 16 for direct talks.",
          "2025-05-30", {"May 16": "2025-05-16"}, ["Dmitry Peskov"])
    [shown] = _istanbul(memory_library)
    assert not shown.hidden and [s.title for s in shown.sources] == ["Istanbul round"]

    [both] = _istanbul(memory_library, Filters(include_hidden=True))
    assert not both.hidden and both.id == shown.id  # named as the plain timeline names it
    assert {s.title: s.hidden for s in both.sources} == {"Talks resume": True, "Istanbul round": False}

    corrections.hide(memory_library, shown.id)
    assert not _istanbul(memory_library)
    [gone] = _istanbul(memory_library, Filters(include_hidden=True))
    assert gone.hidden and len(gone.sources) == 2
    corrections.hide(memory_library, gone.id, hidden=False)
    [back] = _istanbul(memory_library)
    assert not back.hidden and len(back.sources) == 2


def test_the_text_names_a_report_hidden_on_its_own_and_its_id_brings_it_back(cli, tmp_path):
    from db import Library

    path = tmp_path / "story.db"
    library = Library(path)
    _talks(library)
    [(first,)] = library.db.execute("SELECT id FROM events").fetchall()
    corrections.hide(library, f"e{first}")
    store(library, "Istanbul round",
          "Dmitry Peskov said the delegations met in Istanbul on May 16 for direct talks.",
          "2025-05-30", {"May 16": "2025-05-16"}, ["Dmitry Peskov"])
    library.close()

    status, out, _ = cli("--library", path, "timeline")
    assert "Talks resume" not in out and "Istanbul round" in out
    status, out, _ = cli("--library", path, "timeline", "--hidden")
    [hidden_source] = [line for line in out.splitlines() if "Talks resume" in line]
    assert hidden_source.rstrip().endswith(f"[hidden: e{first}]")
    assert "Istanbul round" in out and "[hidden]" not in out

    assert cli("--library", path, "event-hide", "--undo", f"e{first}")[0] == 0
    status, out, _ = cli("--library", path, "timeline")
    assert "Talks resume" in out and "hidden" not in out


def test_hidden_hand_made_events_are_listed_too(cli, tmp_path):
    path = tmp_path / "story.db"
    status, out, _ = cli("--library", path, "event-add", "--date", "2025-06", "--text", "A memorandum is due.")
    added = out.split()[-1]
    assert cli("--library", path, "event-hide", added)[0] == 0
    assert not _events(cli, path)
    [found] = _events(cli, path, "--hidden")
    assert found["id"] == added and found["hidden"] is True and found["manual"] is True
    assert cli("--library", path, "event-hide", "--undo", added)[0] == 0
    [back] = _events(cli, path)
    assert back["hidden"] is False


def test_a_merged_row_keeps_its_own_state_when_shown_again(memory_library):
    """Showing a merged event again restores each report's own hidden flag on undo."""
    _talks(memory_library)
    store(memory_library, "Istanbul round",
          "Dmitry Peskov said the delegations met in Istanbul on May 16 for direct talks.",
          "2025-05-30", {"May 16": "2025-05-16"}, ["Dmitry Peskov"])
    first = memory_library.db.execute("SELECT article_id, key FROM events ORDER BY article_id").fetchone()
    correct_event(memory_library.db, *first, hidden=True)
    [partly] = _istanbul(memory_library, Filters(include_hidden=True))
    states = corrections.correct_merged(memory_library, partly, hidden=False)
    assert [r[0] for r in memory_library.db.execute("SELECT hidden FROM events")] == [0, 0]
    corrections.restore(memory_library, states)
    assert sorted(r[0] for r in memory_library.db.execute("SELECT hidden FROM events")) == [0, 1]


def test_an_empty_timeline_says_when_events_are_hidden(cli, geneva):  # noqa: F811
    library, event = geneva
    assert cli("--library", library, "event-hide", event["id"])[0] == 0
    status, out, _ = cli("--library", library, "timeline")
    assert status == 0 and out.strip() == "no events shown: 1 hidden (timeline --hidden lists them)"
    status, out, _ = cli("--library", library, "timeline", "--query", "memorandum")
    assert out.strip() == "no events match the filters"
