"""Rows kept per stored happening (timeline entries, brief rows), each table refreshed by the
articles marked in its own stale table: which happenings need their row again, and whether
none does. Shared by db/timeline_entries.py and db/happening_briefs.py."""

from __future__ import annotations

from sqlite_utils import Database


def has_table(db: Database, table: str) -> bool:
    return db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone() is not None


def happenings_to_refresh(db: Database, table: str, stale: str) -> list[int]:
    """Stored happenings with no row in *table*, or reported by an article in *stale*.

    A happening's row goes with it (a trigger), so the happenings without one number as
    many as the happenings less the rows; those stored after the newest row have none, and
    when they are that many they are all of them (each row was written for every happening
    then stored: newer ones are numbered after it). Else every happening is looked up."""
    newest = db.execute(f"SELECT max(happening_id) FROM {table}").fetchone()[0]
    rowless = (db.execute("SELECT count(*) FROM happenings").fetchone()[0]
               - db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    newer = [r[0] for r in db.execute("SELECT id FROM happenings WHERE id > ?", [newest if newest is not None else -1])]
    if len(newer) == rowless and (newest is None or db.execute(
            "SELECT 1 FROM happenings WHERE id = ?", [newest]).fetchone()):
        missing = set(newer)
    else:
        missing = {r[0] for r in db.execute(
            f"SELECT h.id FROM happenings h WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.happening_id = h.id)")}
    # From the few stale articles to their happenings (CROSS JOIN keeps that order: SQLite
    # otherwise walked every happening's events in order to meet them).
    stale_ones = {r[0] for r in db.execute(
        f"SELECT he.happening_id FROM {stale} s CROSS JOIN events e ON e.article_id = s.article_id"
        " CROSS JOIN happening_events he ON he.event_id = e.id")}
    return sorted(missing | stale_ones)


def all_fresh(db: Database, table: str, stale: str) -> bool:
    """Every stored happening has its row in *table* and no article is in *stale*. (A row
    goes with its happening, by a trigger: equal counts mean every happening has one.)"""
    if db.execute(f"SELECT 1 FROM {stale} LIMIT 1").fetchone():
        return False
    happenings = db.execute("SELECT count(*) FROM happenings").fetchone()[0]
    rows = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return bool(happenings == rows)
