"""``MainWindow``: library, reader, timeline, people and brief in one window — a thin shell.

The window owns one connection (``Library``) for the GUI thread, and it only reads
(``refuse_writes``). Every change the reporter makes is an operation (``desktop.ui.operations``)
run on the one writer thread (``desktop.ui.writes``), behind imports and re-analyses, then put
on the undo stack; the window reads again only what it changed (``Changed``). Long work runs in
``workers`` tasks with their own connection (``progress.TaskRunner``). The areas
(``desktop.ui.areas``: clipping, people, brief), the menus (``menus``) and the layout
(``layout``) live in their own modules; here they are wired together. No SQL, no NLP.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import QInputDialog, QMainWindow, QTabWidget, QWidget

from db.library import Library
from desktop.ui import layout, menus, sources, tasks, workers
from desktop.ui.areas.brief import BriefArea
from desktop.ui.areas.clipping import ClippingArea
from desktop.ui.areas.people import PeopleArea
from desktop.ui.changes import Changed
from desktop.ui.dialogs.event import EventDialog
from desktop.ui.dialogs.new_clip import NewClipDialog
from desktop.ui.models.articles import ArticleListModel
from desktop.ui.models.people import PeopleModel
from desktop.ui.models.quotes import QuotesModel
from desktop.ui.models.timeline import TimelineModel
from desktop.ui.operations import articles as article_ops
from desktop.ui.operations import quotes as quote_ops
from desktop.ui.operations import timeline as timeline_ops
from desktop.ui.operations.operation import Operation
from desktop.ui.panes.brief import BriefPane
from desktop.ui.panes.library import LibraryPane
from desktop.ui.panes.people import PeoplePane
from desktop.ui.panes.quotes import QuotesPane
from desktop.ui.panes.reader import ReaderPane
from desktop.ui.panes.timeline import TimelinePane
from desktop.ui.progress import TaskRunner
from desktop.ui.writes import Writer

if TYPE_CHECKING:
    from desktop.actions.reanalysing import ReanalysisReport

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
        self.closed = False  # results of tasks that end after closing are dropped
        self.library = library
        assert library.path is not None, "the window needs a library file (workers open their own)"
        self.library_path: Path = library.path
        library.refuse_writes()  # the window reads; every write goes through ``self.writer``
        self.settings, self.data_dir, self.warm_up = settings, data_dir, warm_up
        self.current_article: int | None = None
        self.people_loaded = False  # read just after the window shows (it can take a moment)
        self._shown_once = False
        self.undo_stack = QUndoStack(self)
        self.writer = Writer(self.library_path, self.undo_stack, self)
        self.writer.written.connect(self._written)
        self.writer.refused.connect(self._refused)
        self.writer.run("Grouping happenings", lambda _library: None, Changed(0))  # the reads don't
        self.tasks = TaskRunner(self, data_dir, self.task_failed.emit, lambda: self.closed)
        self.progress, self.cancel_button = self.tasks.progress, self.tasks.cancel_button
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
        self.quotes_pane = QuotesPane(QuotesModel(self), self.library_path)
        self.tabs = QTabWidget()
        for pane, name in ((self.timeline_pane, "Timeline"), (self.people_pane, "People"),
                           (self.brief_pane, "Brief"), (self.quotes_pane, "Quotes")):
            self.tabs.addTab(pane, name)  # Ctrl+1…4 (View menu)
        self.splitter = layout.splitter(self.library_pane, self.reader, self.tabs)
        self.setCentralWidget(self.splitter)
        self.clipping, self.people_area, self.brief = ClippingArea(self), PeopleArea(self), BriefArea(self)
        menus.build(self)
        self._connect()
        self.refresh_choices()
        self._built = True
        self.apply_colour_scheme()
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: self.apply_colour_scheme())
        self.resize(1400, 860)
        self._splitter_state = layout.restore(self)

    def _connect(self) -> None:
        people, timeline = self.people_area, self.timeline_pane
        self.tabs.currentChanged.connect(lambda index: index == TAB_BRIEF and self.refresh_brief())
        self.library_pane.article_selected.connect(self.open_article)
        self.reader.person_clicked.connect(people.filter_timeline_to)
        self.reader.published_edited.connect(self.redate_article)
        for pane in (timeline, self.people_pane, self.quotes_pane):
            pane.source_activated.connect(self.open_article_at)
        self.quotes_pane.speaker_correction_requested.connect(self.correct_quote_speaker)
        self.quotes_pane.not_quote_requested.connect(self.mark_not_quote)
        timeline.hide_requested.connect(self.hide_event)
        timeline.triage_requested.connect(self.make)
        timeline.show_requested.connect(self.show_event)
        timeline.pin_requested.connect(self.pin_event)
        timeline.edit_requested.connect(self.edit_event)
        timeline.add_requested.connect(self.add_event)
        self.people_pane.rename_requested.connect(people.rename)
        self.people_pane.merge_requested.connect(people.merge)
        self.people_pane.split_requested.connect(people.split)
        self.people_pane.not_person_requested.connect(people.not_a_person)
        self.people_pane.suggestion_accepted.connect(people.accept_suggestion)
        self.brief_pane.refresh_requested.connect(self.refresh_brief)
        self.brief_pane.export_requested.connect(self.brief.export_dialog)
        self.timeline.modelReset.connect(lambda: self.tabs.currentIndex() == TAB_BRIEF and self.refresh_brief())

    # -- the window's life: layout, colours, first show, closing ----------------------------

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self._built:
            self.apply_colour_scheme()

    def apply_colour_scheme(self) -> None:
        layout.apply_colour_scheme(self)

    def save_layout(self) -> None:
        layout.save(self)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            layout.first_show(self, self._splitter_state)
            QTimer.singleShot(0, self.load_people)
            QTimer.singleShot(0, self.quotes_pane.reload)
            if self.warm_up:
                QTimer.singleShot(0, self.start_model_warm_up)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        self.save_layout()
        self.cancel_tasks()
        self.writer.close()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText() or mime.hasHtml():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.clipping.dropped(event.mimeData()):
            event.acceptProposedAction()

    # -- long work -----------------------------------------------------------------------------

    def run_task(self, name: str, fn: Any, on_done: Any, *, quiet: bool = False, writes: bool = False) -> workers.Task:
        return self.tasks.run(name, fn, on_done, quiet=quiet, writes=writes)

    def cancel_tasks(self) -> None:
        self.tasks.cancel()

    def start_model_warm_up(self) -> None:
        self.tasks.warm_up_model(self.model_ready.emit, self.model_failed.emit)

    # -- the areas' faces (menus, tests and the self-test call these) ----------------------------

    def new_clip(self, _checked: bool = False, *, text: str = "", html: str | None = None) -> NewClipDialog:
        return self.clipping.new_clip(text=text, html=html)

    def import_inputs(self, inputs: list[str], tags: tuple[str, ...] = ()) -> workers.Task:
        return self.clipping.import_inputs(inputs, tags)

    def load_people(self) -> None:
        self.people_area.load()

    def merge_people(self, first: dict[str, Any], second: dict[str, Any]) -> None:
        self.people_area.merge(first, second)

    def split_person_alias(self, person: dict[str, Any], alias: str) -> None:
        self.people_area.split_alias(person, alias)

    def refresh_brief(self) -> None:
        self.brief.refresh()

    def export_to(self, kind: str, path: Path) -> workers.Task:
        return self.brief.export_to(kind, path)

    # -- reading -------------------------------------------------------------------------------

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
        """Read the library again after a change to everything (import, re-analysis, another
        program); the writer then groups the happenings of dates changed elsewhere, if any."""
        self.refresh(Changed.EVERYTHING)
        self.writer.run("Grouping happenings", lambda _library: None, Changed(0))

    def refresh_timeline(self) -> None:
        self.refresh(Changed.TIMELINE)

    def refresh(self, changed: Changed) -> None:
        """Read again only the views that show what ``changed``."""
        if not changed:
            return
        selected = self.library_pane.selected_article()
        if Changed.ARTICLES in changed:
            self.articles.reload()
        if Changed.PEOPLE in changed:
            self.load_people()  # on a worker; the list and the person filter follow (people_read)
        if changed & (Changed.PEOPLE | Changed.TAGS):
            self.refresh_choices()
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

    def refresh_choices(self) -> None:
        tags = self.library.tags()
        self.library_pane.refresh_tags(tags)
        self.timeline_pane.refresh_choices(self.people.choices(), [t["name"] for t in tags])

    # -- writes: every one an operation on the writer thread ------------------------------------

    def make(self, operation: Operation) -> None:
        """Do ``operation`` on the writer thread; once stored it is on the undo stack and the
        views it changed are read again (``_written``), a refusal is told (``_refused``)."""
        working = f"{operation.text}…"
        self.statusBar().showMessage(working)

        def made() -> None:
            if operation.done:
                self.statusBar().showMessage(operation.done, 5000)
            elif self.statusBar().currentMessage() == working:
                self.statusBar().clearMessage()

        self.writer.make(operation, on_made=made)

    def _written(self, changed: Changed, people: list[dict[str, Any]] | None) -> None:
        if self.closed:
            return
        if people is not None:  # read on the writer thread, just after the change
            self.people_area.rebuilt(people)
            self.people_corrected.emit()
        self.refresh(changed & ~Changed.PEOPLE)

    def _refused(self, message: str, changed: Changed) -> None:
        if self.closed:
            return
        self.statusBar().showMessage(message, 8000)
        if Changed.PEOPLE in changed:
            self.people_correction_failed.emit(message)

    def delete_selected_article(self) -> None:
        article_id = self.library_pane.selected_article()
        if article_id is not None:
            title = (self.library.article(article_id) or {}).get("title") or f"#{article_id}"
            self.make(article_ops.delete(article_id, title))

    def tag_selected_article(self) -> None:
        article_id = self.library_pane.selected_article()
        if article_id is None:
            self.statusBar().showMessage("Select an article to tag")
            return
        name, ok = QInputDialog.getText(self, "Tag article", "Story:")
        if ok and name.strip():
            self.make(article_ops.tag(article_id, name))

    def correct_quote_speaker(self, quote: dict[str, Any]) -> None:
        said_by = quote.get("person") or quote.get("speaker") or ""
        name, ok = QInputDialog.getText(self, "Wrong speaker", "Who said it?", text=said_by)
        if ok and name.strip() and name.strip() != said_by:
            self.make(quote_ops.speaker(quote, name.strip()))

    def mark_not_quote(self, quote: dict[str, Any]) -> None:
        self.make(quote_ops.not_a_quote(quote))

    def hide_event(self, event: Any) -> None:
        self.make(timeline_ops.hide(event))

    def show_event(self, event: Any) -> None:
        self.make(timeline_ops.show_again(event))

    def pin_event(self, event: Any) -> None:
        self.make(timeline_ops.toggle_pin(event))

    def edit_event(self, event: Any) -> None:
        dialog = EventDialog(self, date=event.date, text=event.text, title="Edit event")
        dialog.accepted.connect(lambda: self.make(timeline_ops.edit(event, dialog.date_value(), dialog.text_value())))
        dialog.open()

    def add_event(self) -> None:
        dialog = EventDialog(self, title="Add event", source_title=(self.reader.article or {}).get("title") or "")
        dialog.accepted.connect(lambda: self._event_added(dialog))
        dialog.open()

    def _event_added(self, dialog: EventDialog) -> None:
        source = self.current_article if dialog.use_source() else None
        self.make(timeline_ops.add(dialog.date_value(), dialog.text_value(), people=dialog.people_value(),
                                   article_id=source, planned=dialog.planned()))

    # -- long writes: re-dating an article, re-analysing the library --------------------------

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
