"""Start the window (no command given). Qt is imported only from here on."""

from __future__ import annotations

import argparse
import os
import sys

from desktop.cli.common import library_path


def run_window(args: argparse.Namespace) -> int:
    # --data-dir reaches the window (settings, log) the same way the tests' folder does.
    data_dir = getattr(args, "data_dir", None)
    if data_dir:
        os.environ["CLIPLINE_DATA_DIR"] = str(data_dir)
    # lazy: Qt loads only when the window opens, never for a headless command
    from desktop.ui.app import run

    return run(library_path(args), quit_after_ms=args.quit_after, argv=sys.argv)
