"""SQLite failures in words a reporter can act on (disk full, read-only, locked)."""

from __future__ import annotations

import sqlite3


def describe_storage_error(error: BaseException) -> str:
    message = str(error).lower()
    if isinstance(error, sqlite3.OperationalError) or isinstance(error, sqlite3.DatabaseError):
        if "disk" in message and "full" in message or "database or disk is full" in message:
            return "the disk is full: nothing was stored for this item; free some space and try again"
        if "readonly" in message or "read-only" in message:
            return "the library file is read-only: nothing was stored"
        if "locked" in message or "busy" in message:
            return "the library is busy in another program: nothing was stored; try again"
        if "malformed" in message or "not a database" in message:
            return "the library file is damaged: nothing was stored; restore a backup"
    if isinstance(error, OSError):
        return f"cannot write the library ({error.strerror or error})"
    raise error
