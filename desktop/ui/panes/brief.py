"""The brief pane: title and scope (the timeline's current filters, or everything), a live
Markdown preview that loads nothing remote, and exports (.md, CSV, JSON, TimelineJS)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.brief_source import EXPORTS
from desktop.ui.safe_browser import SafeTextBrowser

SCOPE_TIMELINE = "timeline"
SCOPE_ALL = "all"


class BriefPane(QWidget):
    export_requested = Signal(str)  # export kind
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit("Brief")
        self.title.setPlaceholderText("Title of the brief")
        self.scope = QComboBox()
        self.scope.addItem("Scope: the timeline's filters", SCOPE_TIMELINE)
        self.scope.addItem("Scope: the whole library", SCOPE_ALL)
        self.preview = SafeTextBrowser(self)
        self.preview.setObjectName("briefPreview")
        self.markdown = ""
        self.status = QLabel("")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh_requested)
        self.title.textChanged.connect(lambda _t: self._timer.start())
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh_requested.emit())
        top = QHBoxLayout()
        top.addWidget(QLabel("Title"))
        top.addWidget(self.title, 2)
        top.addWidget(self.scope, 1)
        exports = QHBoxLayout()
        self.export_buttons: dict[str, QPushButton] = {}
        for kind, (label, _suffix) in EXPORTS.items():
            button = QPushButton(f"Export {label}…")
            button.clicked.connect(lambda _c=False, kind=kind: self.export_requested.emit(kind))
            self.export_buttons[kind] = button
            exports.addWidget(button)
        exports.addStretch(1)
        exports.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addLayout(exports)

    def show_brief(self, markdown_text: str, html: str) -> None:
        self.markdown = markdown_text
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(html)
        self.preview.verticalScrollBar().setValue(scroll)

    def brief_title(self) -> str:
        return self.title.text().strip() or "Brief"

    def whole_library(self) -> bool:
        return self.scope.currentData() == SCOPE_ALL
