"""The window reads on its own connection and writes only through the one writer thread: its
connection refuses writes, yet delete, tag, hide, pin and undo all work, and a slow write
leaves the window painting."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt, QTimer

from desktop.ui.models.articles import ArticleIdRole
from tests.ui.conftest import stored


def _select_event(window, text: str) -> None:
    model = window.timeline
    for r in range(model.rowCount()):
        event = model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 1)
        if event is not None and event.text == text:
            window.timeline_pane.view.setCurrentIndex(model.index(r, 0))
            return
    raise AssertionError(text)


def _event(window, text: str):
    return next((e for e in window.timeline.loaded_events() if e.text == text), None)


def _count(window, sql: str) -> int:
    return window.library.db.execute(sql).fetchone()[0]


ZAKHAROVA = "Maria Zakharova said on Thursday that the delegation is ready."


def test_every_write_works_while_the_windows_connection_refuses_writes(window, qtbot, monkeypatch):
    import desktop.ui.writes as writes

    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        window.library.db.execute("UPDATE articles SET title = 'x'")
    threads: set[str] = set()
    opened = writes.writer_library

    def watched(path):
        threads.add(threading.current_thread().name)
        return opened(path)

    monkeypatch.setattr(writes, "writer_library", watched)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("Energy deal", True))

    _select_event(window, ZAKHAROVA)
    stored(qtbot, window, window.timeline_pane.hide_button.click)
    assert _event(window, ZAKHAROVA) is None
    assert _count(window, "SELECT count(*) FROM events WHERE hidden = 1") == 1
    stored(qtbot, window, window.undo_action.trigger)
    assert _event(window, ZAKHAROVA) is not None

    _select_event(window, ZAKHAROVA)
    stored(qtbot, window, window.timeline_pane.pin_button.click)
    assert _event(window, ZAKHAROVA).pinned

    window.library_pane.view.selectRow(2)
    tagged = window.articles.data(window.articles.index(2, 0), ArticleIdRole)
    stored(qtbot, window, window.tag_action.trigger)
    assert "Energy deal" in window.library.article_tags(tagged)
    stored(qtbot, window, window.undo_action.trigger)
    assert "Energy deal" not in window.library.article_tags(tagged)

    window.library_pane.view.selectRow(0)
    stored(qtbot, window, window.delete_action.trigger)
    assert _count(window, "SELECT count(*) FROM articles") == 2
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    stored(qtbot, window, window.undo_action.trigger)
    assert _count(window, "SELECT count(*) FROM articles") == 3
    assert _event(window, ZAKHAROVA).pinned  # the article came back with its events as they were

    assert threads and threading.main_thread().name not in threads
    assert window.library.db.execute("PRAGMA query_only").fetchone()[0] == 1


def test_a_slow_write_leaves_the_window_painting(window, qtbot, monkeypatch):
    from desktop.actions import corrections

    release = threading.Event()
    correct = corrections.correct_shown_event

    def slow(library, event, **changes):
        assert release.wait(10), "the window never got its turn while the write ran"
        return correct(library, event, **changes)

    monkeypatch.setattr(corrections, "correct_shown_event", slow)
    _select_event(window, ZAKHAROVA)
    window.timeline_pane.hide_button.click()  # returns at once: the write waits on its thread
    assert window.writer.pending == 1
    ticked: list[int] = []
    QTimer.singleShot(0, lambda: ticked.append(1))
    qtbot.waitUntil(lambda: bool(ticked), timeout=2_000)  # the GUI thread's loop runs meanwhile
    window.library_pane.view.selectRow(1)  # and the window reads and shows as ever
    assert window.reader.title.text() == "Lavrov proposes a date"
    assert _event(window, ZAKHAROVA) is not None
    release.set()
    stored(qtbot, window)
    assert _event(window, ZAKHAROVA) is None
