"""``Library``: the reporter's clippings in one SQLite file, behind a small API.

Opening applies pending migrations (refusing a file from a newer Clipline); every write runs
in one transaction, so a failed item leaves the library exactly as it was.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlite_utils import Database

from db import integrity
from db.backup import backup_before_migrate, damaged_error, list_backups, refuse_if_damaged
from db.checked import record_clean_close
from db.connection import ClipDatabase, write_first
from db.errors import LibraryError
from db.identity import refuse_unless_ours
from db.integrity import busy_error, is_busy
from db.migrations import migrations
from db.session import SessionLock, open_session
from db.urls import normalise_url

#: Writes that belong with an article (its analysis), run inside the article's transaction.
ArticleWriter = Callable[[Database, int], None]

ARTICLE_LIST_COLUMNS = (
    "id, title, url, outlet, author, language, published, published_precision, "
    "published_source, clipped_at, source_path, sha256, length(text) AS length"
)


@dataclass
class AddResult:
    """What happened to one article handed to ``Library.add_article``."""

    status: Literal["stored", "duplicate"]
    article_id: int
    reason: str = ""


@dataclass
class DeletedArticle:
    """Everything a deletion removed, so that it can be undone exactly."""

    article: dict[str, Any]
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class Library:
    """One library file. Create one per thread: SQLite connections are not shared."""

    def __init__(self, path: str | os.PathLike[str] | None, *, memory: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self._session: SessionLock | None = None
        #: ``PRAGMA data_version`` once open: another connection's commit changes it.
        self._version: int | None = None
        #: Opened read-only because its folder or file can't be written (a CD, a share).
        self.read_only = False
        if memory or path is None:
            self.db = Database(memory=True)
            self._finish_opening()
            return
        # Held until close: restore refuses while any process has the file open (db.session).
        self._session = open_session(self.path)
        try:
            self.read_only = read_only_place(self.path)
            self.db = ClipDatabase(self._connect(self.path, read_only=self.read_only))
            self._refuse_if_damaged()
            self._refuse_unless_ours()  # before anything is written, WAL included
            if not self.read_only:
                self._use_wal()
            self._finish_opening()
            if not self.read_only:
                self._version = self._data_version()
        except BaseException:
            self._session.release()
            raise

    def _finish_opening(self) -> None:
        self.db.execute("PRAGMA foreign_keys = ON")
        self._columns: frozenset[str] | None = None
        self._migrate()

    # -- opening -------------------------------------------------------------------------

    @staticmethod
    def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
        if path.exists() and path.is_dir():
            raise LibraryError(f"{path} is a folder, not a library file")
        try:
            if read_only:
                return integrity.open_read_only(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                # Created readable by its owner only: clippings can be sensitive.
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            wait = integrity.BUSY_TIMEOUT_SECONDS
            conn = sqlite3.connect(path, timeout=wait)
            conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads, never writes
            conn.execute("PRAGMA synchronous = NORMAL")
            write_first(conn)
        except sqlite3.DatabaseError as error:
            if is_busy(error):  # another program's lock: busy, not damaged
                raise busy_error(path) from error
            _raise_if_damaged_with_backup(path, error)
            raise LibraryError(f"{path} is not a Clipline library ({error})") from error
        except OSError as error:
            raise LibraryError(f"cannot open {path}: {error.strerror or error}") from error
        return conn

    def _refuse_unless_ours(self) -> None:
        try:
            refuse_unless_ours(self.db.conn, self.path)
        except sqlite3.DatabaseError as error:
            self.db.close()
            if is_busy(error):
                raise busy_error(self.path) from error
            raise LibraryError(f"{self.path} is not a Clipline library ({error})") from error
        except LibraryError:
            self.db.close()
            raise

    def _use_wal(self) -> None:
        """Write-ahead log: readers never wait for the writer (once the file is known ours)."""
        try:
            self.db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as error:
            self.db.close()
            if is_busy(error):
                raise busy_error(self.path) from error
            raise LibraryError(f"cannot open {self.path}: {error}") from error

    def _migrate(self) -> None:
        try:
            migrations.applied(self.db)
        except sqlite3.DatabaseError as error:
            if is_busy(error):
                raise busy_error(self.path) from error
            raise LibraryError(f"{self.path} is not a Clipline library ({error})") from error
        if migrations.pending(self.db):
            if self.read_only:
                raise LibraryError(f"{self.path} needs an upgrade for this version of Clipline, "
                                   "but it is read-only: copy it somewhere it can be written")
            self.before_migrate()
            migrations.apply(self.db)

    def before_migrate(self) -> None:
        """Hook run before pending migrations are applied: back up a library with articles."""
        if self.path is not None:
            backup_before_migrate(self)

    def _refuse_if_damaged(self) -> None:
        """A damaged file is never written to: refuse it, naming the latest good backup."""
        assert self.path is not None
        try:
            refuse_if_damaged(self.db.conn, self.path)
        except LibraryError:
            self.db.close()
            raise

    def _data_version(self) -> int | None:
        try:
            return int(self.db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def close(self) -> None:
        clean = False
        if self.path is not None and not self.read_only:
            # What this connection wrote goes from the -wal into the file itself, so the one
            # file is the whole library once a command ends, even while the window is open.
            try:
                self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error:
                pass  # busy or full: SQLite checkpoints later; nothing is lost
            # Opened sound (checked, or unchanged since), and no other connection wrote since:
            # the file is as this Library left it (``db.checked``: no check at the next open).
            clean = self._version is not None and self._data_version() == self._version
        self.db.close()
        if clean and self.path is not None:
            record_clean_close(self.path)
        if self._session is not None:
            self._session.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refuse_writes(self) -> None:
        """From now on this connection only reads (SQLite's ``query_only``). The window's own:
        its writes go through the writer thread, so one left behind fails loudly."""
        self.db.execute("PRAGMA query_only = ON")

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic unit of work: all of it is stored, or none of it."""
        with self.db.atomic():
            yield self.db

    # -- articles ------------------------------------------------------------------------

    def find_duplicate(self, sha256: str, url: str | None) -> int | None:
        """The id of an article with the same original content or the same URL, if any."""
        row = self.db.execute("SELECT id FROM articles WHERE sha256 = ?", [sha256]).fetchone()
        if row:
            return row[0]
        key = normalise_url(url)
        if key:
            row = self.db.execute("SELECT id FROM articles WHERE url_key = ?", [key]).fetchone()
            if row:
                return row[0]
        return None

    def add_article(
        self,
        record: dict[str, Any],
        *,
        tags: tuple[str, ...] | list[str] = (),
        write_with: ArticleWriter | None = None,
    ) -> AddResult:
        """Store one article (a dict of ``articles`` columns) unless it is already here.

        ``write_with(db, article_id)`` runs in the same transaction: an article is never
        stored without its analysis, nor the analysis without its article.
        """
        duplicate = self.find_duplicate(record["sha256"], record.get("url"))
        if duplicate is not None:
            return AddResult("duplicate", duplicate, "already in the library")
        row = {k: v for k, v in record.items() if k in self._article_columns()}
        row.setdefault("clipped_at", datetime.now(UTC).isoformat(timespec="seconds"))
        row["url_key"] = normalise_url(row.get("url"))
        names = ", ".join(f'"{name}"' for name in row)
        insert = f"INSERT INTO articles ({names}) VALUES ({', '.join('?' * len(row))})"
        with self.transaction() as db:
            article_id = int(db.execute(insert, list(row.values())).lastrowid or 0)
            for tag in tags:
                self._tag(db, article_id, tag)
            if write_with is not None:
                write_with(db, article_id)
        return AddResult("stored", article_id)

    def article(self, article_id: int) -> dict[str, Any] | None:
        rows = list(self.db["articles"].rows_where("id = ?", [article_id]))
        if not rows:
            return None
        article = rows[0]
        article["tags"] = self.article_tags(article_id)
        return article

    def articles(
        self, *, order_by: Literal["published", "clipped"] = "published", tag: str | None = None
    ) -> list[dict[str, Any]]:
        """Article summaries (no text), newest first."""
        order = "published DESC, id DESC" if order_by == "published" else "clipped_at DESC, id DESC"
        if tag:
            sql = (
                f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles WHERE id IN ("
                "SELECT article_id FROM article_tags JOIN tags ON tags.id = tag_id"
                f" WHERE tags.name = ?) ORDER BY {order}"
            )
            return list(self.db.query(sql, [tag]))
        return list(self.db.query(f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles ORDER BY {order}"))

    def article_count(self) -> int:
        return self.db["articles"].count

    def article_ids(self) -> list[int]:
        """Every article's id, oldest first (what re-analysis walks through)."""
        return [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def analysis_sources(self, article_ids: list[int]) -> dict[int, tuple[str, str | None, str | None]]:
        """(text, published, clipped_at) of each of ``article_ids`` still in the library."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        sql = f"SELECT id, text, published, clipped_at FROM articles WHERE id IN ({marks})"
        return {row[0]: (row[1], row[2], row[3]) for row in self.db.execute(sql, article_ids)}

    def search(self, query: str, *, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text search over title and text, best match first, with a snippet."""
        fts_query = to_fts_query(query)
        if not fts_query:
            return []
        sql = (
            "SELECT articles.id, articles.title, articles.url, articles.outlet,"
            " articles.published, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet,"
            " articles_fts.rank AS rank"
            " FROM articles_fts JOIN articles ON articles.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY articles_fts.rank LIMIT ?"
        )
        return list(self.db.query(sql, [fts_query, limit]))

    def delete_article(self, article_id: int) -> DeletedArticle | None:
        """Delete an article and everything derived from it; returns what undo needs."""
        article = next(iter(self.db["articles"].rows_where("id = ?", [article_id])), None)
        if article is None:
            return None
        deleted = DeletedArticle(article)
        with self.transaction() as db:
            for table in self._article_child_tables():
                deleted.children[table] = list(
                    db[table].rows_where("article_id = ?", [article_id])
                )
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        return deleted

    def restore_article(self, deleted: DeletedArticle) -> None:
        """Undo ``delete_article``: put the article and its derived rows back as they were."""
        with self.transaction() as db:
            db["articles"].insert(deleted.article)
            for table, rows in deleted.children.items():
                if rows:
                    db[table].insert_all(rows)

    def update_article(self, article_id: int, **changes: Any) -> None:
        if "url" in changes:
            changes["url_key"] = normalise_url(changes["url"])
        with self.transaction() as db:
            db["articles"].update(article_id, changes)

    def _article_columns(self) -> frozenset[str]:
        """The ``articles`` columns, read once per connection (not on every insert, as
        sqlite-utils' ``insert`` does: that read was most of the cost of storing)."""
        if self._columns is None:
            self._columns = frozenset(r[1] for r in self.db.execute("PRAGMA table_info(articles)"))
        return self._columns

    def _article_child_tables(self) -> list[str]:
        """Tables whose ``article_id`` references ``articles`` (their rows go with it)."""
        children = []
        for table in self.db.table_names():
            for fk in self.db[table].foreign_keys:
                if fk.other_table == "articles" and fk.column == "article_id":
                    children.append(table)
        return children

    # -- tags (stories) -----------------------------------------------------------------

    @staticmethod
    def _tag(db: Database, article_id: int, name: str) -> None:
        name = name.strip()
        if not name:
            return
        db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [name])
        tag_id = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()[0]
        db.execute(
            "INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)",
            [article_id, tag_id],
        )

    def tag_article(self, article_id: int, name: str) -> None:
        with self.transaction() as db:
            self._tag(db, article_id, name)

    def untag_article(self, article_id: int, name: str) -> None:
        with self.transaction() as db:
            db.execute(
                "DELETE FROM article_tags WHERE article_id = ? AND tag_id ="
                " (SELECT id FROM tags WHERE name = ?)",
                [article_id, name],
            )

    def article_tags(self, article_id: int) -> list[str]:
        sql = (
            "SELECT tags.name FROM tags JOIN article_tags ON tags.id = tag_id"
            " WHERE article_id = ? ORDER BY tags.name"
        )
        return [r[0] for r in self.db.execute(sql, [article_id])]

    def tags_by_article(self) -> dict[int, list[str]]:
        """Every article's tags, sorted, in one query (for listing many articles)."""
        tags: dict[int, list[str]] = {}
        sql = (
            "SELECT article_id, tags.name FROM article_tags JOIN tags ON tags.id = tag_id"
            " ORDER BY article_id, tags.name"
        )
        for article_id, name in self.db.execute(sql):
            tags.setdefault(article_id, []).append(name)
        return tags

    def tags(self) -> list[dict[str, Any]]:
        sql = (
            "SELECT tags.name AS name, count(article_id) AS articles FROM tags"
            " LEFT JOIN article_tags ON tags.id = tag_id GROUP BY tags.id ORDER BY tags.name"
        )
        return list(self.db.query(sql))


def read_only_place(path: Path) -> bool:
    """An existing library whose folder or file this process can't write (checked, not tried)."""
    if not path.exists():
        return False
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _raise_if_damaged_with_backup(path: Path, error: sqlite3.DatabaseError) -> None:
    """A file SQLite can't read at all, with backups beside it, is a damaged library; so is
    one whose own schema pages are damaged ("malformed": a database, not a stranger's file)."""
    if list_backups(path) or "malformed" in str(error):
        raise damaged_error(path, [str(error)]) from error


#: Words of a search beyond this are dropped: every word is a prefix scan of the index, and a
#: pasted page as a query held the window for minutes.
MAX_SEARCH_WORDS = 32


def to_fts_query(query: str) -> str:
    """A reporter's search words as a safe FTS5 query: every word must appear (prefixes ok).

    Quoted phrases stay phrases; FTS5 syntax characters in the words are neutralised so a
    stray quote or colon never raises.
    """
    parts: list[str] = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query[: MAX_SEARCH_WORDS * 100]):
        if phrase:
            tokens = re.findall(r"\w+", phrase)
            if tokens:
                parts.append('"' + " ".join(tokens) + '"')
        else:
            for token in re.findall(r"\w+", word):
                parts.append(f'"{token}"*')
    return " ".join(dict.fromkeys(parts[:MAX_SEARCH_WORDS]))
