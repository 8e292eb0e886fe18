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


def test_rename_and_undo(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Sergei Lavrov", True)))
    _select(window, "Sergey Lavrov")
    window.people_pane.rename_button.click()
    assert "Sergei Lavrov" in _names(window)
    assert "Sergei Lavrov" in [window.timeline_pane.person.itemText(i) for i in range(window.timeline_pane.person.count())]
    window.undo_action.trigger()
    assert "Sergey Lavrov" in _names(window) and "Sergei Lavrov" not in _names(window)


def test_merge_and_undo(window):
    _select(window, "Maria Zakharova", "Sergey Lavrov")
    assert window.people_pane.merge_button.isEnabled()
    window.people_pane.merge_button.click()
    assert _names(window) == ["Maria Zakharova"]
    assert window.people.data(window.people.index(0, 2)) == 3
    window.undo_action.trigger()
    assert sorted(_names(window)) == ["Maria Zakharova", "Sergey Lavrov"]
    window.redo_action.trigger()
    assert _names(window) == ["Maria Zakharova"]


def test_split_a_name_off_and_undo(window):
    _select(window, "Maria Zakharova", "Sergey Lavrov")
    window.people_pane.merge_button.click()
    person = window.people.person(0)
    assert person["aliases"] == ["Sergey Lavrov"]
    window.split_person_alias(person, "Sergey Lavrov")
    assert sorted(_names(window)) == ["Maria Zakharova", "Sergey Lavrov"]
    window.undo_action.trigger()
    assert _names(window) == ["Maria Zakharova"]


def test_not_a_person_and_undo(window):
    _select(window, "Sergey Lavrov")
    window.people_pane.not_person_button.click()
    assert _names(window) == ["Maria Zakharova"]
    assert "no longer treated as a person" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert "Sergey Lavrov" in _names(window)
