"""Timeline commands: ``timeline``, ``key-events``, ``brief``, ``export`` and corrections
(``event-hide``, ``event-pin``, ``event-edit``, ``event-add``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from desktop.cli.common import library_path, open_library, print_json
from desktop.timeline.filters import Filters
from desktop.timeline.stored_timeline import can_serve, refresh, timeline_lines
from desktop.wording import plural


def _filters(args: argparse.Namespace) -> Filters | None:
    try:
        return Filters.from_strings(
            person=args.person,
            date_from=args.date_from,
            date_to=args.date_to,
            query=args.query,
            tag=args.tag,
            include_hidden=getattr(args, "hidden", False),
        )
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(2) from error


def run_timeline(args: argparse.Namespace) -> int:

    filters = _filters(args)
    hidden = 0
    with open_library(args) as library:
        if args.json and not args.separate and can_serve(filters):
            refresh(library.db)
            lines = timeline_lines(library.db, filters)
            if lines is not None:
                if sys.stdout.isatty():  # indented for a person, as print_json writes it
                    print_json([json.loads(line) for line in lines])
                else:
                    _write_lines(lines)
                return 0
        # lazy: a filtered (or not yet stored) timeline is built; the stored one needs no builder
        from desktop.timeline.query import build_timeline

        events = build_timeline(library, filters, merge=not args.separate)
        if not events and not filters.include_hidden and not args.json:
            everything = replace(filters, include_hidden=True)
            hidden = len(build_timeline(library, everything, merge=not args.separate))
    if args.json:
        print_json([e.as_dict() for e in events])
        return 0
    if not events:
        if hidden:
            print(f"no events shown: {hidden} hidden (timeline --hidden lists them)")
            return 0
        print(
            "no events"
            + (
                " match the filters"
                if not filters.is_empty()
                else " (import or reanalyse articles)"
            )
        )
        return 0
    print(plural(len(events), "event" if args.separate else "happening"))
    for e in events:
        flags = []
        if e.hidden:
            flags.append("hidden")
        if e.planned:
            flags.append("planned")
        if e.pinned:
            flags.append("pinned")
        if e.conflict:
            flags.append("conflict: sources also give " + ", ".join(e.conflicting_dates))
        line = f"{e.display_date:<22} {e.id:>7}  {e.text}"
        if flags:
            line += f"  [{'; '.join(flags)}]"
        print(line)
        if e.people:
            print(f"{'':31}people: {', '.join(e.people)}")
        if len(e.sources) > 1:
            print(f"{'':31}{len(e.sources)} reports: {e.reported_by()}")
        for s in e.sources:
            where = s.outlet or s.url or ""
            title = s.title if len(s.title) <= 80 else s.title[:79].rstrip() + "\u2026"
            # A report hidden on its own (the event shows by others): its id brings it back.
            mark = f"  [hidden: e{s.event_id}]" if s.hidden and not e.hidden and s.event_id else ""
            print(
                f"{'':31}source: #{s.article_id} {title} ({where + ', ' if where else ''}published {(s.published or '?')[:10]}){mark}"
            )
    return 0


def _write_lines(lines: Iterator[str]) -> None:
    """A JSON list, one item a line, as ``print_json`` writes it when piped."""
    out = sys.stdout
    first = next(lines, None)
    if first is None:
        out.write("[\n]\n")
        return
    out.write("[\n" + first)
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) == 2000:
            out.write(",\n" + ",\n".join(batch))
            batch = []
    if batch:
        out.write(",\n" + ",\n".join(batch))
    out.write("\n]\n")


def run_key_events(args: argparse.Namespace) -> int:

    if args.dates < 0 or args.per_date < 0:
        print("error: --dates and --per-date must be positive", file=sys.stderr)
        return 2
    # lazy: key events load only for key-events
    from desktop.timeline.keyevents import key_events
    from desktop.timeline.precision import display

    filters = _filters(args)
    with open_library(args) as library:
        days = key_events(library, args.dates, args.per_date, filters)
    if args.json:
        print_json(
            [
                {
                    "date": d.date,
                    "sentences": d.sentences,
                    "score": round(d.score, 3),
                    "sources": d.sources,
                }
                for d in days
            ]
        )
        return 0

    for d in days:
        print(display(d.date))
        for sentence in d.sentences:
            print(f"  - {sentence}")
    return 0


def _refuse_protected_output(args: argparse.Namespace) -> None:
    """Exit (status 2) before anything is read if ``-o`` names the library or a backup."""
    from db.protected import why_protected  # lazy: only brief and export write files

    if args.output is None:
        return
    reason = why_protected(args.output, library_path(args))
    if reason:
        print(f"error: not writing there: {reason}; the library is unchanged", file=sys.stderr)
        raise SystemExit(2)


def _write(text: str, output: Path | None) -> int:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {output}", file=sys.stderr)
    return 0


def run_brief(args: argparse.Namespace) -> int:
    # lazy: the brief's modules (and Markdown) load only for a brief
    from desktop.brief.markdown import brief_from_library
    from desktop.brief.preview import brief_html

    filters = _filters(args)
    _refuse_protected_output(args)
    with open_library(args) as library:
        text = brief_from_library(library, filters, title=args.title)
    if args.html:
        text = brief_html(text, title=args.title)
    return _write(text, args.output)


def run_export(args: argparse.Namespace) -> int:
    # lazy: the exporters (and the timeline builder) load only for an export
    from desktop.brief.exports import export
    from desktop.timeline.query import build_timeline

    filters = _filters(args)
    _refuse_protected_output(args)
    with open_library(args) as library:
        events = build_timeline(library, filters)
        text = export(events, args.format, title=args.title, filters=filters, db=library.db)
    return _write(text, args.output)


def _correct(args: argparse.Namespace, **changes: object) -> int:
    # lazy: corrections load only when one is made
    from desktop.actions.corrections import CorrectionError, correct_event

    with open_library(args) as library:
        try:
            correct_event(library, args.event, **changes)
        except CorrectionError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    return 0


def run_hide(args: argparse.Namespace) -> int:
    status = _correct(args, hidden=not args.undo)
    if status == 0:
        print(f"{args.event} {'shown again' if args.undo else 'hidden'}")
    return status


def run_pin(args: argparse.Namespace) -> int:
    status = _correct(args, pinned=not args.undo)
    if status == 0:
        print(f"{args.event} {'unpinned' if args.undo else 'pinned to the brief'}")
    return status


def run_edit(args: argparse.Namespace) -> int:
    if args.date is None and args.text is None:
        print("error: give --date or --text", file=sys.stderr)
        return 2
    status = _correct(args, date=args.date, text=args.text)
    if status == 0:
        print(f"{args.event} corrected")
    return status


def run_add(args: argparse.Namespace) -> int:
    # lazy: corrections load only when one is made
    from desktop.actions.corrections import CorrectionError, add_event

    with open_library(args) as library:
        if args.article is not None and library.article(args.article) is None:
            print(f"error: no article #{args.article}", file=sys.stderr)
            return 1
        try:
            event_id = add_event(
                library,
                args.date,
                args.text,
                people=args.person,
                article_id=args.article,
                url=args.url,
                source_title=args.source,
                planned=args.planned,
                pinned=args.pin,
            )
        except CorrectionError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    print(f"added {event_id}")
    return 0


def run_happenings(args: argparse.Namespace) -> int:
    # lazy: clustering loads only when happenings are brought up to date
    from db.happenings import mark_all_dirty, stored_happening_count
    from desktop.timeline.happening_store import refresh_happenings

    with open_library(args) as library:
        if args.recompute:
            with library.transaction() as db:
                mark_all_dirty(db)
        dates = refresh_happenings(library)
        refresh(library.db)  # and the timeline's entries
        total = stored_happening_count(library.db)
    print(f"{total} happenings ({dates} dates clustered again)")
    return 0


def run_not_story(args: argparse.Namespace) -> int:
    # lazy: triage loads only when the reporter sets clips aside
    from desktop.timeline.triage import TriageError, put_back, set_aside

    what = f"article #{args.article}" if args.article is not None else f"outlet {args.outlet!r}"
    with open_library(args) as library:
        if args.undo:
            removed = put_back(library, article_id=args.article, outlet=args.outlet)
            print(f"{what} back in the story" if removed else f"{what} was not set aside")
            return 0 if removed else 1
        try:
            set_aside(library, article_id=args.article, outlet=args.outlet)
        except TriageError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    print(f"{what} set aside: not this story (not-story --undo puts it back)")
    return 0


def run_hide_matching(args: argparse.Namespace) -> int:
    # lazy: triage loads only when the reporter hides what matches
    from desktop.timeline.triage import TriageError, hide_matching

    if not (args.query or args.outlet or args.person or args.tag):
        print("error: give --query, --outlet, --person or --tag (hiding everything is not triage)",
              file=sys.stderr)
        return 2
    with open_library(args) as library:
        try:
            count, _states = hide_matching(library, _filters(args), outlet=args.outlet)
        except (TriageError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    print(f"{plural(count, 'happening')} hidden (event-hide --undo ID shows one again)")
    return 0
