"""``ArticleListModel``: the library's articles, or a search's ranked results, for a view.

Ids come first (one query); rows are read a page at a time as the view scrolls
(``canFetchMore``/``fetchMore``), so 50,000 articles open as fast as 50.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from db.library import Library
from desktop.ui import pages
from desktop.ui.plain import plain_tooltip

PAGE_SIZE = 200
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SnippetRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    """Columns: title, outlet, published (and, for a search, the matching snippet)."""

    HEADERS = ("Title", "Outlet", "Published", "Clipped", "Match")

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.order_by: pages.ArticleOrder = "published"
        self.tag: str | None = None
        self.query = ""
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
        self.beginResetModel()
        self._rows = {}
        if self.query:
            results = self.library.search(self.query, limit=500)
            if self.tag:
                tagged = set(pages.article_ids(self.library, tag=self.tag))
                results = [r for r in results if r["id"] in tagged]
            self._ids = [r["id"] for r in results]
            self._rows = {r["id"]: r for r in results}
            self._loaded = len(self._ids)
        else:
            self._ids = pages.article_ids(self.library, order_by=self.order_by, tag=self.tag)
            self._loaded = 0
            self._load_page(min(PAGE_SIZE, len(self._ids)))
        self.endResetModel()

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
        return len(self.HEADERS) if self.query else len(self.HEADERS) - 1

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
