"""``SafeTextBrowser``: rich text that never fetches anything and opens only web links, on click.

Article-derived HTML is escaped before it gets here; this is the second fence: no remote or
local resource is loaded (images, style sheets), links are not followed inside the widget,
and only http(s) links open, in the system browser, when the reporter clicks them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

BLOCKED_SCHEMES = {"http", "https", "file", "ftp", "qrc", ""}


class SafeTextBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.blocked: list[str] = []
        self.anchorClicked.connect(self.open_web_link)

    def loadResource(self, kind: int, name: QUrl) -> Any:  # noqa: N802 (Qt override)
        """Nothing is loaded: no image, style sheet or page, local or remote."""
        if name.scheme().lower() in BLOCKED_SCHEMES or name.isRelative():
            self.blocked.append(name.toString())
            return None
        return None

    def open_web_link(self, url: QUrl) -> None:
        """http(s) in the system browser; a link within the page (a footnote) scrolls to it."""
        if url.scheme().lower() in ("http", "https"):
            QDesktopServices.openUrl(url)
        elif not url.scheme() and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
