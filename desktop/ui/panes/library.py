"""The library pane: every article (title, outlet, date), full-text search with ranked
snippets, a tag/story filter and the sort order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.models.articles import ArticleIdRole, ArticleListModel
from desktop.wording import plural

ALL_TAGS = "All stories"
MATCH_COLUMN = 4


def snippet_to_show(snippet: str, fits: Any) -> str:
    """The snippet ("…words [match] words…") cut at the front until the match fits
    (``fits(text) -> bool``), so a narrow column still shows the words that matched."""
    end = snippet.find("]")
    if end < 0 or fits(snippet[: end + 1]):
        return snippet
    words = snippet.lstrip("…").split(" ")
    while len(words) > 1:
        words = words[1:]
        text = "…" + " ".join(words)
        close = text.find("]")
        if close < 0 or fits(text[: close + 1]):
            return text
    return "…" + " ".join(words)


class MatchDelegate(QStyledItemDelegate):
    """A search hit's snippet, cut so the matched words stay in view."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        metrics = option.fontMetrics
        # The cell's padding, and room for the "…" the view puts where the snippet is cut.
        width = option.rect.width() - 16 - metrics.horizontalAdvance("…")
        if width > 0 and option.text:
            option.text = snippet_to_show(option.text, lambda text: metrics.horizontalAdvance(text) <= width)


class LibraryPane(QWidget):
    article_selected = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the library (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._run_search)
        self.tag = QComboBox()
        self.tag.setToolTip("Show one story (tag) only")
        self.tag.currentIndexChanged.connect(self._tag_changed)
        self.sort = QComboBox()
        self.sort.addItem("Newest published", "published")
        self.sort.addItem("Newest clipped", "clipped")
        self.sort.currentIndexChanged.connect(lambda _i: self.model.set_order(self.sort.currentData()))
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        # Two lines a row: a headline wraps instead of being cut after a few words (rows keep
        # one fixed height, so 50,000 of them cost nothing to lay out).
        self.view.verticalHeader().setDefaultSectionSize(2 * self.view.fontMetrics().lineSpacing() + 8)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.match_delegate = MatchDelegate(self.view)
        self.view.setItemDelegateForColumn(MATCH_COLUMN, self.match_delegate)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        model.modelReset.connect(self._after_reset)
        model.search_failed.connect(self._search_failed)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.tag, 1)
        filters.addWidget(self.sort, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self.refresh_tags([])
        self._after_reset()

    def refresh_tags(self, tags: list[dict]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(ALL_TAGS, None)
        for tag in tags:
            self.tag.addItem(f"{tag['name']} ({tag['articles']})", tag["name"])
        index = self.tag.findData(current)
        self.tag.setCurrentIndex(max(index, 0))
        self.tag.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_article(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.article_id(rows[0].row()) if rows else None

    def select_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _run_search(self) -> None:
        self._search_timer.stop()
        if self.search.text().strip() != self.model.query:
            self.model.set_query(self.search.text())

    def _search_failed(self, message: str, _details: str) -> None:
        self.count.setText(f"Search failed: {message}")

    def _tag_changed(self, _index: int) -> None:
        self.model.set_tag(self.tag.currentData())

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            article_id = self.model.data(indexes[0], ArticleIdRole)
            if article_id is not None:
                self.article_selected.emit(int(article_id))

    def _after_reset(self) -> None:
        total = self.model.total()
        what = "result" if self.model.shown_query else "article"
        self.count.setText(plural(total, what, grouped=True))
        # Fixed widths, not "resize to contents": that would measure every loaded row.
        header = self.view.horizontalHeader()
        width = self.view.fontMetrics().horizontalAdvance("2025-05-30 12:58") + 16
        for column, size in ((1, width // 2), (2, width), (3, width)):
            if column < self.model.columnCount():
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, size)
        searching = bool(self.model.shown_query)
        # A search shows each hit's title and the words it matched; the list, outlet and dates.
        self.view.setColumnHidden(1, searching)
        self.view.setColumnHidden(2, searching or self.model.order_by == "clipped")
        self.view.setColumnHidden(3, searching or self.model.order_by != "clipped")
        if searching and self.model.columnCount() > 4:
            header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(0, width * 3 // 2)
        else:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()
