"""The timeline pane: events under date headers, people as chips, sources as reader links;
filters (person, dates, words, story), zoom, and hide/edit/add/pin corrections (undoable).
"Show hidden events" (Ctrl+Shift+H) brings back the events the reporter hid, greyed, each
with "Show again" in place of "Hide"."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QKeySequence,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.timeline.filters import Filters
from desktop.ui.models.timeline import DARK, LIGHT, HtmlRole, KindRole, TimelineModel
from desktop.ui.operations import triage as triage_ops
from desktop.wording import plural

ALL_PEOPLE = "Everyone"
ALL_STORIES = "All stories"
SHOW_HIDDEN_SHORTCUT = "Ctrl+Shift+H"


class EventDelegate(QStyledItemDelegate):
    """Paints header and event rows as rich text; a click on a source link opens it."""

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Row heights by (row, width): rows only ever get appended between resets, and a long
        # list asks for every row's height again each time a page comes in.
        self._heights: dict[tuple[int, int], QSize] = {}

    def forget_sizes(self) -> None:
        self._heights.clear()

    def _document(self, index: QModelIndex | QPersistentModelIndex, width: int,
                  selected_text: str | None = None) -> QTextDocument:
        """The row as rich text; on a selected row (``selected_text``: the highlighted text's
        colour) the muted parts take that colour too, or they would fade into the highlight."""
        document = QTextDocument()
        document.setDocumentMargin(6)
        if index.data(KindRole) == "header":
            font = document.defaultFont()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            document.setDefaultFont(font)
            document.setPlainText(index.data(Qt.ItemDataRole.DisplayRole) or "")
        else:
            html = index.data(HtmlRole) or ""
            if selected_text:
                for muted in {LIGHT["muted"], DARK["muted"]}:
                    html = html.replace(f"color:{muted}", f"color:{selected_text}")
            document.setHtml(html)
        document.setTextWidth(max(width, 100))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        painter.save()
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(QPalette.ColorGroup.Active, role)
        document = self._document(index, option.rect.width(), colour.name() if selected else None)
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)  # a hidden event's grey
        if foreground is not None and not selected:
            colour = foreground.color()
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = option.rect.width() if option.rect.width() > 0 else 500
        if option.widget is not None and hasattr(option.widget, "viewport"):
            width = option.widget.viewport().width()  # type: ignore[attr-defined]
        key = (index.row(), width)
        size = self._heights.get(key)
        if size is None:
            document = self._document(index, width)
            size = QSize(int(document.idealWidth()), int(document.size().height()) + 2)
            self._heights[key] = size
        return size

    def anchor_at(self, index: QModelIndex | QPersistentModelIndex, rect_width: int, x: int, y: int) -> str:
        document = self._document(index, rect_width)
        return document.documentLayout().anchorAt(QPointF(x, y))

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and index.data(KindRole) == "event":
            position = event.position()  # type: ignore[attr-defined]
            anchor = self.anchor_at(index, option.rect.width(),
                                    int(position.x() - option.rect.x()), int(position.y() - option.rect.y()))
            if anchor:
                self.link_activated.emit(anchor)
                return True
        return super().editorEvent(event, model, option, index)


class TimelinePane(QWidget):
    source_activated = Signal(int, int)  # article id, character offset of the sentence
    hide_requested = Signal(object)
    show_requested = Signal(object)  # a hidden event, to put back on the timeline
    pin_requested = Signal(object)
    edit_requested = Signal(object)
    add_requested = Signal()
    #: A triage step for the undo stack (``desktop.ui.operations.operation.Operation``).
    triage_requested = Signal(object)

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setToolTip("Only events naming this person")
        self.person.setMinimumContentsLength(14)
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText("from, e.g. 2025-05")
        self.date_from.setToolTip("Events from this date: a year (2025), a month (2025-05) or a day (2025-05-29)")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("to, e.g. 2025-06-30")
        self.date_to.setToolTip("Events up to this date: a year, a month or a day")
        self.text = QLineEdit()
        self.text.setPlaceholderText("words in the event")
        self.text.setClearButtonEnabled(True)
        self.tag = QComboBox()
        self.zoom = QComboBox()
        for zoom in ("day", "month", "year"):
            self.zoom.addItem(f"By {zoom}", zoom)
        self.zoom.currentIndexChanged.connect(lambda _i: self.model.set_zoom(self.zoom.currentData()))
        self.filter_error = QLabel("")
        self.filter_error.setStyleSheet("color: #c0392b")
        self.filter_error.hide()  # shown only with something to say: no gap above the events
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.apply_filters)
        for edit in (self.date_from, self.date_to, self.text):
            edit.textChanged.connect(lambda _t: self._timer.start())
        self.person.currentTextChanged.connect(lambda _t: self._timer.start())
        self.tag.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.view = QListView()
        self.view.setModel(model)
        self.view.setObjectName("timelineView")
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.delegate = EventDelegate(self.view)
        self.delegate.link_activated.connect(self.open_link)
        model.modelAboutToBeReset.connect(self.delegate.forget_sizes)
        self.view.setItemDelegate(self.delegate)
        self.view.doubleClicked.connect(self._open_first_source)
        self.count = QLabel("")
        model.total_changed.connect(lambda _total: self._update_count())
        model.modelReset.connect(self._update_count)
        self.add_button = QPushButton("Add…")
        self.edit_button = QPushButton("Edit…")
        self.hide_button = QPushButton("Hide")
        self.pin_button = QPushButton("Pin")
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._emit_selected(self.edit_requested))
        self.hide_button.clicked.connect(self._hide_or_show)
        self.show_hidden_action = QAction("Show hidden events", self)
        self.show_hidden_action.setCheckable(True)
        self.show_hidden_action.setShortcut(QKeySequence(SHOW_HIDDEN_SHORTCUT))
        self.show_hidden_action.setToolTip(
            f"List the events you hid too, greyed, to show them again ({SHOW_HIDDEN_SHORTCUT})")
        self.show_hidden_action.toggled.connect(lambda _on: self.apply_filters())
        self.addAction(self.show_hidden_action)  # its shortcut works while the timeline shows
        self.show_hidden_button = QToolButton()
        self.show_hidden_button.setDefaultAction(self.show_hidden_action)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_hide_button())
        model.modelReset.connect(self._update_hide_button)
        self.pin_button.clicked.connect(lambda: self._emit_selected(self.pin_requested))
        self.triage_button = QToolButton()
        self.triage_button.setText("Triage")
        self.triage_button.setToolTip("Set aside what is not the story, or hide happenings in bulk")
        self.triage_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.triage_menu = QMenu(self.triage_button)
        self.triage_menu.aboutToShow.connect(self._fill_triage_menu)
        self.triage_button.setMenu(self.triage_menu)
        # The same steps on a right click (or the menu key) on a happening.
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: self.triage_menu.popup(self.view.viewport().mapToGlobal(pos)))
        row1 = QHBoxLayout()
        row1.addWidget(self.person, 2)
        row1.addWidget(self.text, 3)
        row1.addWidget(self.tag, 2)
        row2 = QHBoxLayout()
        row2.addWidget(self.date_from, 2)
        row2.addWidget(self.date_to, 2)
        row2.addWidget(self.zoom, 1)
        row2.addWidget(self.triage_button)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.hide_button, self.pin_button):
            buttons.addWidget(button)
        buttons.addWidget(self.show_hidden_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.filter_error)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.refresh_choices([], [])
        self._update_count()

    # -- filters ---------------------------------------------------------------------------

    def refresh_choices(self, people: list[tuple[str, int]], tags: list[str]) -> None:
        """The people (name, id) and stories to choose from; what was chosen stays chosen."""
        choices = ((self.person, ALL_PEOPLE, people), (self.tag, ALL_STORIES, [(t, t) for t in tags]))
        for combo, first, values in choices:
            current, data = combo.currentText(), combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for text, value in values:
                combo.addItem(text, value)
            index = combo.findData(data) if data is not None else -1
            if index < 0 or combo.itemText(index) != current:
                index = combo.findText(current)
            if index >= 0:
                combo.setCurrentIndex(index)
            elif combo.isEditable() and current:
                combo.setEditText(current)
            combo.blockSignals(False)

    def current_person_id(self) -> int | None:
        """The chosen person's id; None for everyone or for a typed name (matched exactly)."""
        text = self.person.currentText().strip()
        index = self.person.currentIndex()
        if index < 0 or self.person.itemText(index) != text:
            index = self.person.findText(text)
        data = self.person.itemData(index) if index >= 0 else None
        return data if isinstance(data, int) else None

    def current_filters(self) -> Any:
        person = self.person.currentText().strip()
        if person == ALL_PEOPLE:
            person = ""
        return Filters.from_strings(
            person=person or None,
            date_from=self.date_from.text().strip() or None,
            date_to=self.date_to.text().strip() or None,
            query=self.text.text().strip() or None,
            tag=self.tag.currentData(),
            include_hidden=self.show_hidden_action.isChecked(),
        )

    def apply_filters(self) -> None:
        self._timer.stop()
        try:
            filters = self.current_filters()
        except ValueError as error:
            self.filter_error.setText(f"Dates: {error}")
            self.filter_error.show()
            return
        self.filter_error.setText("")
        self.filter_error.hide()
        self.model.set_filters(filters, self.current_person_id() if filters.person else None)

    def filter_person(self, name: str, person_id: int | None = None) -> None:
        """Show only this person's events (from the reader, a chip or the people pane): the
        person with this id, or with exactly this name — never everyone whose name contains it."""
        self.person.blockSignals(True)
        index = self.person.findData(person_id) if person_id is not None else -1
        if index < 0:
            index = self.person.findText(name)
        if index >= 0:
            self.person.setCurrentIndex(index)
        self.person.setEditText(name)
        self.person.blockSignals(False)
        self.apply_filters()

    def _update_count(self) -> None:
        total = self.model.known_total()
        if total is None:
            self.count.setText("counting events…")
        else:
            self.count.setText(plural(total, "happening", grouped=True))

    # -- actions --------------------------------------------------------------------------------

    def selected_event(self) -> Any:
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            return None
        return self.model.data(indexes[0], Qt.ItemDataRole.UserRole + 1)

    def _hide_or_show(self) -> None:
        """Hide the selected event, or show it again if it is a hidden one."""
        event = self.selected_event()
        if event is not None:
            (self.show_requested if event.hidden else self.hide_requested).emit(event)

    def _update_hide_button(self) -> None:
        event = self.selected_event()
        hidden = event is not None and event.hidden
        self.hide_button.setText("Show again" if hidden else "Hide")
        self.hide_button.setToolTip("Put this hidden event back on the timeline and in the brief"
                                    if hidden else "Take this event off the timeline and the brief")

    def triage_choices(self) -> list[tuple[str, Any]]:
        """The triage steps that make sense now: (menu text, ``Operation``)."""
        choices: list[tuple[str, Any]] = []
        event = self.selected_event()
        source = next((s for s in event.sources if s.article_id is not None), None) if event else None
        if source is not None:
            label = source.title or f"article #{source.article_id}"
            choices.append((f"Set aside this article ({label[:50]})",
                            triage_ops.set_aside(article_id=int(source.article_id))))
        for outlet in (event.outlets if event is not None else [])[:3]:
            choices.append((f"Set aside every clip from {outlet}", triage_ops.set_aside(outlet=outlet)))
            choices.append((f"Hide every happening from {outlet}",
                            triage_ops.hide_all(self.model.filters, outlet=outlet)))
        if self.model.filters.query:
            choices.append((f"Hide every happening matching \u201c{self.model.filters.query}\u201d",
                            triage_ops.hide_all(self.model.filters)))
        return choices

    def _fill_triage_menu(self) -> None:
        self.triage_menu.clear()
        choices = self.triage_choices()
        for text, triage in choices:
            action = self.triage_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, t=triage: self.triage_requested.emit(t))
        if not choices:
            action = self.triage_menu.addAction("Select a happening, or filter by words, first")
            action.setEnabled(False)

    def _emit_selected(self, signal: Any) -> None:
        event = self.selected_event()
        if event is not None:
            signal.emit(event)

    def open_link(self, link: str) -> None:
        if link.startswith("reports:"):
            row = self.model.row_of_event(link.split(":", 1)[1])
            if row is not None:
                self.model.toggle_reports(row)
            return
        if link.startswith("person-name:"):

            self.filter_person(unquote(link.split(":", 1)[1]))
            return
        if link.startswith("article:"):
            parts = link.split(":")
            if len(parts) >= 2 and parts[1].isdigit():
                offset = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0
                self.source_activated.emit(int(parts[1]), offset)

    def _open_first_source(self, index: QModelIndex) -> None:
        event = self.model.data(index, Qt.ItemDataRole.UserRole + 1)
        if event is not None and event.sources and event.sources[0].article_id is not None:
            self.source_activated.emit(int(event.sources[0].article_id), int(event.sources[0].start or 0))
