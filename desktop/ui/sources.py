"""The core's analysis reads the window uses, reached lazily.

People, dates and the timeline are written by other parts of Clipline; the window imports
them on use so it still opens (showing what there is) on a library without those tables.
No Qt here.
"""

from __future__ import annotations

import logging
from typing import Any

from db.library import Library

log = logging.getLogger(__name__)


def _has_table(library: Library, name: str) -> bool:
    return library.db[name].exists()


def timexes_in_article(library: Library, article_id: int) -> list[dict[str, Any]]:
    if not _has_table(library, "timexes"):
        return []
    from db.timexes import timexes_in_article as read

    return read(library.db, article_id)


def mentions_in_article(library: Library, article_id: int) -> list[dict[str, Any]]:
    try:
        from desktop.people import mentions_in_article as read
    except ImportError:
        return []
    if not _has_table(library, "mentions"):
        return []
    return [dict(m) if not isinstance(m, dict) else m for m in read(library.db, article_id)]
