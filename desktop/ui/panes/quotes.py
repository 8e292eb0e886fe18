"""The Quotes view: who said what across the library, narrowed by person, dates and words.

The pane reads on a worker (its own connection, ``read_quotes``) and shows only the newest
answer; double-clicking a quote asks the window to open its article there. A right click
on a quote offers its corrections ("Wrong speaker…", "Not a quote"): the pane only asks, the
window makes them (undoable, through ``desktop.ui.operations.quotes``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.timeline.filters import Filters
from desktop.ui import workers
from desktop.ui.latest import Latest
from desktop.ui.models.quotes import QuotesModel, read_quotes
from desktop.wording import plural

#: Typing pauses this long before the quotes are read again.
TYPING_PAUSE_MS = 250


class QuotesPane(QWidget):
    source_activated = Signal(int, int)  # article id, offset of the quote
    quotes_read = Signal()  # the list shows a fresh read
    speaker_correction_requested = Signal(dict)  # the quote: someone else said it
    not_quote_requested = Signal(dict)  # the quote: the words are no quote

    def __init__(self, model: QuotesModel, library_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.library_path = library_path
        self._request = Latest()
        self.person = QLineEdit()
        self.person.setPlaceholderText("Person (any of their names)")
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText("From YYYY[-MM[-DD]]")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("To YYYY[-MM[-DD]]")
        self.words = QLineEdit()
        self.words.setPlaceholderText("Words in the quote")
        self.status = QLabel("")
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.reload)
        for field in (self.person, self.date_from, self.date_to, self.words):
            field.setClearButtonEnabled(True)
            field.textChanged.connect(self._typing.start)
        self.table = QTableView()
        self.table.setObjectName("quotesView")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 120)
        header.resizeSection(1, 150)
        header.resizeSection(3, 150)
        self.table.doubleClicked.connect(self._open)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        filters = QHBoxLayout()
        filters.addWidget(self.person, 2)
        filters.addWidget(self.date_from, 1)
        filters.addWidget(self.date_to, 1)
        filters.addWidget(self.words, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def filters(self) -> Filters | None:
        """The filters typed, or None (said in the status line) while a date is unfinished."""
        try:
            return Filters.from_strings(person=self.person.text().strip(),
                                        date_from=self.date_from.text().strip(),
                                        date_to=self.date_to.text().strip(),
                                        query=self.words.text().strip())
        except ValueError as error:
            self.status.setText(f"Not a date: {error}")
            return None

    def reload(self) -> None:
        """Read the quotes for the current filters on a worker; the newest read is shown."""
        self._typing.stop()
        filters = self.filters()
        if filters is None:
            return
        ticket, path = self._request.ticket(), self.library_path

        def read(_state: Any) -> tuple[int, list[dict[str, Any]]]:
            with workers.open_reader(path) as library:
                return ticket, read_quotes(library, filters)

        self.status.setText("Reading quotes…")
        workers.start("Reading quotes", read, self, on_done=self._read,
                      on_failed=partial(self._failed, ticket))

    def _read(self, result: tuple[int, list[dict[str, Any]]]) -> None:
        ticket, quotes = result
        if not self._request.is_current(ticket):
            return
        self.model.set_quotes(quotes)
        self.status.setText(plural(len(quotes), "quote", grouped=True)
                            + " — double-click one to read it in its article")
        self.quotes_read.emit()

    def _failed(self, ticket: int, message: str, _details: str) -> None:
        if self._request.is_current(ticket):
            self.status.setText(f"Could not read the quotes: {message}")

    def _open(self, index: QModelIndex) -> None:
        quote = self.model.quote(index.row())
        if quote is not None:
            start = quote["content"][0][0] if quote["content"] else quote["cue_start"]
            self.source_activated.emit(int(quote["article_id"]), int(start))

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        """The corrections a quote's row offers (None off the rows)."""
        quote = self.model.quote(index.row()) if index.isValid() else None
        if quote is None:
            return None
        menu = QMenu(self)
        speaker = menu.addAction("Wrong speaker…")
        speaker.setToolTip("Name who said it; kept through re-analysis, Ctrl+Z to undo")
        speaker.triggered.connect(lambda: self.speaker_correction_requested.emit(quote))
        not_quote = menu.addAction("Not a quote")
        not_quote.setToolTip("Hide it from quotes, the reader and the brief; Ctrl+Z to undo")
        not_quote.triggered.connect(lambda: self.not_quote_requested.emit(quote))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.table.indexAt(pos))
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(pos))

    def focus_filter(self) -> None:
        self.person.setFocus(Qt.FocusReason.ShortcutFocusReason)
