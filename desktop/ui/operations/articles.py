"""Article operations: delete (undoable, everything derived from the article goes with it) and
tag (undoable: a tag the article already had stays)."""

from __future__ import annotations

from typing import Any

from db.library import DeletedArticle, Library
from desktop.ui.changes import Changed
from desktop.ui.operations.operation import Operation


def delete(article_id: int, title: str) -> Operation:
    """Delete an article; undo puts it back with every row derived from it, as it was."""
    deleted: list[DeletedArticle] = []

    def do(library: Library) -> None:
        gone = library.delete_article(article_id)
        deleted[:] = [gone] if gone is not None else []

    def undo(library: Library) -> None:
        if deleted:
            library.restore_article(deleted.pop())

    return Operation(f"Delete “{title[:40]}”", do, undo, Changed.EVERYTHING,
                     f"Deleted “{title}” — Ctrl+Z to undo")


def tag(article_id: int, name: str) -> Operation:
    """File an article under a story; a tag changes the list, the story choices and which
    events a tag filter shows, never a person."""
    story = name.strip()
    had: dict[str, Any] = {}

    def do(library: Library) -> None:
        had["tag"] = story in library.article_tags(article_id)
        library.tag_article(article_id, story)

    def undo(library: Library) -> None:
        if not had.get("tag", True):
            library.untag_article(article_id, story)

    return Operation(f"Tag as “{story[:40]}”", do, undo, Changed.ARTICLES | Changed.TAGS | Changed.TIMELINE)
