""""New clip": paste an article (plain text, or HTML that keeps its structure), check the
title, URL and publication date Clipline detected, and file it under a story.

The clipping itself is the core's (``clip_text``/``clip_html``); the dialog only gathers
what the reporter pasted and typed, and returns an ``Article``.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.clipping.article import Article
from desktop.clipping.errors import ClipError
from desktop.ui.plain import visible_text


class PasteEdit(QPlainTextEdit):
    """Shows pasted text; remembers the HTML of a rich paste so the clip keeps its structure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pasted_html: str | None = None
        self.setPlaceholderText("Paste the article here (text or a web page's HTML)")
        self.textChanged.connect(self._forget_html_if_cleared)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        if source.hasHtml() and source.html().strip():
            self.set_html(source.html(), source.text())
            return
        super().insertFromMimeData(source)

    def set_html(self, html: str, text: str = "") -> None:
        self.blockSignals(True)
        self.setPlainText(text or _visible_text(html))
        self.blockSignals(False)
        self.pasted_html = html
        self.textChanged.emit()

    def _forget_html_if_cleared(self) -> None:
        if not self.toPlainText().strip():
            self.pasted_html = None


def _visible_text(html: str) -> str:
    """Not Qt's parser: it loads the page's images and ``@import``s (``/dev/zero`` aborted)."""
    return visible_text(html)


class NewClipDialog(QDialog):
    """Fields pre-filled from what was detected; anything the reporter typed wins."""

    def __init__(self, parent: QWidget | None = None, *, text: str = "", html: str | None = None,
                 tags: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("New clip")
        self.setObjectName("newClipDialog")
        self.resize(720, 560)
        self.paste = PasteEdit(self)
        self.title = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.published = QLineEdit()
        self.published.setPlaceholderText("YYYY-MM-DD (resolves 'Thursday', 'next week' …)")
        self.tags = QLineEdit(tags)
        self.tags.setPlaceholderText("story tags, comma separated")
        self.detected = QLabel("")
        self.detected.setWordWrap(True)
        self.detected.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel("")
        self.error.setObjectName("clipError")
        self.error.setStyleSheet("color: #c0392b")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self._touched: set[str] = set()
        for name, field in (("title", self.title), ("url", self.url), ("published", self.published)):
            field.textEdited.connect(lambda _t, name=name: self._touched.add(name))
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("URL", self.url)
        form.addRow("Published", self.published)
        form.addRow("Stories", self.tags)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Clip")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.paste, 1)
        layout.addWidget(self.detected)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._detect_timer = QTimer(self)
        self._detect_timer.setSingleShot(True)
        self._detect_timer.setInterval(300)
        self._detect_timer.timeout.connect(self.detect)
        self.paste.textChanged.connect(self._detect_timer.start)
        self.article: Article | None = None
        if html:
            self.paste.set_html(html, text)
        elif text:
            self.paste.setPlainText(text)
        if html or text:
            self.detect()

    # -- detection ------------------------------------------------------------------------

    def _clip(self, *, use_fields: bool) -> Article:
        # lazy: trafilatura and dateparser load when a clip is made, not as the window opens
        from desktop.clipping.html import clip_html
        from desktop.clipping.jsonl import parse_published
        from desktop.clipping.text import clip_text

        title = url = published = None
        if use_fields:  # only what the reporter typed: detected values keep their source
            if "title" in self._touched:
                title = self.title.text().strip() or None
            if "url" in self._touched:
                url = self.url.text().strip() or None
            if "published" in self._touched and self.published.text().strip():
                published = parse_published(self.published.text())
        if self.paste.pasted_html:
            return clip_html(self.paste.pasted_html, url=url, title=title, published=published,
                             what="pasted page")
        return clip_text(self.paste.toPlainText(), title=title, published=published, url=url,
                         what="pasted text")

    def detect(self) -> None:
        """Fill the fields the reporter has not typed in from what the clipper found."""
        self._detect_timer.stop()
        if not self.paste.toPlainText().strip():
            self.detected.setText("")
            return
        try:
            found = self._clip(use_fields=False)
        except ClipError as error:
            self.detected.setText(f"Nothing to clip yet: {error}")
            return
        kind = "web page (HTML)" if self.paste.pasted_html else "text"
        date_note = (f"publication date from the {found.published_source}" if found.published
                     else "no publication date found: enter one so relative dates resolve")
        self.detected.setText(f"Detected a {kind}; {date_note}.")
        for name, field, value in (("title", self.title, found.title),
                                   ("url", self.url, found.url),
                                   ("published", self.published, found.published)):
            if name not in self._touched:
                field.setText(value or "")

    def story_tags(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.tags.text().split(",") if t.strip())

    def _accept(self) -> None:
        try:
            self.article = self._clip(use_fields=True)
        except ClipError as error:
            self.error.setText(str(error))
            return
        self.accept()
