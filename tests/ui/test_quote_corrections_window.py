"""Correcting a quote from the Quotes view: right click, "Wrong speaker…" or "Not a quote",
stored through the shared actions, and Ctrl+Z takes it back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog

from desktop.ui.models.quotes import QuoteRole
from tests.ui.conftest import writable
from tests.ui.test_quotes_pane import _add_quotes, _read

ZAKHAROVA = "that the delegation is ready"


@pytest.fixture
def quotes_window(window, qtbot):
    with writable(window) as library:
        _add_quotes(library)
    _read(window, qtbot)
    return window


def _row(window, words: str) -> int:
    model = window.quotes_pane.model
    return next(r for r in range(model.rowCount())
                if model.data(model.index(r, 0), QuoteRole)["content_text"] == words)


def _shown(window) -> dict[str, str]:
    model = window.quotes_pane.model
    return {model.data(model.index(r, 2)): model.data(model.index(r, 1))
            for r in range(model.rowCount())}


def _choose(window, qtbot, words: str, action: str) -> None:
    pane = window.quotes_pane
    menu = pane.menu_for(pane.model.index(_row(window, words), 2))
    assert menu is not None
    [chosen] = [a for a in menu.actions() if a.text() == action]
    with qtbot.waitSignal(pane.quotes_read, timeout=10_000):
        chosen.trigger()


def _undo(window, qtbot) -> None:
    with qtbot.waitSignal(window.quotes_pane.quotes_read, timeout=10_000):
        window.undo_stack.undo()


def test_a_quote_offers_its_corrections_on_a_right_click(quotes_window):
    pane = quotes_window.quotes_pane
    menu = pane.menu_for(pane.model.index(0, 1))
    assert [a.text() for a in menu.actions()] == ["Wrong speaker…", "Not a quote"]
    assert pane.menu_for(pane.model.index(-1, -1)) is None  # off the rows: nothing to correct


def test_not_a_quote_hides_it_and_ctrl_z_brings_it_back(quotes_window, qtbot):
    _choose(quotes_window, qtbot, ZAKHAROVA, "Not a quote")
    assert ZAKHAROVA not in _shown(quotes_window)
    assert len(_shown(quotes_window)) == 2
    assert "Ctrl+Z" in quotes_window.statusBar().currentMessage()

    _undo(quotes_window, qtbot)
    assert _shown(quotes_window)[ZAKHAROVA] == "Maria Zakharova"


def test_wrong_speaker_names_who_said_it_and_undo_puts_back_the_found_one(
        quotes_window, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Sergey Lavrov", True))
    _choose(quotes_window, qtbot, ZAKHAROVA, "Wrong speaker…")
    assert _shown(quotes_window)[ZAKHAROVA] == "Sergey Lavrov"
    quote = quotes_window.quotes_pane.model.data(
        quotes_window.quotes_pane.model.index(_row(quotes_window, ZAKHAROVA), 0), QuoteRole)
    assert quote["corrected"]

    _undo(quotes_window, qtbot)
    assert _shown(quotes_window)[ZAKHAROVA] == "Maria Zakharova"


def test_a_cancelled_speaker_dialog_changes_nothing(quotes_window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    pane = quotes_window.quotes_pane
    menu = pane.menu_for(pane.model.index(_row(quotes_window, ZAKHAROVA), 2))
    next(a for a in menu.actions() if a.text() == "Wrong speaker…").trigger()
    assert quotes_window.undo_stack.count() == 0
