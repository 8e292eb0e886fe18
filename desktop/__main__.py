"""Entry point: ``python -m desktop`` (and the packaged ``clipline``).

Start-up order: parse flags (``desktop.cli``); a subcommand runs headless and exits; with no
subcommand the Qt window starts (``desktop.ui.app``), importing Qt only then.
"""

from __future__ import annotations

import sys

from desktop.cli import main as cli_main


def main(argv: list[str] | None = None) -> int:
    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # In the packaged app an analysis worker (desktop.actions.parallel, started with
        # "spawn") is this program run again: freeze_support turns it into the worker.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
