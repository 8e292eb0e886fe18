"""``quotes`` (who said what, from the library) and ``quote-fix`` (a wrong speaker, not a quote).

The listing and the corrections are the jobs in ``desktop.actions.quotes``; here they are
only read from the flags and printed. ``--json`` keys are a contract: add, don't rename.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.actions import quotes as act
from desktop.cli.common import open_library, print_json
from desktop.timeline.filters import Filters
from desktop.wording import plural


def _filters(args: argparse.Namespace) -> Filters:
    try:
        return Filters.from_strings(person=args.person, date_from=args.date_from,
                                    date_to=args.date_to, query=args.query)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(2) from error


def as_json(quote: dict[str, Any]) -> dict[str, Any]:
    """A stored quote as the command line's JSON record (offsets into the article's text)."""
    speaker = None if quote["speaker_start"] is None else {
        "start": quote["speaker_start"], "end": quote["speaker_end"], "text": quote["speaker"]}
    return {
        "id": quote["id"],
        "article_id": quote["article_id"],
        "person": quote["person"],
        "person_id": quote["person_id"],
        "speaker": speaker,
        "cue": {"start": quote["cue_start"], "end": quote["cue_end"]},
        "content": [{"start": s, "end": e} for s, e in quote["content"]],
        "text": quote["content_text"],
        "direct": quote["direct"],
        "date": quote["date"],
        "date_from_text": quote["date_from_text"],
        "corrected": quote["corrected"],
        "source": {"title": quote["title"], "url": quote["url"], "outlet": quote["outlet"],
                   "published": quote["published"]},
    }


def as_line(quote: dict[str, Any]) -> str:
    """One quote on one line: id, date (and whether the text gave it), speaker, words, source."""
    when = quote["date"] or "undated"
    if quote["date"] and not quote["date_from_text"]:
        when += " (published)"
    who = quote["person"] or (f"“{quote['speaker']}” (unresolved)" if quote["speaker"]
                              else "(speaker unknown)")
    source = quote["title"] or quote["outlet"] or quote["url"] or "untitled"
    mark = " *" if quote["corrected"] else ""
    return f"q{quote['id']:<5} {when:<23} {who}{mark}: {quote['content_text']}  — #{quote['article_id']} {source}"


def list_quotes(args: argparse.Namespace) -> int:
    filters = _filters(args)
    with open_library(args) as library:
        found = act.find_quotes(library, filters)
    if args.json:
        print_json([as_json(q) for q in found])
        return 0
    for quote in found:
        print(as_line(quote))
    scope = "; ".join(filters.describe())
    print(plural(len(found), "quote") + (f" ({scope})" if scope else ""))
    return 0


def _quote_id(text: str) -> int:
    digits = text.lower().removeprefix("q")
    if not digits.isdigit():
        print(f"error: not a quote id: {text!r} (as `quotes` shows it: q12 or 12)", file=sys.stderr)
        raise SystemExit(2)
    return int(digits)


def fix(args: argparse.Namespace) -> int:
    chosen = [bool(args.speaker), args.not_quote, args.undo]
    if sum(chosen) != 1:
        print("error: give exactly one of --speaker NAME, --not-quote, --undo", file=sys.stderr)
        return 2
    quote_id = _quote_id(args.quote)
    with open_library(args) as library:
        try:
            if args.speaker:
                act.set_quote_speaker(library, quote_id, args.speaker)
            elif args.not_quote:
                act.mark_not_quote(library, quote_id)
            else:
                taken_back = act.undo_quote_correction(library, quote_id)
                if taken_back is None:
                    print(f"q{quote_id} had no correction")
                    return 0
        except act.QuoteError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        quote = act.quote(library, quote_id)
    assert quote is not None
    if quote["hidden"]:
        print(f"q{quote_id} is not a quote: hidden from quotes, the reader and the brief "
              f"(quote-fix q{quote_id} --undo brings it back)")
    else:
        print(f"q{quote_id} said by {quote['person'] or 'an unknown speaker'}: {quote['content_text']}")
    return 0
