"""The reader's corrections as rules: how each bears on linking, and how each is applied.

A correction — rename, merge, split, not a person — is stored once (``db.people``) and
applied again to every article imported later and whenever the people are rebuilt. Rules
find their people by name keys, never by ids, so they survive re-analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from db import people as store
from desktop.people.name_keys import is_full, name_key

#: The label a mention gets when the reader says it is not a person (unless they say more).
NOT_PERSON_LABEL = "OTHER"


@dataclass
class Rules:
    """The reader's corrections, as they bear on linking."""

    not_person: dict[str, str] = field(default_factory=dict)  # name key -> new label
    separated: set[frozenset[str]] = field(default_factory=set)  # keys never joined
    split_names: set[str] = field(default_factory=set)  # names split off into a person
    rows: list[dict[str, Any]] = field(default_factory=list)
    reuse_ids: dict[str, int] = field(default_factory=dict)  # name key -> former person id
    next_id: int = 0  # first id free of every former person's, while rebuilding


_KEY_FIELDS = ("key", "other_key", "person_key")
_KEYS_FIELDS = ("keys", "other_keys", "person_keys")


def _current_keys(data: dict[str, Any]) -> dict[str, Any]:
    """A stored rule with its name keys as today's ``name_key`` writes them: a key is a
    folded name, and folding it again gives the current key, so rules stored by an older
    version find their people after an upgrade."""
    data = dict(data)
    for field_name in _KEY_FIELDS:
        if data.get(field_name):
            data[field_name] = name_key(data[field_name]) or data[field_name]
    for field_name in _KEYS_FIELDS:
        if data.get(field_name):
            data[field_name] = sorted({name_key(k) or k for k in data[field_name]})
    return data


def load_rules(db: Database) -> Rules:
    rules = Rules()
    for row in store.rules(db):
        row = {**row, "data": _current_keys(row["data"])}
        data = row["data"]
        rules.rows.append(row)
        if row["kind"] == "not_person":
            for key in data["keys"]:
                rules.not_person[key] = data.get("label") or NOT_PERSON_LABEL
        elif row["kind"] == "split":
            rules.split_names.add(data["key"])
            for person_key in data["person_keys"]:
                rules.separated.add(frozenset({person_key, data["key"]}))
    return rules


def create_person(db: Database, name: str, key: str, rules: Rules | None = None) -> int:
    """A new person; while rebuilding, one that had this key keeps its former id."""
    person_id = None
    if rules is not None and (rules.reuse_ids or rules.next_id):
        person_id = rules.reuse_ids.pop(key, None)
        if person_id is None:
            person_id = rules.next_id
            rules.next_id += 1
    return store.create_person(db, name, key, person_id)


def add_alias(db: Database, person_id: int, alias: str) -> None:
    store.add_alias(db, person_id, name_key(alias), alias)


def _find_by_keys(db: Database, keys: Iterable[str]) -> set[int]:
    found: set[int] = set()
    for key in keys:
        found |= store.people_with_key(db, key) | store.people_with_alias(db, key)
    return {p for p in found if store.has_mentions(db, p)}


def rule_people(db: Database, key: str | None, keys: list[str]) -> list[int]:
    """The people a stored rule was made for, most mentioned first: found by the person's
    own key, else by its full names — never by a bare surname another person may share."""
    found = _find_by_keys(db, [key]) if key else set()
    if not found:
        found = _find_by_keys(db, [k for k in keys if is_full(k)])
    return sorted(found, key=lambda p: -store.mention_count(db, p))


def apply_rename(db: Database, rule: dict[str, Any]) -> None:
    for person_id in rule_people(db, rule.get("key"), rule["person_keys"])[:1]:
        store.rename(db, person_id, rule["name"])
        add_alias(db, person_id, rule["name"])


def apply_merge(db: Database, rule: dict[str, Any]) -> None:
    targets = rule_people(db, rule.get("key"), rule["keys"])
    if not targets:
        return
    for source in rule_people(db, rule.get("other_key"), rule["other_keys"]):
        if source != targets[0]:
            store.move_person(db, source, targets[0])


def apply_split(db: Database, rule: dict[str, Any]) -> None:
    key = rule["key"]
    for person_id in rule_people(db, rule.get("person_key"), rule["person_keys"])[:1]:
        mention_ids = store.mentions_of_person_with_key(db, person_id, key)
        store.drop_alias(db, person_id, key)
        if not mention_ids:
            continue
        existing = store.people_with_key(db, key) - {person_id}  # that very name
        new_id = min(existing) if existing else create_person(db, rule["name"], key)
        add_alias(db, new_id, rule["name"])
        store.link_mentions(db, mention_ids, new_id)


def apply_not_person(db: Database, rule: dict[str, Any]) -> None:
    for key in rule["keys"]:
        store.relabel_key(db, key, rule["label"])
    store.drop_orphans(db)


#: How each stored rule is applied after a rebuild ("not_person" acts while linking).
APPLY: dict[str, Callable[[Database, dict[str, Any]], None]] = {
    "rename": apply_rename,
    "merge": apply_merge,
    "split": apply_split,
    "not_person": lambda db, rule: None,
}
