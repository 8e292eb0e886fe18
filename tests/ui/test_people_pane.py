"""The people pane: roles and mention counts; rename, merge, split, not a person — undoable."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel


def _names(window) -> list[str]:
    return window.people.names()


def _select(window, *names: str) -> None:
    table = window.people_pane.table
    table.clearSelection()
    for name in names:
        row = _names(window).index(name)
        table.selectionModel().select(window.people.index(row, 0),
                                      QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_people_with_roles_and_mention_counts(window):
    model = window.people
    assert _names(window) == ["Maria Zakharova", "Sergey Lavrov"]
    assert model.data(model.index(0, 1)) == "Foreign Ministry spokeswoman"
    assert model.data(model.index(0, 2)) == 2
    assert model.data(model.index(0, 3)) == 2


def test_selecting_a_person_shows_their_events(window):
    window.tabs.setCurrentIndex(1)
    _select(window, "Sergey Lavrov")
    assert [e.text for e in window.person_events.loaded_events()] == ["Sergey Lavrov met envoys in May 2025."]
    assert window.people_pane.events_title.text() == "Sergey Lavrov: 1 event"


def _stored(window, qtbot, action) -> None:
    """Do ``action`` and wait until its people correction is stored and shown."""
    with qtbot.waitSignal(window.people_corrected, timeout=10_000):
        action()


def test_rename_and_undo(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Sergei Lavrov", True)))
    _select(window, "Sergey Lavrov")
    _stored(window, qtbot, window.people_pane.rename_button.click)
    assert "Sergei Lavrov" in _names(window)
    assert "Sergei Lavrov" in [window.timeline_pane.person.itemText(i) for i in range(window.timeline_pane.person.count())]
    _stored(window, qtbot, window.undo_action.trigger)
    assert "Sergey Lavrov" in _names(window) and "Sergei Lavrov" not in _names(window)


def test_merge_and_undo(window, qtbot):
    _select(window, "Maria Zakharova", "Sergey Lavrov")
    assert window.people_pane.merge_button.isEnabled()
    _stored(window, qtbot, window.people_pane.merge_button.click)
    assert _names(window) == ["Maria Zakharova"]
    assert window.people.data(window.people.index(0, 2)) == 3
    _stored(window, qtbot, window.undo_action.trigger)
    assert sorted(_names(window)) == ["Maria Zakharova", "Sergey Lavrov"]
    _stored(window, qtbot, window.redo_action.trigger)
    assert _names(window) == ["Maria Zakharova"]


def test_split_a_name_off_and_undo(window, qtbot):
    _select(window, "Maria Zakharova", "Sergey Lavrov")
    _stored(window, qtbot, window.people_pane.merge_button.click)
    person = window.people.person(0)
    assert person["aliases"] == ["Sergey Lavrov"]
    _stored(window, qtbot, lambda: window.split_person_alias(person, "Sergey Lavrov"))
    assert sorted(_names(window)) == ["Maria Zakharova", "Sergey Lavrov"]
    _stored(window, qtbot, window.undo_action.trigger)
    assert _names(window) == ["Maria Zakharova"]


def test_not_a_person_and_undo(window, qtbot):
    _select(window, "Sergey Lavrov")
    _stored(window, qtbot, window.people_pane.not_person_button.click)
    assert _names(window) == ["Maria Zakharova"]
    assert "no longer treated as a person" in window.statusBar().currentMessage()
    _stored(window, qtbot, window.undo_action.trigger)
    assert "Sergey Lavrov" in _names(window)


def test_people_are_rebuilt_and_read_off_the_gui_thread(window, qtbot, monkeypatch):
    """Rebuilding and reading the people takes a moment in a large library: the window keeps
    painting meanwhile."""
    import threading

    import desktop.people.linking as linking
    from desktop.ui.models import people as people_model

    threads: dict[str, set[str]] = {"rebuild": set(), "read": set()}
    relink, read = linking.relink_all, people_model.read_people

    def watched_relink(database):
        threads["rebuild"].add(threading.current_thread().name)
        return relink(database)

    def watched_read(library):
        threads["read"].add(threading.current_thread().name)
        return read(library)

    monkeypatch.setattr(linking, "relink_all", watched_relink)
    monkeypatch.setattr(people_model, "read_people", watched_read)
    _select(window, "Sergey Lavrov")
    _stored(window, qtbot, window.people_pane.not_person_button.click)
    _stored(window, qtbot, window.undo_action.trigger)  # undo rebuilds every person
    gui = threading.main_thread().name
    assert threads["rebuild"] and gui not in threads["rebuild"]
    assert threads["read"] and gui not in threads["read"]
    assert "Sergey Lavrov" in _names(window)


def test_a_refused_correction_is_told_and_not_undoable(window, qtbot):
    person = window.people.person(0)
    with qtbot.waitSignal(window.people_correction_failed, timeout=10_000):
        window.merge_people(person, person)
    assert "already the same person" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_roles_are_readable_beside_the_counts(window, qtbot):
    window.tabs.setCurrentIndex(1)
    table = window.people_pane.table
    qtbot.waitUntil(lambda: table.isVisible())
    header = table.horizontalHeader()
    role = "Foreign Ministry spokeswoman"
    assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance(role) + 8
    assert header.sectionSize(0) >= table.fontMetrics().horizontalAdvance("Maria Zakharova") + 8


def test_after_a_change_the_people_are_read_off_the_gui_thread(window, qtbot, monkeypatch):
    import threading

    from desktop.ui.models import people as people_model
    from tests.ui.conftest import _add, _mention, writable

    threads: set[str] = set()
    read = people_model.read_people

    def watched_read(library):
        threads.add(threading.current_thread().name)
        return read(library)

    monkeypatch.setattr(people_model, "read_people", watched_read)
    text = "Rustem Umerov arrived."
    with writable(window) as library:
        _add(library, "Umerov arrives", "AP", "2025-06-01", "2025-06-01T10:00:00+00:00", text, [],
             [_mention(text, "Rustem Umerov", "PERSON")], [])
    with qtbot.waitSignal(window.people_read, timeout=10_000):
        window.refresh_all()
    assert "Rustem Umerov" in _names(window)
    assert threads and threading.main_thread().name not in threads
