"""An event hidden by mistake can be found again in the window: "Show hidden events"
(Ctrl+Shift+H) lists it greyed and slanted, "Show again" puts it back (Ctrl+Z hides it again),
also after the window was closed; the brief never takes hidden events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from desktop.ui.models.timeline import EventRole, HtmlRole, TimelineModel
from tests.ui.conftest import _wait_for_workers, stored

ZAKHAROVA = "Maria Zakharova said on Thursday that the delegation is ready."


def _row(window, text: str = ZAKHAROVA) -> int | None:
    model = window.timeline
    for r in range(model.rowCount()):
        event = model.data(model.index(r, 0), EventRole)
        if event is not None and event.text == text:
            return r
    return None


def _event(window, text: str = ZAKHAROVA):
    row = _row(window, text)
    return None if row is None else window.timeline.data(window.timeline.index(row, 0), EventRole)


def _select(window, text: str = ZAKHAROVA) -> None:
    row = _row(window, text)
    assert row is not None, text
    window.timeline_pane.view.setCurrentIndex(window.timeline.index(row, 0))


def _toggle_hidden(window, qtbot) -> None:
    """The shortcut, as a reporter presses it with the timeline in view."""
    window.tabs.setCurrentIndex(0)
    window.timeline_pane.view.setFocus()
    qtbot.keyClick(window.timeline_pane.view, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _looks_hidden(window, text: str = ZAKHAROVA) -> bool:
    index = window.timeline.index(_row(window, text), 0)
    font = window.timeline.data(index, Qt.ItemDataRole.FontRole)
    brush = window.timeline.data(index, Qt.ItemDataRole.ForegroundRole)
    html = window.timeline.data(index, HtmlRole)
    return (isinstance(font, QFont) and font.italic() and isinstance(brush, QBrush)
            and "hidden: left out of the timeline" in html and f"<i>{ZAKHAROVA}</i>" in html)


def test_show_hidden_lists_it_greyed_and_show_again_puts_it_back_undoably(window, qtbot):
    pane = window.timeline_pane
    _select(window)
    assert pane.hide_button.text() == "Hide"
    stored(qtbot, window, pane.hide_button.click)
    assert _event(window) is None
    assert pane.show_hidden_action.shortcut().toString() == "Ctrl+Shift+H"

    _toggle_hidden(window, qtbot)
    assert pane.show_hidden_action.isChecked()
    hidden = _event(window)
    assert hidden is not None and hidden.hidden
    assert _looks_hidden(window)
    other = window.timeline.index(_row(window, "Sergey Lavrov met envoys in May 2025."), 0)
    assert window.timeline.data(other, Qt.ItemDataRole.FontRole) is None  # shown events look as ever
    assert "hidden" not in window.timeline.data(other, HtmlRole)

    _select(window)
    assert pane.hide_button.text() == "Show again"
    stored(qtbot, window, pane.hide_button.click)
    shown = _event(window)
    assert shown is not None and not shown.hidden and not _looks_hidden(window)
    assert window.undo_stack.undoText() == "Show event again"

    _toggle_hidden(window, qtbot)
    assert not pane.show_hidden_action.isChecked()
    assert _event(window) is not None  # on the plain timeline again

    stored(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
    assert _event(window) is None  # hidden again
    stored(qtbot, window, window.redo_action.trigger)
    assert _event(window) is not None


def test_a_hidden_event_is_found_after_the_window_was_closed(window, qtbot, settings):
    from db.library import Library
    from desktop.ui.main_window import MainWindow

    path = Path(window.library.path)
    _select(window)
    stored(qtbot, window, window.timeline_pane.hide_button.click)
    window.close()
    _wait_for_workers(qtbot)

    library = Library(path)
    again = MainWindow(library, settings=settings, warm_up=False, data_dir=Path(settings.fileName()).parent)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: again.people_loaded and not again.writer.pending, timeout=5_000)
    try:
        assert _event(again) is None
        _toggle_hidden(again, qtbot)
        assert _event(again).hidden and _looks_hidden(again)
        _select(again)
        stored(qtbot, again, again.timeline_pane.hide_button.click)
        again.timeline_pane.show_hidden_action.setChecked(False)
        assert _event(again) is not None and not _event(again).hidden
    finally:
        again.close()
        _wait_for_workers(qtbot)
        library.close()


def test_the_brief_leaves_hidden_events_out_while_the_timeline_shows_them(window, qtbot):
    _select(window)
    stored(qtbot, window, window.timeline_pane.hide_button.click)
    window.timeline_pane.show_hidden_action.setChecked(True)
    assert _event(window).hidden
    with qtbot.waitSignal(window.brief_updated, timeout=20_000) as blocker:
        window.tabs.setCurrentIndex(2)
    assert "Maria Zakharova said on Thursday" not in blocker.args[0]
    assert "Sergey Lavrov met envoys" in blocker.args[0]


def test_the_model_with_hidden_events_passes_the_model_tester(qtmodeltester, small_library):
    from desktop.timeline import corrections
    from desktop.timeline.filters import Filters

    [event] = [e for e in corrections.build_timeline(small_library) if e.text == ZAKHAROVA]
    corrections.hide(small_library, event.id)
    model = TimelineModel(small_library, filters=Filters(include_hidden=True))
    qtmodeltester.check(model)
    assert [e.text for e in model.loaded_events() if e.hidden] == [ZAKHAROVA]
    model.set_dark(True)
    qtmodeltester.check(model)


def _muted_pixels(window, index, selected: bool) -> int:
    """Pixels of the muted grey in the row as the delegate paints it, selected or not."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter, QPalette
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    view = window.timeline_pane.view
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 600, 160)
    option.palette = view.palette()
    option.state = QStyle.StateFlag.State_Enabled | (
        QStyle.StateFlag.State_Selected if selected else QStyle.StateFlag.State_None)
    image = QImage(600, 160, QImage.Format.Format_RGB32)
    image.fill(view.palette().color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base))
    painter = QPainter(image)
    view.itemDelegate().paint(painter, option, index)
    painter.end()
    muted = QColor(window.timeline.colours["muted"])
    return sum(
        1 for y in range(image.height()) for x in range(image.width())
        if abs(QColor(image.pixel(x, y)).red() - muted.red()) + abs(QColor(image.pixel(x, y)).green() - muted.green())
        + abs(QColor(image.pixel(x, y)).blue() - muted.blue()) < 24
    )


def test_a_selected_hidden_event_stays_legible(window, qtbot):
    _select(window)
    stored(qtbot, window, window.timeline_pane.hide_button.click)
    _toggle_hidden(window, qtbot)
    index = window.timeline.index(_row(window), 0)
    # Greyed on the plain background; on the selection's colour nothing is left in that grey.
    assert _muted_pixels(window, index, selected=False) > 50
    assert _muted_pixels(window, index, selected=True) == 0
