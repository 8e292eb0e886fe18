"""``PeopleModel``: everyone the library mentions, with roles and mention counts; searched
and sorted in the model itself (the pane's table and the window share its rows)."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from db.library import Library
from desktop.people import list_people, suggest_merges
from desktop.ui.plain import plain_tooltip

PersonRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def read_people(library: Library) -> list[dict[str, Any]]:
    """Everyone the library mentions, most mentioned first (``desktop.people.list_people``)."""
    if not library.db["people"].exists():
        return []

    return list_people(library.db)


def read_suggestions(library: Library) -> list[dict[str, Any]]:
    """Likely variants of one person with their evidence (``desktop.people.suggest_merges``)."""
    if not library.db["people"].exists():
        return []
    return suggest_merges(library.db)


#: How the list can be ordered: key of a person -> sort key.
SORTS = {
    "mentions": lambda p: (-p.get("mentions", 0), -p.get("articles", 0), p["name"].casefold()),
    "articles": lambda p: (-p.get("articles", 0), -p.get("mentions", 0), p["name"].casefold()),
    "name": lambda p: p["name"].casefold(),
}


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class PeopleModel(QAbstractTableModel):
    HEADERS = ("Person", "Roles", "Mentions", "Articles")

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self._all: list[dict[str, Any]] = []
        self._people: list[dict[str, Any]] = []
        self._search = ""
        self._sort = "mentions"

    def reload(self) -> None:
        self.set_people(read_people(self.library))

    def set_people(self, people: list[dict[str, Any]]) -> None:
        """Show people read elsewhere (the window reads them on a worker at start-up)."""
        self._all = people
        self._show()

    def set_search(self, text: str) -> None:
        """Only people with a name, alias or role containing ``text`` (case and accents
        folded: "prev" finds "René Préval")."""
        self._search = _folded(" ".join(text.split()))
        self._show()

    def set_sort(self, order: str) -> None:
        """Most mentions first ("mentions"), most articles first ("articles"), or "name"."""
        if order not in SORTS:
            raise ValueError(f"unknown order {order!r}")
        self._sort = order
        self._show()

    def _matches(self, person: dict[str, Any]) -> bool:
        if not self._search:
            return True
        texts = [person["name"], *(person.get("aliases") or []), *(person.get("roles") or [])]
        return any(self._search in _folded(t) for t in texts)

    def _show(self) -> None:
        self.beginResetModel()
        self._people = sorted((p for p in self._all if self._matches(p)), key=SORTS[self._sort])
        self.endResetModel()

    def total(self) -> int:
        """Everyone, whatever the search shows."""
        return len(self._all)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        column = index.column()
        if role == PersonRole:
            return person
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return person["name"]
            if column == 1:
                return "; ".join(person.get("roles") or [])
            if column == 2:
                return person.get("mentions", 0)
            if column == 3:
                return person.get("articles", 0)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and person.get("aliases"):
            return plain_tooltip("Also: " + ", ".join(person["aliases"]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def person(self, row: int) -> dict[str, Any] | None:
        return self._people[row] if 0 <= row < len(self._people) else None

    def row_of(self, person_id: int) -> int | None:
        for row, person in enumerate(self._people):
            if person["id"] == person_id:
                return row
        return None

    def find(self, person_id: int) -> dict[str, Any] | None:
        """A person by id, shown or not."""
        return next((p for p in self._all if p["id"] == person_id), None)

    def names(self) -> list[str]:
        return [p["name"] for p in self._people]

    def choices(self) -> list[tuple[str, int]]:
        """(name, id) of everyone (whatever the search shows), for a person filter."""
        return [(p["name"], p["id"]) for p in sorted(self._all, key=SORTS["mentions"])]
