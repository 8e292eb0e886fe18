"""Paged reads for the window's lazy models: ids first, then rows by id.

``db.Library`` lists whole tables and ``desktop.timeline.query`` builds whole timelines; a
window over 50,000 articles and 200,000 events needs the ids in order and then one page of
rows at a time. This is a thin read-only adapter over the core's own tables and filters (no
Qt, no writes). It uses ``desktop.timeline.query``'s ``_EVENT_SQL`` and ``_people_of`` so an
event reads exactly as in ``build_timeline``; both belong behind a public "events by id" in
the timeline package, and the article reads in ``db`` once the library grows a paged API.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from db.library import ARTICLE_LIST_COLUMNS, Library

ArticleOrder = Literal["published", "clipped"]


def article_ids(library: Library, *, order_by: ArticleOrder = "published", tag: str | None = None) -> list[int]:
    """Every article id in list order, newest first (one cheap indexed query)."""
    order = "published DESC, id DESC" if order_by == "published" else "clipped_at DESC, id DESC"
    if tag:
        sql = (
            "SELECT id FROM articles WHERE id IN (SELECT article_id FROM article_tags"
            f" JOIN tags ON tags.id = tag_id WHERE tags.name = ?) ORDER BY {order}"
        )
        return [r[0] for r in library.db.execute(sql, [tag])]
    return [r[0] for r in library.db.execute(f"SELECT id FROM articles ORDER BY {order}")]


def article_rows(library: Library, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Article summaries (no text) for ``ids``, keyed by id."""
    rows: dict[int, dict[str, Any]] = {}
    for offset in range(0, len(ids), 500):
        chunk = list(ids[offset : offset + 500])
        sql = f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
        cursor = library.db.execute(sql, chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            rows[row["id"]] = row
    return rows


# -- the timeline ---------------------------------------------------------------------------

#: One timeline entry before it is read: ("e", event id, sort key) or ("m", manual id, sort key).
TimelineKey = tuple[str, int, str]


_JOIN = "LEFT JOIN event_corrections c ON c.article_id = e.article_id AND c.event_key = e.key"


class TimelineCursor:
    """The keys of the events matching ``filters``, in date order, read a page at a time.

    Unfiltered, extracted events stream from the ``date_sort`` index (keyset paging: no sort
    of the whole table, no OFFSET); the few whose date the reporter corrected, and hand-made
    events, are read up front and merged in at their place. Filtered, SQLite narrows first
    (the filters are indexed) and the matching keys are sorted at once: that is the fast way
    round when a person or a word leaves a few thousand events of 200,000.
    """

    def __init__(self, library: Library, filters: Any) -> None:
        from desktop.timeline.filters import event_where, manual_where

        self.library = library
        self.where, self.params = event_where(filters)
        self.keys: list[TimelineKey] | None = None
        if not filters.is_empty():
            self.keys = timeline_keys(library, filters)
            self.position = 0
            self.extra_total = 0
            self.read = 0
            return
        moved = [("e", r[0], r[1]) for r in library.db.execute(
            f"SELECT e.id, c.date_sort FROM events e {_JOIN} WHERE ({self.where}) AND c.date_sort IS NOT NULL",
            self.params)]
        where, params = manual_where(filters)
        manual = [("m", r[0], r[1]) for r in library.db.execute(
            f"SELECT m.id, m.date_sort FROM manual_events m WHERE {where}", params)]
        self.extra: list[TimelineKey] = sorted(moved + manual, key=lambda k: (k[2], k[0], k[1]))
        self.extra_total = len(self.extra)
        self.after: tuple[str, int] = ("", 0)
        self.streamed_all = False
        self.read = 0

    @property
    def done(self) -> bool:
        if self.keys is not None:
            return self.position >= len(self.keys)
        return self.streamed_all and not self.extra

    def _next_sorted(self, size: int) -> list[TimelineKey]:
        assert self.keys is not None
        end = min(self.position + size, len(self.keys))
        while end < len(self.keys) and self.keys[end][2] == self.keys[end - 1][2]:
            end += 1
        page = self.keys[self.position : end]
        self.position = end
        self.read += len(page)
        return page

    def _stream(self, sql_tail: str, params: list[Any]) -> list[tuple[int, str]]:
        sql = (f"SELECT e.id, e.date_sort FROM events e {_JOIN} WHERE ({self.where})"
               f" AND c.date_sort IS NULL AND {sql_tail}")
        return [(r[0], r[1]) for r in self.library.db.execute(sql, [*self.params, *params])]

    def next_page(self, size: int) -> list[TimelineKey]:
        """At least ``size`` keys (unless the end comes first), never splitting one date."""
        if self.keys is not None:
            return self._next_sorted(size)
        rows: list[tuple[int, str]] = []
        if not self.streamed_all:
            sort, last_id = self.after
            rows = self._stream("(e.date_sort > ? OR (e.date_sort = ? AND e.id > ?))"
                                " ORDER BY e.date_sort, e.id LIMIT ?", [sort, sort, last_id, size])
            if len(rows) < size:
                self.streamed_all = True
            elif rows:
                last_sort, last_id = rows[-1][1], rows[-1][0]
                rows += self._stream("e.date_sort = ? AND e.id > ? ORDER BY e.id", [last_sort, last_id])
            if rows:
                self.after = (rows[-1][1], rows[-1][0])
        keys: list[TimelineKey] = [("e", i, sort) for i, sort in rows]
        if self.streamed_all:
            keys += self.extra
            self.extra = []
        elif self.extra:
            limit = self.after[0]
            take = [k for k in self.extra if k[2] <= limit]
            self.extra = self.extra[len(take):]
            keys += take
        keys.sort(key=lambda k: k[2])  # stable: streamed order kept within a date
        self.read += len(keys)
        return keys

    def count(self) -> int:
        """How many events match (a full count: the window asks for it off the GUI thread)."""
        if self.keys is not None:
            return len(self.keys)
        streamed = self.library.db.execute(
            f"SELECT count(*) FROM events e {_JOIN} WHERE ({self.where}) AND c.date_sort IS NULL",
            self.params).fetchone()[0]
        return int(streamed) + self.extra_total


def timeline_keys(library: Library, filters: Any) -> list[TimelineKey]:
    """Every event matching ``filters`` (extracted and hand-made), in date order."""
    from desktop.timeline.filters import event_where, manual_where

    where, params = event_where(filters)
    sql = (
        f"SELECT e.id, COALESCE(c.date_sort, e.date_sort) AS date_sort FROM events e {_JOIN}"
        f" WHERE {where} ORDER BY date_sort, e.id"
    )
    keys: list[TimelineKey] = [("e", r[0], r[1]) for r in library.db.execute(sql, params)]
    where, params = manual_where(filters)
    manual = [("m", r[0], r[1]) for r in library.db.execute(
        f"SELECT m.id, m.date_sort FROM manual_events m WHERE {where}", params)]
    if manual:
        keys.extend(manual)
        keys.sort(key=lambda k: k[2])  # stable: extracted events keep their order
    return keys


def timeline_events(library: Library, keys: Sequence[TimelineKey], filters: Any) -> list[Any]:
    """``TimelineEvent``s for ``keys`` (corrections applied), merged where they report the
    same happening (``desktop.timeline.merge``), in date order."""
    from desktop.timeline.merge import merge_events
    from desktop.timeline.query import _EVENT_SQL, _people_of, manual_events
    from desktop.timeline.timeline_event import Source, TimelineEvent

    event_ids = [k[1] for k in keys if k[0] == "e"]
    manual_ids = {k[1] for k in keys if k[0] == "m"}
    rows: list[dict[str, Any]] = []
    for offset in range(0, len(event_ids), 500):
        chunk = event_ids[offset : offset + 500]
        sql = _EVENT_SQL.format(where=f"e.id IN ({','.join('?' * len(chunk))})")
        cursor = library.db.execute(sql, chunk)
        names = [d[0] for d in cursor.description]
        rows.extend(dict(zip(names, values, strict=True)) for values in cursor)
    people = _people_of(library.db, rows)
    events = [
        TimelineEvent(
            f"e{r['id']}", r["date"], r["precision"], r["text"], people.get(r["id"], []),
            bool(r["planned"]),
            [Source(r["article_id"], r["title"] or "", r["url"], r["published"], r["outlet"],
                    r["text"], r["id"], r["key"], r["start"], r["end"])],
            pinned=bool(r["pinned"]), corrected=bool(r["corrected"]),
        )
        for r in rows
    ]
    if manual_ids:
        events.extend(e for e in manual_events(library.db, filters) if int(e.id[1:]) in manual_ids)
    return merge_events(events)
