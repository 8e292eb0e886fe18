"""Is this file a Clipline library this version may change? Asked before anything is written.

Another program's SQLite file given as ``--library`` was switched to WAL and given Clipline's
tables; a newer Clipline's library had its journal mode flipped before it was refused. Opening
now reads the schema first (reading changes nothing) and refuses a file that is neither empty
nor a Clipline library of this or an older version.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.errors import LibraryError, NewerLibraryError
from db.migrations import MIGRATION_SET, known_names

MIGRATIONS_TABLE = "_sqlite_migrations"


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """The file's tables, leaving out SQLite's own (``sqlite_sequence``, ``sqlite_stat1``)."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [r[0] for r in rows if not r[0].startswith("sqlite_")]


def refuse_unless_ours(conn: sqlite3.Connection, path: Path | None) -> None:
    """Raise unless the file is empty or a Clipline library this version knows every step of."""
    tables = user_tables(conn)
    if not tables:
        return  # a new file: nothing to lose
    steps: set[str] = set()
    if MIGRATIONS_TABLE in tables:
        steps = {r[0] for r in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET])}
    if not steps:
        shown = ", ".join(tables[:3]) + (", …" if len(tables) > 3 else "")
        raise LibraryError(
            f"{path} is not a Clipline library (it is another program's database, with tables "
            f"{shown}); the file was not changed"
        )
    unknown = steps - known_names()
    if unknown:
        raise NewerLibraryError(
            f"{path} was written by a newer version of Clipline "
            f"(it has steps {', '.join(sorted(unknown))}); update Clipline to open it. "
            "The file was not changed."
        )
