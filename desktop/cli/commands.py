"""Every command the command line accepts, and its arguments: light, so start-up stays quick.

Registering a command imports nothing of its work: each sets ``run`` to "module:function" in
``desktop.cli``, and ``desktop.cli.main`` imports that one module when the command runs (so
``--version`` or ``articles`` never load trafilatura, numpy, spaCy or the date patterns).
The table is explicit, not discovered, so the frozen app finds every command
(``COMMAND_MODULES``; build.spec lists every desktop module as a hidden import).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def _importing(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
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
    p.set_defaults(run="importing:run")


def _browse(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser("articles", parents=[parent], help="list the articles, newest first")
    p.add_argument("--json", action="store_true", help="a JSON array of objects")
    p.add_argument("--tag", metavar="T", help="only articles filed under this tag/story")
    p.add_argument("--sort", choices=["published", "clipped"], default="published")
    p.set_defaults(run="browse:list_articles")

    p = commands.add_parser("search", parents=[parent], help="full-text search, best match first")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run="browse:search")

    p = commands.add_parser("show", parents=[parent], help="one article with its text")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run="browse:show")

    p = commands.add_parser("delete", parents=[parent], help="delete an article and its analysis")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(run="browse:delete")

    p = commands.add_parser("tag", parents=[parent], help="file an article under a tag/story")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("--remove", action="store_true", help="take the tag off instead")
    p.set_defaults(run="browse:tag")


def _analysis(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser("reanalyse", parents=[parent],
                            help="re-run people, dates and events over the library (corrections are kept)")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these articles")
    p.set_defaults(run="analysis:run")


def _tag_dates(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "tag-dates", parents=[parent],
        help="find and normalise dates in JSON Lines {id, dct, text} read from stdin",
    )
    p.set_defaults(run="tag_dates:run")


def _tag_quotes(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "tag-quotes", parents=[parent],
        help="find who said what in JSON Lines {id, text, published} read from stdin",
    )
    p.set_defaults(run="tag_quotes:run")


def _quotes(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser("quotes", parents=[parent],
                            help="who said what: the stored quotes with speaker, date and source")
    p.add_argument("--person", metavar="NAME", help="only quotes by this person (any of their names)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only quotes said from this date")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only quotes said up to this date")
    p.add_argument("--query", metavar="Q", help="only quotes with these words")
    p.add_argument("--json", action="store_true", help="a JSON array of objects")
    p.set_defaults(run="quotes:list_quotes")

    p = commands.add_parser("quote-fix", parents=[parent],
                            help="correct a quote: its speaker, or that it is no quote (sticks on reanalyse)")
    p.add_argument("quote", metavar="ID", help="quote id as `quotes` shows it (q12)")
    p.add_argument("--speaker", metavar="NAME", help="who really said it")
    p.add_argument("--not-quote", action="store_true", help="it is not a quote: hide it")
    p.add_argument("--undo", action="store_true", help="take the correction back")
    p.set_defaults(run="quotes:fix")


def _entities(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "tag-entities", parents=[parent],
        help="tag people, organisations and places in JSON Lines {id, text} read on stdin",
    )
    p.add_argument("--batch-size", type=int, default=32, metavar="N")
    p.set_defaults(run="entities:tag_entities")

    p = commands.add_parser("people", parents=[parent], help="the people in the library")
    p.add_argument("--json", action="store_true", help="a JSON array of objects")
    p.add_argument("--article", type=int, metavar="ID", help="only the people of one article")
    p.set_defaults(run="entities:people")

    for name, label, what in (("places", "PLACE", "places"),
                              ("organisations", "ORG", "organisations")):
        p = commands.add_parser(name, parents=[parent],
                                help=f"the {what} named in the library, spellings together")
        p.add_argument("--json", action="store_true", help="a JSON array of objects")
        p.set_defaults(run="entities:named", named_label=label)

    p = commands.add_parser("person-rename", parents=[parent], help="give a person another name")
    p.add_argument("person", metavar="OLD", help="the person's name, one of its names, or id")
    p.add_argument("new_name", metavar="NEW")
    p.set_defaults(run="entities:correct_person", correction="rename")

    p = commands.add_parser("person-merge", parents=[parent],
                            help="two people are one (the first keeps its name)")
    p.add_argument("first", metavar="A")
    p.add_argument("second", metavar="B")
    p.set_defaults(run="entities:correct_person", correction="merge")

    p = commands.add_parser("person-split", parents=[parent],
                            help="one of a person's names is somebody else")
    p.add_argument("person", metavar="NAME")
    p.add_argument("alias", metavar="ALIAS")
    p.set_defaults(run="entities:correct_person", correction="split")

    p = commands.add_parser("not-a-person", parents=[parent],
                            help="a name is not a person (e.g. a place, outlet or app)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--label", choices=["ORG", "PLACE", "NORP", "OTHER"], default=None,
                   help="what it is instead (default OTHER)")
    p.set_defaults(run="entities:correct_person", correction="not_person")

    p = commands.add_parser("person-suggestions", parents=[parent],
                            help="people who are probably one person, with the evidence")
    p.add_argument("--json", action="store_true", help="a JSON array of objects")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    p.set_defaults(run="entities:person_suggestions")

    p = commands.add_parser("people-corrections", parents=[parent],
                            help="the stored people corrections, oldest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--undo", type=int, metavar="ID", help="take back one correction")
    p.set_defaults(run="entities:people_corrections")


def _safety(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "backup", parents=[parent], help="back up the library now (or list its backups)",
        description="Copy the library into the backups folder beside it. Clipline also backs up "
        "before every upgrade of the file and once a day while the window is open; the newest "
        "7 are kept.",
    )
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.set_defaults(run="safety:backup")

    p = commands.add_parser(
        "restore", parents=[parent], help="put a backup back in place of the library",
        description="Replace the library with a backup (default: the newest one that passes the "
        "integrity check). The replaced file is kept in the backups folder, never deleted. "
        "Close the window first.",
    )
    p.add_argument("backup", nargs="?", type=Path, metavar="BACKUP", help="backup file to restore")
    p.set_defaults(run="safety:restore")

    p = commands.add_parser(
        "check", parents=[parent], help="check the library file for damage",
        description="Run SQLite's integrity, foreign-key and search-index checks (read-only). "
        "Exit status 0: sound; 1: damaged.",
    )
    p.set_defaults(run="safety:check")


def _filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--person", metavar="NAME", help="only events naming this person")
    p.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="only events from this date (YYYY[-MM[-DD]])",
    )
    p.add_argument(
        "--to", dest="date_to", metavar="DATE", help="only events up to this date (YYYY[-MM[-DD]])"
    )
    p.add_argument("--query", metavar="Q", help="only events whose sentence has these words")
    p.add_argument("--tag", metavar="T", help="only events from articles under this tag/story")


def _timeline(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "timeline", parents=[parent], help="the dated events of all clips, in order, with sources"
    )
    _filter_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--separate", action="store_true", help="do not merge events reported by several clips"
    )
    p.add_argument(
        "--hidden",
        action="store_true",
        help="also list the events you hid, marked hidden (event-hide --undo ID shows one again)",
    )
    p.set_defaults(run="timeline:run_timeline")

    p = commands.add_parser(
        "happenings", parents=[parent],
        help="bring the stored happenings up to date (--recompute: cluster every date again)",
    )
    p.add_argument("--recompute", action="store_true", help="cluster every date again")
    p.set_defaults(run="timeline:run_happenings")

    p = commands.add_parser(
        "not-story", parents=[parent],
        help="set an article or a whole outlet aside: not this story (--undo puts it back)",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--article", type=int, metavar="ID", help="this article")
    which.add_argument("--outlet", metavar="NAME", help="every clip of this outlet")
    p.add_argument("--undo", action="store_true", help="put it back in the story")
    p.set_defaults(run="timeline:run_not_story")

    p = commands.add_parser(
        "hide-matching", parents=[parent],
        help="hide every happening matching the filters and/or reported by an outlet",
    )
    _filter_options(p)
    p.add_argument("--outlet", metavar="NAME", help="only happenings this outlet reports")
    p.set_defaults(run="timeline:run_hide_matching")

    p = commands.add_parser(
        "key-events", parents=[parent], help="the most important dates, with their best sentences"
    )
    p.add_argument("--dates", type=int, default=10, metavar="L", help="how many dates (default 10)")
    p.add_argument(
        "--per-date", type=int, default=2, metavar="K", help="sentences per date (default 2)"
    )
    _filter_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run="timeline:run_key_events")

    p = commands.add_parser("brief", parents=[parent], help="write the Markdown briefing note")
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here (default: standard output)"
    )
    p.add_argument("--title", metavar="T", help="title of the note")
    p.add_argument("--html", action="store_true", help="write the HTML preview instead of Markdown")
    _filter_options(p)
    p.set_defaults(run="timeline:run_brief")

    p = commands.add_parser(
        "export", parents=[parent], help="export events as CSV, JSON or TimelineJS JSON"
    )
    p.add_argument("--format", choices=["csv", "json", "timelinejs"], required=True)
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here (default: standard output)"
    )
    p.add_argument("--title", metavar="T", help="title (TimelineJS)")
    _filter_options(p)
    p.set_defaults(run="timeline:run_export")

    for name, help_text, fn in (
        ("event-hide", "hide an event from the timeline and brief", "timeline:run_hide"),
        ("event-pin", "pin an event to the brief's key events", "timeline:run_pin"),
    ):
        p = commands.add_parser(name, parents=[parent], help=help_text)
        p.add_argument("event", metavar="ID", help="event id as `timeline` shows it (e12, m3)")
        p.add_argument("--undo", action="store_true", help="show / unpin it again")
        p.set_defaults(run=fn)

    p = commands.add_parser("event-edit", parents=[parent], help="correct an event's date or text")
    p.add_argument("event", metavar="ID", help="event id as `timeline` shows it (e12, m3)")
    p.add_argument(
        "--date", metavar="DATE", help="the right date (YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD)"
    )
    p.add_argument("--text", metavar="TEXT", help="the right wording")
    p.set_defaults(run="timeline:run_edit")

    p = commands.add_parser("event-add", parents=[parent], help="add an event by hand")
    p.add_argument(
        "--date", required=True, metavar="DATE", help="YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD"
    )
    p.add_argument("--text", required=True, metavar="TEXT")
    p.add_argument(
        "--person", action="append", default=[], metavar="NAME", help="a person in it (repeatable)"
    )
    p.add_argument("--article", type=int, metavar="ID", help="the article it comes from")
    p.add_argument("--url", metavar="URL", help="where it comes from")
    p.add_argument("--source", metavar="TITLE", help="name of the source")
    p.add_argument("--planned", action="store_true", help="it has not happened yet")
    p.add_argument("--pin", action="store_true", help="pin it to the brief")
    p.set_defaults(run="timeline:run_add")


#: Argument builders in the order ``--help`` lists them, with the module each one's work is in.
COMMANDS = [
    (_importing, "importing"),
    (_browse, "browse"),
    (_analysis, "analysis"),
    (_tag_dates, "tag_dates"),
    (_tag_quotes, "tag_quotes"),
    (_quotes, "quotes"),
    (_entities, "entities"),
    (_safety, "safety"),
    (_timeline, "timeline"),
]

#: Modules under desktop.cli that run commands.
COMMAND_MODULES = [module for _builder, module in COMMANDS]


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add every command to ``commands``; nothing of their work is imported."""
    for builder, _module in COMMANDS:
        builder(commands, parent)
