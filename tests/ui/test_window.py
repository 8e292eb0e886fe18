"""Desktop manners: layout remembered, errors shown (never silent), progress with Cancel,
work off the GUI thread, colours for light and dark."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.ui.main_window import MainWindow
from tests.ui.conftest import stored


def test_layout_and_choices_are_remembered(qtbot, small_library, settings):
    first = MainWindow(small_library, settings=settings, warm_up=False)
    qtbot.addWidget(first)
    first.resize(780, 560)  # inside the offscreen screen (800x600), so geometry is kept as is
    first.show()
    qtbot.waitUntil(lambda: first.people_loaded)
    first.tabs.setCurrentIndex(1)
    first.library_pane.sort.setCurrentIndex(first.library_pane.sort.findData("clipped"))
    first.timeline_pane.zoom.setCurrentIndex(first.timeline_pane.zoom.findData("month"))
    first.splitter.setSizes([300, 200, 250])
    sizes = first.splitter.sizes()
    first.close()
    assert Path(settings.fileName()).is_file()
    second = MainWindow(small_library, settings=settings, warm_up=False)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.people_loaded)
    assert second.size() == first.size()
    assert second.tabs.currentIndex() == 1
    assert second.library_pane.sort.currentData() == "clipped"
    assert second.timeline.zoom == "month"
    assert second.splitter.sizes() == sizes
    second.close()


def test_settings_live_in_the_data_folder(settings, tmp_path):
    assert Path(settings.fileName()) == tmp_path / "data" / "clipline.ini"


def test_a_failing_task_is_shown_with_copyable_details(window, qtbot):
    def broken(_state):
        raise ValueError("the export went wrong")

    with qtbot.waitSignal(window.task_failed, timeout=10_000) as blocker:
        window.run_task("Exporting", broken, lambda _r: None)
    assert "the export went wrong" in blocker.args[0]
    assert "Exporting failed" in window.statusBar().currentMessage()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes
    details = boxes[-1].detailedText()
    assert "Traceback" in details and "ValueError" in details and "clipline.log" in details


def test_long_work_runs_off_the_gui_thread_with_progress_and_cancel(window, qtbot):
    started = threading.Event()
    threads: list[threading.Thread] = []

    def slow(state):
        threads.append(threading.current_thread())
        state.progress(1, 10, "working")
        started.set()
        while not state.cancelled:
            threading.Event().wait(0.01)
        return "stopped"

    results = []
    window.run_task("Long job", slow, results.append)
    assert started.wait(5)
    qtbot.waitUntil(lambda: window.progress.isVisible(), timeout=3_000)  # after a moment, not at once
    assert window.cancel_button.isVisible()
    assert window.progress.value() == 1 and window.progress.maximum() == 10
    window.cancel_button.click()
    qtbot.waitUntil(lambda: results == ["stopped"], timeout=5_000)
    assert threads[0] is not threading.main_thread()
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()


def test_a_dark_system_palette_switches_the_highlight_colours(window, qapp):
    from PySide6.QtGui import QColor, QPalette

    window.library_pane.view.selectRow(0)
    assert "#dbe6ff" in window.reader.view.toHtml()  # people on a light background
    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    try:
        qapp.setPalette(dark)
        qapp.processEvents()
        assert "#3b4f7a" in window.reader.view.toHtml()  # people on a dark background
        assert window.timeline.colours["chip"] == "#3b4f7a"
    finally:
        qapp.setPalette(original)
        qapp.processEvents()
    assert "#dbe6ff" in window.reader.view.toHtml()


def test_writes_queue_on_one_writer_thread(window, qtbot):
    threads: list[str] = []

    def write(_state):
        threads.append(threading.current_thread().name)
        return len(threads)

    results: list[int] = []
    for _ in range(3):
        window.run_task("Writing", write, results.append, writes=True)
    qtbot.waitUntil(lambda: len(results) == 3, timeout=5_000)
    assert len(set(threads)) == 1 and threads[0] != threading.main_thread().name


def test_tag_an_article_to_file_it_under_a_story(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Prisoner exchange", True)))
    window.library_pane.view.selectRow(2)
    stored(qtbot, window, window.tag_action.trigger)
    tag = window.library_pane.tag
    assert tag.findData("Prisoner exchange") >= 0
    tag.setCurrentIndex(tag.findData("Prisoner exchange"))
    model = window.articles
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["An old memorandum"]
    assert "Prisoner exchange" in window.reader.meta.text()


def test_the_window_shows_cliplines_icon(window, qapp):
    from PySide6.QtGui import QIcon

    from desktop.resources import APP_ICON, resource_path
    from desktop.ui.app import set_app_icon

    previous = qapp.windowIcon()
    try:
        set_app_icon()
        icon = window.windowIcon()  # a window without its own icon shows the application's
        assert not icon.isNull()
        expected = QIcon(str(resource_path(APP_ICON))).pixmap(32, 32).toImage()
        assert icon.pixmap(32, 32).toImage() == expected
    finally:
        qapp.setWindowIcon(previous)
