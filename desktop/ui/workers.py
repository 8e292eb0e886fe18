"""Long work off the GUI thread: a plain function run on ``QThreadPool`` with progress and cancel.

The task is a function ``fn(state) -> result`` that never touches a widget; it reports with
``state.progress(done, total, message)`` and checks ``state.cancelled``. Results, progress and
errors come back through queued signals of a ``TaskSignals`` object parented to the window, so
the window keeps painting. A task that needs the library opens its own ``db.Library(path)``:
SQLite connections are one per thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from db.errors import LibraryError
from db.failures import describe_storage_error
from db.library import Library

log = logging.getLogger(__name__)


class TaskState:
    """What a running task sees: a cancel flag and a progress callback (thread-safe)."""

    def __init__(self, signals: TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int, message: str = "") -> None:
        self._signals.progressed.emit(done, total, message)


class TaskSignals(QObject):
    """Signals of one task; lives in the GUI thread, emitted from the worker (queued)."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str, str)  # message, details (traceback)


class Task(QRunnable):
    """One run of ``fn(state)`` on the pool."""

    def __init__(self, name: str, fn: Callable[[TaskState], Any], parent: QObject) -> None:
        super().__init__()
        self.name = name
        self.fn = fn
        self.signals = TaskSignals(parent)
        self.state = TaskState(self.signals)
        self.setAutoDelete(True)

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.fn(self.state)
        except Exception as error:  # every failure is shown, never swallowed
            log.exception("task %s failed", self.name)
            self._emit(self.signals.failed, describe(error), traceback.format_exc())
            return
        self._emit(self.signals.finished, result)

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window closed while the task ran: nobody to tell
            log.info("task %s ended after its window closed", self.name)


def open_reader(path: Path) -> Library:
    """A connection for a task that only reads (people, the brief, a search): it refuses writes."""
    library = Library(path)
    library.refuse_writes()
    return library


_writer: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """The one thread that writes to the library (imports, re-analysis, corrections by task):
    writes queue up behind each other instead of contending for SQLite's lock."""
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
        _writer.setExpiryTimeout(-1)  # one thread for the session: it keeps its connection open
        _writer.setObjectName("clipline-writer")
    return _writer


def wait_for_all(msecs: int) -> None:
    """At shutdown: let running tasks finish (they were asked to cancel)."""
    writer_pool().waitForDone(msecs)
    QThreadPool.globalInstance().waitForDone(msecs)


def describe(error: BaseException) -> str:
    """A one-line message for the status bar or a dialog."""
    if isinstance(error, LibraryError):
        return str(error)
    try:

        return describe_storage_error(error)
    except Exception:
        return f"{type(error).__name__}: {error}"


def start(
    name: str,
    fn: Callable[[TaskState], Any],
    parent: QObject,
    *,
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[str, str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Queue ``fn`` on the pool; callbacks run in the GUI thread."""
    task = Task(name, fn, parent)
    if on_done is not None:
        task.signals.finished.connect(on_done)
    if on_failed is not None:
        task.signals.failed.connect(on_failed)
    if on_progress is not None:
        task.signals.progressed.connect(on_progress)
    # Connected last, so it runs after the callbacks: the signals object goes with its task.
    task.signals.finished.connect(task.signals.deleteLater)
    task.signals.failed.connect(task.signals.deleteLater)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
