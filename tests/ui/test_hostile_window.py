"""Second hostile pass (issue #16), the window's part: each test names the defect it holds fixed."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from db import Library, LibraryError
from tests.conftest import article_record as record


@pytest.fixture
def locked_by_another_program(tmp_path, monkeypatch):
    """A library with a backup that another program holds an EXCLUSIVE lock on."""
    import db.integrity
    from db.backup import make_backup

    monkeypatch.setattr(db.integrity, "BUSY_TIMEOUT_SECONDS", 0.3)
    path = tmp_path / "library.db"
    with Library(path) as library:
        for i in range(4):
            library.add_article(record(f"Story {i}\nTalks resumed in Istanbul, round {i}."))
        make_backup(library, path)
    other = sqlite3.connect(path, timeout=0)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO tags (name) VALUES ('held')")
    yield path
    other.rollback()
    other.close()


def test_2_the_window_does_not_offer_a_restore_for_a_locked_library(qapp, locked_by_another_program,
                                                                    monkeypatch):
    from desktop.ui.app import open_library

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    with pytest.raises(LibraryError, match="busy"):
        open_library(locked_by_another_program, interactive=True)
    assert asked == []
    assert not any((locked_by_another_program.parent / "backups").glob("*-replaced*"))


# -- 4. article data is plain text in every label, tooltip and item; the fence loads nothing --


_WATCHER = """
import os, sys, time
fifo, counter, until = sys.argv[1], sys.argv[2], time.monotonic() + float(sys.argv[3])
while time.monotonic() < until and not os.path.exists(counter + ".stop"):
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # ENXIO: nobody is reading
        time.sleep(0.002)
        continue
    with open(counter, "a") as out:
        out.write("x")
    os.close(fd)
# Done: an empty regular file takes the FIFO's place, and a reader still waiting on the FIFO
# is let go (this end opened read-write is a writer; closing it is the end of the file).
held = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
with open(fifo + ".empty", "w"):
    pass
os.replace(fifo + ".empty", fifo)
time.sleep(0.5)
os.close(held)
"""


class FifoWatch:
    """A FIFO a test points markup at, and a count of the times anything opened it to read.

    Another process keeps trying to open the FIFO for writing without blocking: that succeeds
    only while a reader has it open (or waits in open), so each success is one open by Qt; it
    then closes its end, and the reader sees an empty file instead of hanging. (A thread can't
    do this: Qt may block in open() holding Python's lock.) It gives up after ``LIMIT`` s.
    """

    LIMIT = 120

    def __init__(self, folder) -> None:  # noqa: ANN001
        import os
        import subprocess
        import sys

        self.path = folder / "watched.fifo"
        self.counter = folder / "opens.txt"
        os.mkfifo(self.path)
        self._process = subprocess.Popen([sys.executable, "-c", _WATCHER, str(self.path),
                                          str(self.counter), str(self.LIMIT)])

    @property
    def opens(self) -> int:
        return len(self.counter.read_text()) if self.counter.exists() else 0

    def settle(self, qapp) -> int:  # noqa: ANN001
        """Let Qt paint and the watcher look, then the count."""
        import time

        for _ in range(10):
            qapp.processEvents()
            time.sleep(0.02)
        return self.opens

    def stop(self) -> None:
        import subprocess

        (self.counter.parent / (self.counter.name + ".stop")).touch()
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()


@pytest.fixture
def fifo(tmp_path):
    watch = FifoWatch(tmp_path)
    yield watch
    watch.stop()


def _hostile_article(fifo_path) -> dict:  # noqa: ANN001
    markup = f'<img src="{fifo_path}"><h1>Fake headline</h1>'
    return {"id": 1, "title": markup, "url": f"https://example.org/{markup}", "outlet": markup,
            "author": markup, "tags": [markup], "published": "2025-05-30", "published_source": "user",
            "text": f"Body {markup}", "snippet": markup}


def test_4_the_reader_shows_a_markup_title_as_text_and_opens_nothing(qapp, fifo):
    from PySide6.QtCore import Qt

    from desktop.ui.panes.reader import ReaderPane

    reader = ReaderPane()
    article = _hostile_article(fifo.path)
    reader.show_article(article, [], [])
    reader.show()
    assert fifo.settle(qapp) == 0
    assert reader.title.text() == article["title"]
    assert reader.title.textFormat() == Qt.TextFormat.PlainText
    reader.close()


def test_4_the_safe_browser_really_loads_nothing(qapp, fifo):
    from desktop.ui.safe_browser import SafeTextBrowser

    view = SafeTextBrowser()
    view.setHtml(f'<p>x</p><img src="{fifo.path}"><img src="file://{fifo.path}">'
                 f'<style>@import url({fifo.path});</style><link rel="stylesheet" href="{fifo.path}">')
    view.show()
    assert fifo.settle(qapp) == 0
    assert view.blocked
    view.close()


def test_4_list_tooltips_show_article_data_as_text(qapp, qtbot, fifo, tmp_path):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import Qt as QtGui
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QToolTip, QWidget

    from desktop.ui.models.articles import ArticleListModel

    markup = f'<img src="{fifo.path}"><h1>Fake headline</h1>'
    with Library(tmp_path / "library.db") as library:
        library.add_article(record(f"Story\nTalks resumed in Istanbul {markup}, officials said.",
                                   title=markup, url=f"https://example.org/{markup}"))
        model = ArticleListModel(library)
        tips = []
        for query in ("Istanbul", ""):
            if query:
                with qtbot.waitSignal(model.search_finished):
                    model.set_query(query)
            else:
                model.set_query(query)
            tips += [model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
                     for column in range(model.columnCount())]
        tips = [tip for tip in tips if tip]
        assert tips
        owner = QWidget()
        for tip in tips:
            QToolTip.showText(QPoint(10, 10), tip, owner)
            fifo.settle(qapp)
            QToolTip.hideText()
        assert fifo.settle(qapp) == 0
        for tip in tips:  # what the reporter reads: the markup as text
            shown = tip
            if QtGui.mightBeRichText(tip):
                document = QTextDocument()
                document.setHtml(tip)
                shown = document.toPlainText()
            assert '<img src="' in shown


def test_4_a_pasted_page_with_css_imports_and_images_opens_nothing(qapp, fifo):
    from PySide6.QtCore import QMimeData

    from desktop.ui.dialogs.new_clip import NewClipDialog

    dialog = NewClipDialog()
    data = QMimeData()
    data.setHtml(f'<style>@import url({fifo.path});</style><img src="{fifo.path}">'
                 "<h1>Talks resume</h1><p>Delegations met in Istanbul on Friday, officials said.</p>")
    dialog.paste.insertFromMimeData(data)
    assert "Delegations met in Istanbul" in dialog.paste.toPlainText()
    assert fifo.settle(qapp) == 0
    dialog.close()


_DEV_ZERO_SCRIPT = """
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication
from desktop.ui.dialogs.new_clip import NewClipDialog
from desktop.ui.panes.reader import ReaderPane
from desktop.ui.safe_browser import SafeTextBrowser
app = QApplication([])
markup = '<img src="/dev/zero"><style>@import url(/dev/zero);</style>'
reader = ReaderPane()
reader.show_article({"id": 1, "title": markup, "text": "Body " + markup, "outlet": markup}, [], [])
reader.show()
view = SafeTextBrowser()
view.setHtml("<p>x</p>" + markup)
view.show()
dialog = NewClipDialog()
data = QMimeData()
data.setHtml(markup + "<p>Delegations met in Istanbul on Friday, officials said.</p>")
dialog.paste.insertFromMimeData(data)
dialog.show()
for _ in range(20):
    app.processEvents()
print("still running")
"""


def test_4_markup_pointing_at_dev_zero_does_not_abort_the_window(tmp_path):
    """The issue's crash (std::bad_alloc) ends the process, so it runs in one of its own."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    done = subprocess.run([sys.executable, "-c", _DEV_ZERO_SCRIPT], cwd=REPO, capture_output=True,
                          text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("still running")
