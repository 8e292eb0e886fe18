"""Undoable edits: each is a ``QUndoCommand`` calling the core, then refreshing the window.

Delete an article (``Library.delete_article``/``restore_article``), people corrections (each
returns a rule id; ``undo_correction`` takes it back; run on the writer thread) and timeline
corrections.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from db.library import Library


class DeleteArticle(QUndoCommand):
    def __init__(self, library: Library, article_id: int, title: str, refresh: Callable[[], None]) -> None:
        super().__init__(f"Delete “{title[:40]}”")
        self.library, self.article_id, self.refresh = library, article_id, refresh
        self.deleted: Any = None

    def redo(self) -> None:
        self.deleted = self.library.delete_article(self.article_id)
        self.refresh()

    def undo(self) -> None:
        if self.deleted is not None:
            self.library.restore_article(self.deleted)
            self.deleted = None
        self.refresh()


class PeopleCorrection(QUndoCommand):
    """One people correction: ``apply(db) -> rule id``; undo drops that rule.

    Both rebuild people across the library (``relink_all`` takes a moment at 50,000 articles),
    so they run through ``run(text, fn)``, which queues ``fn(db)`` on the writer thread and
    refreshes the window when it is done. The window applies the correction first and pushes
    the command with its ``rule_id`` once it succeeded, so the first ``redo`` does nothing.
    """

    def __init__(self, text: str, apply: Callable[[Any], int], run: Callable[[str, Callable[[Any], Any]], None],
                 rule_id: int | None = None) -> None:
        super().__init__(text)
        self.apply, self.run = apply, run
        # Read and written by the functions on the writer thread, which runs them in order.
        self.rule: dict[str, int | None] = {"id": rule_id}
        self._applied = rule_id is not None

    @property
    def rule_id(self) -> int | None:
        return self.rule["id"]

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.run(self.text(), self._redo)

    def undo(self) -> None:
        self.run(f"Undo {self.text()}", self._undo)

    def _redo(self, db: Any) -> None:
        self.rule["id"] = self.apply(db)

    def _undo(self, db: Any) -> None:
        from desktop.people import undo_correction

        rule_id, self.rule["id"] = self.rule["id"], None
        if rule_id is not None:
            undo_correction(db, rule_id)


class EventCorrection(QUndoCommand):
    """A timeline correction given as two plain functions of the database: do and undo.

    Each runs in one transaction. One that fails (the disk is full, the library is locked, an
    event was deleted meanwhile) changes nothing, says why through ``report`` and leaves the
    undo stack, so a later redo cannot apply the other half a second time.
    """

    def __init__(self, text: str, library: Library, do: Callable[[Any], Any], undo: Callable[[Any], Any],
                 refresh: Callable[[], None], report: Callable[[str], None] | None = None) -> None:
        super().__init__(text)
        self.library, self._do, self._undo, self.refresh = library, do, undo, refresh
        self.report = report
        self.error = ""

    def redo(self) -> None:
        self._run(self._do, self.text())

    def undo(self) -> None:
        self._run(self._undo, f"Undo {self.text().lower()}")

    def _run(self, change: Callable[[Any], Any], what: str) -> None:
        try:
            with self.library.transaction() as db:
                change(db)
        except Exception as error:
            self.error = f"{what} failed: {error}"
            self.setObsolete(True)
            if self.report is not None:
                self.report(self.error)
            return
        self.refresh()
