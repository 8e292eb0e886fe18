"""``QuotesModel``: who said what across the library, one row per stored quote.

Rows are read on a worker (``read_quotes``, through ``desktop.actions.quotes``) and handed
to ``set_quotes``; the model itself never touches the library.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from db.library import Library
from desktop.actions.quotes import find_quotes
from desktop.timeline.filters import Filters
from desktop.timeline.precision import display

QuoteRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

#: Rows shown at most: a library of years can hold hundreds of thousands of quotes.
MAX_ROWS = 5000


def read_quotes(library: Library, filters: Filters | None = None) -> list[dict[str, Any]]:
    """The quotes the filters keep, by date (run on a worker: it reads the library)."""
    if not library.db["quotes"].exists():
        return []
    return find_quotes(library, filters, limit=MAX_ROWS)


def speaker_label(quote: dict[str, Any]) -> str:
    """Who said it, as the reporter reads it: the person, else the words the text uses."""
    if quote.get("person"):
        return str(quote["person"])
    if quote.get("speaker"):
        return f"“{quote['speaker']}” (not resolved)"
    return "(unknown)"


class QuotesModel(QAbstractTableModel):
    HEADERS = ("Date", "Speaker", "Quote", "Source")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._quotes: list[dict[str, Any]] = []

    def set_quotes(self, quotes: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._quotes = list(quotes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._quotes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._quotes):
            return None
        quote = self._quotes[index.row()]
        column = index.column()
        if role == QuoteRole:
            return quote
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return display(quote["date"]) if quote.get("date") else "undated"
            if column == 1:
                return speaker_label(quote)
            if column == 2:
                return quote["content_text"]
            if column == 3:
                return quote.get("title") or quote.get("outlet") or f"article #{quote['article_id']}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return ("the date the article gives for it" if quote.get("date_from_text")
                        else "the publication date (the article gives none for the statement)")
            if column == 1 and quote.get("speaker"):
                return f"written as “{quote['speaker']}”"
            if column == 2:
                return quote["content_text"]
        return None

    def quote(self, row: int) -> dict[str, Any] | None:
        return self._quotes[row] if 0 <= row < len(self._quotes) else None
