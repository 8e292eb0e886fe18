"""The stamp of the rules that made the stored derived rows, and their renewal when it differs.

Happenings, timeline entries, brief rows, events' and articles' words and the brief's kept
reads are made from the analysed rows by Clipline's own rules and kept until something they
read changes. A newer Clipline with other rules would otherwise go on showing what the older
rules made until the library changed. Renewal marks every date to be clustered again and
drops the words and kept reads; the next refresh rebuilds them. The reporter's own rows
(hides, pins, edits, "not this story" marks, manual events) are kept: they live on the events
and articles.
"""

from __future__ import annotations

from sqlite_utils import Database

from db.happenings import mark_all_dirty


def stored_rules(db: Database) -> str | None:
    """The rules stamp of the derived rows; None when they were made before stamps were kept
    (or the library has no table for them yet: not migrated, opened only to read)."""
    return _stamp(db) if db["derived_rules"].exists() else None


def renew_derived(db: Database, rules: str) -> bool:
    """When the derived rows were made by rules other than ``rules``, set them all to be made
    again and record ``rules`` (one transaction); returns whether it did."""
    if not db["derived_rules"].exists() or _stamp(db) == rules:
        return False
    with db.atomic():
        mark_all_dirty(db)  # every happening clustered and rendered again
        db.execute("DELETE FROM event_words")
        db.execute("DELETE FROM article_words")
        db.execute("DELETE FROM brief_cache")
        db.execute("INSERT OR REPLACE INTO derived_rules (id, rules) VALUES (1, ?)", [rules])
    return True


def _stamp(db: Database) -> str | None:
    row = db.execute("SELECT rules FROM derived_rules WHERE id = 1").fetchone()
    return row[0] if row else None
