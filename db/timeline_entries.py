"""The unfiltered timeline, ready to show: one stored ``timeline --json`` entry per happening.

``desktop.timeline.entries`` renders a happening's entry once it is stored (at the next read
of the whole timeline, or ``clipline happenings``), and again when triggers note (in
``timeline_stale``, by article) that something it shows changed without the happening being
clustered again: a report hidden, pinned or edited, a person renamed or merged, an article
retitled, a "not this story" mark. Each row holds the entry as
the default timeline shows it (``shown``: NULL when every report is hidden or set aside) and,
when it differs, as ``timeline --hidden`` shows it (``every``), the few fields the date
conflict check compares (``compare_*``, NULL for an entry not dated to a day) and the dates
it conflicts with (``conflicts_*``). Reading the whole timeline is then one indexed scan.
Plain rows in, plain rows out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from db import per_happening
from db.happenings import OFF_STORY_SQL
from db.timeline import Where

#: Ids per ``IN (...)`` (SQLite's default limit on parameters is 999).
CHUNK = 900


@dataclass(frozen=True)
class Entry:
    """One happening's stored entry (see the module docstring for the columns)."""

    happening_id: int
    sort_key: str
    published: str
    entry_id: str
    hidden: bool
    date_sort: str
    first_event: int
    shown: str | None
    every: str | None
    compare_shown: str | None
    compare_every: str | None


def _marks(ids: Sequence[object]) -> str:
    return ",".join("?" * len(ids))


def has_entries_table(db: Database) -> bool:
    return per_happening.has_table(db, "timeline_entries")


def happenings_to_render(db: Database) -> list[int]:
    return per_happening.happenings_to_refresh(db, "timeline_entries", "timeline_stale")


def all_rendered(db: Database) -> bool:
    return per_happening.all_fresh(db, "timeline_entries", "timeline_stale")


def nothing_changed(db: Database) -> bool:
    """No clip, event or anything an entry shows changed since the entries were rendered:
    no refresh is needed (``happening_store.refresh_happenings``)."""
    if db.execute("SELECT 1 FROM furniture_dirty LIMIT 1").fetchone():
        return False
    return is_current(db)


def has_manual_events(db: Database) -> bool:
    return db.execute("SELECT 1 FROM manual_events LIMIT 1").fetchone() is not None


def is_current(db: Database) -> bool:
    """Every event clustered and every happening's entry rendered since anything changed."""
    if db.execute("SELECT 1 FROM happening_dirty LIMIT 1").fetchone():
        return False
    return all_rendered(db)


def member_rows_sql(where: str) -> str:
    """The ``events`` clause picking the (not set aside) reports of the happenings ``where``
    selects from ``happening_events``, for ``db.timeline.EVENT_SQL``."""
    return f"{OFF_STORY_SQL} AND e.id IN (SELECT event_id FROM happening_events WHERE {where})"


def write_entries(db: Database, entries: Iterable[Entry]) -> None:
    """Store these entries (their conflicts to be found again); in the caller's transaction."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO timeline_entries (happening_id, sort_key, published, entry_id, hidden,"
        " date_sort, first_event, shown, every, compare_shown, compare_every, conflicts_shown,"
        " conflicts_every) VALUES (?,?,?,?,?,?,?,?,?,?,?,NULL,NULL)",
        [(e.happening_id, e.sort_key, e.published, e.entry_id, int(e.hidden), e.date_sort, e.first_event,
          e.shown, e.every, e.compare_shown, e.compare_every) for e in entries],
    )


def forget_stale(db: Database) -> None:
    """Entries of happenings no longer stored, and the stale marks (all rendered again)."""
    db.execute("DELETE FROM timeline_entries WHERE happening_id NOT IN (SELECT id FROM happenings)")
    db.execute("DELETE FROM timeline_stale")


def _within(where: Where | None) -> tuple[str, str, list[object]]:
    """The join and clause keeping the entries whose happening's reports match ``where`` (a
    clause over ``events e`` on dates only: a happening's reports share their date)."""
    if where is None:
        return "", "", []
    return " JOIN events e ON e.id = t.first_event", f" AND {where[0]}", list(where[1])


def compared(db: Database, every: bool, where: Where | None = None) -> list[tuple[int, str, str | None, str | None]]:
    """(happening id, compared fields, its conflicts as stored, its entry) of every entry dated
    to a day on the timeline (``every``: with the hidden ones; ``where``: on these dates), in
    the order the timeline groups them: happenings with a shown report first, each by its
    first report."""
    join, clause, params = _within(where)
    if every:  # an entry with no ``every`` of its own shows its ``shown`` conflicts there
        sql = ("SELECT t.happening_id, COALESCE(t.compare_every, t.compare_shown),"
               " CASE WHEN t.every IS NULL THEN t.conflicts_shown ELSE t.conflicts_every END,"
               f" COALESCE(t.every, t.shown) FROM timeline_entries t{join}"
               " WHERE COALESCE(t.every, t.shown) IS NOT NULL"
               " AND COALESCE(t.compare_every, t.compare_shown) IS NOT NULL")
    else:
        sql = (f"SELECT t.happening_id, t.compare_shown, t.conflicts_shown, t.shown FROM timeline_entries t{join}"
               " WHERE t.shown IS NOT NULL AND t.compare_shown IS NOT NULL")
    sql += f"{clause} ORDER BY t.hidden, t.date_sort, t.first_event"
    return [(r[0], r[1], r[2], r[3]) for r in db.execute(sql, params)]


def write_conflicts(db: Database, every: bool, changed: Iterable[tuple[int, str | None, str]]) -> None:
    """(happening id, its conflicting dates as JSON or NULL, its entry with them)."""
    if every:
        sql = "UPDATE timeline_entries SET conflicts_every = ?, every = ? WHERE happening_id = ?"
    else:
        sql = "UPDATE timeline_entries SET conflicts_shown = ?, shown = ? WHERE happening_id = ?"
    db.conn.executemany(sql, [(conflicts, entry, happening) for happening, conflicts, entry in changed])
    if every:  # no longer shown otherwise with the hidden reports
        db.execute("UPDATE timeline_entries SET every = NULL, conflicts_every = NULL, compare_every = NULL"
                   " WHERE every = shown")


def hides_any(db: Database) -> bool:
    """Whether any entry shows otherwise with its hidden reports (``every``): if none, the
    timeline with the hidden ones is the timeline, conflicts and all."""
    return db.execute("SELECT 1 FROM timeline_entries WHERE every IS NOT NULL LIMIT 1").fetchone() is not None


def entry_lines(db: Database, every: bool, where: Where | None = None) -> Iterator[tuple[str, str, str, str, int]]:
    """(sort key, first report's publication, entry id, entry JSON, happening id) of the
    timeline (``where``: on these dates), in order."""
    join, clause, params = _within(where)
    column = "COALESCE(t.every, t.shown)" if every else "t.shown"
    cursor = db.execute(
        f"SELECT t.sort_key, t.published, t.entry_id, {column}, t.happening_id FROM timeline_entries t{join}"
        f" WHERE {column} IS NOT NULL{clause} ORDER BY t.sort_key, t.published, t.entry_id",
        params,
    )
    while True:
        rows = cursor.fetchmany(2000)
        if not rows:
            return
        yield from rows


__all__ = ["CHUNK", "Entry", "compared", "entry_lines", "forget_stale", "happenings_to_render",
           "all_rendered", "has_entries_table", "has_manual_events", "hides_any", "is_current",
           "nothing_changed", "member_rows_sql", "write_conflicts", "write_entries"]
