"""The library search runs on a worker, so a long search never freezes the window, and only
the newest search's results are shown."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QThreadPool

from db.library import Library
from desktop.ui.models.articles import ArticleListModel


def _titles(model: ArticleListModel) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_the_search_runs_off_the_window_thread(window, qtbot, monkeypatch):
    threads: list[threading.Thread] = []
    search = Library.search

    def recording(self, query, **kwargs):
        threads.append(threading.current_thread())
        return search(self, query, **kwargs)

    monkeypatch.setattr(Library, "search", recording)
    pane = window.library_pane
    pane.search.setText("memorandum")
    with qtbot.waitSignal(window.articles.search_finished):
        pane._run_search()
    assert threads and threading.main_thread() not in threads
    assert _titles(window.articles) == ["An old memorandum"]
    assert pane.count.text() == "1 result"


def test_an_older_search_finishing_late_does_not_replace_the_newer_results(qtbot, small_library, monkeypatch):
    pool = QThreadPool.globalInstance()
    assert pool.maxThreadCount() >= 2  # the two searches run side by side
    release_old = threading.Event()
    search = Library.search

    def slow_for_memorandum(self, query, **kwargs):
        if query == "memorandum":
            release_old.wait(timeout=10)  # held until the newer search is on screen
        return search(self, query, **kwargs)

    monkeypatch.setattr(Library, "search", slow_for_memorandum)
    model = ArticleListModel(small_library)
    model.set_query("memorandum")
    with qtbot.waitSignal(model.search_finished):
        model.set_query("Istanbul")
    newer = _titles(model)
    assert newer and "An old memorandum" not in newer
    with qtbot.assertNotEmitted(model.search_finished):
        release_old.set()
        assert pool.waitForDone(10_000)
        QCoreApplication.sendPostedEvents()  # deliver the late answer (to be dropped)
    assert _titles(model) == newer and model.shown_query == "Istanbul"


def test_clearing_the_query_while_a_search_runs_keeps_the_list(qtbot, small_library, monkeypatch):
    pool = QThreadPool.globalInstance()
    release = threading.Event()
    search = Library.search

    def slow(self, query, **kwargs):
        release.wait(timeout=10)
        return search(self, query, **kwargs)

    monkeypatch.setattr(Library, "search", slow)
    model = ArticleListModel(small_library)
    everything = _titles(model)
    model.set_query("memorandum")
    model.set_query("")  # back to the list before the search answered
    with qtbot.assertNotEmitted(model.search_finished):
        release.set()
        assert pool.waitForDone(10_000)
        QCoreApplication.sendPostedEvents()
    assert _titles(model) == everything and model.columnCount() == 4


def test_a_failed_search_says_so_under_the_list(window, qtbot, monkeypatch):
    import sqlite3

    def broken(self, query, **kwargs):
        raise sqlite3.OperationalError("database disk image is malformed")

    monkeypatch.setattr(Library, "search", broken)
    pane = window.library_pane
    pane.search.setText("memorandum")
    with qtbot.waitSignal(window.articles.search_failed):
        pane._run_search()
    assert pane.count.text().startswith("Search failed:")
    assert window.articles.total() == 3  # the list stays as it was
