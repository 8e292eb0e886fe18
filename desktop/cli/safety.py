"""``backup``, ``restore``, ``check``: keep the library safe, and get it back when it isn't.

``check`` and ``restore`` never open the library through ``Library`` (which refuses a damaged
file): they look at it read-only, or replace it with a checked backup.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db import LibraryError
from db.backup import backup_folder, latest_good_backup, list_backups, make_backup, restore_backup
from db.integrity import damaged_message, file_problems
from desktop.cli.common import library_path, open_library
from desktop.wording import plural


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "backup", parents=[parent], help="back up the library now (or list its backups)",
        description="Copy the library into the backups folder beside it. Clipline also backs up "
        "before every upgrade of the file and once a day while the window is open; the newest "
        "7 are kept.",
    )
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.set_defaults(run=backup)

    p = commands.add_parser(
        "restore", parents=[parent], help="put a backup back in place of the library",
        description="Replace the library with a backup (default: the newest one that passes the "
        "integrity check). The replaced file is kept in the backups folder, never deleted. "
        "Close the window first.",
    )
    p.add_argument("backup", nargs="?", type=Path, metavar="BACKUP", help="backup file to restore")
    p.set_defaults(run=restore)

    p = commands.add_parser(
        "check", parents=[parent], help="check the library file for damage",
        description="Run SQLite's integrity, foreign-key and search-index checks (read-only). "
        "Exit status 0: sound; 1: damaged.",
    )
    p.set_defaults(run=check)


def backup(args: argparse.Namespace) -> int:
    path = library_path(args)
    if args.list:
        backups = list_backups(path)
        for item in backups:
            size = item.path.stat().st_size
            print(f"{item.made_at:%Y-%m-%d %H:%M} UTC  {item.reason:<15} {size:>12,} bytes  {item.path}")
        print(f"{plural(len(backups), 'backup')} in {backup_folder(path)}")
        return 0
    with open_library(args) as library:
        try:
            made = make_backup(library, path)
        except LibraryError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    print(f"backed up {path} to {made}")
    return 0


def restore(args: argparse.Namespace) -> int:
    path = library_path(args)
    try:
        restored = restore_backup(path, args.backup)
    except LibraryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"restored {path} from {restored.backup}")
    if restored.kept_as is not None:
        print(f"the file it replaced is kept as {restored.kept_as}")
    return 0


def check(args: argparse.Namespace) -> int:
    path = library_path(args)
    if not path.exists():
        print(f"error: no library at {path}", file=sys.stderr)
        return 2
    try:
        problems = file_problems(path)
    except LibraryError as error:  # busy in another program: not a verdict on the file
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not problems:
        print(f"ok: {path} passed the integrity, foreign-key and search-index checks")
        return 0
    for problem in problems:
        print(f"problem: {problem}")
    print(f"error: {damaged_message(path, problems, latest_good_backup(path))}", file=sys.stderr)
    return 1
