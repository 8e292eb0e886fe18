"""The window's timeline shows happenings: counted as the command line counts them, each
expandable to its reports; triage from the pane is one undoable step."""

from __future__ import annotations

from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline
from desktop.ui.models.timeline import EventRole, HtmlRole, KindRole, TimelineModel
from tests.unit.timeline.test_timeline_library import store


def libya(library) -> None:
    for title, text, outlet in (
        ("UN acts", "The UN Security Council imposed sanctions on Libya on Saturday and referred "
         "Gadhafi to the International Criminal Court.", "CNN"),
        ("Sanctions", "On Saturday the Security Council imposed sanctions on Libya, referring "
         "Gadhafi to the International Criminal Court.", "Reuters"),
        ("Blizzard", "A blizzard closed every school in Minnesota on Saturday as snow piled up.",
         "CNN"),
    ):
        store(library, title, text, "2011-02-27", {"Saturday": "2011-02-26"}, outlet=outlet)


def rows(model: TimelineModel, kind: str) -> list[int]:
    return [r for r in range(model.rowCount()) if model.data(model.index(r, 0), KindRole) == kind]


def test_the_window_counts_and_expands_happenings(qtmodeltester, memory_library):
    libya(memory_library)
    model = TimelineModel(memory_library, filters=Filters())
    qtmodeltester.check(model)
    assert model.total_events() == len(build_timeline(memory_library)) == 2
    (decision,) = [r for r in rows(model, "event")
                   if "Council" in model.data(model.index(r, 0), EventRole).text]
    assert "show 2 reports" in model.data(model.index(decision, 0), HtmlRole)
    model.toggle_reports(decision)
    qtmodeltester.check(model)
    reports = rows(model, "report")
    assert reports == [decision + 1, decision + 2]
    shown = " ".join(model.data(model.index(r, 0), HtmlRole) for r in reports)
    assert "CNN" in shown and "Reuters" in shown and "hide 2 reports" in model.data(
        model.index(decision, 0), HtmlRole)
    model.toggle_reports(decision)
    assert rows(model, "report") == []
    qtmodeltester.check(model)


def test_setting_an_outlet_aside_from_the_pane_is_undoable(qtbot, window):
    pane, model = window.timeline_pane, window.timeline
    before = model.total_events()
    first = rows(model, "event")[0]
    pane.view.setCurrentIndex(model.index(first, 0))
    event = model.data(model.index(first, 0), EventRole)
    outlet = event.outlets[0]
    (text, triage), = [c for c in pane.triage_choices() if c[0] == f"Set aside every clip from {outlet}"]
    with qtbot.waitSignal(model.modelReset):
        pane.triage_requested.emit(triage)
    assert model.total_events() < before
    assert all(outlet not in e.outlets for e in model.loaded_events())
    with qtbot.waitSignal(model.modelReset):
        window.undo_stack.undo()
    assert model.total_events() == before
