"""``reanalyse``: run people, dates and events again over every article."""

from __future__ import annotations

import argparse
import sys

from desktop.actions.reanalysing import reanalyse
from desktop.cli.common import open_library


def run(args: argparse.Namespace) -> int:
    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() or done == total:
            print(f"\ranalysed {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    with open_library(args) as library:
        report = reanalyse(library, article_ids=args.ids or None, progress=progress)
    for line in report.lines():
        print(line)
    print(report.summary())
    return 1 if report.failed else 0
