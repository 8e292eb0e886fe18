"""The reader: one cleaned article with people, places, organisations and dates highlighted.

Hovering a date shows what it resolved to and against what; clicking a person asks the window
to filter the timeline to them; the publication date is editable (the window re-resolves the
article's relative dates on a worker).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QHelpEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.clipping.errors import ClipError
from desktop.ui.highlight import Colours, article_html
from desktop.ui.plain import plain_label
from desktop.ui.safe_browser import SafeTextBrowser


class ArticleView(SafeTextBrowser):
    """The article text; tooltips come from the highlighted spans' titles."""

    def tooltip_at(self, pos: QPoint) -> str:
        """The hover text at a viewport position (a date's resolution, a person's role)."""
        return self.cursorForPosition(pos).charFormat().toolTip()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class ReaderPane(QWidget):
    """Shows one article; emits what the reporter asked for."""

    person_clicked = Signal(int)
    published_edited = Signal(int, str)  # article id, new ISO date

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.article: dict[str, Any] | None = None
        self.mentions: list[dict[str, Any]] = []
        self.timexes: list[dict[str, Any]] = []
        self.furniture: list[tuple[int, int]] = []
        self.quotes: list[dict[str, Any]] = []
        self.dark = False
        self.show_furniture = QCheckBox("Page furniture")
        self.show_furniture.setChecked(True)
        self.show_furniture.setToolTip(
            "Show (muted) or hide the page's own bits kept with the article: comments, stamps,"
            " bylines, widgets. They never become people, events or key events.")
        self.show_furniture.toggled.connect(lambda _on: self.render())
        self.title = QLabel("No article open")
        self.title.setObjectName("readerTitle")
        plain_label(self.title)  # the article's title: text, never markup
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel("Pick an article in the library, or clip one with Ctrl+N.")
        self.meta.setWordWrap(True)
        self.meta.setOpenExternalLinks(False)
        self.meta.linkActivated.connect(self._open_link)
        self.published = QLineEdit()
        self.published.setPlaceholderText("YYYY-MM-DD")
        self.published.setToolTip("Publication date: relative dates in the article are resolved against it")
        self.published.setMaximumWidth(170)
        self.published.returnPressed.connect(self._apply_published)
        self.apply_published = QPushButton("Re-date")
        self.apply_published.setToolTip("Store this publication date and re-resolve the article's dates")
        self.apply_published.clicked.connect(self._apply_published)
        self.published_status = QLabel("")
        row = QHBoxLayout()
        row.addWidget(QLabel("Published:"))
        row.addWidget(self.published)
        row.addWidget(self.apply_published)
        row.addWidget(self.published_status, 1)
        self.view = ArticleView(self)
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._anchor_clicked)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        below = QHBoxLayout()
        below.addWidget(self.legend, 1)
        below.addWidget(self.show_furniture)
        layout.addLayout(below)
        self._set_editable(False)
        self._render_legend()

    # -- content -------------------------------------------------------------------------

    def show_article(self, article: dict[str, Any] | None, mentions: list[dict[str, Any]],
                     timexes: list[dict[str, Any]], furniture: list[tuple[int, int]] | None = None,
                     quotes: list[dict[str, Any]] | None = None) -> None:
        self.article, self.mentions, self.timexes = article, mentions, timexes
        self.furniture = list(furniture or [])
        self.quotes = quotes or []
        if article is None:
            self.title.setText("No article open")
            self.meta.setText("Pick an article in the library, or clip one with Ctrl+N.")
            self.published.clear()
            self.view.clear()
            self._set_editable(False)
            return
        self.title.setText(article.get("title") or "(untitled)")
        bits = [html.escape(article.get("outlet") or "")]
        if article.get("author"):
            bits.append(html.escape(article["author"]))
        url = article.get("url") or ""
        if url.lower().startswith(("http://", "https://")):
            bits.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>')
        if article.get("tags"):
            bits.append("tags: " + html.escape(", ".join(article["tags"])))
        source = article.get("published_source") or "none"
        bits.append(f"date from {html.escape(source)}")
        self.meta.setText(" · ".join(b for b in bits if b))
        self.published.setText(article.get("published") or "")
        self.published_status.setText("")
        self._set_editable(True)
        self.render()

    def render(self) -> None:
        if self.article is None:
            return
        colours = Colours.for_scheme(self.dark)
        body = article_html(self.article.get("text") or "", self.mentions, self.timexes, colours=colours,
                            furniture=self.furniture, show_furniture=self.show_furniture.isChecked(),
                            quotes=self.quotes)
        self.view.setHtml(f"<div style='line-height:140%'>{body}</div>")
        self._render_legend()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.render()

    def _render_legend(self) -> None:
        c = Colours.for_scheme(self.dark)
        self.legend.setText(
            f"<span style='background-color:{c.person};color:{c.person_text}'>&nbsp;person&nbsp;</span> "
            f"<span style='color:{c.other};font-style:italic'>place · organisation</span> "
            f"<span style='background-color:{c.date};color:{c.date_text}'>&nbsp;date&nbsp;</span> "
            f"<span style='color:{c.quote}'>quote</span> "
            f"<span style='color:{c.speaker};text-decoration:underline;font-weight:600'>speaker</span>"
            " — hover a date to see how it was resolved; click a person or speaker to see their events"
        )

    def _set_editable(self, on: bool) -> None:
        self.published.setEnabled(on)
        self.apply_published.setEnabled(on)

    # -- actions ---------------------------------------------------------------------------

    def _apply_published(self) -> None:
        if self.article is None:
            return
        # lazy: dateparser loads when a date is typed, not as the window opens
        from desktop.clipping.jsonl import parse_published

        try:
            value = parse_published(self.published.text())
        except ClipError:
            self.published_status.setText("Not a date: use YYYY-MM-DD (or YYYY-MM-DDTHH:MM)")
            return
        if value == (self.article.get("published") or ""):
            self.published_status.setText("Unchanged")
            return
        self.published_status.setText("Re-resolving dates…")
        self.published_edited.emit(int(self.article["id"]), value)

    def _anchor_clicked(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("person:"):
            value = target.split(":", 1)[1]
            if value.isdigit():
                self.person_clicked.emit(int(value))

    @staticmethod
    def _open_link(link: str) -> None:
        if link.lower().startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(link))
