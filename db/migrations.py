"""The library's schema, as named migration steps applied in order at open.

Each step is a function of the database; sqlite-utils ``Migrations`` records which ran in
``_sqlite_migrations``. Later parts of Clipline add their own steps at the end of this file
(never edit an applied one): the order here is the order on every user's disk.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "clipline"
migrations = Migrations(MIGRATION_SET)


def known_names() -> set[str]:
    """Names of every step this version of Clipline knows (a library with others is newer)."""
    return {m.name for m in migrations._migrations}


@migrations(name="0001_articles")
def articles(db: Database) -> None:
    db["articles"].create(
        {
            "id": int,
            "title": str,
            "url": str,
            "outlet": str,
            "author": str,
            "language": str,
            "published": str,  # ISO date or datetime
            "published_precision": str,  # minute | day | month | year | none
            "published_source": str,  # user | metadata | dateline | url | file | jsonl | none
            "clipped_at": str,  # ISO datetime, UTC
            "text": str,  # cleaned text: what analysis, search and the reader use
            "original": str,  # the input as received (decoded), never altered
            "original_type": str,  # text | html | pdf | jsonl
            "sha256": str,  # of the original
            "source_path": str,
            "notes": str,
        },
        pk="id",
        not_null={"text", "original", "sha256", "clipped_at"},
        defaults={"notes": "", "published_precision": "none", "published_source": "none"},
    )
    db["articles"].create_index(["sha256"], unique=True)
    db["articles"].create_index(["url"])
    db["articles"].create_index(["published"])


@migrations(name="0002_tags")
def tags(db: Database) -> None:
    db["tags"].create({"id": int, "name": str}, pk="id", not_null={"name"})
    db["tags"].create_index(["name"], unique=True)
    # Plain SQL where sqlite-utils has no words for it: ON DELETE CASCADE, so deleting an
    # article takes its rows in child tables with it. Later child tables do the same.
    db.execute(
        """
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, tag_id)
        )
        """
    )
    db["article_tags"].create_index(["tag_id"])


@migrations(name="0003_articles_fts")
def articles_fts(db: Database) -> None:
    db["articles"].enable_fts(
        ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61"
    )


@migrations(name="0005_timexes")
def timexes(db: Database) -> None:
    # Every date expression found in an article, resolved (see desktop/analysis/dates).
    db.execute(
        """
        CREATE TABLE timexes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            anchor TEXT,
            anchor_kind TEXT,
            confidence REAL,
            explanation TEXT
        )
        """
    )
    db["timexes"].create_index(["article_id", "start"])
    db["timexes"].create_index(["value"])
