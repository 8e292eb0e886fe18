"""``ArticleListModel``: the library's articles, or a search's ranked results, for a view.

Ids come first (one query); rows are read a page at a time as the view scrolls
(``canFetchMore``/``fetchMore``), so 50,000 articles open as fast as 50. A search runs on a
worker with its own connection (a long query in a large library must not freeze the window);
only the newest search's results are shown.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from db.library import Library
from desktop.ui import pages, workers
from desktop.ui.latest import Latest
from desktop.ui.plain import plain_tooltip

log = logging.getLogger(__name__)

PAGE_SIZE = 200
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SnippetRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
#: ticket, query, hits, and (message, details) if the search failed.
SearchAnswer = tuple[int, str, list[dict[str, Any]], tuple[str, str] | None]


class ArticleListModel(QAbstractTableModel):
    """Columns: title, outlet, published (and, for a search, the matching snippet)."""

    HEADERS = ("Title", "Outlet", "Published", "Clipped", "Match")

    #: A search's results are shown (after the reset); tests and the pane wait on it.
    search_finished = Signal()
    #: A search failed: one-line message, details.
    search_failed = Signal(str, str)

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.order_by: pages.ArticleOrder = "published"
        self.tag: str | None = None
        #: The query asked for; ``shown_query`` is the one whose results are on screen.
        self.query = ""
        self.shown_query = ""
        self._search_request = Latest()
        self._ids: list[int] = []
        self._rows: dict[int, dict[str, Any]] = {}
        self._loaded = 0
        self.reload()

    # -- what to show ------------------------------------------------------------------

    def set_order(self, order_by: pages.ArticleOrder) -> None:
        self.order_by = order_by
        self.reload()

    def set_tag(self, tag: str | None) -> None:
        self.tag = tag or None
        self.reload()

    def set_query(self, query: str) -> None:
        self.query = query.strip()
        self.reload()

    def reload(self) -> None:
        """Read the ids again (after an import, a delete, a new order or search)."""
        if self.query:
            self._start_search()
            return
        self._search_request.outdate()  # back to the list: a search still running is moot
        self.beginResetModel()
        self.shown_query = ""
        self._rows = {}
        self._ids = pages.article_ids(self.library, order_by=self.order_by, tag=self.tag)
        self._loaded = 0
        self._load_page(min(PAGE_SIZE, len(self._ids)))
        self.endResetModel()

    def _start_search(self) -> None:
        ticket, query, tag, path = self._search_request.ticket(), self.query, self.tag, self.library.path
        if path is None:  # an in-memory library has one connection: search it here
            self._show_results(_answer(ticket, query, lambda: _search(self.library, query, tag)))
            return

        def run(_state: workers.TaskState) -> SearchAnswer:
            def read() -> list[dict[str, Any]]:
                with workers.open_reader(path) as library:  # SQLite connections are one per thread
                    return _search(library, query, tag)

            return _answer(ticket, query, read)

        # Only a bound method is connected (failures come back in the answer): a closure over
        # the model would keep it alive past the window through a task's signals.
        workers.start("Searching the library", run, self, on_done=self._show_results)

    def _show_results(self, answer: SearchAnswer) -> None:
        ticket, query, results, failure = answer
        if not self._search_request.is_current(ticket):
            return  # a newer search (or the list) was asked for since: never show this one
        if failure is not None:
            self.search_failed.emit(*failure)
            return
        self.beginResetModel()
        self.shown_query = query
        self._ids = [r["id"] for r in results]
        self._rows = {r["id"]: r for r in results}
        self._loaded = len(self._ids)
        self.endResetModel()
        self.search_finished.emit()

    def _load_page(self, count: int) -> None:
        ids = self._ids[self._loaded : self._loaded + count]
        self._rows.update(pages.article_rows(self.library, ids))
        self._loaded += len(ids)

    # -- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self.HEADERS) if self.shown_query else len(self.HEADERS) - 1

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        count = min(PAGE_SIZE, len(self._ids) - self._loaded)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
        self._load_page(count)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < self.columnCount():
                return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        article_id = self._ids[index.row()]
        row = self._rows.get(article_id)
        if row is None:
            return None
        column = index.column()
        if role == ArticleIdRole:
            return article_id
        if role == SnippetRole:
            return row.get("snippet")
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.get("title") or "(untitled)"
            if column == 1:
                return row.get("outlet") or ""
            if column == 2:
                return (row.get("published") or "")[:16].replace("T", " ")
            if column == 3:
                return (row.get("clipped_at") or "")[:16].replace("T", " ")
            if column == 4:
                return (row.get("snippet") or "").replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return plain_tooltip(row.get("snippet") or row.get("url") or row.get("title"))
        return None

    # -- helpers for the window ---------------------------------------------------------

    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._loaded else None

    def row_of(self, article_id: int) -> int | None:
        """Row of an article, fetching pages until it is loaded; None if not listed."""
        try:
            position = self._ids.index(article_id)
        except ValueError:
            return None
        while position >= self._loaded and self.canFetchMore():
            self.fetchMore()
        return position

    def total(self) -> int:
        """How many articles the list holds (loaded or not)."""
        return len(self._ids)


def _search(library: Library, query: str, tag: str | None) -> list[dict[str, Any]]:
    """The ranked hits of ``query`` (within ``tag``'s articles if one is chosen)."""
    results = library.search(query, limit=500)
    if tag:
        tagged = set(pages.article_ids(library, tag=tag))
        results = [r for r in results if r["id"] in tagged]
    return results


def _answer(ticket: int, query: str, read: Callable[[], list[dict[str, Any]]]) -> SearchAnswer:
    """Run ``read``; a failure comes back as a message for the pane, never swallowed."""
    try:
        return ticket, query, read(), None
    except Exception as error:
        log.exception("search for %r failed", query)
        return ticket, query, [], (workers.describe(error), traceback.format_exc())
