"""``SafeTextBrowser``: rich text that never fetches anything and opens only web links, on click.

Article-derived HTML is escaped before it gets here; this is the second fence: no remote or
local resource is loaded (images, style sheets), links are not followed inside the widget,
and only http(s) links open, in the system browser, when the reporter clicks them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QTextBrowser, QWidget


class SafeTextBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.blocked: list[str] = []
        self.anchorClicked.connect(self.open_web_link)

    def loadResource(self, kind: int, name: QUrl) -> Any:  # noqa: N802 (Qt override)
        """Nothing is loaded: no image, style sheet or page, local or remote.

        Returning nothing is not enough: Qt then opens a local file itself (a FIFO hung the
        window, ``/dev/zero`` aborted it). The answer is a blank image whatever was asked for:
        the document caches it by URL alone, and an image that found a cached style sheet
        there (text, not an image) was read from the file after all. A style sheet that gets
        an image is simply not applied.
        """
        self.blocked.append(name.toString())
        return _blank_image()

    def open_web_link(self, url: QUrl) -> None:
        """http(s) in the system browser; a link within the page (a footnote) scrolls to it."""
        if url.scheme().lower() in ("http", "https"):
            QDesktopServices.openUrl(url)
        elif not url.scheme() and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image
