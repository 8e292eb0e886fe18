"""``TimelineModel``: dated events under date headers, read a page at a time.

The ordered keys of every matching event come first (one indexed query); events are read
and merged a page at a time as the view scrolls. A page always ends at a change of date, so
reports of one happening on one date are merged even across a page's nominal size. Header
rows respect each event's precision: at day zoom a month-precision event sits under the
month, never under an invented day. With ``Filters.include_hidden`` the events the reporter
hid are there too, greyed and slanted (``ForegroundRole``, ``FontRole`` and the rich text).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from db.library import Library
from desktop.timeline.filters import Filters
from desktop.timeline.precision import display, place
from desktop.ui import pages

PAGE_SIZE = 40
ZOOMS = ("year", "month", "day")
_RANK = {"century": 0, "decade": 0, "year": 1, "half": 2, "quarter": 2, "season": 2, "month": 3, "week": 4, "day": 5}

EventRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
HtmlRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Row:
    kind: str  # "header" | "event" | "report" (one source of the happening above it)
    label: str
    event: Any = None
    html: str = ""
    source: Any = None
    expanded: bool = False


def header_for(date: str, precision: str, zoom: str) -> str:
    """The date header an event goes under at a zoom, never finer than the event's precision."""
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
    if level in ("half", "quarter", "season"):
        return display(date)
    return display(str(first.year))


#: Sources named under a happening; the rest are among its reports (expand the row).
SOURCES_SHOWN = 3


def event_html(
    event: Any, colours: dict[str, str], *, show_date: bool = True, expanded: bool = False
) -> str:
    """One event as rich text: date (unless its header says it), marks, text, people chips,
    sources as reader links. A hidden event (shown only when asked for) is greyed and slanted."""
    marks = []
    if event.hidden:
        marks.append(f"<span style='color:{colours['muted']}'><i>hidden: left out of the timeline and the brief</i></span>")
    if event.pinned:
        marks.append(f"<span style='color:{colours['accent']}'>&#128204; pinned</span>")
    if event.planned:
        marks.append(f"<span style='background-color:{colours['planned']};color:{colours['planned_text']}'>"
                     "&nbsp;PLANNED&nbsp;</span>")
    if event.conflict:

        others = ", ".join(html.escape(display(d)) for d in event.conflicting_dates) or "another date"
        marks.append(f"<span style='background-color:{colours['conflict']};color:{colours['conflict_text']}'>"
                     f"&nbsp;&#9888; DATE CONFLICT: also reported as {others}&nbsp;</span>")
    if event.manual:
        marks.append("<i>added by hand</i>")
    elif event.corrected:
        marks.append("<i>edited</i>")
    chips = " ".join(
        f"<a href='person-name:{quote(p)}' style='background-color:{colours['chip']};color:{colours['chip_text']};"
        f"text-decoration:none'>&nbsp;{html.escape(p)}&nbsp;</a>"
        for p in event.people
    )
    sources = []
    for source in event.sources[:SOURCES_SHOWN]:
        label = html.escape(source.title or source.url or "source")
        outlet = f" ({html.escape(source.outlet)})" if source.outlet else ""
        if source.article_id is not None:
            sources.append(f"<a href='article:{int(source.article_id)}:{int(source.start or 0)}'>{label}</a>{outlet}")
        else:
            sources.append(label + outlet)
        if source.hidden and not event.hidden:
            sources[-1] += " <i>(hidden)</i>"
    first_line = " ".join(marks)
    if show_date:
        first_line = f"<span style='color:{colours['muted']}'>{html.escape(event.display_date)}</span> " + first_line
    parts = [f"<div>{first_line}</div>"] if first_line.strip() else []
    text = html.escape(event.text)
    # A hidden event's text is slanted here, greyed by the delegate (ForegroundRole), which
    # keeps it legible when selected.
    parts.append(f"<div><i>{text}</i></div>" if event.hidden else f"<div>{text}</div>")
    if chips:
        parts.append(f"<div>{chips}</div>")
    if sources:
        parts.append(f"<div style='color:{colours['muted']}'>Sources: {' · '.join(sources)}</div>")
    if len(event.sources) > 1:
        told = html.escape(event.reported_by()) if hasattr(event, "reported_by") else ""
        verb = "hide" if expanded else "show"
        parts.append(
            f"<div style='color:{colours['muted']}'><a href='reports:{html.escape(event.id)}'>"
            f"{verb} {len(event.sources)} reports</a>{' · ' + told if told else ''}</div>"
        )
    return "".join(parts)


def report_html(source: Any, colours: dict[str, str]) -> str:
    """One report of a happening: its outlet and publication day, its own sentence, a link."""
    day = display((source.published or "")[:10]) if source.published else "date unknown"
    outlet = html.escape(source.outlet or "")
    title = html.escape(source.title or source.url or "source")
    link = (
        f"<a href='article:{int(source.article_id)}:{int(source.start or 0)}'>{title}</a>"
        if source.article_id is not None
        else title
    )
    hidden = " <i>(hidden)</i>" if source.hidden else ""
    return (
        f"<div style='margin-left:18px'><span style='color:{colours['muted']}'>{outlet + ', ' if outlet else ''}"
        f"{html.escape(day)}:</span> {html.escape(source.sentence)}{hidden}"
        f"<br/><span style='color:{colours['muted']}'>{link}</span></div>"
    )


LIGHT = {"accent": "#b03a2e", "planned": "#d6eaf8", "planned_text": "#154360", "conflict": "#fadbd8",
         "conflict_text": "#922b21", "chip": "#dbe6ff", "chip_text": "#1a3a8a", "muted": "#6b7280"}
DARK = {"accent": "#f1948a", "planned": "#1b4f72", "planned_text": "#d6eaf8", "conflict": "#78281f",
        "conflict_text": "#fadbd8", "chip": "#3b4f7a", "chip_text": "#e8eeff", "muted": "#9ca3af"}


class TimelineModel(QAbstractListModel):
    """Rows are date headers and events, in date order, loaded page by page.

    ``total_changed`` tells how many events match (known as soon as the keys are listed).
    """

    total_changed = Signal(int)

    def __init__(self, library: Library, parent: Any = None, *, filters: Any = None, empty: bool = False) -> None:
        super().__init__(parent)
        self.library = library
        self._empty = empty  # shows nothing until it is given filters
        self.zoom = "day"
        self.colours = LIGHT

        self.filters: Any = filters if filters is not None else Filters()
        self.person: int | str | None = None  # a person id, or a name matched exactly
        self._cursor: pages.TimelinePages | None = None
        self._rows: list[Row] = []
        self._total = 0
        self.event_count = 0
        self.reload()

    # -- what to show --------------------------------------------------------------------

    def set_filters(self, filters: Any, person_id: int | None = None) -> None:
        """Show the events matching ``filters``; a person (``person_id``, else the name in
        ``filters.person``) is matched exactly, never as part of another name."""
        self.filters = filters
        self.person = person_id
        self._empty = False
        self.reload()

    def clear(self) -> None:
        """Show nothing (until given filters again)."""
        self._empty = True
        self.reload()

    def set_zoom(self, zoom: str) -> None:
        if zoom not in ZOOMS:
            raise ValueError(f"zoom is one of {', '.join(ZOOMS)}")
        self.zoom = zoom
        self.reload()

    def set_dark(self, dark: bool) -> None:
        """New colours for the rows already read (no query)."""
        colours = DARK if dark else LIGHT
        if colours is self.colours:
            return
        self.colours = colours
        for row in self._rows:
            if row.kind == "event":
                row.html = event_html(row.event, colours, show_date=row.label != row.event.display_date,
                                      expanded=row.expanded)
            elif row.kind == "report":
                row.html = report_html(row.source, colours)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [HtmlRole, Qt.ItemDataRole.ForegroundRole])

    def reload(self) -> None:
        self.beginResetModel()
        self._cursor = None
        if not self._empty and self._has_events():
            self._cursor = pages.TimelinePages(self.library, self.filters, self.person)
        self._rows = []
        self.event_count = 0
        self._total = self._cursor.total if self._cursor is not None else 0
        self._read_page()
        self.endResetModel()
        self.total_changed.emit(self._total)

    def _has_events(self) -> bool:
        return self.library.db["events"].exists() and self.library.db["manual_events"].exists()

    def _next_page(self) -> list[Row]:
        """The rows of the next page (not yet shown)."""
        assert self._cursor is not None
        events = self._cursor.next_page(PAGE_SIZE)
        rows: list[Row] = []
        last_header = next((r.label for r in reversed(self._rows) if r.kind == "header"), None)
        for event in events:
            label = header_for(event.date, event.precision, self.zoom)
            if label != last_header:
                rows.append(Row("header", label))
                last_header = label
            rows.append(Row("event", label, event,
                            event_html(event, self.colours, show_date=label != event.display_date)))
        return rows

    def _read_page(self) -> None:
        if self._cursor is not None and not self._cursor.done:
            self._append(self._next_page())

    def _append(self, rows: list[Row]) -> None:
        self._rows.extend(rows)
        self.event_count += sum(1 for r in rows if r.kind == "event")

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None and not self._cursor.done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        rows = self._next_page()
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
            if row.kind == "report":
                return f"{row.source.outlet or ''}: {row.source.sentence}"
            return row.label if row.kind == "header" else f"{row.event.display_date}: {row.event.text}"
        if role == KindRole:
            return row.kind
        if role == EventRole:
            return row.event
        if role == HtmlRole:
            return row.html
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if row.kind == "header":
                return row.label
            if row.kind == "report":
                return f"Report: {row.source.sentence}"
            return f"Hidden: {row.event.text}" if row.event.hidden else row.event.text
        if row.kind == "event" and row.event.hidden:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(self.colours["muted"]))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind in ("header", "report"):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- helpers ------------------------------------------------------------------------------

    def total_events(self) -> int:
        """Matching happenings (loaded or not): what ``timeline`` on the command line counts."""
        return self._total

    def known_total(self) -> int | None:
        return self._total

    def headers(self) -> list[str]:
        return [r.label for r in self._rows if r.kind == "header"]

    def loaded_events(self) -> list[Any]:
        return [r.event for r in self._rows if r.kind == "event"]

    def toggle_reports(self, row: int) -> None:
        """Show (or hide again) the reports of the happening at ``row``, one row each, under it."""
        if not 0 <= row < len(self._rows) or self._rows[row].kind != "event":
            return
        happening = self._rows[row]
        if happening.expanded:
            count = 0
            while row + 1 + count < len(self._rows) and self._rows[row + 1 + count].kind == "report":
                count += 1
            if count:
                self.beginRemoveRows(QModelIndex(), row + 1, row + count)
                del self._rows[row + 1 : row + 1 + count]
                self.endRemoveRows()
        else:
            sources = happening.event.sources
            if sources:
                reports = [
                    Row("report", happening.label, happening.event, report_html(s, self.colours), s)
                    for s in sources
                ]
                self.beginInsertRows(QModelIndex(), row + 1, row + len(reports))
                self._rows[row + 1 : row + 1] = reports
                self.endInsertRows()
        happening.expanded = not happening.expanded
        happening.html = event_html(
            happening.event, self.colours, show_date=happening.label != happening.event.display_date,
            expanded=happening.expanded,
        )
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [HtmlRole])

    def row_of_event(self, event_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.kind == "event" and row.event.id == event_id:
                return number
        return None
