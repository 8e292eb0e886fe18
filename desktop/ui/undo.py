"""Undoable edits: each is a ``QUndoCommand`` calling the core, then refreshing the window.

Delete an article (``Library.delete_article``/``restore_article``), people corrections (each
returns a rule id; ``undo_correction`` takes it back) and timeline corrections.
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
    """One people correction: ``apply(db) -> rule id``; undo drops that rule."""

    def __init__(self, text: str, library: Library, apply: Callable[[Any], int], refresh: Callable[[], None]) -> None:
        super().__init__(text)
        self.library, self.apply, self.refresh = library, apply, refresh
        self.rule_id: int | None = None
        self.error = ""

    def redo(self) -> None:
        try:
            self.rule_id = self.apply(self.library.db)
        except Exception as error:  # PeopleError and storage errors: told, not swallowed
            self.error = str(error)
            self.setObsolete(True)  # the stack drops a command that did nothing
            return
        self.refresh()

    def undo(self) -> None:
        from db.people import undo_correction

        if self.rule_id is not None:
            undo_correction(self.library.db, self.rule_id)
            self.rule_id = None
        self.refresh()


class EventCorrection(QUndoCommand):
    """A timeline correction given as two plain functions of the database: do and undo."""

    def __init__(self, text: str, library: Library, do: Callable[[Any], Any], undo: Callable[[Any], Any],
                 refresh: Callable[[], None]) -> None:
        super().__init__(text)
        self.library, self._do, self._undo, self.refresh = library, do, undo, refresh
        self.error = ""

    def redo(self) -> None:
        try:
            with self.library.transaction() as db:
                self._do(db)
        except Exception as error:
            self.error = str(error)
            self.setObsolete(True)
            return
        self.refresh()

    def undo(self) -> None:
        with self.library.transaction() as db:
            self._undo(db)
        self.refresh()
