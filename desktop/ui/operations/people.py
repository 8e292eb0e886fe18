"""People corrections as undoable operations: each stores a rule (its id kept for undo) and
relinks people across the library; undo drops the rule. The writer reads the people afresh
after them (``Changed.PEOPLE``), so the window shows the new list without reading it itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from db.library import Library
from desktop.actions import corrections as act
from desktop.ui.changes import Changed
from desktop.ui.operations.operation import Operation

Person = dict[str, Any]


def correction(text: str, apply: Callable[[Library], int], done: str = "") -> Operation:
    """``apply`` stores a rule and returns its id; undo drops that rule, redo stores it again."""
    rule: dict[str, int] = {}

    def do(library: Library) -> None:
        rule["id"] = apply(library)

    def undo(library: Library) -> None:
        if "id" in rule:
            act.undo_people_correction(library, rule.pop("id"))

    return Operation(text, do, undo, Changed.PEOPLE, done)


def rename(person: Person, name: str) -> Operation:
    return correction(f"Rename {person['name']}", lambda library: act.rename_person(library, person["id"], name))


def merge(first: Person, second: Person) -> Operation:
    return correction(f"Merge {second['name']} into {first['name']}",
                      lambda library: act.merge_people(library, first["id"], second["id"]),
                      f"Merged {second['name']} into {first['name']} — Ctrl+Z to undo")


def split(person: Person, alias: str) -> Operation:
    return correction(f"Split {alias} from {person['name']}",
                      lambda library: act.split_person(library, person["id"], alias))


def not_a_person(person: Person) -> Operation:
    return correction(f"Treat {person['name']} as not a person",
                      lambda library: act.mark_not_person(library, person["name"]),
                      f"“{person['name']}” is no longer treated as a person — Ctrl+Z to undo")
