"""What the commands share: opening the library named by the flags, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from db import Library, LibraryError
from db.failures import describe_storage_error
from desktop.paths import default_data_dir, default_library_path


def library_path(args: argparse.Namespace) -> Path:
    if getattr(args, "library", None):
        return Path(args.library)
    data_dir = getattr(args, "data_dir", None)
    return default_library_path(Path(data_dir) if data_dir else default_data_dir())


def open_library(args: argparse.Namespace) -> Library:
    """The library the flags name; exits with a clear message (status 2) if it can't open."""
    path = library_path(args)
    try:
        library = Library(path)
    except LibraryError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(2) from error
    if library.read_only:
        print(f"note: {path} is read-only (its folder or file can't be written): it is shown as "
              "it is, and nothing can be changed", file=sys.stderr)
    return library


def storage_failure(error: BaseException) -> str:
    """A command's write that SQLite refused, in the words the import uses (nothing changed)."""
    try:
        message = describe_storage_error(error)
    except Exception:  # noqa: BLE001 - not one of the failures it has words for
        message = f"the library could not be changed ({' '.join(str(error).split())[:120]})"
    return message.replace(" for this item", "").replace("nothing was stored", "nothing was changed")


def print_json(value: Any) -> None:
    """Indented for a person at a terminal; piped, a list is one element per line, which
    the C encoder writes several times faster than ``indent`` (a large timeline)."""
    if isinstance(value, list) and not sys.stdout.isatty():
        sys.stdout.write("[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in value)
                         + ("\n]\n" if value else "]\n"))
        return
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def write_jsonl(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
