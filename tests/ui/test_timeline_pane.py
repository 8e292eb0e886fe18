"""The timeline pane: date headers by precision and zoom, marks, filters, links, corrections."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.ui.models.timeline import KindRole
from tests.ui.conftest import stored, writable


def _rows(window) -> list[tuple[str, str]]:
    model = window.timeline
    return [(model.data(model.index(r, 0), KindRole), model.data(model.index(r, 0)))
            for r in range(model.rowCount())]


def test_events_under_date_headers_that_respect_precision(window):
    headers = window.timeline.headers()
    # A month-precision event sits under its month, a year-precision one under its year:
    # at day zoom no day is invented for them.
    assert headers == ["2024", "May 2025", "Thu 29 May 2025", "Mon 2 June 2025", "Tue 3 June 2025"]
    kinds = [k for k, _ in _rows(window)]
    assert kinds[0] == "header" and kinds.count("event") == 5


def test_zoom_to_month_and_year(window):
    zoom = window.timeline_pane.zoom
    zoom.setCurrentIndex(zoom.findData("month"))
    assert window.timeline.headers() == ["2024", "May 2025", "June 2025"]
    zoom.setCurrentIndex(zoom.findData("year"))
    assert window.timeline.headers() == ["2024", "2025"]


def test_planned_events_and_date_conflicts_are_marked(window):
    events = {e.date: e for e in window.timeline.loaded_events()}
    model = window.timeline
    html = {model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 1).date: model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 3)
            for r in range(model.rowCount()) if model.data(model.index(r, 0), KindRole) == "event"}
    assert events["2025-06-02"].planned and events["2025-06-02"].conflict
    assert "PLANNED" in html["2025-06-02"] and "DATE CONFLICT" in html["2025-06-02"]
    assert "also reported as Tue 3 June 2025" in html["2025-06-02"]
    assert "PLANNED" not in html["2025-05-29"] and "CONFLICT" not in html["2025-05-29"]
    assert "Maria Zakharova" in html["2025-05-29"]  # the person chip


def test_filters_by_text_person_dates_and_story(window, qtbot):
    pane = window.timeline_pane
    qtbot.keyClicks(pane.text, "envoys")
    pane.apply_filters()
    assert [e.date for e in window.timeline.loaded_events()] == ["2025-05"]
    pane.text.clear()
    pane.filter_person("Sergey Lavrov")
    assert [e.date for e in window.timeline.loaded_events()] == ["2025-05"]
    pane.person.setCurrentIndex(0)
    pane.date_from.setText("2025-06")
    pane.apply_filters()
    assert [e.date for e in window.timeline.loaded_events()] == ["2025-06-02", "2025-06-03"]
    pane.date_from.setText("not a date")
    pane.apply_filters()
    assert pane.filter_error.text().startswith("Dates:")
    pane.date_from.clear()
    pane.tag.setCurrentIndex(pane.tag.findData("Ukraine talks"))
    assert "2024" not in [e.date for e in window.timeline.loaded_events()]
    assert pane.count.text() == "4 happenings"  # issue #13: the window counts happenings


def test_clicking_a_source_link_opens_the_article_in_the_reader(window, qtbot):
    pane = window.timeline_pane
    view = pane.view
    row = next(r for r, (kind, text) in enumerate(_rows(window)) if kind == "event" and "envoys" in text)
    index = window.timeline.index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    target = None
    for y in range(rect.top(), rect.bottom(), 3):
        for x in range(rect.left(), rect.right(), 6):
            if pane.delegate.anchor_at(index, rect.width(), x - rect.left(), y - rect.top()).startswith("article:"):
                target = QPoint(x, y)
                break
        if target:
            break
    assert target is not None, "no source link drawn in the event row"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert window.reader.title.text() == "Lavrov proposes a date"
    assert window.reader.view.textCursor().selectedText().startswith("Sergey Lavrov met envoys")


def _select(window, date: str) -> None:
    model = window.timeline
    for r in range(model.rowCount()):
        event = model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 1)
        if event is not None and event.date == date:
            window.timeline_pane.view.setCurrentIndex(model.index(r, 0))
            return
    raise AssertionError(date)


def test_hide_pin_and_undo(window, qtbot):
    _select(window, "2025-05-29")
    stored(qtbot, window, window.timeline_pane.hide_button.click)
    assert "2025-05-29" not in [e.date for e in window.timeline.loaded_events()]
    stored(qtbot, window, window.undo_action.trigger)
    assert "2025-05-29" in [e.date for e in window.timeline.loaded_events()]
    _select(window, "2025-05-29")
    stored(qtbot, window, window.timeline_pane.pin_button.click)
    assert next(e for e in window.timeline.loaded_events() if e.date == "2025-05-29").pinned
    stored(qtbot, window, window.undo_action.trigger)
    assert not next(e for e in window.timeline.loaded_events() if e.date == "2025-05-29").pinned


def test_edit_and_add_events(window, qtbot):
    from desktop.ui.dialogs.event import EventDialog

    _select(window, "2025-05-29")
    window.timeline_pane.edit_button.click()
    dialog = window.findChild(EventDialog)
    dialog.date.setText("2025-05-28")
    dialog.text.setPlainText("Zakharova spoke on Wednesday instead.")
    stored(qtbot, window, dialog._accept)
    edited = next(e for e in window.timeline.loaded_events() if e.text.startswith("Zakharova spoke"))
    assert edited.date == "2025-05-28" and edited.corrected
    stored(qtbot, window, window.undo_action.trigger)
    assert not any(e.text.startswith("Zakharova spoke") for e in window.timeline.loaded_events())

    window.timeline_pane.add_button.click()
    dialogs = [d for d in window.findChildren(EventDialog) if d.isVisible()]
    dialog = dialogs[-1]
    dialog.date.setText("2025-06")
    dialog.text.setPlainText("A ceasefire memorandum is expected.")
    dialog.people.setText("Vladimir Medinsky")
    stored(qtbot, window, dialog._accept)
    added = next(e for e in window.timeline.loaded_events() if e.manual)
    assert added.date == "2025-06" and added.people == ["Vladimir Medinsky"]
    assert "June 2025" in window.timeline.headers()
    stored(qtbot, window, window.undo_action.trigger)
    assert not any(e.manual for e in window.timeline.loaded_events())


def test_clicking_a_person_chip_filters_to_them(window):
    model = window.timeline
    row = next(r for r in range(model.rowCount())
               if "Sergey Lavrov" in (model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 3) or ""))
    html = model.data(model.index(row, 0), Qt.ItemDataRole.UserRole + 3)
    assert "href='person-name:Sergey%20Lavrov'" in html
    window.timeline_pane.open_link("person-name:Sergey%20Lavrov")
    assert window.timeline_pane.person.currentText() == "Sergey Lavrov"
    assert [e.date for e in window.timeline.loaded_events()] == ["2025-05"]


def _add_person_article(library, name: str, sentence: str, date: str) -> None:
    from tests.ui.conftest import _add, _event, _mention

    text = f"{sentence} Officials confirmed it."
    _add(library, f"About {name}", "AP", "2025-05-20", "2025-05-21T10:00:00+00:00", text, [],
         [_mention(text, name, "PERSON")], [_event(text, sentence, date, [name])])


def test_person_filter_matches_the_person_not_a_longer_name(window, qtbot):
    with writable(window) as library:
        _add_person_article(library, "Anna Kovalenko", "Anna Kovalenko resigned on May 12, 2025.", "2025-05-12")
        _add_person_article(library, "Anna Kovalenkova", "Anna Kovalenkova won the vote on May 14, 2025.",
                            "2025-05-14")
    with qtbot.waitSignal(window.people_read, timeout=10_000):
        window.refresh_all()
    pane = window.timeline_pane
    pane.filter_person("Anna Kovalenko")
    assert [e.text for e in window.timeline.loaded_events()] == ["Anna Kovalenko resigned on May 12, 2025."]
    assert pane.count.text() == "1 happening"
    pane.person.setEditText("anna kovalenko")  # typed, in other case: still that one person
    pane.apply_filters()
    assert [e.date for e in window.timeline.loaded_events()] == ["2025-05-12"]
    window.tabs.setCurrentIndex(1)
    window.people_pane.select_person(next(p["id"] for p in window.people._people if p["name"] == "Anna Kovalenko"))
    assert [e.date for e in window.person_events.loaded_events()] == ["2025-05-12"]
    assert window.people_pane.events_title.text() == "Anna Kovalenko: 1 event"


def test_a_date_conflict_shows_although_the_other_date_is_on_the_next_page(window, monkeypatch):
    from desktop.ui.models import timeline

    monkeypatch.setattr(timeline, "PAGE_SIZE", 4)
    window.timeline.reload()
    model = window.timeline
    assert model.canFetchMore()  # 3 June is not read yet
    assert "2025-06-03" not in [e.date for e in model.loaded_events()]
    june2 = next(e for e in model.loaded_events() if e.date == "2025-06-02")
    assert june2.conflict and june2.conflicting_dates == ["2025-06-03"]
    row = model.row_of_event(june2.id)
    assert "also reported as Tue 3 June 2025" in model.data(model.index(row, 0), Qt.ItemDataRole.UserRole + 3)
    model.fetchMore()
    june3 = next(e for e in model.loaded_events() if e.date == "2025-06-03")
    assert june3.conflict and june3.conflicting_dates == ["2025-06-02"]


def test_the_filter_row_shows_its_hints_whole_and_no_gap_without_an_error(window, qtbot):
    pane = window.timeline_pane
    for edit in (pane.date_from, pane.date_to):
        assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= edit.width() - 12
    assert not pane.filter_error.isVisible()
    assert pane.view.geometry().top() - pane.date_from.geometry().bottom() < 16
    pane.date_from.setText("not a date")
    pane.apply_filters()
    assert pane.filter_error.isVisible() and pane.filter_error.text().startswith("Dates:")
    pane.date_from.clear()
    pane.apply_filters()
    assert not pane.filter_error.isVisible()
