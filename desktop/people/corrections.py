"""The reader's corrections to the people: rename, merge, split, not a person, undo.

Each correction is stored as a rule (``db.people``) and applied at once; it is applied again
to every article imported later and whenever the people are rebuilt. Each returns its rule
id; ``undo_correction`` removes the rule and rebuilds, so undo is exact.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from db import people as store
from db.quotes import relink_quotes
from desktop.people import linking
from desktop.people.linking import PeopleError, find_person
from desktop.people.name_keys import name_key
from desktop.people.rules import (
    NOT_PERSON_LABEL,
    apply_merge,
    apply_not_person,
    apply_rename,
    apply_split,
)


def rename_person(db: Database, person: str | int, new_name: str) -> int:
    """Give a person a new display name (also a name they go by); returns the rule id."""
    new_name = " ".join(new_name.split())
    if not new_name:
        raise PeopleError("the new name is empty")
    with db.atomic():
        person_id = find_person(db, person)
        rule = {
            "key": store.primary_key(db, person_id),
            "person_keys": sorted(store.person_keys(db, person_id)),
            "name": new_name,
        }
        rule_id = store.store_rule(db, "rename", rule)
        apply_rename(db, rule)
        _relink_quotes(db)
    return rule_id


def merge_people(db: Database, first: str | int, second: str | int) -> int:
    """Make two people one (the first keeps its name); returns the rule id."""
    with db.atomic():
        a, b = find_person(db, first), find_person(db, second)
        if a == b:
            raise PeopleError("those are already the same person")
        rule = {
            "key": store.primary_key(db, a), "keys": sorted(store.person_keys(db, a)),
            "other_key": store.primary_key(db, b), "other_keys": sorted(store.person_keys(db, b)),
        }
        rule_id = store.store_rule(db, "merge", rule)
        apply_merge(db, rule)
        _relink_quotes(db)
    return rule_id


def split_person(db: Database, person: str | int, alias: str) -> int:
    """Make the mentions of one of a person's names a person of their own; returns rule id."""
    with db.atomic():
        person_id = find_person(db, person)
        key = name_key(alias)
        if key not in store.person_keys(db, person_id) and not (
            store.mentions_of_person_with_key(db, person_id, key)
        ):
            raise PeopleError(f"{alias!r} is not a name of that person")
        keys = sorted(store.person_keys(db, person_id) - {key})
        if not keys:
            raise PeopleError(f"{alias!r} is that person's only name")
        rule = {"person_key": store.primary_key(db, person_id), "person_keys": keys, "key": key,
                "name": " ".join(alias.split())}
        rule_id = store.store_rule(db, "split", rule)
        apply_split(db, rule)
        _relink_quotes(db)
    return rule_id


def mark_not_person(db: Database, name: str, label: str | None = None) -> int:
    """Say a name is not a person ("Kiev", "Telegram"), here and in every later article.

    Naming a person covers every name it goes by ("Kiev" and "Kiev's" alike)."""
    key = name_key(name)
    with db.atomic():
        try:
            person_id: int | None = find_person(db, name)
        except PeopleError:
            person_id = None
        if person_id is not None:
            keys = sorted(store.person_keys(db, person_id) | {key})
        elif store.has_person_mention(db, key):
            keys = [key]
        else:
            raise PeopleError(f"no person called {name!r} in the library")
        rule = {"keys": keys, "name": name, "label": label or NOT_PERSON_LABEL}
        rule_id = store.store_rule(db, "not_person", rule)
        apply_not_person(db, rule)
        _relink_quotes(db)
    return rule_id


def corrections(db: Database) -> list[dict[str, Any]]:
    """The stored corrections, oldest first: {id, kind, data, created_at}."""
    return store.rules(db)


def undo_correction(db: Database, rule_id: int) -> None:
    """Take back one correction exactly: drop its rule and rebuild the people."""
    with db.atomic():
        store.delete_rule(db, rule_id)
        linking.relink_all(db)
        _relink_quotes(db)


def _relink_quotes(db: Database) -> None:
    """Quotes follow their speakers: a merged-away person's quotes go to the one kept."""

    def find(name: str) -> int | None:
        try:
            return find_person(db, name)
        except PeopleError:
            return None

    relink_quotes(db, find)
