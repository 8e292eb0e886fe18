"""Clipping from the window: New clip (text or HTML that keeps its structure), files, drops.

Analysis is switched off here (``tasks._analyser`` returns None): the stored article is what
these tests check; the analysis runs for real in test_analysed_sample and the end-to-end test.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui import tasks
from desktop.ui.dialogs.new_clip import NewClipDialog

PAGE = """<html><head><title>Envoys agree to meet | Daily Wire</title>
<meta property="og:title" content="Envoys agree to meet">
<meta property="article:published_time" content="2025-05-31T09:00:00Z"></head>
<body><article><h1>Envoys agree to meet</h1>
<p>Negotiators from both sides said on Friday that they will meet again in Istanbul next week,
after a first round of talks that ended with a prisoner exchange and a promise of memorandums.</p>
<p>The delegations are expected to bring written proposals on a ceasefire, officials said, and
the meeting is planned for Monday at the Ciragan palace on the shore of the Bosphorus.</p>
<p>Observers said the second round would show whether either side is ready to compromise.</p>
</article></body></html>"""


@pytest.fixture(autouse=True)
def no_analysis(monkeypatch):
    monkeypatch.setattr(tasks, "_analyser", lambda: None)


def _titles(window) -> list[str]:
    model = window.articles
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_pasted_html_keeps_its_structure_and_prefills_the_fields(qtbot):
    dialog = NewClipDialog()
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setHtml(PAGE)
    mime.setText("Envoys agree to meet")
    dialog.paste.insertFromMimeData(mime)
    dialog.detect()
    assert dialog.paste.pasted_html == PAGE
    assert dialog.title.text() == "Envoys agree to meet"
    assert dialog.published.text() == "2025-05-31"
    assert "web page (HTML)" in dialog.detected.text()
    # What the reporter types wins over what was detected.
    dialog.published.clear()
    qtbot.keyClicks(dialog.published, "2025-05-30")
    dialog._accept()
    assert dialog.article is not None
    assert dialog.article.original_type == "html"
    assert dialog.article.published == "2025-05-30" and dialog.article.published_source == "user"
    assert "Ciragan palace" in dialog.article.text


def test_pasted_text_detects_title_and_dateline(qtbot):
    dialog = NewClipDialog(text="Talks resume\n\nMay 30, 2025\n\nDelegations met again today "
                                "for a second round of talks on a ceasefire, officials said.\n")
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Talks resume"
    assert dialog.published.text() == "2025-05-30"
    assert "from the dateline" in dialog.detected.text()


def test_an_empty_clip_is_refused_with_a_reason(qtbot):
    dialog = NewClipDialog()
    qtbot.addWidget(dialog)
    dialog._accept()
    assert dialog.result() == 0 and "empty" in dialog.error.text()


def test_new_clip_stores_the_article_and_lists_it(window, qtbot):
    dialog = window.new_clip(text="Talks resume\n\nDelegations met again today for a second round of "
                                  "talks on a ceasefire in Istanbul, officials said.\n")
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        dialog.tags.setText("Ukraine talks")
        dialog._accept()
    assert blocker.args[0].counts["stored"] == 1
    assert "Talks resume" in _titles(window)
    assert window.reader.title.text() == "Talks resume"
    assert "Ukraine talks" in window.reader.meta.text()


def test_import_files_several_at_once(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    files = []
    for n in (1, 2):
        path = tmp_path / f"story{n}.txt"
        path.write_text(f"Story number {n}\n\nA reporter wrote this story number {n} about the talks, "
                        "with enough words to be an article.\n", encoding="utf-8")
        files.append(str(path))
    (tmp_path / "bad.xyz").write_text("nope", encoding="utf-8")
    files.append(str(tmp_path / "bad.xyz"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (files, "")))
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        window.import_action.trigger()
    report = blocker.args[0]
    assert report.counts["stored"] == 2 and report.counts["error"] == 1
    assert {"Story number 1", "Story number 2"} <= set(_titles(window))
    assert "2 stored" in window.statusBar().currentMessage()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "bad.xyz" in boxes[-1].detailedText()


def _drop(window, mime: QMimeData) -> None:
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_files_imports_them(window, qtbot, tmp_path):
    path = tmp_path / "dropped.md"
    path.write_text("# Dropped story\n\nThis story was dropped onto the window by a reporter in a hurry.\n",
                    encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        _drop(window, mime)
    assert "Dropped story" in _titles(window)


def test_dropping_text_opens_new_clip_with_it(window):
    mime = QMimeData()
    mime.setText("Dropped text\n\nSome words dragged from another application.")
    _drop(window, mime)
    dialog = window.findChild(NewClipDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.title.text() == "Dropped text"
    dialog.reject()


def test_keyboard_shortcuts(window):
    assert window.new_clip_action.shortcut().toString() == "Ctrl+N"
    assert window.import_action.shortcut().toString() == "Ctrl+O"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert window.delete_action.shortcut().toString() == "Del"
    window.find_action.trigger()
    assert QApplication.focusWidget() is window.library_pane.search



def test_import_url_failure_is_reported_not_silent(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    # Port 9 on this machine: refused at once, nothing leaves the computer.
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("http://127.0.0.1:9/story", True)))
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as blocker:
        window.import_url_action.trigger()
    assert blocker.args[0].counts["error"] == 1
    assert "1 failed" in window.statusBar().currentMessage()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "127.0.0.1:9" in boxes[-1].detailedText()
