"""``import``: clip files, folders, URLs and JSON Lines into the library."""

from __future__ import annotations

import argparse
import sys
from itertools import chain

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
