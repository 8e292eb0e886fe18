"""The brief area: the preview rendered on a worker (a newer request makes older ones moot),
and exports written whole or not at all, never over the library or its backups."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from db.errors import LibraryError
from db.protected import why_protected
from desktop.timeline.filters import Filters
from desktop.ui import brief_source, tasks, workers
from desktop.ui.latest import Latest

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class BriefArea(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._request = Latest()

    def filters(self) -> Filters:
        """The timeline's filters, or none for the whole library; hidden events never."""
        if self.window.brief_pane.whole_library():
            return Filters()
        return replace(self.window.timeline.filters, include_hidden=False)

    def refresh(self) -> None:
        """Render the brief on a worker; a newer request makes older results moot."""
        ticket = self._request.ticket()
        filters, title, path = self.filters(), self.window.brief_pane.brief_title(), self.window.library_path

        def render(_state: Any) -> tuple[int, str, str]:
            with workers.open_reader(path) as library:
                markdown_text = brief_source.brief_markdown(library, filters, title)
            return ticket, markdown_text, brief_source.brief_html(markdown_text)

        self.window.tasks.run("Updating the brief", render, self._rendered, quiet=True)

    def _rendered(self, result: tuple[int, str, str]) -> None:
        ticket, markdown_text, html = result
        if not self._request.is_current(ticket):
            return
        self.window.brief_pane.show_brief(markdown_text, html)
        self.window.brief_updated.emit(markdown_text)

    def export_dialog(self, kind: str = "md") -> None:
        label, suffix = brief_source.EXPORTS[kind]
        name = self.window.brief_pane.brief_title().replace("/", "-") + ("-timelinejs" if kind == "timelinejs" else "")
        path, _filter = QFileDialog.getSaveFileName(self.window, f"Export {label}", str(Path.home() / f"{name}{suffix}"),
                                                    f"{label} (*{suffix})")
        if path:
            self.export_to(kind, Path(path))

    def export_to(self, kind: str, path: Path) -> workers.Task:
        filters, title, library_path = self.filters(), self.window.brief_pane.brief_title(), self.window.library_path

        def write(state: Any) -> str:
            if reason := why_protected(path, library_path):
                raise LibraryError(f"not writing there: {reason}; the library is unchanged")
            with workers.open_reader(library_path) as library:
                content = brief_source.export(kind, library, filters, title)
            return str(tasks.write_file(path, content, state))

        return self.window.tasks.run("Exporting", write, self._exported)

    def _exported(self, path: str) -> None:
        self.window.brief_pane.status.setText(f"Saved {Path(path).name}")
        self.window.statusBar().showMessage(f"Exported {path}", 8000)
        self.window.export_finished.emit(path)
