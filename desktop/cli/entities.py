"""``tag-entities``, ``people`` and the people corrections (rename, merge, split, not a person).

``tag-entities`` needs no library: JSON Lines ``{"id", "text"}`` in, ``{"id", "entities"}``
out, in the same order, everything else on stderr. The corrections are stored in the library
and apply to every article imported later and on ``reanalyse``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from desktop.cli.common import open_library, print_json, write_jsonl
from desktop.wording import plural


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "tag-entities", parents=[parent],
        help="tag people, organisations and places in JSON Lines {id, text} read on stdin",
    )
    p.add_argument("--batch-size", type=int, default=32, metavar="N")
    p.set_defaults(run=tag_entities)

    p = commands.add_parser("people", parents=[parent], help="the people in the library")
    p.add_argument("--json", action="store_true", help="a JSON array of objects")
    p.add_argument("--article", type=int, metavar="ID", help="only the people of one article")
    p.set_defaults(run=people)

    for name, label, what in (("places", "PLACE", "places"),
                              ("organisations", "ORG", "organisations")):
        p = commands.add_parser(name, parents=[parent],
                                help=f"the {what} named in the library, spellings together")
        p.add_argument("--json", action="store_true", help="a JSON array of objects")
        p.set_defaults(run=_named(label))

    p = commands.add_parser("person-rename", parents=[parent], help="give a person another name")
    p.add_argument("person", metavar="OLD", help="the person's name, one of its names, or id")
    p.add_argument("new_name", metavar="NEW")
    p.set_defaults(run=_correction("rename"))

    p = commands.add_parser("person-merge", parents=[parent],
                            help="two people are one (the first keeps its name)")
    p.add_argument("first", metavar="A")
    p.add_argument("second", metavar="B")
    p.set_defaults(run=_correction("merge"))

    p = commands.add_parser("person-split", parents=[parent],
                            help="one of a person's names is somebody else")
    p.add_argument("person", metavar="NAME")
    p.add_argument("alias", metavar="ALIAS")
    p.set_defaults(run=_correction("split"))

    p = commands.add_parser("not-a-person", parents=[parent],
                            help="a name is not a person (e.g. a place, outlet or app)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--label", choices=["ORG", "PLACE", "NORP", "OTHER"], default=None,
                   help="what it is instead (default OTHER)")
    p.set_defaults(run=_correction("not_person"))

    p = commands.add_parser("person-suggestions", parents=[parent],
                            help="people who are probably one person, with the evidence")
    p.add_argument("--json", action="store_true", help="a JSON array of objects")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    p.set_defaults(run=person_suggestions)

    p = commands.add_parser("people-corrections", parents=[parent],
                            help="the stored people corrections, oldest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--undo", type=int, metavar="ID", help="take back one correction")
    p.set_defaults(run=people_corrections)


def _read_documents() -> list[tuple[Any, str]]:
    documents: list[tuple[Any, str]] = []
    for number, line in enumerate(sys.stdin, start=1):
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
            text = record.get("text")
            if not isinstance(text, str):
                raise ValueError("no text")
        except (ValueError, AttributeError) as error:
            print(f"line {number}: skipped ({error})", file=sys.stderr)
            record, text = {"id": None}, ""
        documents.append((record.get("id"), text))
    return documents


def tag_entities(args: argparse.Namespace) -> int:
    from desktop.analysis.entities import ModelError, analyse_texts

    documents = _read_documents()
    try:
        results = analyse_texts((text for _, text in documents), batch_size=args.batch_size)
        for (doc_id, _), analysis in zip(documents, results, strict=True):
            entities = [
                {"start": e.start, "end": e.end, "text": e.text, "label": e.label,
                 "name": e.name, "role": e.role}
                for e in analysis.entities
            ]
            write_jsonl({"id": doc_id, "entities": entities})
    except ModelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"tagged {plural(len(documents), 'document')}",
          file=sys.stderr)
    return 0


def people(args: argparse.Namespace) -> int:
    from desktop.people import list_people, people_in_article

    with open_library(args) as library:
        if args.article is not None:
            found = people_in_article(library.db, args.article)
        else:
            found = list_people(library.db)
    if args.json:
        print_json(found)
        return 0
    for person in found:
        aliases = f"  (also {', '.join(person['aliases'])})" if person.get("aliases") else ""
        roles = f" — {'; '.join(person['roles'])}" if person.get("roles") else ""
        counts = plural(person["mentions"], "mention")
        if "articles" in person:
            counts += ", " + plural(person["articles"], "article")
        print(f"#{person['id']:<5} {person['name']}{roles}{aliases}  [{counts}]")
    print(f"{len(found)} {'person' if len(found) == 1 else 'people'}")
    return 0


def _named(label: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from desktop.people import list_named

        with open_library(args) as library:
            found = list_named(library.db, label)
        if args.json:
            print_json(found)
            return 0
        for item in found:
            aliases = f"  (also {', '.join(item['aliases'])})" if item["aliases"] else ""
            print(f"{item['name']}{aliases}  [{plural(item['mentions'], 'mention')}, "
                  f"{plural(item['articles'], 'article')}]")
        print(plural(len(found), "name"))
        return 0

    return run


def _correction(kind: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        import desktop.people as store

        with open_library(args) as library:
            db = library.db
            try:
                if kind == "rename":
                    rule = store.rename_person(db, args.person, args.new_name)
                    done = f"renamed {args.person!r} to {args.new_name!r}"
                elif kind == "merge":
                    rule = store.merge_people(db, args.first, args.second)
                    done = f"merged {args.second!r} into {args.first!r}"
                elif kind == "split":
                    rule = store.split_person(db, args.person, args.alias)
                    done = f"split {args.alias!r} off {args.person!r}"
                else:
                    rule = store.mark_not_person(db, args.name, args.label)
                    done = f"{args.name!r} is no longer a person"
            except store.PeopleError as error:
                print(f"error: {error}", file=sys.stderr)
                return 1
        print(f"{done} (correction #{rule}; undo with: people-corrections --undo {rule})")
        return 0

    return run


def person_suggestions(args: argparse.Namespace) -> int:
    from desktop.people import suggest_merges

    with open_library(args) as library:
        found = suggest_merges(library.db, limit=args.limit)
    if args.json:
        print_json(found)
        return 0
    for s in found:
        print(f"#{s['person']} {s['name']}  <-  #{s['other']} {s['other_name']}"
              f"  ({'; '.join(s['evidence'])})")
        print(f"    accept with: person-merge {s['person']} {s['other']}")
    print(plural(len(found), "suggestion"))
    return 0


def people_corrections(args: argparse.Namespace) -> int:
    from desktop.people import corrections, undo_correction

    with open_library(args) as library:
        if args.undo is not None:
            if not any(c["id"] == args.undo for c in corrections(library.db)):
                print(f"error: no correction #{args.undo}", file=sys.stderr)
                return 1
            undo_correction(library.db, args.undo)
            print(f"undid correction #{args.undo}")
            return 0
        found = corrections(library.db)
    if args.json:
        print_json(found)
        return 0
    for c in found:
        print(f"#{c['id']:<4} {c['created_at']}  {c['kind']:<10} {json.dumps(c['data'], ensure_ascii=False)}")
    print(plural(len(found), "correction"))
    return 0
