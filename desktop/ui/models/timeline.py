"""``TimelineModel``: dated events under date headers, read a page at a time.

The ordered keys of every matching event come first (one indexed query); events are read
and merged a page at a time as the view scrolls. A page always ends at a change of date, so
reports of one happening on one date are merged even across a page's nominal size. Header
rows respect each event's precision: at day zoom a month-precision event sits under the
month, never under an invented day.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from db.library import Library
from desktop.ui import pages

PAGE_SIZE = 200
ZOOMS = ("year", "month", "day")
_RANK = {"decade": 0, "year": 1, "quarter": 2, "season": 2, "month": 3, "week": 4, "day": 5}

EventRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
HtmlRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Row:
    kind: str  # "header" | "event"
    label: str
    event: Any = None
    html: str = ""


def header_for(date: str, precision: str, zoom: str) -> str:
    """The date header an event goes under at a zoom, never finer than the event's precision."""
    from desktop.timeline.precision import display, place

    placed = place(date)
    if placed is None:
        return "Undated"
    first = placed.first
    level = zoom if _RANK.get(precision, 5) >= _RANK[zoom] else precision
    if level == "day":
        return display(first.isoformat())
    if level == "week":
        return display(date)
    if level == "month":
        return display(f"{first:%Y-%m}")
    if level in ("quarter", "season"):
        return display(date)
    return display(str(first.year))


def event_html(event: Any, colours: dict[str, str], *, show_date: bool = True) -> str:
    """One event as rich text: date (unless its header says it), marks, text, people chips,
    sources as reader links."""
    marks = []
    if event.pinned:
        marks.append(f"<span style='color:{colours['accent']}'>&#128204; pinned</span>")
    if event.planned:
        marks.append(f"<span style='background-color:{colours['planned']};color:{colours['planned_text']}'>"
                     "&nbsp;PLANNED&nbsp;</span>")
    if event.conflict:
        from desktop.timeline.precision import display

        others = ", ".join(html.escape(display(d)) for d in event.conflicting_dates) or "another date"
        marks.append(f"<span style='background-color:{colours['conflict']};color:{colours['conflict_text']}'>"
                     f"&nbsp;&#9888; DATE CONFLICT: also reported as {others}&nbsp;</span>")
    if event.manual:
        marks.append("<i>added by hand</i>")
    elif event.corrected:
        marks.append("<i>edited</i>")
    chips = " ".join(
        f"<span style='background-color:{colours['chip']};color:{colours['chip_text']}'>&nbsp;{html.escape(p)}&nbsp;</span>"
        for p in event.people
    )
    sources = []
    for source in event.sources:
        label = html.escape(source.title or source.url or "source")
        outlet = f" ({html.escape(source.outlet)})" if source.outlet else ""
        if source.article_id is not None:
            sources.append(f"<a href='article:{int(source.article_id)}:{int(source.start or 0)}'>{label}</a>{outlet}")
        else:
            sources.append(label + outlet)
    first_line = " ".join(marks)
    if show_date:
        first_line = f"<span style='color:{colours['muted']}'>{html.escape(event.display_date)}</span> " + first_line
    parts = [f"<div>{first_line}</div>"] if first_line.strip() else []
    parts.append(f"<div>{html.escape(event.text)}</div>")
    if chips:
        parts.append(f"<div>{chips}</div>")
    if sources:
        parts.append(f"<div style='color:{colours['muted']}'>Sources: {' · '.join(sources)}</div>")
    return "".join(parts)


LIGHT = {"accent": "#b03a2e", "planned": "#d6eaf8", "planned_text": "#154360", "conflict": "#fadbd8",
         "conflict_text": "#922b21", "chip": "#dbe6ff", "chip_text": "#1a3a8a", "muted": "#6b7280"}
DARK = {"accent": "#f1948a", "planned": "#1b4f72", "planned_text": "#d6eaf8", "conflict": "#78281f",
        "conflict_text": "#fadbd8", "chip": "#3b4f7a", "chip_text": "#e8eeff", "muted": "#9ca3af"}


class TimelineModel(QAbstractListModel):
    """Rows are date headers and events, in date order, loaded page by page."""

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.zoom = "day"
        self.colours = LIGHT
        from desktop.timeline.filters import Filters

        self.filters: Any = Filters()
        self._keys: list[pages.TimelineKey] = []
        self._next = 0  # index of the first key not read yet
        self._rows: list[Row] = []
        self.event_count = 0
        self.reload()

    # -- what to show --------------------------------------------------------------------

    def set_filters(self, filters: Any) -> None:
        self.filters = filters
        self.reload()

    def set_zoom(self, zoom: str) -> None:
        if zoom not in ZOOMS:
            raise ValueError(f"zoom is one of {', '.join(ZOOMS)}")
        self.zoom = zoom
        self.reload()

    def set_dark(self, dark: bool) -> None:
        self.colours = DARK if dark else LIGHT
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._keys = pages.timeline_keys(self.library, self.filters) if self._has_events() else []
        self._next = 0
        self._rows = []
        self.event_count = 0
        self._read_page()
        self.endResetModel()

    def _has_events(self) -> bool:
        return self.library.db["events"].exists() and self.library.db["manual_events"].exists()

    def _page_end(self, start: int) -> int:
        end = min(start + PAGE_SIZE, len(self._keys))
        while end < len(self._keys) and self._keys[end][2] == self._keys[end - 1][2]:
            end += 1  # never split one date across pages (merging needs them together)
        return end

    def _next_page(self) -> tuple[list[Row], int]:
        """The rows of the next page (not yet shown) and where the page after it starts."""
        end = self._page_end(self._next)
        events = pages.timeline_events(self.library, self._keys[self._next : end], self.filters)
        rows: list[Row] = []
        last_header = next((r.label for r in reversed(self._rows) if r.kind == "header"), None)
        for event in events:
            label = header_for(event.date, event.precision, self.zoom)
            if label != last_header:
                rows.append(Row("header", label))
                last_header = label
            rows.append(Row("event", label, event,
                            event_html(event, self.colours, show_date=label != event.display_date)))
        return rows, end

    def _read_page(self) -> None:
        if self._next < len(self._keys):
            rows, self._next = self._next_page()
            self._append(rows)

    def _append(self, rows: list[Row]) -> None:
        self._rows.extend(rows)
        self.event_count += sum(1 for r in rows if r.kind == "event")

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next < len(self._keys)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._next >= len(self._keys):
            return
        rows, end = self._next_page()
        self._next = end
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label if row.kind == "header" else f"{row.event.display_date}: {row.event.text}"
        if role == KindRole:
            return row.kind
        if role == EventRole:
            return row.event
        if role == HtmlRole:
            return row.html
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.label if row.kind == "header" else row.event.text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == "header":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- helpers ------------------------------------------------------------------------------

    def total_events(self) -> int:
        """Matching events before merging (loaded or not)."""
        return len(self._keys)

    def headers(self) -> list[str]:
        return [r.label for r in self._rows if r.kind == "header"]

    def loaded_events(self) -> list[Any]:
        return [r.event for r in self._rows if r.kind == "event"]

    def row_of_event(self, event_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.kind == "event" and row.event.id == event_id:
                return number
        return None
