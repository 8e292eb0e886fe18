"""The reader: highlights, date explanations on hover, person click filters the timeline."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.conftest import TALKS


def _format_at(window, needle: str):
    text = window.reader.view.toPlainText()
    cursor = QTextCursor(window.reader.view.document())
    cursor.setPosition(text.index(needle) + 1)
    return cursor.charFormat()


def _open(window, title: str) -> None:
    model = window.articles
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0)) == title:
            window.library_pane.view.selectRow(row)
            return
    raise AssertionError(f"{title} not listed")


def test_article_text_with_people_places_and_dates_highlighted(window):
    _open(window, "Talks set for Istanbul")
    assert window.reader.view.toPlainText() == TALKS
    person = _format_at(window, "Maria Zakharova")
    assert person.isAnchor() and person.anchorHref().startswith("person:")
    assert person.fontWeight() > 400
    place = _format_at(window, "Istanbul")
    assert place.fontItalic() and not place.isAnchor()
    date = _format_at(window, "Thursday")
    assert date.background().color() != person.background().color()
    assert date.background().style() != 0


def test_hovering_a_date_shows_what_it_resolved_to(window):
    _open(window, "Talks set for Istanbul")
    view = window.reader.view
    text = view.toPlainText()
    cursor = QTextCursor(view.document())
    cursor.setPosition(text.index("Thursday") + 2)
    point = view.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text() == "Thursday → Thu 29 May 2025, relative to publication Fri 30 May 2025"
    cursor.setPosition(text.index("said") + 1)
    assert view.tooltip_at(view.cursorRect(cursor).center()) == ""


def test_clicking_a_person_filters_the_timeline_to_them(window):
    _open(window, "Talks set for Istanbul")
    window.tabs.setCurrentIndex(2)
    href = _format_at(window, "Maria Zakharova").anchorHref()
    window.reader.view.anchorClicked.emit(QUrl(href))
    window.timeline_pane.apply_filters()
    assert window.tabs.currentIndex() == 0
    assert window.timeline_pane.person.currentText() == "Maria Zakharova"
    events = window.timeline.loaded_events()
    assert [e.date for e in events] == ["2024", "2025-05-29"]
    assert all("Maria Zakharova" in e.people for e in events)


def test_publication_date_is_shown_and_a_bad_one_is_refused(window, qtbot):
    _open(window, "Talks set for Istanbul")
    reader = window.reader
    assert reader.published.text() == "2025-05-30"
    reader.published.setText("next week")
    with qtbot.assertNotEmitted(reader.published_edited):
        reader.apply_published.click()
    assert "Not a date" in reader.published_status.text()
