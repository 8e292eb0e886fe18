"""The window's long work on workers, as the status bar shows it: progress after a moment
(quick work just happens), Cancel, the language model's state, and every failure told with
copyable details (never silent)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from desktop.ui import tasks, workers
from desktop.ui.dialogs.error import error_box

log = logging.getLogger(__name__)

#: Progress shows only for work that takes longer than this (quick work just happens).
PROGRESS_DELAY_MS = 600


class TaskRunner(QObject):
    """Runs ``fn(state)`` on a worker for the window and shows how it goes in its status bar."""

    def __init__(self, window: QMainWindow, data_dir: Path | None, on_failed: Callable[[str], None],
                 is_closed: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window, self.data_dir, self.on_failed, self.is_closed = window, data_dir, on_failed, is_closed
        self.running: list[workers.Task] = []
        bar = window.statusBar()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.model_label = QLabel("")
        for widget in (self.progress, self.cancel_button, self.model_label):
            bar.addPermanentWidget(widget)
        self.progress.hide()
        self.cancel_button.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PROGRESS_DELAY_MS)
        self._timer.timeout.connect(self._show_progress)

    def run(self, name: str, fn: Any, on_done: Any, *, quiet: bool = False, writes: bool = False) -> workers.Task:
        """Run ``fn(state)`` on a worker (the writer thread if it ``writes``); progress shows
        after a moment; errors are shown."""
        task = workers.start(name, fn, self, on_done=partial(self._done, name, on_done),
                             on_failed=partial(self.failed, name),
                             on_progress=None if quiet else self._progressed,
                             pool=workers.writer_pool() if writes else None)
        if not quiet:
            self.running.append(task)
            self.window.statusBar().showMessage(f"{name}…")
            self._timer.start()
        return task

    def _forget(self, name: str) -> None:
        self.running = [t for t in self.running if t.name != name]
        if not self.running:
            self._timer.stop()
            self.progress.hide()
            self.cancel_button.hide()

    def _done(self, name: str, on_done: Any, result: Any) -> None:
        self._forget(name)
        if not self.is_closed():
            on_done(result)

    def failed(self, name: str, message: str, details: str) -> None:
        self._forget(name)
        log.error("%s failed: %s\n%s", name, message, details)
        self.window.statusBar().showMessage(f"{name} failed: {message}")
        log_note = f"\n\nThe log is in {self.data_dir / 'clipline.log'}" if self.data_dir else ""
        error_box(self.window, f"{name} failed", f"{name} failed: {message}", details + log_note)
        self.on_failed(message)

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if message:
            self.window.statusBar().showMessage(message)

    def _show_progress(self) -> None:
        if self.running:
            self.progress.show()
            self.cancel_button.show()

    def cancel(self) -> None:
        for task in self.running:
            task.state.cancel()
        if self.running:
            self.window.statusBar().showMessage("Cancelling…")

    def warm_up_model(self, on_ready: Callable[[], None], on_failed: Callable[[str], None]) -> None:
        """Load the NLP model now (after the window is up) so the first import is quick."""
        self.model_label.setText("Language model loading…")

        def ready(_result: Any) -> None:
            self.model_label.setText("Language model ready")
            on_ready()

        def failed(message: str, details: str) -> None:
            self.model_label.setText("Language model unavailable")
            self.failed("Loading the language model", message, details)
            on_failed(message)

        workers.start("Loading the language model", tasks.warm_up_model, self, on_done=ready, on_failed=failed)
