"""Backups of the library: before every schema change, once a day, and on request.

Each backup is a complete, plain SQLite file made with SQLite's online backup API (safe while
the library is open and being written), checked, and only then given its final name, in a
``backups`` folder beside the library: ``library-2026-11-26_013000-daily.db``. The newest
``KEEP`` are kept. Backups are readable by their owner only, like the library.

``restore_backup`` puts a backup back; the file it replaces is kept beside it, never deleted.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from db.checked import record_check, unchanged_since_check
from db.errors import LibraryError
from db.identity import refuse_unless_ours, user_tables
from db.integrity import (
    DamagedLibraryError,
    connection_problems,
    damaged_message,
    file_problems,
)
from db.session import SessionLock

if TYPE_CHECKING:
    from db.library import Library

BACKUP_FOLDER = "backups"
#: How many backups of one library are kept (the oldest go first).
KEEP = 7
#: How often the running app makes a backup (``backup_if_due``).
DAILY = timedelta(days=1)
#: The reason in the name of a library file set aside by ``restore_backup`` (not a backup).
REPLACED = "replaced"
_STAMP = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})-(?P<reason>[a-z-]+?)(?:-(?P<n>\d+))?\.db$")


class BackupError(LibraryError):
    """A backup or restore could not be made; ``str(error)`` says why, the library is untouched."""


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime  # UTC
    reason: str  # manual | daily | before-upgrade


@dataclass(frozen=True)
class Restored:
    """What ``restore_backup`` did: which backup came back, where the replaced file went."""

    backup: Path
    kept_as: Path | None


def backup_folder(library_path: Path) -> Path:
    """Where the backups of the library at ``library_path`` go: ``backups`` beside it."""
    return Path(library_path).parent / BACKUP_FOLDER


def list_backups(library_path: Path) -> list[Backup]:
    """Backups of this library (matched by file name), newest first."""
    library_path = Path(library_path)
    folder = backup_folder(library_path)
    if not folder.is_dir():
        return []
    found: list[tuple[datetime, int, Backup]] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or match["stem"] != library_path.stem or match["reason"] == REPLACED:
            continue
        if not path.is_file():
            continue
        made_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append((made_at, int(match["n"] or 1), Backup(path, made_at, match["reason"])))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [backup for _, _, backup in found]


def latest_good_backup(library_path: Path) -> Path | None:
    """The newest backup of this library that passes SQLite's integrity check, if any."""
    for backup in list_backups(library_path):
        if not file_problems(backup.path):
            return backup.path
    return None


def make_backup(library: Library | sqlite3.Connection, library_path: Path, *,
                reason: str = "manual", keep: int = KEEP, now: datetime | None = None) -> Path:
    """Copy the open library into a new backup file and return its path.

    Uses ``sqlite3.Connection.backup`` (a consistent snapshot even mid-session); the copy is
    checked before it gets its final name, then old backups beyond ``keep`` are removed.
    Raises ``BackupError`` (with the storage problem in words) if it can't be made.
    """
    conn = library if isinstance(library, sqlite3.Connection) else library.db.conn
    library_path = Path(library_path)
    folder = backup_folder(library_path)
    now = now or datetime.now(UTC)
    target = _free_name(folder, library_path.stem, now, reason)
    partial = target.with_name("." + target.name + ".partial")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _create_private(partial)
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        problems = file_problems(partial, quick=True)
        if problems:
            raise BackupError(f"the backup copy failed its check ({problems[0]}); the library is unchanged")
        os.chmod(partial, 0o600)
        os.replace(partial, target)
        _fsync_folder(folder)
    except BackupError:
        _remove_quietly(partial)
        raise
    except (sqlite3.Error, OSError) as error:
        _remove_quietly(partial)
        raise BackupError(f"could not back up the library to {folder}: {_describe(error)}") from error
    prune_backups(library_path, keep=keep)
    return target


def backup_before_migrate(library: Library) -> Path | None:
    """``Library.before_migrate``: back up a library that has articles before its schema changes.

    A new, empty file has nothing to lose and is not backed up. If the backup fails the
    upgrade is refused (``BackupError``), leaving the file as it was.
    """
    if library.path is None:
        return None
    tables = set(library.db.table_names())
    if "articles" not in tables:
        return None
    return make_backup(library, library.path, reason="before-upgrade")


def backup_if_due(library: Library, data_dir: Path | None = None, *, every: timedelta = DAILY,
                  keep: int = KEEP, now: datetime | None = None) -> Path | None:
    """Make the daily backup if the newest backup is older than ``every``; else None.

    For the window to call at start and then periodically (e.g. every hour). Backups go
    beside the library (``backup_folder``) so ``restore`` finds them; ``data_dir`` is only
    used for a library kept in memory, which has no folder of its own.
    """
    path = library.path
    if path is None:
        if data_dir is None:
            return None
        path = Path(data_dir) / "memory.db"
    if library.article_count() == 0:
        return None
    now = now or datetime.now(UTC)
    existing = list_backups(path)
    if existing and now - existing[0].made_at < every:
        return None
    return make_backup(library, path, reason="daily", keep=keep, now=now)


def prune_backups(library_path: Path, *, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest ``keep`` backups of this library; returns what went."""
    removed = []
    for backup in list_backups(library_path)[max(keep, 1):]:
        _remove_quietly(backup.path)
        removed.append(backup.path)
    return removed


def restore_backup(library_path: Path, backup: Path | None = None) -> Restored:
    """Put ``backup`` (default: the newest good one) in place of the library at ``library_path``.

    The backup is checked first; the file it replaces (with its ``-wal``/``-shm``) is renamed
    to ``<name>-replaced-<time>.db`` in the backups folder, never deleted. Refuses while
    another program is writing the library. Close every ``Library`` on the file first.
    """
    library_path = Path(library_path)
    if backup is None:
        backup = latest_good_backup(library_path)
        if backup is None:
            raise BackupError(f"no good backup of {library_path} was found in {backup_folder(library_path)}")
    backup = Path(backup)
    if not backup.is_file():
        raise BackupError(f"{backup}: no such file; the library is unchanged")
    problems = file_problems(backup)
    if problems:
        raise BackupError(f"the backup {backup} is damaged too ({problems[0]}); choose another")
    _refuse_unless_a_library(backup)
    with SessionLock(library_path, exclusive=True):  # no Library open on it anywhere
        _refuse_if_in_use(library_path)  # nor another program writing it
        return _swap_in(library_path, backup)


def _swap_in(library_path: Path, backup: Path) -> Restored:
    folder = backup_folder(library_path)
    incoming = library_path.with_name("." + library_path.name + ".restoring")
    kept_as: Path | None = None
    try:
        _create_private(incoming)
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        dest = sqlite3.connect(incoming)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
            source.close()
        if library_path.exists():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            kept_as = _free_name(folder, library_path.stem, datetime.now(UTC), REPLACED)
            # Keep the old file under its new name while the library name still points at it,
            # so a crash at any moment leaves a library file there (never none, never empty).
            try:
                os.link(library_path, kept_as)
            except OSError:  # no hard links here (FAT, some network drives): a copy
                shutil.copy2(library_path, kept_as)
            # The write-ahead log belongs to the old file: it goes with it, or SQLite would
            # replay it onto the restored one.
            for suffix in ("-wal", "-shm"):
                side = Path(str(library_path) + suffix)
                if side.exists():
                    os.replace(side, Path(str(kept_as) + suffix))
        os.replace(incoming, library_path)
        os.chmod(library_path, 0o600)
        _fsync_folder(library_path.parent)
    except (sqlite3.Error, OSError) as error:
        _remove_quietly(incoming)
        raise BackupError(f"could not restore {backup}: {_describe(error)}") from error
    return Restored(backup, kept_as)


# -- helpers ----------------------------------------------------------------------------------


def _free_name(folder: Path, stem: str, when: datetime, reason: str) -> Path:
    base = f"{stem}-{when.astimezone(UTC).strftime(_STAMP)}-{reason}"
    candidate = folder / f"{base}.db"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}.db"
    return candidate


def _create_private(path: Path) -> None:
    """An empty file only its owner can read (clippings can be sensitive)."""
    _remove_quietly(path)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    os.chmod(path, 0o600)


def _refuse_unless_a_library(backup: Path) -> None:
    """Only a Clipline library this version can open may replace the library (read-only look)."""
    conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        if not user_tables(conn):
            raise BackupError(f"{backup} is not a Clipline library (it holds no tables); "
                              "the library is unchanged")
        refuse_unless_ours(conn, backup)
    except BackupError:
        raise
    except LibraryError as error:
        message = str(error).replace("; the file was not changed", "").replace(
            " The file was not changed.", "")
        raise BackupError(f"cannot restore it: {message.rstrip('.')}; the library is unchanged") from error
    except sqlite3.Error as error:
        raise BackupError(f"{backup} is not a Clipline library ({error}); the library is unchanged") from error
    finally:
        conn.close()


def _refuse_if_in_use(library_path: Path) -> None:
    if not library_path.exists():
        return
    try:
        conn = sqlite3.connect(library_path, timeout=0.2)
    except sqlite3.Error:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise BackupError(f"{library_path} is in use by another program; close Clipline and try again") from error
    except sqlite3.DatabaseError:
        pass  # damaged: exactly what restore is for
    finally:
        conn.close()


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass


def _describe(error: BaseException) -> str:
    message = str(error).lower()
    if "full" in message or getattr(error, "errno", None) == 28:
        return "the disk is full"
    if "readonly" in message or "read-only" in message or isinstance(error, PermissionError):
        return "the folder or file is read-only"
    if "locked" in message or "busy" in message:
        return "the library is busy in another program"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


# -- refusing a damaged file at open (it names the latest good backup) -----------------------


def refuse_if_damaged(conn: sqlite3.Connection, path: Path) -> None:
    """Raise ``DamagedLibraryError`` if the file behind ``conn`` fails the quick check (not
    run again on a file unchanged since it last passed: ``db.checked``)."""
    if unchanged_since_check(path):
        return
    problems = connection_problems(conn, quick=True)
    if problems:
        raise damaged_error(path, problems)
    record_check(path)


def damaged_error(path: Path, problems: list[str]) -> DamagedLibraryError:
    backup = latest_good_backup(path)
    return DamagedLibraryError(damaged_message(path, problems, backup), path=path,
                               problems=problems, backup=backup)


__all__ = [
    "DAILY", "KEEP", "Backup", "BackupError", "Restored", "backup_before_migrate", "backup_folder",
    "backup_if_due", "damaged_error", "latest_good_backup", "list_backups", "make_backup", "prune_backups",
    "refuse_if_damaged", "restore_backup",
]
