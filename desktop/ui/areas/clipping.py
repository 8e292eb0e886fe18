"""The clipping area: a pasted clip, files, a web address or a drop become an import on the
writer thread (the same job as the command line's), and the window shows what it stored."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop.ui import tasks, workers
from desktop.ui.dialogs.error import error_box
from desktop.ui.dialogs.new_clip import NewClipDialog

if TYPE_CHECKING:
    from desktop.actions.importing import ImportReport
    from desktop.ui.main_window import MainWindow


class ClippingArea(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def new_clip(self, *, text: str = "", html: str | None = None) -> NewClipDialog:
        dialog = NewClipDialog(self.window, text=text, html=html)
        dialog.accepted.connect(lambda: self._clip_accepted(dialog))
        dialog.open()
        return dialog

    def _clip_accepted(self, dialog: NewClipDialog) -> None:
        if dialog.article is not None:
            fn = partial(tasks.import_articles, self.window.library_path, [dialog.article], dialog.story_tags())
            self.window.tasks.run("Clipping", fn, self._imported, writes=True)

    def import_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self.window, "Import files", str(Path.home()),
            "Articles (*.txt *.md *.html *.htm *.pdf *.jsonl);;All files (*)")
        if paths:
            self.import_inputs(paths)

    def import_url(self) -> None:
        url, ok = QInputDialog.getText(self.window, "Import URL", "Web page address (http or https):")
        if ok and url.strip():
            self.import_inputs([url.strip()])

    def import_inputs(self, inputs: list[str], tags: tuple[str, ...] = ()) -> workers.Task:
        fn = partial(tasks.import_inputs, self.window.library_path, inputs, tags)
        return self.window.tasks.run("Importing", fn, self._imported, writes=True)

    def _imported(self, report: ImportReport) -> None:
        window = self.window
        window.refresh_all()
        window.statusBar().showMessage(report.summary(), 10000)
        if report.stored:
            window.library_pane.select_article(report.stored[-1])
        if report.errors:
            error_box(window, "Some items were not imported", report.summary(), "\n".join(report.errors))
        window.import_finished.emit(report)

    def dropped(self, mime: QMimeData) -> bool:
        """Files and web addresses are imported, text or HTML opens a new clip; False: nothing."""
        inputs = []
        for url in mime.urls():
            if url.isLocalFile():
                inputs.append(url.toLocalFile())
            elif url.scheme().lower() in ("http", "https"):
                inputs.append(url.toString())
        if inputs:
            self.import_inputs(inputs)
        elif mime.hasHtml() and mime.html().strip():
            self.new_clip(text=mime.text(), html=mime.html())
        elif mime.hasText() and mime.text().strip():
            self.new_clip(text=mime.text())
        else:
            return False
        return True
