"""Paged reads for the window's lazy models: ids first, then rows by id.

``db.Library`` lists whole tables and ``build_timeline`` builds whole timelines; a window
over 50,000 articles and 200,000 events needs the ids in order and then one page of rows at a
time. This is a thin read-only adapter (no Qt, no writes, no SQL): the timeline through the
timeline package's public paging API (``event_keys``, ``person_event_keys``, ``timeline_page``),
the articles through ``db.article_pages``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from db import article_pages as stored_pages
from db.article_pages import ArticleOrder
from db.library import Library
from desktop.timeline import query


def article_ids(library: Library, *, order_by: ArticleOrder = "published", tag: str | None = None) -> list[int]:
    """Every article id in list order, newest first (one cheap indexed query)."""
    return stored_pages.article_ids(library.db, order_by=order_by, tag=tag)


def article_rows(library: Library, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Article summaries (no text) for ``ids``, keyed by id."""
    return stored_pages.article_rows(library.db, ids)


# -- the timeline ---------------------------------------------------------------------------


class TimelinePages:
    """The events matching ``filters`` (and ``person``, matched exactly by id or name), in
    date order, read a page at a time.

    The keys of every matching extracted event come first (one indexed query, ~0.1 s for
    200,000), the few hand-made events are read whole and slotted in by date; ``next_page``
    then reads and merges one page, never splitting a date, with date conflicts checked
    against the days around it (``query.timeline_page``).
    """

    def __init__(self, library: Library, filters: Any, person: int | str | None = None) -> None:
        self.library, self.filters = library, filters
        query.refresh_happenings(library)  # the keys' dates clustered before counting
        self.person = person if person not in (None, "") else (filters.person or None)
        if self.person is not None:
            self.keys = query.person_event_keys(library, self.person, filters)
            manual = query.person_manual_events(library, self.person, filters)
        else:
            self.keys = query.event_keys(library, filters)
            manual = query.manual_events(library, filters)
        self.manual = sorted(manual, key=lambda e: e.sort_key)
        # Happenings, as the command line's ``timeline`` counts them (hand-made ones apart).
        self.total = query.count_happenings(library, [k[0] for k in self.keys]) + len(self.manual)
        self.position = 0
        self.read = 0

    @property
    def done(self) -> bool:
        return self.position >= len(self.keys) and not self.manual

    def next_page(self, size: int) -> list[Any]:
        """``TimelineEvent``s for at least ``size`` events (unless the end comes first),
        merged; a date is never split between pages."""
        keys = self.keys
        end = min(self.position + size, len(keys))
        while 0 < end < len(keys) and keys[end][1] == keys[end - 1][1]:
            end += 1
        ids = [key[0] for key in keys[self.position : end]]
        self.position = end
        if end >= len(keys):
            manual, self.manual = self.manual, []
        else:
            last = keys[end - 1][1]
            manual = [e for e in self.manual if e.sort_key <= last]
            self.manual = self.manual[len(manual) :]
        self.read += len(ids) + len(manual)
        if not ids and not manual:
            return []
        return query.timeline_page(self.library, ids, manual, self.filters, person=self.person)
