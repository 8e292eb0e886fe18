"""Article data shown as text, never as markup: a title ``<img src="/dev/zero">`` must read as
those characters, not make Qt load (and choke on) a file.

Qt treats a string as rich text when it merely looks like HTML (``Qt.mightBeRichText``): in a
``QLabel`` with the automatic format, in every tooltip, in a message box. Labels that show
article data are set to plain text; tooltips, which have no format of their own, get the text
escaped into rich text (``plain_tooltip``).
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(label: QLabel) -> QLabel:
    """``label`` showing its text as it is, whatever it looks like."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows ``text`` as it is (escaped, line breaks kept)."""
    if not text:
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


class _VisibleText(HTMLParser):
    """The words of a page as a reader sees them, without any of its resources (Qt's parser
    would fetch ``<img>``s and ``@import``s to lay the page out)."""

    SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "object", "iframe"}
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "header", "footer", "blockquote", "pre", "ul", "ol", "table", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(" ".join(data.split()) if data.strip() else (" " if data else ""))


def visible_text(page: str) -> str:
    """The text of an HTML paste, in reading order, one block a line."""
    parser = _VisibleText()
    try:
        parser.feed(page)
        parser.close()
    except Exception:  # noqa: BLE001 - a broken page still shows what was read of it
        pass
    lines = ("".join(parser.parts)).split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())
