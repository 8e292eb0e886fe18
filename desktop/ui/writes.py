"""The window's writes: every operation, and every undo and redo, on the one writer thread.

The window's own connection only reads (``Library.refuse_writes``): a write left on the GUI
thread fails loudly instead of waiting up to the busy timeout behind an import or a relink
while the window freezes. ``Writer`` queues each change behind the imports and re-analyses
already on that thread, runs it in one transaction on the thread's own connection (opened once:
opening checks the whole file), and tells the window what it changed when it is stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db.library import Library
from desktop.timeline.happening_store import refresh_happenings
from desktop.ui import workers
from desktop.ui.changes import Changed
from desktop.ui.models import people as people_model
from desktop.ui.operations.operation import Change, Operation

_thread = threading.local()

#: Dates grouped again per step: a window closed meanwhile waits for one step, not for all.
GROUP_STEP = 200


def writer_library(path: Path) -> Library:
    """The writer thread's connection to ``path`` (one per thread: SQLite's rule)."""
    library: Library | None = getattr(_thread, "library", None)
    if library is None or library.path != path:
        if library is not None:
            library.close()
        library = _thread.library = Library(path)
    return library


def close_writer_library(_state: Any = None) -> None:
    """Close the writer thread's connection (the window closed); run on the writer thread."""
    library: Library | None = getattr(_thread, "library", None)
    if library is not None:
        _thread.library = None
        library.close()


class Writer(QObject):
    """Runs the window's changes in order on the writer thread; results come back queued."""

    #: A change is stored: what it changed, and the people read afresh when it changed them.
    written = Signal(object, object)  # Changed, list[dict] | None
    #: A change was refused and nothing was stored: the one-line reason, and what it was to change.
    refused = Signal(str, object)  # message, Changed

    def __init__(self, library_path: Path, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library_path = library_path
        self.undo_stack = undo_stack
        self.pending = 0  # changes queued or running; 0 once every one is stored and shown
        self._queued: list[workers.Task] = []

    def make(self, operation: Operation, on_made: Callable[[], None] | None = None) -> None:
        """Do ``operation``; once stored, push it for Ctrl+Z (a refused one is not pushed)."""

        def made() -> None:
            if operation.undo is not None:
                self.undo_stack.push(WrittenCommand(operation, self))
            if on_made is not None:
                on_made()

        self.run(operation.text, operation.do, operation.changed, on_done=made)

    def run(self, what: str, change: Change, changed: Changed, *, on_done: Callable[[], None] | None = None,
            on_failed: Callable[[], None] | None = None) -> workers.Task:
        """``change(library)`` in one transaction on the writer thread, then the people read there
        too if it changed them; the happenings of the dates it touched are clustered again there
        (a change to nothing, ``Changed(0)``, just does that); ``written`` or ``refused`` tell the
        window."""
        path = self.library_path
        self.pending += 1

        def write(state: workers.TaskState) -> tuple[list[dict[str, Any]] | None, int]:
            library = writer_library(path)
            with library.transaction():
                change(library)
            redone = 0  # the window's reads never group happenings: here, in steps
            while not state.cancelled and (step := refresh_happenings(library, most=GROUP_STEP)):
                redone += step
            return (people_model.read_people(library) if Changed.PEOPLE in changed else None), redone

        def done(result: tuple[list[dict[str, Any]] | None, int]) -> None:
            people, redone = result
            self._forget(task)
            self.pending -= 1
            if on_done is not None:
                on_done()
            self.written.emit(changed | Changed.TIMELINE if redone else changed, people)

        def failed(message: str, _details: str) -> None:
            self._forget(task)
            self.pending -= 1
            if on_failed is not None:
                on_failed()
            self.refused.emit(f"{what} failed: {message}", changed)

        task = workers.start(what, write, self, on_done=done, on_failed=failed, pool=workers.writer_pool())
        self._queued.append(task)
        return task

    def _forget(self, task: workers.Task) -> None:
        self._queued = [t for t in self._queued if t is not task]

    def close(self) -> None:
        """The window closes: queued changes are still made, but the grouping of happenings
        after them stops at its next step (the next session goes on); then the writer's
        connection is closed."""
        for task in self._queued:
            task.state.cancel()
        workers.start("Closing the writer", close_writer_library, self, pool=workers.writer_pool())


class WrittenCommand(QUndoCommand):
    """An operation on the undo stack; its undo and redo run on the writer thread too.

    It is pushed once the operation is stored, so the push's first ``redo`` does nothing. An
    undo or redo the library refuses changes nothing, says why (``Writer.refused``) and takes
    the step off the stack, so the other half cannot be applied a second time.
    """

    def __init__(self, operation: Operation, writer: Writer) -> None:
        super().__init__(operation.text)
        self.operation, self.writer = operation, writer
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.writer.run(self.text(), self.operation.do, self.operation.changed,
                        on_failed=lambda: self._drop(done=True))

    def undo(self) -> None:
        assert self.operation.undo is not None
        text = self.text()
        self.writer.run(f"Undo {text[:1].lower()}{text[1:]}", self.operation.undo, self.operation.changed,
                        on_failed=lambda: self._drop(done=False))

    def _drop(self, *, done: bool) -> None:
        """The step failed: obsolete, so the stack deletes it (now, if it is the next one)."""
        self.setObsolete(True)
        stack = self.writer.undo_stack
        if done and stack.index() > 0 and stack.command(stack.index() - 1) is self:
            stack.undo()  # skipped for an obsolete step, which the stack deletes
        elif not done and stack.index() < stack.count() and stack.command(stack.index()) is self:
            stack.redo()
