"""``MainWindow``: library, reader, timeline, people and brief in one window.

The window owns one connection (``Library``) for the GUI thread: it reads, and writes the
reporter's small undoable corrections (delete, people, events), each one transaction. Long
work (imports, analysis, re-dating, exports, the brief) runs in ``workers`` tasks with their
own connection — writes on the one writer thread — and the window refreshes its models when
they report back. Nothing here runs SQL or NLP: it calls the core (``db``,
``desktop.clipping``, ``desktop.analysis``, ``desktop.timeline``, ``desktop.brief``).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QWidget,
)

from db.errors import LibraryError
from db.library import Library
from db.protected import why_protected
from desktop.timeline.filters import Filters
from desktop.ui import brief_source, sources, tasks, workers
from desktop.ui.changes import Changed
from desktop.ui.dialogs.error import error_box
from desktop.ui.dialogs.event import EventDialog
from desktop.ui.dialogs.new_clip import NewClipDialog
from desktop.ui.latest import Latest
from desktop.ui.models import people as people_model
from desktop.ui.models.articles import ArticleListModel
from desktop.ui.models.people import PeopleModel
from desktop.ui.models.quotes import QuotesModel
from desktop.ui.models.timeline import TimelineModel
from desktop.ui.operations import articles as article_ops
from desktop.ui.operations import people as people_ops
from desktop.ui.operations import quotes as quote_ops
from desktop.ui.operations import timeline as timeline_ops
from desktop.ui.panes.brief import BriefPane
from desktop.ui.panes.library import LibraryPane
from desktop.ui.panes.people import PeoplePane
from desktop.ui.panes.quotes import QuotesPane
from desktop.ui.panes.reader import ReaderPane
from desktop.ui.panes.timeline import TimelinePane
from desktop.ui.undo import EventCorrection, PeopleCorrection

if TYPE_CHECKING:
    from desktop.actions.importing import ImportReport
    from desktop.actions.reanalysing import ReanalysisReport

log = logging.getLogger(__name__)

#: Progress shows only for work that takes longer than this (quick work just happens).
PROGRESS_DELAY_MS = 600
TAB_TIMELINE, TAB_PEOPLE, TAB_BRIEF = 0, 1, 2



class MainWindow(QMainWindow):
    model_ready = Signal()
    model_failed = Signal(str)
    import_finished = Signal(object)  # desktop.actions.importing.ImportReport
    article_redated = Signal(int)
    brief_updated = Signal(str)
    export_finished = Signal(str)  # path
    task_failed = Signal(str)
    people_read = Signal()  # the people list was read afresh (after start-up or a change)
    people_corrected = Signal()  # a people correction (or its undo) is stored and shown
    people_correction_failed = Signal(str)
    merge_suggestions_read = Signal()

    def __init__(self, library: Library, *, settings: QSettings | None = None, warm_up: bool = True,
                 data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._built = False  # Qt sends events (palette, layout) while the window is being built
        self._closed = False  # results of tasks that end after closing are dropped
        self.library = library
        assert library.path is not None, "the window needs a library file (workers open their own)"
        self.library_path: Path = library.path
        self.settings = settings
        self.data_dir = data_dir
        self.warm_up = warm_up
        self.model_status = "loading" if warm_up else "not loaded"
        self.current_article: int | None = None
        self.running: list[workers.Task] = []
        self._brief_request = Latest()
        self._shown_once = False
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(f"Clipline — {self.library_path.name}")
        self.setAcceptDrops(True)

        self.articles = ArticleListModel(library, self)
        self.timeline = TimelineModel(library, self)
        self.people = PeopleModel(library, self)
        self.person_events = TimelineModel(library, self, empty=True)
        self.library_pane = LibraryPane(self.articles)
        self.reader = ReaderPane(self)
        self.timeline_pane = TimelinePane(self.timeline)
        self.people_pane = PeoplePane(self.people, self.person_events)
        self.brief_pane = BriefPane()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline_pane, "Timeline")
        self.tabs.addTab(self.people_pane, "People")
        self.tabs.addTab(self.brief_pane, "Brief")
        self.quotes_pane = QuotesPane(QuotesModel(self), self.library_path)
        self.tabs.addTab(self.quotes_pane, "Quotes")  # Ctrl+4 (View menu)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_pane)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._build_status_bar()
        self._build_actions()
        self._connect()
        self.people_loaded = False  # read just after the window shows (it can take a moment)
        self._people_request = Latest()
        self._suggestions_request = Latest()
        self._refresh_choices()
        self._built = True
        self.apply_colour_scheme()
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: self.apply_colour_scheme())
        self.resize(1400, 860)
        self._splitter_state: QByteArray | None = None
        self.restore_layout()

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self._built:
            self.apply_colour_scheme()

    # -- building ---------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_tasks)
        self.model_label = QLabel("")
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.model_label)
        self.progress.hide()
        self.cancel_button.hide()
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._update_model_label()

    def _action(self, text: str, slot: Any, shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_clip_action = self._action("&New clip…", self.new_clip, QKeySequence.StandardKey.New,
                                            "Paste an article as text or HTML")
        self.import_action = self._action("&Import files…", self.import_files, QKeySequence.StandardKey.Open,
                                          "Clip .txt, .md, .html, .pdf or .jsonl files")
        self.import_url_action = self._action("Import &URL…", self.import_url, "Ctrl+Shift+O",
                                              "Fetch and clip a web page")
        self.export_action = self._action("&Export brief…", lambda: self.export_dialog("md"), "Ctrl+E",
                                          "Save the brief as Markdown")
        self.reanalyse_action = self._action("Re-analyse library", self.reanalyse_library, None,
                                             "Run people and date analysis again on every article")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.delete_action = QAction("&Delete article", self.library_pane.view)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected_article)
        self.library_pane.view.addAction(self.delete_action)
        self.find_action = self._action("&Find in library", self.library_pane.focus_search,
                                        QKeySequence.StandardKey.Find)
        self.tag_action = self._action("&Tag article…", self.tag_selected_article, "Ctrl+T",
                                       "File the selected article under a story")
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        for action in (self.new_clip_action, self.import_action, self.import_url_action, None,
                       self.export_action, self.reanalyse_action, None, self.quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = menu.addMenu("&Edit")
        for action in (self.undo_action, self.redo_action, None, self.delete_action, self.tag_action,
                       self.find_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        view_menu = menu.addMenu("&View")
        for number, name in enumerate(("Timeline", "People", "Brief", "Quotes")):
            view_menu.addAction(self._action(name, partial(self.tabs.setCurrentIndex, number), f"Ctrl+{number + 1}"))
        toolbar = self.addToolBar("Clip")
        toolbar.setObjectName("clipToolbar")
        toolbar.setMovable(False)
        for action in (self.new_clip_action, self.import_action, self.import_url_action, self.export_action):
            toolbar.addAction(action)

    def _connect(self) -> None:
        self.library_pane.article_selected.connect(self.open_article)
        self.reader.person_clicked.connect(self.filter_to_person_id)
        self.reader.published_edited.connect(self.redate_article)
        self.timeline_pane.source_activated.connect(self.open_article_at)
        self.people_pane.source_activated.connect(self.open_article_at)
        self.quotes_pane.source_activated.connect(self.open_article_at)
        self.quotes_pane.speaker_correction_requested.connect(self.correct_quote_speaker)
        self.quotes_pane.not_quote_requested.connect(self.mark_not_quote)
        self.timeline_pane.hide_requested.connect(self.hide_event)
        self.timeline_pane.triage_requested.connect(
            lambda t: self._correct((t.text, t.do, t.undo)))
        self.timeline_pane.show_requested.connect(self.show_event)
        self.timeline_pane.pin_requested.connect(self.pin_event)
        self.timeline_pane.edit_requested.connect(self.edit_event)
        self.timeline_pane.add_requested.connect(self.add_event)
        self.people_pane.rename_requested.connect(self.rename_person)
        self.people_pane.merge_requested.connect(self.merge_people)
        self.people_pane.split_requested.connect(self.split_person)
        self.people_pane.not_person_requested.connect(self.mark_not_person)
        self.people_pane.suggestion_accepted.connect(self.accept_merge_suggestion)
        self.brief_pane.refresh_requested.connect(self.refresh_brief)
        self.brief_pane.export_requested.connect(self.export_dialog)
        self.timeline.modelReset.connect(self._timeline_changed)

    # -- layout, colours ----------------------------------------------------------------------

    def restore_layout(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self._splitter_state = splitter  # applied once the window has its size (first show)
        tab = self.settings.value("window/tab")
        if tab is not None and str(tab).isdigit():
            self.tabs.setCurrentIndex(int(str(tab)))
        sort = self.settings.value("library/sort")
        index = self.library_pane.sort.findData(sort)
        if index >= 0:
            self.library_pane.sort.setCurrentIndex(index)
        zoom = self.settings.value("timeline/zoom")
        index = self.timeline_pane.zoom.findData(zoom)
        if index >= 0:
            self.timeline_pane.zoom.setCurrentIndex(index)

    def save_layout(self) -> None:
        if self.settings is None:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.setValue("library/sort", self.library_pane.sort.currentData())
        self.settings.setValue("timeline/zoom", self.timeline_pane.zoom.currentData())
        self.settings.sync()

    def apply_colour_scheme(self) -> None:
        """Highlight colours for the system's scheme (or a dark palette where no scheme is told)."""
        scheme = QGuiApplication.styleHints().colorScheme()
        dark = scheme == Qt.ColorScheme.Dark or (
            scheme == Qt.ColorScheme.Unknown and QGuiApplication.palette().window().color().lightness() < 128)
        self.reader.set_dark(dark)
        self.timeline.set_dark(dark)
        self.person_events.set_dark(dark)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            restored = self._splitter_state is not None and self.splitter.restoreState(self._splitter_state)
            if not restored:
                width = max(self.width(), 900)
                self.splitter.setSizes([width * 30 // 100, width * 36 // 100, width * 34 // 100])
            QTimer.singleShot(0, self.load_people)
            QTimer.singleShot(0, self.quotes_pane.reload)
            if self.warm_up:
                QTimer.singleShot(0, self.start_model_warm_up)

    def load_people(self) -> None:
        """Read the people on a worker (``list_people`` takes a moment in a large library);
        only the newest read is shown."""
        generation, path = self._people_request.ticket(), self.library_path

        def read(_state: Any) -> tuple[int, list[dict[str, Any]]]:
            with Library(path) as library:
                return generation, people_model.read_people(library)

        workers.start("Reading people", read, self, on_done=self._people_read,
                      on_failed=partial(self._task_failed, "Reading people"))

    def _people_read(self, result: tuple[int, list[dict[str, Any]]]) -> None:
        generation, people = result
        if self._closed or not self._people_request.is_current(generation):
            return  # closed, or a newer read (or a correction) already showed them afresh
        self.people.set_people(people)
        self.people_loaded = True
        self._refresh_choices()
        self.load_merge_suggestions()
        self.people_read.emit()

    def load_merge_suggestions(self) -> None:
        """Read the suggested merges on a worker; the pane shows the newest read."""
        ticket, path = self._suggestions_request.ticket(), self.library_path

        def read(_state: Any) -> tuple[int, list[dict[str, Any]]]:
            with Library(path) as library:
                return ticket, people_model.read_suggestions(library)

        def done(result: tuple[int, list[dict[str, Any]]]) -> None:
            if not self._closed and self._suggestions_request.is_current(result[0]):
                self.people_pane.set_suggestions(result[1])
                self.merge_suggestions_read.emit()

        workers.start("Reading suggested merges", read, self, on_done=done,
                      on_failed=partial(self._task_failed, "Reading suggested merges"))

    def accept_merge_suggestion(self, suggestion: dict[str, Any]) -> None:
        """One click: the suggested pair becomes one person (undoable like any merge)."""
        self.merge_people({"id": suggestion["person"], "name": suggestion["name"]},
                          {"id": suggestion["other"], "name": suggestion["other_name"]})

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.save_layout()
        self.cancel_tasks()
        super().closeEvent(event)

    # -- tasks -------------------------------------------------------------------------------

    def run_task(self, name: str, fn: Any, on_done: Any, *, quiet: bool = False, writes: bool = False) -> workers.Task:
        """Run ``fn(state)`` on a worker (the writer thread if it ``writes``); progress shows
        after a moment; errors are shown."""
        task = workers.start(name, fn, self,
                             on_done=partial(self._task_done, name, on_done),
                             on_failed=partial(self._task_failed, name),
                             on_progress=None if quiet else self._task_progress,
                             pool=workers.writer_pool() if writes else None)
        if not quiet:
            self.running.append(task)
            self.statusBar().showMessage(f"{name}…")
            self._progress_timer.start()
        return task

    def _forget(self, name: str) -> None:
        self.running = [t for t in self.running if t.name != name]
        if not self.running:
            self._progress_timer.stop()
            self.progress.hide()
            self.cancel_button.hide()

    def _task_done(self, name: str, on_done: Any, result: Any) -> None:
        self._forget(name)
        if not self._closed:
            on_done(result)

    def _task_failed(self, name: str, message: str, details: str) -> None:
        self._forget(name)
        log.error("%s failed: %s\n%s", name, message, details)
        self.statusBar().showMessage(f"{name} failed: {message}")
        log_note = f"\n\nThe log is in {self.data_dir / 'clipline.log'}" if self.data_dir else ""
        error_box(self, f"{name} failed", f"{name} failed: {message}", details + log_note)
        self.task_failed.emit(message)

    def _task_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if message:
            self.statusBar().showMessage(message)

    def _show_progress(self) -> None:
        if self.running:
            self.progress.show()
            self.cancel_button.show()

    def cancel_tasks(self) -> None:
        for task in self.running:
            task.state.cancel()
        if self.running:
            self.statusBar().showMessage("Cancelling…")

    # -- the NLP model -----------------------------------------------------------------------

    def start_model_warm_up(self) -> None:
        self.model_status = "loading"
        self._update_model_label()
        workers.start("Loading the language model", tasks.warm_up_model, self,
                      on_done=self._model_warmed, on_failed=self._model_failed)

    def _model_failed(self, message: str, details: str) -> None:
        self.model_status = "failed"
        self.model_label.setText("Language model unavailable")
        self._task_failed("Loading the language model", message, details)
        self.model_failed.emit(message)

    def _model_warmed(self, _result: Any) -> None:
        self.model_status = "ready"
        self._update_model_label()
        self.model_ready.emit()

    def _update_model_label(self) -> None:
        text = {"loading": "Language model loading…", "ready": "Language model ready"}.get(self.model_status, "")
        self.model_label.setText(text)

    # -- library & reader ---------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        article = self.library.article(article_id)
        self.current_article = article_id if article else None
        if article is None:
            self.reader.show_article(None, [], [])
            return
        self.reader.show_article(article, sources.mentions_in_article(self.library, article_id),
                                 sources.timexes_in_article(self.library, article_id),
                                 sources.furniture_in_article(self.library, article_id),
                                 sources.quotes_in_article(self.library, article_id))

    def open_article_at(self, article_id: int, offset: int = 0) -> None:
        """Show a timeline source: select it in the library and put the sentence in view."""
        self.library_pane.select_article(article_id)
        if self.current_article != article_id:
            self.open_article(article_id)
        cursor = self.reader.view.textCursor()
        cursor.setPosition(min(offset, len(self.reader.view.toPlainText())))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.reader.view.setTextCursor(cursor)
        self.reader.view.ensureCursorVisible()

    def refresh_all(self) -> None:
        """Read the library again after a change to everything (import, delete, re-analysis)."""
        self.refresh(Changed.EVERYTHING)

    def refresh(self, changed: Changed) -> None:
        """Read again only the views that show what ``changed``."""
        selected = self.library_pane.selected_article()
        if Changed.ARTICLES in changed:
            self.articles.reload()
        if Changed.PEOPLE in changed:
            self.load_people()  # on a worker; the list and the person filter follow (people_read)
        if changed & (Changed.PEOPLE | Changed.TAGS):
            self._refresh_choices()
        if changed & (Changed.TIMELINE | Changed.PEOPLE):
            self.timeline.reload()
            self.person_events.reload()
        if changed & (Changed.ARTICLES | Changed.PEOPLE | Changed.TIMELINE):
            self.quotes_pane.reload()  # on a worker too
        if Changed.ARTICLES in changed and selected is not None:
            self.library_pane.select_article(selected)
        if changed & (Changed.ARTICLES | Changed.PEOPLE) and self.current_article is not None:
            self.open_article(self.current_article)
        if self.tabs.currentIndex() == TAB_BRIEF:
            self.refresh_brief()

    def _refresh_choices(self) -> None:
        tags = self.library.tags()
        self.library_pane.refresh_tags(tags)
        self.timeline_pane.refresh_choices(self.people.choices(), [t["name"] for t in tags])

    def delete_selected_article(self) -> None:
        article_id = self.library_pane.selected_article()
        if article_id is None:
            return
        title, command = article_ops.delete(self.library, article_id, self.refresh_all)
        if self.current_article == article_id:
            self.current_article = None
            self.reader.show_article(None, [], [])
        self.undo_stack.push(command)
        self.statusBar().showMessage(f"Deleted “{title}” — Ctrl+Z to undo")

    def tag_selected_article(self) -> None:
        article_id = self.library_pane.selected_article()
        if article_id is None:
            self.statusBar().showMessage("Select an article to tag")
            return
        name, ok = QInputDialog.getText(self, "Tag article", "Story:")
        if ok and name.strip():
            self.refresh(article_ops.tag(self.library, article_id, name))

    def redate_article(self, article_id: int, published: str) -> None:
        fn = partial(tasks.redate_article, self.library_path, article_id, published)
        self.run_task("Re-resolving dates", fn, self._article_redated, writes=True)

    def _article_redated(self, article_id: int) -> None:
        self.refresh_all()
        self.reader.published_status.setText("Dates re-resolved")
        self.statusBar().showMessage("Publication date changed; the article's dates were re-resolved", 5000)
        self.article_redated.emit(article_id)

    def reanalyse_library(self) -> None:
        self.run_task("Re-analysing the library", partial(tasks.reanalyse_all, self.library_path),
                      self._reanalysed, writes=True)

    def _reanalysed(self, report: ReanalysisReport) -> None:
        self.refresh_all()
        self.statusBar().showMessage(report.sentence(), 0 if report.failed else 5000)

    # -- clipping -----------------------------------------------------------------------------

    def new_clip(self, _checked: bool = False, *, text: str = "", html: str | None = None) -> NewClipDialog:
        dialog = NewClipDialog(self, text=text, html=html)
        dialog.accepted.connect(lambda: self._clip_accepted(dialog))
        dialog.open()
        return dialog

    def _clip_accepted(self, dialog: NewClipDialog) -> None:
        if dialog.article is not None:
            fn = partial(tasks.import_articles, self.library_path, [dialog.article], dialog.story_tags())
            self.run_task("Clipping", fn, self._imported, writes=True)

    def import_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Import files", str(Path.home()),
            "Articles (*.txt *.md *.html *.htm *.pdf *.jsonl);;All files (*)")
        if paths:
            self.import_inputs(paths)

    def import_url(self) -> None:
        url, ok = QInputDialog.getText(self, "Import URL", "Web page address (http or https):")
        if ok and url.strip():
            self.import_inputs([url.strip()])

    def import_inputs(self, inputs: list[str], tags: tuple[str, ...] = ()) -> workers.Task:
        fn = partial(tasks.import_inputs, self.library_path, inputs, tags)
        return self.run_task("Importing", fn, self._imported, writes=True)

    def _imported(self, report: ImportReport) -> None:
        self.refresh_all()
        self.statusBar().showMessage(report.summary(), 10000)
        if report.stored:
            self.library_pane.select_article(report.stored[-1])
        if report.errors:
            error_box(self, "Some items were not imported", report.summary(), "\n".join(report.errors))
        self.import_finished.emit(report)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText() or mime.hasHtml():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
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
            return
        event.acceptProposedAction()

    # -- timeline --------------------------------------------------------------------------------

    def _timeline_changed(self) -> None:
        if self.tabs.currentIndex() == TAB_BRIEF:
            self.refresh_brief()

    def filter_to_person_id(self, person_id: int) -> None:
        person = self.people.find(person_id)
        if person is None:
            self.people.reload()
            self.people_loaded = True
            person = self.people.find(person_id)
        if person is None:
            self.statusBar().showMessage("That name is not linked to a person", 5000)
            return
        self.timeline_pane.filter_person(person["name"], person["id"])
        self.tabs.setCurrentIndex(TAB_TIMELINE)
        self.statusBar().showMessage(f"Timeline: events with {person['name']}", 5000)

    def _push(self, command: Any) -> bool:
        """Do ``command`` and keep it for Ctrl+Z; False when it failed (and said so)."""
        self.undo_stack.push(command)
        return not getattr(command, "error", "")

    def _report_error(self, message: str) -> None:
        """A correction (or its undo) that could not be made: said in the status bar."""
        self.statusBar().showMessage(message, 8000)

    def _correct(self, operation: timeline_ops.Operation) -> bool:
        """Push one timeline correction; False when it failed (and said so)."""
        text, do, undo = operation
        return self._push(EventCorrection(text, self.library, do, undo, self.refresh_timeline, self._report_error))

    def hide_event(self, event: Any) -> None:
        if self._correct(timeline_ops.hide(event)):
            self.statusBar().showMessage("Event hidden — Ctrl+Z to undo", 5000)

    def show_event(self, event: Any) -> None:
        """Put a hidden event (listed by "Show hidden events") back on the timeline."""
        if self._correct(timeline_ops.show_again(event)):
            self.statusBar().showMessage("Event shown again — Ctrl+Z hides it again", 5000)

    def pin_event(self, event: Any) -> None:
        self._correct(timeline_ops.toggle_pin(event))

    def edit_event(self, event: Any) -> None:
        dialog = EventDialog(self, date=event.date, text=event.text, title="Edit event")
        dialog.accepted.connect(lambda: self._correct(timeline_ops.edit(event, dialog.date_value(), dialog.text_value())))
        dialog.open()

    def add_event(self) -> None:
        dialog = EventDialog(self, title="Add event", source_title=self._current_title())
        dialog.accepted.connect(lambda: self._event_added(dialog))
        dialog.open()

    def _current_title(self) -> str:
        article = self.reader.article
        return (article or {}).get("title") or ""

    def _event_added(self, dialog: Any) -> None:
        source = self.current_article if dialog.use_source() else None
        self._correct(timeline_ops.add(dialog.date_value(), dialog.text_value(), people=dialog.people_value(),
                                       article_id=source, planned=dialog.planned()))

    def refresh_timeline(self) -> None:
        self.refresh(Changed.TIMELINE)

    # -- quotes ---------------------------------------------------------------------------------

    def correct_quote_speaker(self, quote: dict[str, Any]) -> None:
        said_by = quote.get("person") or quote.get("speaker") or ""
        name, ok = QInputDialog.getText(self, "Wrong speaker", "Who said it?", text=said_by)
        if ok and name.strip() and name.strip() != said_by:
            self._correct_quote(quote_ops.speaker(quote, name.strip()),
                                f"Quote attributed to {name.strip()} — Ctrl+Z to undo")

    def mark_not_quote(self, quote: dict[str, Any]) -> None:
        self._correct_quote(quote_ops.not_a_quote(quote), "Not a quote: hidden — Ctrl+Z to undo")

    def _correct_quote(self, operation: timeline_ops.Operation, done: str) -> None:
        text, do, undo = operation
        if self._push(EventCorrection(text, self.library, do, undo,
                                      lambda: self.refresh(Changed.ARTICLES), self._report_error)):
            self.statusBar().showMessage(done, 5000)

    # -- people ---------------------------------------------------------------------------------

    def correct_people(self, operation: people_ops.PeopleOperation) -> None:
        """Make a people correction on the writer thread (it rebuilds people across the
        library), then push it for undo; a refused correction is told in the status bar."""

        def applied(rule_id: int) -> None:
            command = PeopleCorrection(operation.text, operation.apply, self._run_people_write, rule_id)
            self.undo_stack.push(command)
            if operation.done:
                self.statusBar().showMessage(operation.done, 5000)

        self._run_people_write(operation.text, operation.apply, applied)

    def _run_people_write(self, name: str, fn: Any, on_done: Any = None) -> None:
        """``fn(library)`` on the writer thread, then the people read there too; the window shows
        them when both are done (``people_corrected``)."""
        path = self.library_path

        def write(_state: Any) -> tuple[Any, list[dict[str, Any]]]:
            with Library(path) as library:
                result = fn(library)
                return result, people_model.read_people(library)

        def done(outcome: tuple[Any, list[dict[str, Any]]]) -> None:
            if self._closed:
                return
            result, people = outcome
            self._people_rebuilt(people)
            if on_done is not None:
                on_done(result)
            self.people_corrected.emit()

        def failed(message: str, _details: str) -> None:
            if not self._closed:
                self.statusBar().showMessage(f"{name}: {message}", 8000)
                self.people_correction_failed.emit(message)

        self.statusBar().showMessage(f"{name}…")
        workers.start(name, write, self, on_done=done, on_failed=failed, pool=workers.writer_pool())

    def _people_rebuilt(self, people: list[dict[str, Any]]) -> None:
        self._people_request.outdate()  # a read started before the correction is out of date
        self.people.set_people(people)
        self.people_loaded = True
        self.load_merge_suggestions()
        self.person_events.reload()
        self._refresh_choices()
        self.timeline.reload()
        if self.current_article is not None:
            self.open_article(self.current_article)

    def rename_person(self, person: dict[str, Any]) -> None:
        name, ok = QInputDialog.getText(self, "Rename person", f"New name for {person['name']}:", text=person["name"])
        if ok and name.strip() and name.strip() != person["name"]:
            self.correct_people(people_ops.rename(person, name))

    def merge_people(self, first: dict[str, Any], second: dict[str, Any]) -> None:
        self.correct_people(people_ops.merge(first, second))

    def split_person(self, person: dict[str, Any]) -> None:
        aliases = person.get("aliases") or []
        if not aliases:
            self.statusBar().showMessage(f"{person['name']} goes by one name only: nothing to split off", 5000)
            return
        alias, ok = QInputDialog.getItem(self, "Split person",
                                         f"Which name is someone other than {person['name']}?", aliases, 0, False)
        if ok and alias:
            self.split_person_alias(person, alias)

    def split_person_alias(self, person: dict[str, Any], alias: str) -> None:
        self.correct_people(people_ops.split(person, alias))

    def mark_not_person(self, person: dict[str, Any]) -> None:
        self.correct_people(people_ops.not_a_person(person))

    # -- brief ----------------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if index == TAB_BRIEF:
            self.refresh_brief()

    def brief_filters(self) -> Any:
        if self.brief_pane.whole_library():
            return Filters()
        return replace(self.timeline.filters, include_hidden=False)  # hidden: never in a brief

    def refresh_brief(self) -> None:
        """Render the brief on a worker; a newer request makes older results moot."""
        generation = self._brief_request.ticket()
        filters, title, path = self.brief_filters(), self.brief_pane.brief_title(), self.library_path

        def render(_state: Any) -> tuple[int, str, str]:
            with Library(path) as library:
                markdown_text = brief_source.brief_markdown(library, filters, title)
            return generation, markdown_text, brief_source.brief_html(markdown_text)

        self.run_task("Updating the brief", render, self._brief_rendered, quiet=True)

    def _brief_rendered(self, result: tuple[int, str, str]) -> None:
        generation, markdown_text, html = result
        if not self._brief_request.is_current(generation):
            return
        self.brief_pane.show_brief(markdown_text, html)
        self.brief_updated.emit(markdown_text)

    def export_dialog(self, kind: str = "md") -> None:
        label, suffix = brief_source.EXPORTS[kind]
        name = self.brief_pane.brief_title().replace("/", "-") + ("-timelinejs" if kind == "timelinejs" else "")
        path, _filter = QFileDialog.getSaveFileName(self, f"Export {label}", str(Path.home() / f"{name}{suffix}"),
                                                    f"{label} (*{suffix})")
        if path:
            self.export_to(kind, Path(path))

    def export_to(self, kind: str, path: Path) -> workers.Task:
        filters, title, library_path = self.brief_filters(), self.brief_pane.brief_title(), self.library_path

        def write(state: Any) -> str:
            if reason := why_protected(path, library_path):
                raise LibraryError(f"not writing there: {reason}; the library is unchanged")
            with Library(library_path) as library:
                content = brief_source.export(kind, library, filters, title)
            return str(tasks.write_file(path, content, state))

        return self.run_task("Exporting", write, self._exported)

    def _exported(self, path: str) -> None:
        self.brief_pane.status.setText(f"Saved {Path(path).name}")
        self.statusBar().showMessage(f"Exported {path}", 8000)
        self.export_finished.emit(path)


