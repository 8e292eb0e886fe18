"""Start-up of the window: ``run(library_path, quit_after_ms, argv)``.

Order: the data folder (``CLIPLINE_DATA_DIR``, set by ``--data-dir``), the log file there,
the ``QApplication`` (with Clipline's icon), the library (migrations run before any window shows; a library from a
newer Clipline is refused with a message), the settings, the window — shown at once, with the
NLP model loading in the background after it appears — and the event loop.

For tests and smoke checks: ``--quit-after MS`` quits on its own; ``CLIPLINE_SELFTEST=REPORT``
(with ``CLIPLINE_SELFTEST_IMPORT=FILE``) drives the real window: import the file through the
import worker, read the timeline view's events, export the brief, write a JSON report, quit.
``CLIPLINE_TIMING=1`` prints when the window was shown and when the model was ready.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from db.backup import restore_backup
from db.errors import LibraryError
from db.integrity import DamagedLibraryError
from db.library import Library
from desktop import __version__
from desktop.paths import default_data_dir
from desktop.resources import APP_ICON, resource_path
from desktop.ui import tasks, workers
from desktop.ui.dialogs.error import error_box
from desktop.ui.main_window import MainWindow
from desktop.ui.models.timeline import KindRole
from desktop.ui.settings import open_settings
from desktop.ui.workers import wait_for_all

log = logging.getLogger("clipline")
LOG_FILENAME = "clipline.log"


def setup_logging(data_dir: Path) -> Path:
    """Log to ``data_dir/clipline.log`` (kept on this machine; nothing is uploaded)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOG_FILENAME
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _timing(what: str) -> None:
    if os.environ.get("CLIPLINE_TIMING"):
        print(f"clipline-timing {what} {time.time():.4f}", flush=True)


def set_app_icon() -> None:
    """Clipline's icon for every window (title bar, task bar, dock), from the packaged resources."""
    QApplication.setWindowIcon(QIcon(str(resource_path(APP_ICON))))


def run(library_path: Path, quit_after_ms: int | None, argv: list[str]) -> int:
    data_dir = default_data_dir()
    log_path = setup_logging(data_dir)
    log.info("Clipline %s starting: library %s, data folder %s", __version__, library_path, data_dir)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Clipline")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Clipline")
    set_app_icon()
    interactive = quit_after_ms is None and not os.environ.get("CLIPLINE_SELFTEST")
    try:
        library = open_library(library_path, interactive=interactive)
    except LibraryError as error:
        log.error("cannot open the library: %s", error)
        print(f"error: {error}", file=sys.stderr)
        if interactive:
            QMessageBox.critical(None, "Clipline cannot open the library", str(error))
        return 2

    window = MainWindow(library, settings=open_settings(data_dir), data_dir=data_dir)

    def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", details)
        window.statusBar().showMessage(f"Unexpected error: {value}")
        error_box(window, "Unexpected error", f"Something went wrong: {value}",
                  f"{details}\nThe log is in {log_path}")

    sys.excepthook = excepthook
    window.model_ready.connect(lambda: _timing("model-ready"))
    window.show()
    QTimer.singleShot(0, lambda: _timing("window-shown"))
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, app.quit)
    backups = schedule_daily_backup(window, library_path)
    report = os.environ.get("CLIPLINE_SELFTEST")
    selftest = None  # kept referenced: Qt holds its slots only weakly
    if report:
        selftest = Selftest(window, Path(report), Path(os.environ.get("CLIPLINE_SELFTEST_IMPORT", "")))
        selftest.start()
    status = app.exec()
    del selftest, backups
    window.save_layout()
    window.cancel_tasks()

    wait_for_all(10_000)
    library.close()
    log.info("Clipline quit (status %s)", status)
    return int(status)


def open_library(library_path: Path, *, interactive: bool) -> Any:
    """The library, or, if the file is damaged, an offer to put its newest good backup back.

    Nothing is written to a damaged file; the damaged file is kept (``restore_backup`` moves
    it to the backups folder). Without a person to ask, the error goes up as it is.
    """
    try:
        return Library(library_path)
    except DamagedLibraryError as error:
        if not (interactive and error.backup):
            raise
        answer = QMessageBox.question(
            None, "The library file is damaged",
            f"{error}\n\nPut back the newest good backup, {error.backup.name}? "
            "The damaged file is kept in the backups folder.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise
        restored = restore_backup(library_path, error.backup)
        log.warning("restored %s after damage: %s", error.backup, restored)
        return Library(library_path)


def schedule_daily_backup(window: Any, library_path: Path) -> Any:
    """Back the library up a minute after start, then check every hour whether a day passed."""


    def run() -> None:
        workers.start("Daily backup", lambda state: tasks.daily_backup(library_path, state), window,
                      on_done=lambda message: message and window.statusBar().showMessage(message, 5000),
                      on_failed=lambda message, details: window.statusBar().showMessage(
                          f"Backup failed: {message}"),
                      pool=workers.writer_pool())

    timer = QTimer(window)
    timer.setInterval(60 * 60 * 1000)
    timer.timeout.connect(run)
    timer.start()
    QTimer.singleShot(60 * 1000, window, run)
    return timer


class Selftest:
    """Drives the real window end to end and writes what it saw to a JSON report."""

    def __init__(self, window: Any, report: Path, to_import: Path) -> None:
        self.window, self.report, self.to_import = window, report, to_import
        self.result: dict[str, Any] = {"steps": [], "window_icon": not window.windowIcon().isNull()}

    def start(self) -> None:
        self.window.import_finished.connect(self._imported)
        self.window.export_finished.connect(self._exported)
        self.window.task_failed.connect(self._failed)
        self.result["steps"].append("import")
        self.window.import_inputs([str(self.to_import)])

    def _imported(self, report: Any) -> None:
        self.result["import"] = {"summary": report.summary(), "stored": report.stored, "errors": report.errors}

        model = self.window.timeline_pane.view.model()
        rows = []
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            rows.append({"kind": model.data(index, KindRole), "text": model.data(index)})
        self.result["timeline_rows"] = rows
        self.result["timeline_headers"] = model.headers()
        self.result["events"] = [e.as_dict() for e in model.loaded_events()]
        self.result["steps"].append("timeline")
        self.window.tabs.setCurrentIndex(2)
        self.window.export_to("md", self.report.with_suffix(".md"))

    def _exported(self, path: str) -> None:
        self.result["brief_path"] = path
        self.result["steps"].append("export")
        self._finish(0)

    def _failed(self, message: str) -> None:
        if "language model" in message.lower():
            return
        self.result["error"] = message
        self._finish(1)

    def _finish(self, status: int) -> None:
        self.report.write_text(json.dumps(self.result, indent=2, ensure_ascii=False), encoding="utf-8")
        QApplication.instance().exit(status)  # type: ignore[union-attr]
