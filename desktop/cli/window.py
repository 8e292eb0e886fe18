"""Start the window (no command given). Qt is imported only from here on."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import library_path


def run_window(args: argparse.Namespace) -> int:
    try:
        from desktop.ui.app import run
    except ImportError:
        # Until the window lands, the default command shows what is in the library.
        from desktop.cli.browse import summary

        return summary(args)
    return run(library_path(args), quit_after_ms=args.quit_after, argv=sys.argv)
