"""Article actions: delete (undoable) and tag, each saying which views it changed."""

from __future__ import annotations

from collections.abc import Callable

from db.library import Library
from desktop.ui.changes import Changed
from desktop.ui.undo import DeleteArticle


def delete(library: Library, article_id: int, refresh: Callable[[], None]) -> tuple[str, DeleteArticle]:
    """The undoable deletion of an article and everything derived from it; its title."""
    article = library.article(article_id)
    title = (article or {}).get("title") or f"#{article_id}"
    return title, DeleteArticle(library, article_id, title, refresh)


def tag(library: Library, article_id: int, name: str) -> Changed:
    """File an article under a story; a tag changes the list, the story choices and which
    events a tag filter shows, never a person."""
    library.tag_article(article_id, name.strip())
    return Changed.ARTICLES | Changed.TAGS | Changed.TIMELINE
