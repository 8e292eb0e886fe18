"""People corrections as operations: what the undo stack shows, the change (a function of the
library returning the correction's rule id) and what the status bar says when it is made.

They run on the writer thread (each relinks people across the library); undo drops the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from db.library import Library
from desktop.actions import corrections as act

Person = dict[str, Any]


@dataclass(frozen=True)
class PeopleOperation:
    text: str
    apply: Callable[[Library], int]
    done: str = ""


def rename(person: Person, name: str) -> PeopleOperation:
    return PeopleOperation(f"Rename {person['name']}",
                           lambda library: act.rename_person(library, person["id"], name))


def merge(first: Person, second: Person) -> PeopleOperation:
    return PeopleOperation(f"Merge {second['name']} into {first['name']}",
                           lambda library: act.merge_people(library, first["id"], second["id"]),
                           f"Merged {second['name']} into {first['name']} — Ctrl+Z to undo")


def split(person: Person, alias: str) -> PeopleOperation:
    return PeopleOperation(f"Split {alias} from {person['name']}",
                           lambda library: act.split_person(library, person["id"], alias))


def not_a_person(person: Person) -> PeopleOperation:
    return PeopleOperation(f"{person['name']} is not a person",
                           lambda library: act.mark_not_person(library, person["name"]),
                           f"“{person['name']}” is no longer treated as a person — Ctrl+Z to undo")
