"""``backup``, ``restore``, ``check``: keep the library safe, and get it back when it isn't.

``check`` and ``restore`` never open the library through ``Library`` (which refuses a damaged
file): they look at it read-only, or replace it with a checked backup.
"""

from __future__ import annotations

import argparse
import sys

from db import LibraryError
from db.backup import backup_folder, latest_good_backup, list_backups, make_backup, restore_backup
from db.integrity import damaged_message, file_problems
from desktop.cli.common import library_path, open_library
from desktop.wording import plural


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
