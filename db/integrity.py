"""Is a library file sound? SQLite's own checks, in words, and refusing a damaged file at open.

A damaged library is never written to: opening one raises ``DamagedLibraryError`` naming the
newest backup that passes the same check, so the reporter restores it instead of piling new
clippings onto a broken file (``clipline restore``; the window calls ``db.backup``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.errors import LibraryError

#: How long opening or checking waits for another program's write before saying "busy".
BUSY_TIMEOUT_SECONDS = 10.0
#: At most this many problems are listed (a badly damaged file can have thousands).
MAX_PROBLEMS = 20


class DamagedLibraryError(LibraryError):
    """The library file fails SQLite's integrity check; ``backup`` is the newest good one."""

    def __init__(self, message: str, *, path: Path | None, problems: list[str],
                 backup: Path | None) -> None:
        super().__init__(message)
        self.path = path
        self.problems = problems
        self.backup = backup


class BusyLibraryError(LibraryError):
    """Another program holds a lock on the file: busy, try again; never a sign of damage."""


def is_busy(error: BaseException) -> bool:
    """SQLite's "database is locked" / "database table is locked" / SQLITE_BUSY."""
    message = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


def busy_error(path: Path | None) -> BusyLibraryError:
    return BusyLibraryError(
        f"the library {path} is busy: another program holds a lock on it; nothing was changed: "
        "try again when it has finished"
    )


def connection_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """What is wrong with the database behind ``conn`` (empty list: nothing).

    ``quick`` runs ``PRAGMA quick_check`` (page structure, fast enough for every open);
    otherwise ``PRAGMA integrity_check`` plus the foreign-key and full-text-index checks.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            raise busy_error(_file_of(conn)) from error
        return [str(error)]
    problems = [
        line.strip() for row in rows if row[0] != "ok" for line in str(row[0]).splitlines()
        if line.strip() and not line.startswith("*** in database")
    ]
    if quick or problems:
        return problems
    try:
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchmany(MAX_PROBLEMS):
            problems.append(f"{table} row {rowid} refers to a missing {parent} row")
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            raise busy_error(_file_of(conn)) from error
        problems.append(str(error))
    problems.extend(_fts_problems(conn))
    return problems[:MAX_PROBLEMS]


def _fts_problems(conn: sqlite3.Connection) -> list[str]:
    """FTS5's own check that the search index matches the articles (rolled back after)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "articles_fts" not in tables:
        return []
    if conn.in_transaction:
        return []
    try:
        conn.execute("SAVEPOINT fts_check")
        try:
            conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        finally:
            conn.execute("ROLLBACK TO fts_check")
            conn.execute("RELEASE fts_check")
    except sqlite3.OperationalError as error:
        if "readonly" in str(error).lower() or "read-only" in str(error).lower():
            return []  # a read-only look at the file can't run this check
        if is_busy(error):
            raise busy_error(_file_of(conn)) from error
        return [f"search index: {error}"]
    except sqlite3.DatabaseError as error:
        return [f"search index: {error}"]
    return []


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read ``path``, even in a folder nobody may write.

    SQLite needs to write a ``-shm`` file beside a WAL library to read it; where it can't, the
    file is read as it is on disk (``immutable``: nobody can be writing it there either).
    """
    uri = Path(path).resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        if "unable to open" not in str(error).lower():
            conn.close()
            raise
        conn.close()
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def file_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What is wrong with the library file at ``path``, opened read-only (never changed)."""
    path = Path(path)
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        conn = open_read_only(path)
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            raise busy_error(path) from error
        return [str(error)]
    except sqlite3.Error as error:
        return [str(error)]
    try:
        return connection_problems(conn, quick=quick)
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            raise busy_error(path) from error
        return [str(error)]
    finally:
        conn.close()


def _file_of(conn: sqlite3.Connection) -> Path | None:
    try:
        row = conn.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return None
    return Path(row[2]) if row and row[2] else None


def damaged_message(path: Path | None, problems: list[str], backup: Path | None) -> str:
    """The one paragraph a reporter reads when the library is damaged."""
    first = problems[0] if problems else "unknown damage"
    message = f"the library {path} is damaged ({first}); nothing was changed."
    if backup is not None:
        message += (
            f" The latest good backup is {backup}: run `clipline --library \"{path}\" restore`"
            " to put it back (the damaged file is kept in the backups folder)."
        )
    else:
        message += " No good backup was found; keep a copy of the file and ask for help."
    return message
