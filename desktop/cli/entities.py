"""``tag-entities``, ``people`` and the people corrections (rename, merge, split, not a person).

``tag-entities`` needs no library: JSON Lines ``{"id", "text"}`` in, ``{"id", "entities"}``
out, in the same order, everything else on stderr. The corrections are stored in the library
and apply to every article imported later and on ``reanalyse``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.cli.common import open_library, print_json, write_jsonl
from desktop.people import list_named, list_people, people_in_article, suggest_merges
from desktop.wording import plural


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
    # lazy: the entity passes' patterns load only for tagging, not for ``people``
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


def named(args: argparse.Namespace) -> int:
    """``places`` and ``organisations``: the names of one kind, spellings together."""

    with open_library(args) as library:
        found = list_named(library.db, args.named_label)
    if args.json:
        print_json(found)
        return 0
    for item in found:
        aliases = f"  (also {', '.join(item['aliases'])})" if item["aliases"] else ""
        print(f"{item['name']}{aliases}  [{plural(item['mentions'], 'mention')}, "
              f"{plural(item['articles'], 'article')}]")
    print(plural(len(found), "name"))
    return 0


def correct_person(args: argparse.Namespace) -> int:
    """``person-rename``, ``person-merge``, ``person-split`` and ``not-a-person``."""
    # lazy: corrections bring the timeline and the date patterns; listing people needs neither
    from desktop.actions import corrections as act

    kind = args.correction
    with open_library(args) as library:
        try:
            if kind == "rename":
                rule = act.rename_person(library, args.person, args.new_name)
                done = f"renamed {args.person!r} to {args.new_name!r}"
            elif kind == "merge":
                rule = act.merge_people(library, args.first, args.second)
                done = f"merged {args.second!r} into {args.first!r}"
            elif kind == "split":
                rule = act.split_person(library, args.person, args.alias)
                done = f"split {args.alias!r} off {args.person!r}"
            else:
                rule = act.mark_not_person(library, args.name, args.label)
                done = f"{args.name!r} is no longer a person"
        except act.PeopleError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    print(f"{done} (correction #{rule}; undo with: people-corrections --undo {rule})")
    return 0


def people_corrections(args: argparse.Namespace) -> int:
    # lazy: corrections bring the timeline and the date patterns; listing people needs neither
    from desktop.actions import corrections as act

    with open_library(args) as library:
        if args.undo is not None:
            if not any(c["id"] == args.undo for c in act.people_corrections(library)):
                print(f"error: no correction #{args.undo}", file=sys.stderr)
                return 1
            act.undo_people_correction(library, args.undo)
            print(f"undid correction #{args.undo}")
            return 0
        found = act.people_corrections(library)
    if args.json:
        print_json(found)
        return 0
    for c in found:
        print(f"#{c['id']:<4} {c['created_at']}  {c['kind']:<10} {json.dumps(c['data'], ensure_ascii=False)}")
    print(plural(len(found), "correction"))
    return 0


def person_suggestions(args: argparse.Namespace) -> int:
    """``person-suggestions``: people who are probably one person, with the evidence."""
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
