"""Remembering that a library file passed its quick check, so an unchanged file is not read
whole again on every open.

``PRAGMA quick_check`` reads every page: 1.7 CPU-s for a 900 MB library of 20,000 articles,
paid by every command and every window start. A file nobody has written since it last passed
cannot have been damaged by a write, so the check is skipped while the file's identity (inode,
size, modification time) is the one recorded beside it in ``<library>.checked`` after the last
passing check and no write-ahead log is pending. Any write to the file changes its
modification time — provided the recorded time was already in the past when it was recorded
(a write within the same clock tick could keep it), so a file modified less than
``SETTLED_SECONDS`` before its check is not recorded.

Clipline's own writes need no check either: a ``Library`` that opened a sound file, saw no
other connection write while it was open, and closed it cleanly as its last connection (the
write-ahead log gone into the file) records the file as it left it
(``record_clean_close``). A file written just now has its modification time moved on by one
nanosecond first: a later write stamps the clock's time, never that one, so a write by
another program right after the close is still told apart. A session that ends without
closing (killed mid-write) leaves its write-ahead log behind, and a file with a pending log
is always checked.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

#: How old the file's last modification must be for its stamp to tell later writes apart.
SETTLED_SECONDS = 2.0


def stamp_path(library_path: Path) -> Path:
    return Path(str(library_path) + ".checked")


def _identity(path: Path) -> str | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return f"{stat.st_ino} {stat.st_size} {stat.st_mtime_ns}"


def _log_pending(path: Path) -> bool:
    """A non-empty write-ahead log: pages the main file's identity does not cover."""
    try:
        return os.stat(str(path) + "-wal").st_size > 0
    except OSError:
        return False


def unchanged_since_check(path: Path) -> bool:
    """The file is exactly as it was when it last passed its check."""
    if _log_pending(path):
        return False
    try:
        recorded = stamp_path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return recorded != "" and recorded == _identity(path)


def record_clean_close(path: Path) -> None:
    """Remember the file as a clean close left it (its last connection closed: no log pending);
    quietly nothing when another connection still has it open, or the file system cannot
    hold the nudged modification time."""
    if _log_pending(path):
        return
    try:
        stat = os.stat(path)
        if time.time_ns() - stat.st_mtime_ns < SETTLED_SECONDS * 1e9:
            nudged = stat.st_mtime_ns + 1
            os.utime(path, ns=(stat.st_atime_ns, nudged))
            if os.stat(path).st_mtime_ns != nudged:
                return
    except OSError:
        return
    identity = _identity(path)
    if identity is not None:
        try:
            stamp_path(path).write_text(identity + "\n", encoding="ascii")
        except OSError:
            pass


def record_check(path: Path) -> None:
    """Remember that the file as it is now passed its check (quietly nothing when the file
    changed too recently to be told apart from a later write, or the folder is read-only)."""
    if _log_pending(path):
        return
    try:
        if time.time() - os.stat(path).st_mtime < SETTLED_SECONDS:
            return
    except OSError:
        return
    identity = _identity(path)
    if identity is None:
        return
    try:
        stamp_path(path).write_text(identity + "\n", encoding="ascii")
    except OSError:
        pass
