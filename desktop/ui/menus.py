"""The window's actions, their shortcuts, the menus and the toolbar, built in one place.

Each action calls a slot of the window; the ones tests and other code press by name are kept
as attributes of the window (``import_action``, ``undo_action``, ``delete_action``…).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def action(window: MainWindow, text: str, slot: Any, shortcut: QKeySequence | str | QKeySequence.StandardKey | None = None,
           tip: str = "") -> QAction:
    """An action of the window (its shortcut works wherever the focus is in it)."""
    made = QAction(text, window)
    if shortcut is not None:
        made.setShortcut(QKeySequence(shortcut))
    if tip:
        made.setStatusTip(tip)
    made.triggered.connect(slot)
    window.addAction(made)
    return made


def build(window: MainWindow) -> None:
    """File, Edit and View menus and the Clip toolbar."""
    w = window
    w.new_clip_action = action(w, "&New clip…", w.new_clip, QKeySequence.StandardKey.New,
                               "Paste an article as text or HTML")
    w.import_action = action(w, "&Import files…", w.clipping.import_files, QKeySequence.StandardKey.Open,
                             "Clip .txt, .md, .html, .pdf or .jsonl files")
    w.import_url_action = action(w, "Import &URL…", w.clipping.import_url, "Ctrl+Shift+O", "Fetch and clip a web page")
    w.export_action = action(w, "&Export brief…", lambda: w.brief.export_dialog("md"), "Ctrl+E",
                             "Save the brief as Markdown")
    w.reanalyse_action = action(w, "Re-analyse library", w.reanalyse_library, None,
                                "Run people and date analysis again on every article")
    w.quit_action = action(w, "&Quit", w.close, QKeySequence.StandardKey.Quit)
    w.undo_action = w.undo_stack.createUndoAction(w, "&Undo")
    w.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    w.redo_action = w.undo_stack.createRedoAction(w, "&Redo")
    w.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
    w.addAction(w.undo_action)
    w.addAction(w.redo_action)
    view = w.library_pane.view
    w.delete_action = QAction("&Delete article", view)  # Delete in the list only, not in a text field
    w.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    w.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    w.delete_action.triggered.connect(w.delete_selected_article)
    view.addAction(w.delete_action)
    w.find_action = action(w, "&Find in library", w.library_pane.focus_search, QKeySequence.StandardKey.Find)
    w.tag_action = action(w, "&Tag article…", w.tag_selected_article, "Ctrl+T",
                          "File the selected article under a story")
    bar = w.menuBar()
    _fill(bar.addMenu("&File"), (w.new_clip_action, w.import_action, w.import_url_action, None,
                                 w.export_action, w.reanalyse_action, None, w.quit_action))
    _fill(bar.addMenu("&Edit"), (w.undo_action, w.redo_action, None, w.delete_action, w.tag_action, w.find_action))
    view_menu = bar.addMenu("&View")
    for number, name in enumerate(("Timeline", "People", "Brief", "Quotes")):
        view_menu.addAction(action(w, name, partial(w.tabs.setCurrentIndex, number), f"Ctrl+{number + 1}"))
    toolbar = w.addToolBar("Clip")
    toolbar.setObjectName("clipToolbar")
    toolbar.setMovable(False)
    for each in (w.new_clip_action, w.import_action, w.import_url_action, w.export_action):
        toolbar.addAction(each)


def _fill(menu: Any, actions: tuple[QAction | None, ...]) -> None:
    for each in actions:
        menu.addSeparator() if each is None else menu.addAction(each)
