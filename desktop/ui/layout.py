"""The window's layout and colours: the three panes side by side, remembered between sessions
(geometry, splitter, tab, sort, zoom), and highlight colours that follow the system's scheme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def splitter(*panes: QWidget) -> QSplitter:
    """Library, reader and tabs side by side; the reader and tabs take the most room."""
    made = QSplitter(Qt.Orientation.Horizontal)
    made.setObjectName("mainSplitter")
    for pane, stretch in zip(panes, (2, 3, 3), strict=True):
        made.addWidget(pane)
        made.setStretchFactor(made.indexOf(pane), stretch)
    made.setChildrenCollapsible(False)
    return made


def restore(window: MainWindow) -> QByteArray | None:
    """Put back what ``save`` kept; the splitter's state is returned, to apply at first show
    (once the window has its size)."""
    settings = window.settings
    if settings is None:
        return None
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    tab = settings.value("window/tab")
    if tab is not None and str(tab).isdigit():
        window.tabs.setCurrentIndex(int(str(tab)))
    for combo, key in ((window.library_pane.sort, "library/sort"), (window.timeline_pane.zoom, "timeline/zoom")):
        index = combo.findData(settings.value(key))
        if index >= 0:
            combo.setCurrentIndex(index)
    kept = settings.value("window/splitter")
    return kept if isinstance(kept, QByteArray) else None


def first_show(window: MainWindow, kept: QByteArray | None) -> None:
    """The splitter as it was left, or 30/36/34 of the width."""
    if kept is None or not window.splitter.restoreState(kept):
        width = max(window.width(), 900)
        window.splitter.setSizes([width * 30 // 100, width * 36 // 100, width * 34 // 100])


def save(window: MainWindow) -> None:
    settings = window.settings
    if settings is None:
        return
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", window.splitter.saveState())
    settings.setValue("window/tab", window.tabs.currentIndex())
    settings.setValue("library/sort", window.library_pane.sort.currentData())
    settings.setValue("timeline/zoom", window.timeline_pane.zoom.currentData())
    settings.sync()


def apply_colour_scheme(window: MainWindow) -> None:
    """Highlight colours for the system's scheme (or a dark palette where no scheme is told)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    dark = scheme == Qt.ColorScheme.Dark or (
        scheme == Qt.ColorScheme.Unknown and QGuiApplication.palette().window().color().lightness() < 128)
    window.reader.set_dark(dark)
    window.timeline.set_dark(dark)
    window.person_events.set_dark(dark)
