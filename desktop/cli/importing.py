"""``import``: clip files, folders, URLs and JSON Lines into the library."""

from __future__ import annotations

import argparse
import sys
from itertools import chain
from pathlib import Path

from desktop.actions.analysing import Analyser
from desktop.actions.importing import (
    ClipOptions,
    ImportOutcome,
    clips_from_inputs,
    clips_from_jsonl,
    import_clips,
)
from desktop.cli.common import open_library
from desktop.clipping.errors import ClipError
from desktop.clipping.jsonl import parse_published


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "import", parents=[parent], help="clip files, folders, URLs or JSON Lines into the library",
        description="Import articles. Prints one line per item and a summary. "
        "Exit status: 0 all stored or already there, 1 some items failed, 2 usage error.",
    )
    p.add_argument("inputs", nargs="*", metavar="PATH|URL", help="files (.txt .md .html .pdf .jsonl), folders or URLs")
    p.add_argument("--jsonl", type=Path, action="append", default=[], metavar="FILE",
                   help="JSON Lines file: one object per line with text and optional published, title, url, source")
    p.add_argument("--published", metavar="DATE", help="publication date for the items (YYYY-MM-DD or ISO datetime)")
    p.add_argument("--title", metavar="T", help="title for the item")
    p.add_argument("--url", metavar="U", help="source URL for the item")
    p.add_argument("--tag", action="append", default=[], metavar="STORY", help="file the items under this tag/story")
    p.add_argument("--no-analysis", action="store_true", help="store only; run `reanalyse` later")
    p.add_argument("--quiet", "-q", action="store_true", help="print only errors and the summary")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.inputs and not args.jsonl:
        print("error: nothing to import: give files, folders, URLs or --jsonl FILE", file=sys.stderr)
        return 2
    try:
        published = parse_published(args.published) if args.published else None
    except ClipError as error:
        print(f"error: --published: {error}", file=sys.stderr)
        return 2
    options = ClipOptions(title=args.title, published=published, url=args.url, tags=tuple(args.tag))
    library = open_library(args)
    clips = chain(
        clips_from_inputs(args.inputs, options),
        chain.from_iterable(clips_from_jsonl(path, options) for path in args.jsonl),
    )

    def tell(outcome: ImportOutcome) -> None:
        if outcome.status == "error" or not args.quiet:
            print(outcome.line(), flush=True)

    with library:
        report = import_clips(library, clips, analyser=None if args.no_analysis else Analyser(), on_outcome=tell)
    print(report.summary())
    return 1 if report.errors else 0
