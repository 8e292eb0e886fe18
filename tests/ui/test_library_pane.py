"""The library pane: list, search with snippets, stories, sort; delete with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.models.articles import ArticleIdRole
from tests.ui.conftest import stored


def _titles(window) -> list[str]:
    model = window.articles
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_lists_title_outlet_and_date_newest_published_first(window):
    model = window.articles
    assert _titles(window) == ["Talks set for Istanbul", "Lavrov proposes a date", "An old memorandum"]
    assert model.data(model.index(0, 1)) == "RT"
    assert model.data(model.index(0, 2)) == "2025-05-30"
    assert window.library_pane.count.text() == "3 articles"


def test_sort_by_clipped(window):
    window.library_pane.sort.setCurrentIndex(window.library_pane.sort.findData("clipped"))
    assert _titles(window)[0] == "Lavrov proposes a date"


def test_search_ranks_results_with_snippets(window, qtbot):
    pane = window.library_pane
    qtbot.keyClicks(pane.search, "memorandum")
    with qtbot.waitSignal(window.articles.search_finished):
        qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    assert _titles(window) == ["An old memorandum"]
    snippet = window.articles.data(window.articles.index(0, 4))
    assert "[memorandum]" in snippet
    assert pane.count.text() == "1 result"
    pane.search.clear()
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    assert len(_titles(window)) == 3


def test_story_filter(window):
    tag = window.library_pane.tag
    tag.setCurrentIndex(tag.findData("Ukraine talks"))
    assert _titles(window) == ["Talks set for Istanbul", "Lavrov proposes a date"]


def test_selecting_an_article_opens_it_in_the_reader(window):
    window.library_pane.view.selectRow(1)
    assert window.reader.title.text() == "Lavrov proposes a date"
    assert window.current_article == window.articles.data(window.articles.index(1, 0), ArticleIdRole)


def test_delete_key_deletes_and_undo_restores(window, qtbot):
    view = window.library_pane.view
    view.selectRow(0)
    view.setFocus()
    stored(qtbot, window, lambda: qtbot.keyClick(view, Qt.Key.Key_Delete))
    assert _titles(window) == ["Lavrov proposes a date", "An old memorandum"]
    assert "undo" in window.statusBar().currentMessage()
    assert window.timeline.total_events() == 3  # its events went with it
    stored(qtbot, window, window.undo_action.trigger)
    assert _titles(window)[0] == "Talks set for Istanbul"
    assert window.timeline.total_events() == 5


def test_a_search_hit_shows_the_matched_words_in_a_narrow_column(window, qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem

    from tests.ui.conftest import _add, writable

    text = ("Negotiators from both delegations spent the whole of Tuesday afternoon going through the draft "
            "line by line before they agreed on the prisoner exchange schedule.")
    with writable(window) as library:
        _add(library, "Draft talks", "AP", "2025-05-20", "2025-05-21T10:00:00+00:00", text, [], [], [])
    window.refresh_all()
    pane = window.library_pane
    pane.search.setText("schedule")
    with qtbot.waitSignal(window.articles.search_finished):
        pane._run_search()
    index = window.articles.index(0, 4)
    assert "[schedule]" in window.articles.data(index)
    option = QStyleOptionViewItem()
    option.initFrom(pane.view)
    option.rect = QRect(0, 0, 180, 24)
    pane.view.itemDelegateForIndex(index).initStyleOption(option, index)
    shown = option.fontMetrics.elidedText(option.text, Qt.TextElideMode.ElideRight, option.rect.width() - 8)
    assert "[schedule]" in shown  # the view cuts the snippet where the match still shows


def test_a_headline_wraps_instead_of_being_cut(window):
    from PySide6.QtCore import QRect

    from tests.ui.conftest import _add, writable

    title = "Lavrov proposes Istanbul for the next talks"
    with writable(window) as library:
        _add(library, title, "AP", "2025-06-20", "2025-06-21T10:00:00+00:00", "Text.", [], [], [])
    window.refresh_all()
    view = window.library_pane.view
    row = _titles(window).index(title)
    cell = view.visualRect(window.articles.index(row, 0))
    metrics = view.fontMetrics()
    assert metrics.horizontalAdvance(title) > cell.width() - 8  # too long for one line...
    needed = metrics.boundingRect(QRect(0, 0, cell.width() - 8, 1000), Qt.TextFlag.TextWordWrap, title)
    assert view.wordWrap() and needed.height() <= cell.height()  # ...so it wraps and shows whole


def test_tagging_refreshes_the_story_choices_but_does_not_read_people_again(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    people_reads: list[int] = []
    monkeypatch.setattr(window, "load_people", lambda: people_reads.append(1))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Energy deal", True)))
    window.library_pane.view.selectRow(2)
    stored(qtbot, window, window.tag_selected_article)
    tag = window.library_pane.tag
    assert tag.findData("Energy deal") >= 0
    tag.setCurrentIndex(tag.findData("Energy deal"))
    assert _titles(window) == ["An old memorandum"]
    assert people_reads == []  # a tag changes no person: people are not re-read
