"""The headless command line: ``python -m desktop [--library FILE] COMMAND ...``.

Every command's arguments are registered from ``commands`` (light: nothing of their work);
a command's module (``importing``, ``browse``, ...) is imported only when it runs, so
``--version`` and ``articles`` start quickly. The table is explicit (not discovered) so the
frozen app finds every command. With no command the window starts. Exit status: 0 all good,
1 some items failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from desktop import __version__
from desktop.cli.commands import COMMAND_MODULES, register

__all__ = ["COMMAND_MODULES", "build_parser", "main"]


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
    register(parser.add_subparsers(dest="command", metavar="COMMAND"), parent)
    return parser


def command(run: str) -> Callable[[argparse.Namespace], int]:
    """The function a command runs ("browse:list_articles"), its module imported only now."""
    module, _, function = run.partition(":")
    return getattr(importlib.import_module(f"desktop.cli.{module}"), function)


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        # lazy: Qt loads only when the window opens, never for a headless command
        from desktop.cli.window import run_window

        return run_window(args)
    try:
        return int(command(args.run)(args) or 0)
    except BrokenPipeError:  # e.g. `clipline articles | head`
        return 0
    except sqlite3.DatabaseError as error:  # disk full, read-only, busy, damaged: one line
        # lazy: only on a failure; start-up stays light
        from desktop.cli.common import storage_failure

        print(f"error: {storage_failure(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
