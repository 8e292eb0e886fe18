"""The headless command line: ``python -m desktop [--library FILE] COMMAND ...``.

Each command lives in its own module with ``register(subparsers)``; the module list below is
explicit (not discovered) so the frozen app finds every command. With no command the window
starts. Exit status: 0 all good, 1 some items failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from pathlib import Path

from desktop import __version__

#: Modules under desktop.cli that add commands, in the order ``--help`` lists them.
COMMAND_MODULES = [
    "importing",
    "browse",
    "analysis",
    "tag_dates",
    "entities",
    "safety",
    "timeline",
]


def global_options() -> argparse.ArgumentParser:
    """Options accepted before or after the command name."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--library", type=Path, metavar="FILE", default=argparse.SUPPRESS,
        help="library file to use (default: library.db in the data folder)",
    )
    parent.add_argument(
        "--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS,
        help="data folder: default library, settings, log and backups",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    parent = global_options()
    parser = argparse.ArgumentParser(
        prog="clipline",
        description="Clipline: clip news articles, see who and when, build a sourced timeline.",
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"Clipline {__version__}")
    parser.add_argument(
        "--quit-after", type=int, metavar="MS", default=None,
        help="(window) quit after MS milliseconds; for tests and smoke checks",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"desktop.cli.{name}")
        module.register(commands, parent)
    return parser


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.cli.window import run_window

        return run_window(args)
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:  # e.g. `clipline articles | head`
        return 0
    except sqlite3.DatabaseError as error:  # disk full, read-only, busy, damaged: one line
        from desktop.cli.common import storage_failure

        print(f"error: {storage_failure(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
