"""The people pane: who the library mentions (roles, mention counts), searchable and sorted
by mentions or articles; their corrections — rename, merge, split, not a person, each
undoable — with suggested merges taken in one click; and the selected person's events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.timeline.filters import Filters
from desktop.ui.models.people import PeopleModel
from desktop.ui.models.timeline import TimelineModel
from desktop.ui.panes.timeline import EventDelegate
from desktop.ui.plain import plain_label
from desktop.wording import plural


class PeoplePane(QWidget):
    person_selected = Signal(object)  # the person dict
    rename_requested = Signal(object)
    merge_requested = Signal(object, object)
    split_requested = Signal(object)
    not_person_requested = Signal(object)
    source_activated = Signal(int, int)
    suggestion_accepted = Signal(object)  # a suggested merge (dict of suggest_merges)

    SORTS = (("Most mentions", "mentions"), ("Most articles", "articles"), ("Name", "name"))

    def __init__(self, model: PeopleModel, events: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.events = events
        self.table = QTableView()
        self.table.setObjectName("peopleView")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        # Names and roles get the room; the counts take what their header needs.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 180)
        model.modelReset.connect(self._fit_names)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.rename_button = QPushButton("Rename…")
        self.merge_button = QPushButton("Merge")
        self.merge_button.setToolTip("Select two people (Ctrl+click) to make them one")
        self.split_button = QPushButton("Split…")
        self.not_person_button = QPushButton("Not a person")
        self.rename_button.clicked.connect(lambda: self._with_one(self.rename_requested))
        self.split_button.clicked.connect(lambda: self._with_one(self.split_requested))
        self.not_person_button.clicked.connect(lambda: self._with_one(self.not_person_requested))
        self.merge_button.clicked.connect(self._merge)
        self.search = QLineEdit()
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText("Search people, names they go by, roles…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.sort = QComboBox()
        self.sort.setObjectName("peopleSort")
        for label, order in self.SORTS:
            self.sort.addItem(label, order)
        self.sort.currentIndexChanged.connect(lambda _i: model.set_sort(self.sort.currentData()))
        self.count_label = QLabel()
        model.modelReset.connect(self._show_count)
        self.suggestions_title = QLabel("Suggested merges")
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("mergeSuggestions")
        self.suggestions.setWordWrap(True)
        self.suggestions.itemSelectionChanged.connect(self._update_buttons)
        self.suggestions.itemDoubleClicked.connect(self._accept)
        self.accept_button = QPushButton("Merge these")
        self.accept_button.setToolTip("Make the suggested pair one person (Ctrl+Z to undo)")
        self.accept_button.clicked.connect(lambda: self._accept(self.suggestions.currentItem()))
        self.events_title = plain_label(QLabel("Select a person to see their events"))  # names: text
        self.events_view = QListView()
        self.events_view.setObjectName("personEventsView")
        self.events_view.setModel(events)
        self.events_view.setWordWrap(True)
        self.events_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.events_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        delegate = EventDelegate(self.events_view)
        delegate.link_activated.connect(self._open_link)
        events.modelAboutToBeReset.connect(delegate.forget_sizes)
        self.events_view.setItemDelegate(delegate)
        buttons = QHBoxLayout()
        for button in (self.rename_button, self.merge_button, self.split_button, self.not_person_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.sort)
        search_row.addWidget(self.count_label)
        top_layout.addLayout(search_row)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        suggested = QWidget()
        suggested_layout = QVBoxLayout(suggested)
        suggested_layout.setContentsMargins(0, 0, 0, 0)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestions_title, 1)
        suggestion_row.addWidget(self.accept_button)
        suggested_layout.addLayout(suggestion_row)
        suggested_layout.addWidget(self.suggestions, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.events_title)
        bottom_layout.addWidget(self.events_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(suggested)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._update_buttons()

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(f"{total} {'person' if total == 1 else 'people'}"
                                 if shown == total else f"{shown} of {total}")

    def set_suggestions(self, suggestions: list[dict[str, Any]]) -> None:
        """Show suggested merges: both names, the evidence as a tooltip."""
        self.suggestions.clear()
        for suggestion in suggestions:
            item = QListWidgetItem(f"{suggestion['other_name']} → {suggestion['name']}"
                                   f"  ({suggestion['reason']})")
            item.setToolTip("\n".join(suggestion.get("evidence") or []))
            item.setData(Qt.ItemDataRole.UserRole, suggestion)
            self.suggestions.addItem(item)
        self.suggestions_title.setText(
            f"Suggested merges ({len(suggestions)})" if suggestions else "No suggested merges")
        self._update_buttons()

    def suggestion(self, row: int) -> dict[str, Any] | None:
        item = self.suggestions.item(row)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _accept(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.suggestion_accepted.emit(item.data(Qt.ItemDataRole.UserRole))

    def _fit_names(self) -> None:
        """The name column as wide as the names it shows (within reason)."""
        self.table.resizeColumnToContents(0)
        header = self.table.horizontalHeader()
        header.resizeSection(0, max(120, min(header.sectionSize(0), max(self.table.width(), 400) * 2 // 5)))

    def selected_people(self) -> list[dict[str, Any]]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [p for p in (self.model.person(r) for r in rows) if p is not None]

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row is not None:
            self.table.selectRow(row)

    def show_events_of(self, person: dict[str, Any] | None) -> None:
        if person is None:
            self.events_title.setText("Select a person to see their events")
            self.events.clear()
            return
        self.events.set_filters(Filters(person=person["name"]), person_id=person["id"])
        count = self.events.total_events()
        self.events_title.setText(f"{person['name']}: {plural(count, 'event')}")

    def _with_one(self, signal: Any) -> None:
        people = self.selected_people()
        if len(people) == 1:
            signal.emit(people[0])

    def _merge(self) -> None:
        people = self.selected_people()
        if len(people) == 2:
            self.merge_requested.emit(people[0], people[1])

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()
        people = self.selected_people()
        if len(people) == 1:
            self.show_events_of(people[0])
            self.person_selected.emit(people[0])

    def _update_buttons(self) -> None:
        count = len(self.selected_people())
        for button in (self.rename_button, self.split_button, self.not_person_button):
            button.setEnabled(count == 1)
        self.merge_button.setEnabled(count == 2)
        self.accept_button.setEnabled(self.suggestions.currentItem() is not None)

    def _open_link(self, link: str) -> None:
        parts = link.split(":")
        if parts[0] == "article" and len(parts) > 1 and parts[1].isdigit():
            offset = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0
            self.source_activated.emit(int(parts[1]), offset)
