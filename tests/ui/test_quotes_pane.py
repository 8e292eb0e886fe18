"""The Quotes view (filter by person, dates, words; double-click reads the quote) and the
reader's quote and speaker marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from db.library import Library
from db.quotes import write_quotes
from desktop.ui.highlight import Colours, article_html
from desktop.ui.models.quotes import QuoteRole, QuotesModel, read_quotes
from tests.ui.conftest import LAVROV, TALKS, writable


def _quote(text: str, speaker: str | None, cue: str, content: str, person: str | None,
           date: str, from_text: bool) -> dict:
    start = text.index(content)
    speaker_start = text.index(speaker) if speaker else None
    return {"speaker_start": speaker_start,
            "speaker_end": None if speaker is None else speaker_start + len(speaker),
            "speaker": speaker, "cue_start": text.index(cue), "cue_end": text.index(cue) + len(cue),
            "cue": cue, "content": [(start, start + len(content))], "content_text": content,
            "direct": False, "person": person, "date": date, "date_from_text": from_text}


def _add_quotes(library: Library) -> None:
    ids = {row["title"]: row["id"] for row in library.articles()}
    with library.transaction() as db:
        write_quotes(db, ids["Talks set for Istanbul"], [
            _quote(TALKS, "Maria Zakharova", "said", "that the delegation is ready",
                   "Maria Zakharova", "2025-05-29", True),
            _quote(TALKS, "the Kremlin", "said", "Peace talks will be held in Istanbul on June 2",
                   None, "2025-05-30", False)])
        write_quotes(db, ids["Lavrov proposes a date"], [
            _quote(LAVROV, "the Kremlin", "said", "Peace talks will be held in Istanbul on June 3",
                   "Sergey Lavrov", "2025-05-28", False)])


@pytest.fixture
def quotes_window(window, qtbot):
    with writable(window) as library:
        _add_quotes(library)
    _read(window, qtbot)
    return window


def _read(window, qtbot, **typed: str) -> list[dict]:
    pane = window.quotes_pane
    for name, value in typed.items():
        getattr(pane, name).setText(value)
    with qtbot.waitSignal(pane.quotes_read, timeout=10_000):
        pane.reload()
    model = pane.model
    return [model.data(model.index(row, 0), QuoteRole) for row in range(model.rowCount())]


def test_the_model_passes_the_model_tester(qtmodeltester, small_library):
    _add_quotes(small_library)
    model = QuotesModel()
    model.set_quotes(read_quotes(small_library))
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    model.set_quotes([])
    qtmodeltester.check(model)


def test_quotes_view_lists_speaker_date_and_source(quotes_window):
    model = quotes_window.quotes_pane.model
    assert model.rowCount() == 3
    rows = {model.data(model.index(r, 2)): r for r in range(3)}
    zakharova = rows["that the delegation is ready"]
    assert model.data(model.index(zakharova, 0)) == "Thu 29 May 2025"
    assert model.data(model.index(zakharova, 1)) == "Maria Zakharova"
    assert model.data(model.index(zakharova, 3)) == "Talks set for Istanbul"
    unresolved = rows["Peace talks will be held in Istanbul on June 2"]
    assert model.data(model.index(unresolved, 1)) == "“the Kremlin” (not resolved)"
    assert "publication date" in model.data(model.index(unresolved, 0), Qt.ItemDataRole.ToolTipRole)
    assert quotes_window.quotes_pane.status.text().startswith("3 quotes")


def test_filters_by_person_dates_and_words(quotes_window, qtbot):
    by_person = _read(quotes_window, qtbot, person="zakharova")
    assert [q["content_text"] for q in by_person] == ["that the delegation is ready"]
    by_dates = _read(quotes_window, qtbot, person="", date_from="2025-05-30", date_to="2025-05")
    assert [q["date"] for q in by_dates] == ["2025-05-30"]
    by_words = _read(quotes_window, qtbot, date_from="", date_to="", words="June 3")
    assert [q["person"] for q in by_words] == ["Sergey Lavrov"]


def test_an_unfinished_date_says_so_and_keeps_the_list(quotes_window):
    pane = quotes_window.quotes_pane
    pane.date_from.setText("20x5")
    pane.reload()
    assert pane.status.text().startswith("Not a date") and pane.model.rowCount() == 3


def test_double_click_opens_the_article_with_the_quote_marked(quotes_window, qtbot):
    pane = quotes_window.quotes_pane
    quotes_window.tabs.setCurrentWidget(pane)
    model = pane.model
    row = next(r for r in range(model.rowCount())
               if model.data(model.index(r, 1)) == "Maria Zakharova")
    rect = pane.table.visualRect(model.index(row, 2))
    # a double-click is a press, release, then a double-click event
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    reader = quotes_window.reader
    assert reader.title.text() == "Talks set for Istanbul"
    text = reader.view.toPlainText()
    cursor = QTextCursor(reader.view.document())
    cursor.setPosition(text.index("delegation is ready") + 2)
    assert cursor.charFormat().toolTip() == "quote: Maria Zakharova, 2025-05-29"
    assert reader.view.textCursor().position() >= text.index("that the delegation")


def test_ctrl_4_shows_the_quotes_view(quotes_window, qtbot):
    quotes_window.tabs.setCurrentIndex(0)
    qtbot.keyClick(quotes_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert quotes_window.tabs.currentWidget() is quotes_window.quotes_pane


def test_reader_html_marks_quotes_and_links_speakers():
    text = "Then he said <b>“we go”</b> now."
    quote = {"speaker_start": 5, "speaker_end": 7, "speaker": "he", "person": "Ann Lee",
             "person_id": 4, "content": [(17, 28)], "date": "2025-01-02", "date_from_text": True}
    html = article_html(text, [], [], quotes=[quote], colours=Colours.for_scheme(False))
    assert '<a class="speaker" href="person:4" title="he = Ann Lee' in html
    assert 'class="quote"' in html and "&lt;b&gt;" in html and "<b>" not in html
    assert article_html(text) == "Then he said &lt;b&gt;“we go”&lt;/b&gt; now."


def test_the_sample_reader_links_he_to_medinsky(sample_window):
    reader = sample_window.reader
    text = reader.view.toPlainText()
    cursor = QTextCursor(reader.view.document())
    cursor.setPosition(text.index("Wednesday, he said") + len("Wednesday, h"))
    assert cursor.charFormat().toolTip().startswith("he = Vladimir Medinsky")
    assert cursor.charFormat().anchorHref().startswith("person:")
