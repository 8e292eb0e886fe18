"""The window's corrections of a merged event reach all its sources, and Ctrl+Z puts each back;
undoing "Add event" deletes the hand-made event and redo brings the same one back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import _add, _event, _mention, stored, writable

MET_A = "Delegations met in Geneva on May 20, 2025 for ceasefire talks."
MET_B = "Rustem Umerov said the delegations met in Geneva on May 20, 2025 for ceasefire talks."


@pytest.fixture
def merged(window, qtbot):
    """Two more clips reporting the same meeting; only the second names Rustem Umerov."""
    with writable(window) as library:
        _add(library, "Geneva talks", "AP", "2025-05-21", "2025-05-22T10:00:00+00:00", MET_A, [], [],
             [_event(MET_A, MET_A, "2025-05-20", [])])
        _add(library, "Umerov on Geneva", "Reuters", "2025-05-21", "2025-05-22T11:00:00+00:00", MET_B, [],
             [_mention(MET_B, "Rustem Umerov", "PERSON")], [_event(MET_B, MET_B, "2025-05-20", ["Rustem Umerov"])])
    with qtbot.waitSignal(window.people_read, timeout=10_000):
        window.refresh_all()
    stored(qtbot, window)
    event = _geneva(window)
    assert event is not None and len(event.sources) == 2
    return window


def _geneva(window):
    return next((e for e in window.timeline.loaded_events() if "Geneva" in e.text), None)


def _select(window, event) -> None:
    model = window.timeline
    for r in range(model.rowCount()):
        if model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 1) is event:
            window.timeline_pane.view.setCurrentIndex(model.index(r, 0))
            return
    raise AssertionError(event.id)


def _rows(window) -> list[tuple]:
    return window.library.db.execute(
        "SELECT hidden, pinned, text FROM events WHERE text LIKE '%Geneva%' ORDER BY article_id"
    ).fetchall()


def test_hiding_a_merged_event_removes_it_and_ctrl_z_brings_it_back_whole(merged, qtbot):
    window = merged
    _select(window, _geneva(window))
    stored(qtbot, window, window.timeline_pane.hide_button.click)
    assert _geneva(window) is None
    assert window.undo_stack.count() == 1
    stored(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
    back = _geneva(window)
    assert back is not None
    assert sorted(s.title for s in back.sources) == ["Geneva talks", "Umerov on Geneva"]
    stored(qtbot, window, window.redo_action.trigger)
    assert _geneva(window) is None


def test_undo_restores_each_source_as_it_stood(merged, qtbot):
    from db.events import correct_event

    window = merged
    first = window.library.db.execute("SELECT article_id, key FROM events WHERE text = ?", [MET_A]).fetchone()
    with writable(window) as library:
        correct_event(library.db, *first, pinned=True)  # one source pinned before, the other not
    window.refresh_timeline()
    before = _rows(window)
    event = _geneva(window)
    assert event.pinned

    _select(window, event)
    stored(qtbot, window, window.timeline_pane.hide_button.click)
    assert [row[0] for row in _rows(window)] == [1, 1]
    stored(qtbot, window, window.undo_action.trigger)
    assert _rows(window) == before

    stored(qtbot, window, lambda: window.pin_event(_geneva(window)))  # shown pinned: unpins every source
    assert not _geneva(window).pinned and [row[1] for row in _rows(window)] == [0, 0]
    stored(qtbot, window, window.undo_action.trigger)
    assert _rows(window) == before  # only the first pinned again, as it was


def test_editing_a_merged_event_rewords_every_source_and_undo_brings_back_each_own(merged, qtbot):
    from desktop.ui.dialogs.event import EventDialog

    window = merged
    before = _rows(window)
    _select(window, _geneva(window))
    window.timeline_pane.edit_button.click()
    dialog = [d for d in window.findChildren(EventDialog) if d.isVisible()][-1]
    dialog.date.setText("2025-05-19")
    dialog.text.setPlainText("Delegations met in Geneva.")
    stored(qtbot, window, dialog._accept)
    edited = next(e for e in window.timeline.loaded_events() if e.text == "Delegations met in Geneva.")
    assert edited.date == "2025-05-19" and len(edited.sources) == 2
    stored(qtbot, window, window.undo_action.trigger)
    assert _rows(window) == before
    assert _geneva(window).date == "2025-05-20"


def test_hiding_it_under_a_person_filter_takes_it_off_the_whole_timeline(merged, qtbot):
    window = merged
    pane = window.timeline_pane
    pane.filter_person("Rustem Umerov")
    seen = _geneva(window)
    assert [s.title for s in seen.sources] == ["Umerov on Geneva"]
    _select(window, seen)
    stored(qtbot, window, pane.hide_button.click)
    pane.person.setCurrentIndex(0)
    pane.apply_filters()
    assert _geneva(window) is None
    stored(qtbot, window, window.undo_action.trigger)
    assert len(_geneva(window).sources) == 2


def _add_by_hand(qtbot, window, date: str, text: str, people: str) -> None:
    from desktop.ui.dialogs.event import EventDialog

    window.timeline_pane.add_button.click()
    dialog = [d for d in window.findChildren(EventDialog) if d.isVisible()][-1]
    dialog.date.setText(date)
    dialog.text.setPlainText(text)
    dialog.people.setText(people)
    stored(qtbot, window, dialog._accept)


def _manual(window) -> list:
    return [e for e in window.timeline.loaded_events() if e.manual]


def test_undo_of_add_event_deletes_it_and_redo_brings_the_same_event_back(window, qtbot):
    _add_by_hand(qtbot, window, "2025-06", "A ceasefire memorandum is expected.", "Vladimir Medinsky")
    [added] = _manual(window)
    stored(qtbot, window, window.undo_action.trigger)
    assert not _manual(window)
    assert window.library.db.execute("SELECT count(*) FROM manual_events").fetchone()[0] == 0  # gone, not hidden
    stored(qtbot, window, window.redo_action.trigger)
    [again] = _manual(window)
    assert (again.id, again.date, again.text, again.people) == (added.id, added.date, added.text, added.people)


def test_corrections_after_add_event_still_apply_when_it_is_redone(window, qtbot):
    _add_by_hand(qtbot, window, "2025-06", "A ceasefire memorandum is expected.", "")
    stored(qtbot, window, lambda: window.hide_event(_manual(window)[0]))
    assert not _manual(window)
    window.undo_action.trigger()  # shown again
    window.undo_action.trigger()  # deleted: queued behind it on the writer thread, in order
    stored(qtbot, window)
    assert not _manual(window)
    stored(qtbot, window, window.redo_action.trigger)  # back
    assert len(_manual(window)) == 1
    stored(qtbot, window, window.redo_action.trigger)  # hidden again: the hide names the same event
    assert not _manual(window)
    assert window.library.db.execute("SELECT hidden FROM manual_events").fetchall() == [(1,)]


def _refuse_changes(window, refuse: bool = True) -> None:
    """The library refuses every change to events, whoever writes (as a full disk would)."""
    with writable(window) as library:
        if refuse:
            library.db.execute("CREATE TRIGGER refuse BEFORE UPDATE ON events"
                               " BEGIN SELECT RAISE(ABORT, 'the disk is full'); END")
        else:
            library.db.execute("DROP TRIGGER refuse")


def test_a_correction_the_library_refuses_says_so_and_changes_nothing(merged, qtbot):
    window = merged
    _refuse_changes(window)
    _select(window, _geneva(window))
    stored(qtbot, window, window.timeline_pane.hide_button.click)
    assert window.statusBar().currentMessage().startswith("Hide event failed:")
    assert "the disk is full" in window.statusBar().currentMessage()
    assert _geneva(window) is not None
    assert [r[0] for r in _rows(window)] == [0, 0]
    assert window.undo_stack.count() == 0


def test_an_undo_the_library_refuses_says_so_and_cannot_be_redone_twice(merged, qtbot):
    window = merged
    _select(window, _geneva(window))
    stored(qtbot, window, window.timeline_pane.hide_button.click)
    assert _geneva(window) is None
    _refuse_changes(window)
    stored(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
    assert window.statusBar().currentMessage().startswith("Undo hide event failed:")
    _refuse_changes(window, refuse=False)
    # The event stays hidden, as stored, and the failed step has left the undo stack.
    assert [r[0] for r in _rows(window)] == [1, 1]
    assert _geneva(window) is None
    assert not window.undo_stack.canRedo()
    assert window.undo_stack.count() == 0
