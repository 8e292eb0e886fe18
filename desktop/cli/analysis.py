"""``reanalyse``: run people, dates and events again over every article."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import open_library
from desktop.wording import plural


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser("reanalyse", parents=[parent],
                            help="re-run people, dates and events over the library (corrections are kept)")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these articles")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # lazy: commands import their work when they run, so start-up stays quick
    from desktop.analysis.reanalyse import reanalyse_library

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() or done == total:
            print(f"\ranalysed {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    problems: list[str] = []

    def failed(article_id: int, reason: str) -> None:
        problems.append(f"error      #{article_id}: could not be analysed ({reason}); its previous analysis is kept")

    with open_library(args) as library:
        count = reanalyse_library(library, article_ids=args.ids or None, progress=progress, failed=failed)
    for line in problems:
        print(line)
    print(f"{plural(count, 'article')} re-analysed, {len(problems)} failed")
    return 1 if problems else 0
