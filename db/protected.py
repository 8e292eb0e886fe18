"""Files no export may write over: the library, its SQLite side files, its backups.

``brief -o story.db --library story.db`` once replaced the reporter's clippings with a
Markdown note. A command that writes a file the reporter names asks ``why_protected`` first.
"""

from __future__ import annotations

import os
from pathlib import Path

from db.backup import backup_folder

#: Files beside a library: the write-ahead log, its index, the rollback journal, the session
#: lock, the stamp of its last passing check.
SIDE_FILES = ("-wal", "-shm", "-journal", ".lock", ".checked")
#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def why_protected(output: Path, library_path: Path) -> str | None:
    """Why ``output`` must not be written (in words), or None if it may be."""
    output, library_path = Path(output).absolute(), Path(library_path).absolute()
    if output.resolve() == library_path.resolve() or _same(output, library_path):
        return f"{output} is the library itself"
    for suffix in SIDE_FILES:
        if output.resolve() == Path(str(library_path.resolve()) + suffix):
            return f"{output} is part of the library (its {suffix[1:]} file)"
    if output.resolve().parent == backup_folder(library_path.resolve()).resolve():
        return f"{output} is in the library's backups folder"
    try:
        with open(output, "rb") as handle:
            if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                return f"{output} is a database (a library?), not a note"
    except OSError:
        pass
    return None
