"""The people pane at story scale: search, sort by mentions or articles, and suggested
merges taken in one click and undone."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.ui.conftest import _add, _span, _wait_for_workers, build_small_library

MORE = "Sergey Lavrov spoke. Lavrov left. Lavrov returned."
AGAIN = "Maria Zakharova spoke again."
MISSPELT = "Sergey Lavrow arrived in Istanbul."


def _person(text: str, name: str, nth: int) -> SimpleNamespace:
    start, end = _span(text, name, nth)
    return SimpleNamespace(start=start, end=end, text=name, label="PERSON", role=None, name=name)


@pytest.fixture
def window(qtbot, tmp_path: Path, settings):
    from desktop.ui.main_window import MainWindow

    library = build_small_library(tmp_path / "library.db")
    for title, text, names in (("More Lavrov", MORE, ["Sergey Lavrov", "Lavrov", "Lavrov"]),
                               ("Zakharova again", AGAIN, ["Maria Zakharova"]),
                               ("A misspelling", MISSPELT, ["Sergey Lavrow"])):
        mentions = [_person(text, name, names[:i].count(name)) for i, name in enumerate(names)]
        _add(library, title, "TASS", "2025-06-01", "2025-06-02T10:00:00+00:00", text, [],
             mentions, [])
    win = MainWindow(library, settings=settings, warm_up=False,
                     data_dir=Path(settings.fileName()).parent)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.merge_suggestions_read, timeout=10_000):
        win.show()
        qtbot.waitExposed(win)
    yield win
    win.close()
    _wait_for_workers(qtbot)
    library.close()


def _names(window) -> list[str]:
    return window.people.names()


def test_search_finds_people_by_name_alias_or_role(window):
    pane = window.people_pane
    assert set(_names(window)) == {"Maria Zakharova", "Sergey Lavrov", "Sergey Lavrow"}
    pane.search.setText("zakh")
    assert _names(window) == ["Maria Zakharova"]
    assert pane.count_label.text() == "1 of 3"
    pane.search.setText("SPOKESWOMAN")
    assert _names(window) == ["Maria Zakharova"]
    pane.search.clear()
    assert len(_names(window)) == 3
    assert pane.count_label.text() == "3 people"


def test_sort_by_mentions_or_articles(window):
    pane = window.people_pane
    assert _names(window)[0] == "Sergey Lavrov"  # 4 mentions in 2 articles
    pane.sort.setCurrentIndex(pane.sort.findData("articles"))
    assert _names(window)[0] == "Maria Zakharova"  # 3 mentions in 3 articles
    pane.sort.setCurrentIndex(pane.sort.findData("mentions"))
    assert _names(window)[0] == "Sergey Lavrov"


def test_a_suggested_merge_is_taken_in_one_click_and_undone(window, qtbot):
    pane = window.people_pane
    suggestions = [pane.suggestion(r) for r in range(pane.suggestions.count())]
    pair = [(s["name"], s["other_name"]) for s in suggestions]
    assert pair == [("Sergey Lavrov", "Sergey Lavrow")]
    assert "near spellings" in pane.suggestions.item(0).text()
    pane.suggestions.setCurrentRow(0)
    with qtbot.waitSignal(window.people_corrected, timeout=10_000):
        pane.accept_button.click()
    assert "Sergey Lavrow" not in _names(window)
    lavrov = window.people.find(window.people.person(_names(window).index("Sergey Lavrov"))["id"])
    assert "Sergey Lavrow" in lavrov["aliases"]
    qtbot.waitUntil(lambda: pane.suggestions.count() == 0, timeout=10_000)
    with qtbot.waitSignal(window.people_corrected, timeout=10_000):
        window.undo_action.trigger()
    assert "Sergey Lavrow" in _names(window)
    qtbot.waitUntil(lambda: pane.suggestions.count() == 1, timeout=10_000)
