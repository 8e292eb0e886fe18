"""People in the library: mentions of entities in articles, grouped into one ``Person`` each.

``write_mentions`` stores an article's entity mentions (inside the article's transaction)
and links its person mentions to library-wide people: a full name meets the person with the
same name key (case, diacritics and transliteration folded); a surname alone meets the one
person it can belong to, and stays unlinked when two people share it.

A reporter's corrections — rename, merge, split, not a person — are stored as rules in
``people_corrections`` and applied again to every article imported later and whenever the
people are rebuilt (``relink_all``). Each correction returns its rule id; ``undo_correction``
removes the rule and rebuilds, so undo is exact.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlite_utils import Database

from desktop.analysis.people.grouping import Cluster, group_mentions
from desktop.analysis.people.names import (
    PLACE_VARIANTS,
    family_name_keys,
    fold,
    is_full,
    middles_agree,
    name_key,
    place_key,
    surname_key,
)

#: The label a mention gets when the reader says it is not a person (unless they say more).
NOT_PERSON_LABEL = "OTHER"


class MentionLike(Protocol):
    start: int
    end: int
    text: str
    label: str
    role: str | None
    name: str


class PeopleError(ValueError):
    """A correction names a person or name the library does not have."""


@dataclass
class Rules:
    """The reader's corrections, as they bear on linking."""

    not_person: dict[str, str] = field(default_factory=dict)  # name key -> new label
    separated: set[frozenset[str]] = field(default_factory=set)  # keys never joined
    split_names: set[str] = field(default_factory=set)  # names split off into a person
    rows: list[dict[str, Any]] = field(default_factory=list)
    reuse_ids: dict[str, int] = field(default_factory=dict)  # name key -> former person id
    next_id: int = 0  # first id free of every former person's, while rebuilding


def load_rules(db: Database) -> Rules:
    rules = Rules()
    for row in db.execute("SELECT id, kind, data FROM people_corrections ORDER BY id"):
        data = json.loads(row[2])
        rules.rows.append({"id": row[0], "kind": row[1], "data": data})
        if row[1] == "not_person":
            for key in data["keys"]:
                rules.not_person[key] = data.get("label") or NOT_PERSON_LABEL
        elif row[1] == "split":
            rules.split_names.add(data["key"])
            for person_key in data["person_keys"]:
                rules.separated.add(frozenset({person_key, data["key"]}))
    return rules


# -- writing mentions ----------------------------------------------------------------------


def write_mentions(db: Database, article_id: int, entities: Iterable[MentionLike]) -> None:
    """Store an article's mentions and link its people (inside the caller's transaction).

    Mentions the article already had are replaced, so analysing again never doubles them."""
    db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    rows = []
    for entity in entities:
        name = getattr(entity, "name", "") or entity.text
        rows.append(
            {
                "article_id": article_id,
                "start": entity.start,
                "end": entity.end,
                "text": entity.text,
                "name": name,
                "key": name_key(name),
                "label": entity.label,
                "model_label": entity.label,
                "role": entity.role,
            }
        )
    if rows:  # a prepared statement: sqlite-utils' insert_all reads the schema on every call
        db.conn.executemany(
            'INSERT INTO mentions (article_id, start, "end", text, name, key, label, model_label, role)'
            " VALUES (:article_id, :start, :end, :text, :name, :key, :label, :model_label, :role)",
            rows,
        )
    _link_article(db, article_id, load_rules(db))


def _link_article(db: Database, article_id: int, rules: Rules) -> None:
    people_rows = list(
        db.execute(
            "SELECT id, name, key FROM mentions WHERE article_id = ? AND model_label = 'PERSON'"
            " ORDER BY start",
            [article_id],
        )
    )
    linked: list[tuple[int, str, str]] = []
    for mention_id, name, key in people_rows:
        label = rules.not_person.get(key)
        if not key:
            continue  # nothing of a name left to link by
        if label is not None:
            db.execute(
                "UPDATE mentions SET label = ?, person_id = NULL WHERE id = ?", [label, mention_id]
            )
        else:
            linked.append((mention_id, name, key))
    clusters = group_mentions([n for _, n, _ in linked], separated=rules.separated)
    for cluster in clusters:
        person_id = _person_for(db, cluster, rules)
        ids = [linked[i][0] for i in cluster.mentions]
        db.execute(
            f"UPDATE mentions SET person_id = ? WHERE id IN ({','.join('?' * len(ids))})",
            [person_id, *ids],
        )
        if person_id is not None:
            for name in cluster.names:
                _add_alias(db, person_id, name)


def _add_alias(db: Database, person_id: int, alias: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO person_aliases (person_id, key, alias) VALUES (?, ?, ?)",
        [person_id, name_key(alias), alias],
    )


def _people_with_alias(db: Database, key: str) -> set[int]:
    return {r[0] for r in db.execute("SELECT person_id FROM person_aliases WHERE key = ?", [key])}


def _person_keys(db: Database, person_id: int) -> set[str]:
    rows = db.execute("SELECT key FROM person_aliases WHERE person_id = ?", [person_id])
    keys = {r[0] for r in rows}
    row = db.execute("SELECT key FROM people WHERE id = ?", [person_id]).fetchone()
    if row:
        keys.add(row[0])
    return keys


def _allowed(db: Database, person_id: int, key: str, rules: Rules) -> bool:
    if not rules.separated:
        return True
    return all(frozenset({k, key}) not in rules.separated for k in _person_keys(db, person_id))


def _full_people_with_surname(db: Database, key: str) -> set[int]:
    found = set()
    for person_id, alias_key in db.execute(
        "SELECT person_id, key FROM person_aliases WHERE key LIKE ? OR key LIKE ?",
        ["% " + key, key + " %-%"],
    ):
        if key in family_name_keys(alias_key):
            found.add(person_id)
    return found


def _person_for(db: Database, cluster: Cluster, rules: Rules) -> int | None:
    """The library person a cluster of one article's mentions belongs to (created if new)."""
    if cluster.full:
        candidates: set[int] = set()
        for key in sorted(k for k in cluster.keys if is_full(k)):
            candidates |= _people_with_alias(db, key)
        candidates = {p for p in candidates if _allowed(db, p, cluster.key, rules)}
        if not candidates:
            candidates = _same_name_with_middle(db, cluster.key)
            candidates = {p for p in candidates if _allowed(db, p, cluster.key, rules)}
            if len(candidates) > 1:
                candidates = set()
        if candidates:
            return min(candidates)
        person_id = _create_person(db, cluster.display, cluster.key, rules)
        _absorb_surname_only(db, person_id, cluster.key, rules)
        return person_id
    key = cluster.key
    if key in rules.split_names:
        # A name the reader split off is its own person wherever it stands alone.
        own = db.execute("SELECT min(id) FROM people WHERE key = ?", [key]).fetchone()[0]
        return int(own) if own is not None else _create_person(db, cluster.display, key, rules)
    candidates = _people_with_alias(db, key) | _full_people_with_surname(db, key)
    candidates = {p for p in candidates if _allowed(db, p, key, rules)}
    if len(candidates) > 1:  # people left without mentions (deleted articles) do not count
        live = {p for p in candidates if _has_mentions(db, p)}
        candidates = live or candidates
    if len(candidates) == 1:
        return candidates.pop()
    if candidates:
        return None  # two people go by this name: never guess
    return _create_person(db, cluster.display, key, rules)


def _has_mentions(db: Database, person_id: int) -> bool:
    return db.execute("SELECT 1 FROM mentions WHERE person_id = ?", [person_id]).fetchone() is not None


def _same_name_with_middle(db: Database, key: str) -> set[int]:
    """People whose full name is this one with or without middle names or initials
    ("Donald J. Trump" and "Donald Trump"), when first and last names agree."""
    parts = key.split()
    first, last = parts[0], parts[-1]
    found: set[int] = set()
    for person_id, other in db.execute(
        "SELECT person_id, key FROM person_aliases WHERE key LIKE ?", [f"{first} % {last}"]
    ).fetchall() + db.execute(
        "SELECT person_id, key FROM person_aliases WHERE key = ?", [f"{first} {last}"]
    ).fetchall():
        theirs = other.split()
        if theirs[0] != first or theirs[-1] != last:
            continue
        if middles_agree(parts[1:-1], theirs[1:-1]):
            found.add(person_id)
    return found


def _create_person(db: Database, name: str, key: str, rules: Rules | None = None) -> int:
    person_id = None
    if rules is not None and (rules.reuse_ids or rules.next_id):
        person_id = rules.reuse_ids.pop(key, None)
        if person_id is None:
            person_id = rules.next_id
            rules.next_id += 1
    cursor = db.execute(
        "INSERT INTO people (id, name, key) VALUES (?, ?, ?)", [person_id, name, key]
    )
    return int(cursor.lastrowid)


def _absorb_surname_only(db: Database, person_id: int, key: str, rules: Rules) -> None:
    """A new full name takes over a surname-only person it alone can be ("Medinsky")."""
    last = surname_key(key)
    if last is None:
        return
    if _full_people_with_surname(db, last) - {person_id}:
        return
    for other in _people_with_alias(db, last) - {person_id}:
        if any(is_full(k) for k in _person_keys(db, other)):
            continue
        if not _allowed(db, person_id, last, rules):
            continue
        _move_person(db, other, person_id)


def _move_person(db: Database, source: int, target: int) -> None:
    db.execute("UPDATE mentions SET person_id = ? WHERE person_id = ?", [target, source])
    db.execute(
        "INSERT OR IGNORE INTO person_aliases (person_id, key, alias)"
        " SELECT ?, key, alias FROM person_aliases WHERE person_id = ?",
        [target, source],
    )
    db.execute("DELETE FROM people WHERE id = ?", [source])


# -- reading -------------------------------------------------------------------------------


def _person_summary(db: Database, person_id: int, name: str) -> dict[str, Any]:
    names: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    articles: set[int] = set()
    count = 0
    for mention_name, role, article_id in db.execute(
        "SELECT name, role, article_id FROM mentions WHERE person_id = ? AND label = 'PERSON'",
        [person_id],
    ):
        count += 1
        names[mention_name] += 1
        if role:
            roles[role] += 1
        articles.add(article_id)
    return {
        "id": person_id,
        "name": name,
        "aliases": [n for n, _ in names.most_common() if n != name],
        "roles": _distinct_roles(r for r, _ in roles.most_common()),
        "mentions": count,
        "articles": len(articles),
        "article_ids": sorted(articles),
    }


def _distinct_roles(roles: Iterable[str]) -> list[str]:
    """Roles without repeats that differ only in case ("Presidential aide")."""
    seen: dict[str, str] = {}
    for role in roles:
        seen.setdefault(role.casefold(), role)
    return list(seen.values())


def list_people(db: Database) -> list[dict[str, Any]]:
    """Every person with at least one mention: most mentioned first."""
    rows = db.execute(
        "SELECT people.id, people.name FROM people WHERE EXISTS (SELECT 1 FROM mentions"
        " WHERE person_id = people.id AND label = 'PERSON') ORDER BY people.name"
    ).fetchall()
    people = [_person_summary(db, person_id, name) for person_id, name in rows]
    people.sort(key=lambda p: (-p["mentions"], p["name"]))
    return people


def list_named(db: Database, label: str) -> list[dict[str, Any]]:
    """Places ("PLACE"), organisations ("ORG") or groups ("NORP") across the library, with
    spellings of one name together ("Kiev" and "Kyiv"); most mentioned first."""
    groups: dict[str, dict[str, Any]] = {}
    for name, article_id in db.execute(
        "SELECT name, article_id FROM mentions WHERE label = ?", [label]
    ):
        key = place_key(name) if label == "PLACE" else fold(name)
        group = groups.setdefault(key, {"names": Counter(), "articles": set()})
        group["names"][name] += 1
        group["articles"].add(article_id)
    out = []
    for key, group in groups.items():
        names: Counter[str] = group["names"]
        preferred = PLACE_VARIANTS.get(key) if label == "PLACE" else None
        name = preferred if preferred in names else names.most_common(1)[0][0]
        out.append({
            "name": name,
            "aliases": [n for n, _ in names.most_common() if n != name],
            "mentions": sum(names.values()),
            "articles": len(group["articles"]),
        })
    out.sort(key=lambda g: (-g["mentions"], g["name"]))
    return out


def people_in_article(db: Database, article_id: int) -> list[dict[str, Any]]:
    """The people an article mentions, in order of first mention, with their mention count."""
    sql = (
        "SELECT people.id, people.name, count(*) AS mentions, min(mentions.start) AS first"
        " FROM mentions JOIN people ON people.id = mentions.person_id"
        " WHERE mentions.article_id = ? AND mentions.label = 'PERSON'"
        " GROUP BY people.id ORDER BY first"
    )
    out = []
    for person_id, name, count, first in db.execute(sql, [article_id]):
        roles = [
            r[0]
            for r in db.execute(
                "SELECT DISTINCT role FROM mentions WHERE article_id = ? AND person_id = ?"
                " AND role IS NOT NULL ORDER BY start",
                [article_id, person_id],
            )
        ]
        out.append({"id": person_id, "name": name, "mentions": count, "first": first,
                    "roles": _distinct_roles(roles)})
    return out


_MENTION_COLUMNS = (
    'mentions.id, mentions.article_id, mentions.person_id, mentions.start, mentions."end",'
    " mentions.text, mentions.name, mentions.label, mentions.role, people.name AS person"
)


def _mention_rows(db: Database, where: str, params: list[Any]) -> list[dict[str, Any]]:
    return list(db.query(
        f"SELECT {_MENTION_COLUMNS} FROM mentions LEFT JOIN people"
        f" ON people.id = mentions.person_id WHERE {where} ORDER BY mentions.start",
        params,
    ))


def mentions_in_article(db: Database, article_id: int) -> list[dict[str, Any]]:
    """Every entity mention of an article (people, organisations, places), in text order."""
    return _mention_rows(db, "mentions.article_id = ?", [article_id])


def people_in_span(db: Database, article_id: int, start: int, end: int) -> list[dict[str, Any]]:
    """People mentioned within ``[start, end)`` of an article (e.g. one sentence), in order."""
    rows = _mention_rows(
        db,
        "mentions.article_id = ? AND mentions.label = 'PERSON' AND mentions.person_id IS NOT"
        ' NULL AND mentions.start >= ? AND mentions."end" <= ?',
        [article_id, start, end],
    )
    seen: dict[int, dict[str, Any]] = {}
    for row in rows:
        person = seen.setdefault(
            row["person_id"], {"id": row["person_id"], "name": row["person"], "roles": []}
        )
        if row["role"] and row["role"].casefold() not in map(str.casefold, person["roles"]):
            person["roles"].append(row["role"])
    return list(seen.values())


def find_person(db: Database, name_or_id: str | int) -> int:
    """A person's id from its id, its name or one of its names; raises PeopleError."""
    if isinstance(name_or_id, int) or str(name_or_id).isdigit():
        row = db.execute("SELECT id FROM people WHERE id = ?", [int(name_or_id)]).fetchone()
        if row:
            return int(row[0])
    key = name_key(str(name_or_id))
    rows = db.execute(
        "SELECT DISTINCT people.id FROM people LEFT JOIN person_aliases"
        " ON person_aliases.person_id = people.id"
        " WHERE (people.key = ? OR person_aliases.key = ?)"
        " AND EXISTS (SELECT 1 FROM mentions WHERE person_id = people.id)",
        [key, key],
    ).fetchall()
    by_name = [r[0] for r in rows if db.execute(
        "SELECT 1 FROM people WHERE id = ? AND key = ?", [r[0], key]).fetchone()]
    if len(by_name) == 1:
        return int(by_name[0])
    if len(rows) == 1:
        return int(rows[0][0])
    if not rows:
        # A surname alone names the one person it can be ("Rubio").
        by_surname = [
            p for p in _full_people_with_surname(db, key)
            if db.execute("SELECT 1 FROM mentions WHERE person_id = ?", [p]).fetchone()
        ]
        if len(by_surname) == 1:
            return by_surname[0]
        if by_surname:
            raise PeopleError(
                f"{name_or_id!r} could be {len(by_surname)} people; use the full name or id"
            )
        raise PeopleError(f"no person called {name_or_id!r} in the library")
    raise PeopleError(f"{name_or_id!r} could be {len(rows)} people; use the person's id")


# -- corrections ---------------------------------------------------------------------------


def _store_rule(db: Database, kind: str, data: dict[str, Any]) -> int:
    cursor = db.execute(
        "INSERT INTO people_corrections (kind, data, created_at) VALUES (?, ?, ?)",
        [kind, json.dumps(data, ensure_ascii=False),
         datetime.now(UTC).isoformat(timespec="seconds")],
    )
    return int(cursor.lastrowid)


def rename_person(db: Database, person: str | int, new_name: str) -> int:
    """Give a person a new display name (also a name they go by); returns the rule id."""
    new_name = " ".join(new_name.split())
    if not new_name:
        raise PeopleError("the new name is empty")
    with db.atomic():
        person_id = find_person(db, person)
        rule = {
            "key": _primary_key(db, person_id),
            "person_keys": sorted(_person_keys(db, person_id)),
            "name": new_name,
        }
        rule_id = _store_rule(db, "rename", rule)
        _apply_rename(db, rule)
    return rule_id


def merge_people(db: Database, first: str | int, second: str | int) -> int:
    """Make two people one (the first keeps its name); returns the rule id."""
    with db.atomic():
        a, b = find_person(db, first), find_person(db, second)
        if a == b:
            raise PeopleError("those are already the same person")
        rule = {
            "key": _primary_key(db, a), "keys": sorted(_person_keys(db, a)),
            "other_key": _primary_key(db, b), "other_keys": sorted(_person_keys(db, b)),
        }
        rule_id = _store_rule(db, "merge", rule)
        _apply_merge(db, rule)
    return rule_id


def split_person(db: Database, person: str | int, alias: str) -> int:
    """Make the mentions of one of a person's names a person of their own; returns rule id."""
    with db.atomic():
        person_id = find_person(db, person)
        key = name_key(alias)
        if key not in _person_keys(db, person_id) and not db.execute(
            "SELECT 1 FROM mentions WHERE person_id = ? AND key = ?", [person_id, key]
        ).fetchone():
            raise PeopleError(f"{alias!r} is not a name of that person")
        keys = sorted(_person_keys(db, person_id) - {key})
        if not keys:
            raise PeopleError(f"{alias!r} is that person's only name")
        rule = {"person_key": _primary_key(db, person_id), "person_keys": keys, "key": key,
                "name": " ".join(alias.split())}
        rule_id = _store_rule(db, "split", rule)
        _apply_split(db, rule)
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
            keys = sorted(_person_keys(db, person_id) | {key})
        elif db.execute(
            "SELECT 1 FROM mentions WHERE key = ? AND model_label = 'PERSON'", [key]
        ).fetchone():
            keys = [key]
        else:
            raise PeopleError(f"no person called {name!r} in the library")
        rule = {"keys": keys, "name": name, "label": label or NOT_PERSON_LABEL}
        rule_id = _store_rule(db, "not_person", rule)
        _apply_not_person(db, rule)
    return rule_id


def corrections(db: Database) -> list[dict[str, Any]]:
    return [
        {"id": r[0], "kind": r[1], "data": json.loads(r[2]), "created_at": r[3]}
        for r in db.execute("SELECT id, kind, data, created_at FROM people_corrections ORDER BY id")
    ]


def undo_correction(db: Database, rule_id: int) -> None:
    """Take back one correction exactly: drop its rule and rebuild the people."""
    with db.atomic():
        db.execute("DELETE FROM people_corrections WHERE id = ?", [rule_id])
        relink_all(db)


def _find_by_keys(db: Database, keys: Iterable[str]) -> set[int]:
    found: set[int] = set()
    for key in keys:
        found |= {
            r[0] for r in db.execute(
                "SELECT id FROM people WHERE key = ? UNION"
                " SELECT person_id FROM person_aliases WHERE key = ?",
                [key, key],
            )
        }
    return {p for p in found if db.execute(
        "SELECT 1 FROM mentions WHERE person_id = ?", [p]).fetchone()}


def _rule_people(db: Database, key: str | None, keys: list[str]) -> list[int]:
    """The people a stored rule was made for, most mentioned first: found by the person's
    own key, else by its full names — never by a bare surname another person may share."""
    found = _find_by_keys(db, [key]) if key else set()
    if not found:
        found = _find_by_keys(db, [k for k in keys if is_full(k)])
    return sorted(found, key=lambda p: -db.execute(
        "SELECT count(*) FROM mentions WHERE person_id = ?", [p]).fetchone()[0])


def _primary_key(db: Database, person_id: int) -> str:
    return str(db.execute("SELECT key FROM people WHERE id = ?", [person_id]).fetchone()[0])


def _apply_rename(db: Database, rule: dict[str, Any]) -> None:
    for person_id in _rule_people(db, rule.get("key"), rule["person_keys"])[:1]:
        db.execute("UPDATE people SET name = ? WHERE id = ?", [rule["name"], person_id])
        _add_alias(db, person_id, rule["name"])


def _apply_merge(db: Database, rule: dict[str, Any]) -> None:
    targets = _rule_people(db, rule.get("key"), rule["keys"])
    if not targets:
        return
    for source in _rule_people(db, rule.get("other_key"), rule["other_keys"]):
        if source != targets[0]:
            _move_person(db, source, targets[0])


def _apply_split(db: Database, rule: dict[str, Any]) -> None:
    key = rule["key"]
    for person_id in _rule_people(db, rule.get("person_key"), rule["person_keys"])[:1]:
        rows = db.execute(
            "SELECT id FROM mentions WHERE person_id = ? AND key = ?", [person_id, key]
        ).fetchall()
        db.execute("DELETE FROM person_aliases WHERE person_id = ? AND key = ?", [person_id, key])
        if not rows:
            continue
        existing = {  # a person going by that very name (not one who shares a surname)
            r[0] for r in db.execute("SELECT id FROM people WHERE key = ? AND id != ?",
                                     [key, person_id])
        }
        new_id = min(existing) if existing else _create_person(db, rule["name"], key)
        _add_alias(db, new_id, rule["name"])
        ids = [r[0] for r in rows]
        db.execute(
            f"UPDATE mentions SET person_id = ? WHERE id IN ({','.join('?' * len(ids))})",
            [new_id, *ids],
        )


def _apply_not_person(db: Database, rule: dict[str, Any]) -> None:
    for key in rule["keys"]:
        db.execute(
            "UPDATE mentions SET label = ?, person_id = NULL"
            " WHERE key = ? AND model_label = 'PERSON'",
            [rule["label"], key],
        )
    _drop_orphans(db)


def _drop_orphans(db: Database) -> None:
    db.execute(
        "DELETE FROM people WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE person_id = people.id)"
    )


_APPLY = {
    "rename": _apply_rename,
    "merge": _apply_merge,
    "split": _apply_split,
    "not_person": lambda db, rule: None,  # applied while linking
}


def relink_all(db: Database) -> None:
    """Rebuild every person from the stored mentions and the corrections (after reanalyse).

    People keep their ids where their name key is unchanged, so links held elsewhere stay.
    """
    with db.atomic():
        old_ids = {key: pid for pid, key in db.execute("SELECT id, key FROM people")}
        db.execute("UPDATE mentions SET label = model_label, person_id = NULL")
        db.execute("DELETE FROM person_aliases")
        db.execute("DELETE FROM people")
        rules = load_rules(db)
        rules.reuse_ids = old_ids
        rules.next_id = max(old_ids.values(), default=0) + 1
        article_ids = [r[0] for r in db.execute("SELECT DISTINCT article_id FROM mentions")]
        for article_id in sorted(article_ids):
            _link_article(db, article_id, rules)
        for row in rules.rows:
            _APPLY[row["kind"]](db, row["data"])
        _drop_orphans(db)
