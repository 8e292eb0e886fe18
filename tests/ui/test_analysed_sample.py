"""The window on the sample article with the real analysis (the NLP model loads once here):
highlights from real mentions and dates, and a changed publication date re-resolving them."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor


def _tooltip_of(window, needle: str) -> str:
    text = window.reader.view.toPlainText()
    cursor = QTextCursor(window.reader.view.document())
    cursor.setPosition(text.index(needle) + 1)
    return cursor.charFormat().toolTip()


def test_real_analysis_is_highlighted(sample_window):
    reader = sample_window.reader
    assert reader.title.text() == "Russia reveals team for next round of Ukraine peace talks"
    html = reader.view.toHtml()
    assert html.count("person:") >= 5  # Zakharova, Medinsky, Lavrov, Umerov, Peskov, ...
    assert _tooltip_of(sample_window, "Thursday") == (
        "Thursday → Thu 29 May 2025, relative to publication Fri 30 May 2025")
    assert "Foreign Ministry spokeswoman" in _tooltip_of(sample_window, "Maria Zakharova")


def test_changing_the_publication_date_re_resolves_relative_dates(sample_window, qtbot):
    reader = sample_window.reader
    assert "Thu 29 May 2025" in _tooltip_of(sample_window, "Thursday")
    assert "Thu 29 May 2025" in sample_window.timeline.headers()
    reader.published.setText("2025-06-06")
    with qtbot.waitSignal(sample_window.article_redated, timeout=120_000):
        reader.apply_published.click()
    assert reader.published.text() == "2025-06-06"
    assert _tooltip_of(sample_window, "Thursday") == (
        "Thursday → Thu 5 Jun 2025, relative to publication Fri 6 Jun 2025")
    assert reader.published_status.text() == "Dates re-resolved"
    assert "Thu 5 June 2025" in sample_window.timeline.headers()


def test_re_analyse_the_library_from_the_menu(sample_window, qtbot):
    before = sample_window.timeline.total_events()
    sample_window.reanalyse_action.trigger()
    qtbot.waitUntil(lambda: sample_window.statusBar().currentMessage() == "Re-analysed 1 article",
                    timeout=120_000)
    assert sample_window.timeline.total_events() == before
    assert "Thu 29 May 2025" in _tooltip_of(sample_window, "Thursday")
