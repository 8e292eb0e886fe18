"""Paged reads for the window's lazy models (ids first, then rows by id).

``db.Library`` lists whole tables; a window over 50,000 articles needs the ids in order and
then one page of rows at a time. This is a thin read-only adapter over the library's own
tables (no Qt, no writes); it belongs in ``db`` once the library grows a paged API.
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


def timeline_keys(library: Library, filters: Any) -> list[TimelineKey]:
    """Every event matching ``filters`` (extracted and hand-made), in date order."""
    from desktop.timeline.filters import event_where, manual_where

    where, params = event_where(filters)
    sql = (
        "SELECT e.id, COALESCE(c.date_sort, e.date_sort) AS date_sort FROM events e"
        " LEFT JOIN event_corrections c ON c.article_id = e.article_id AND c.event_key = e.key"
        f" WHERE {where} ORDER BY date_sort, e.article_id, e.start"
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
