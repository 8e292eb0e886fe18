"""Storage of people: the ``mentions``, ``people``, ``person_aliases`` and
``people_corrections`` tables, and nothing else.

Every SQL statement on those tables lives here; what the rows mean — which mentions are one
person, which names are not people, how a correction bears on linking — is decided above, in
``desktop.people``. Keys (``key`` columns) are computed there too and only stored here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from db.connection import insert_dicts

# -- mentions ------------------------------------------------------------------------------


#: Characters kept before and after each person mention (``text_before``, ``text_after``:
#: what the library's vote on a name reads, ``desktop.people.evidence``).
CONTEXT_WIDTH = 24


def replace_mentions(db: Database, article_id: int, rows: list[dict[str, Any]]) -> None:
    """An article's mentions, replacing those it had (inside the caller's transaction)."""
    db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    insert_dicts(db, "mentions", rows)


def person_mentions(db: Database, article_id: int) -> list[tuple[int, str, str, int]]:
    """(id, name, key, start) of the mentions the analysis called a person, in text order."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in db.execute(
            "SELECT id, name, key, start FROM mentions WHERE article_id = ?"
            " AND model_label = 'PERSON' ORDER BY start",
            [article_id],
        )
    ]


def article_text(db: Database, article_id: int) -> str:
    """The text the mentions' offsets point into (for paragraphs and mention contexts)."""
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return str(row[0]) if row and row[0] else ""


def label_votes(db: Database, key: str) -> Counter[str]:
    """How the analysis labelled a name across the library: {label: mentions}."""
    return Counter({
        r[0]: r[1]
        for r in db.execute(
            "SELECT model_label, count(*) FROM mentions WHERE key = ? GROUP BY model_label", [key]
        )
    })


def mention_contexts(db: Database, key: str) -> list[tuple[str | None, int, int]]:
    """(context, mentions, first mention's id) of the person mentions of a name key, by
    their stored ``context`` (what the words around a mention say of it): counted in the
    index, however often the name is named. A context of None counts the mentions stored
    before ``context`` was (``mentions_without_context`` reads them; a library imported
    since has none, and then that second look-up is not needed)."""
    return [(r[0], r[1], r[2]) for r in db.execute(
        "SELECT context, count(*), min(id) FROM mentions WHERE key = ?"
        " AND model_label = 'PERSON' GROUP BY context", [key])]


def mentions_without_context(db: Database, key: str) -> list[tuple[int, str, str, str | None]]:
    """(id, text before, text after, role) of the person mentions of a key stored before
    ``context`` was (a library from before; ``reanalyse`` stores it)."""
    return [(r[0], r[1] or "", r[2] or "", r[3]) for r in db.execute(
        "SELECT id, text_before, text_after, role FROM mentions WHERE key = ?"
        " AND model_label = 'PERSON' AND context IS NULL ORDER BY id", [key])]


def lower_case_uses(db: Database, word: str, limit: int = 3) -> int:
    """How many articles (up to ``limit``) write ``word`` in lower case ("tanks"): the
    full-text index finds the articles with the word in any case (the first 50), the text
    tells the case. The texts are searched here: SQLite's ``instr`` compares at every
    character, and a name found in 50 long articles (every person's, most of them in no
    lower case) cost ~1.4 ms a word, a seventh of all storing."""
    if not word.isalpha():
        return 0
    word = word.lower()
    # `` word`` first: most texts lack it, and then one scan of the text says no, not six.
    first = f" {word}"
    forms = [f" {word}{end}" for end in (" ", ",", ".", ";", ":", "\n")]
    found = 0
    for (text,) in db.execute(
        "SELECT text FROM articles WHERE rowid IN (SELECT rowid FROM articles_fts"
        " WHERE articles_fts MATCH ? LIMIT 50)", [f'"{word}"'],
    ):
        if first in text and any(form in text for form in forms):
            found += 1
            if found >= limit:
                break
    return found


def set_mention_labels(db: Database, mention_ids: Iterable[int], label: str) -> None:
    """Mentions that are not a person after all (``label``), linked to nobody."""
    ids = list(mention_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        db.execute(
            f"UPDATE mentions SET label = ?, person_id = NULL"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            [label, *chunk],
        )


def relabel_key(db: Database, key: str, label: str) -> list[int]:
    """Every person mention of a name key takes ``label`` (not a person); returns the
    people those mentions were linked to."""
    people = [r[0] for r in db.execute(
        "SELECT DISTINCT person_id FROM mentions WHERE key = ? AND model_label = 'PERSON'"
        " AND person_id IS NOT NULL", [key])]
    db.execute(
        "UPDATE mentions SET label = ?, person_id = NULL WHERE key = ? AND model_label = 'PERSON'",
        [label, key],
    )
    return people


def link_mentions(db: Database, mention_ids: list[int], person_id: int | None) -> None:
    for start in range(0, len(mention_ids), 500):
        chunk = mention_ids[start : start + 500]
        db.execute(
            f"UPDATE mentions SET person_id = ? WHERE id IN ({','.join('?' * len(chunk))})",
            [person_id, *chunk],
        )


def mentions_of_person_with_key(db: Database, person_id: int, key: str) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT id FROM mentions WHERE person_id = ? AND key = ?", [person_id, key])]


def has_person_mention(db: Database, key: str) -> bool:
    return db.execute(
        "SELECT 1 FROM mentions WHERE key = ? AND model_label = 'PERSON'", [key]
    ).fetchone() is not None


def mention_texts(db: Database) -> list[tuple[int, str, str]]:
    """(id, text as written, name) of every mention, to compute names and keys again."""
    return [(r[0], r[1], r[2]) for r in db.execute("SELECT id, text, name FROM mentions")]


def rename_mentions(db: Database, names: Iterable[tuple[int, str, str]]) -> None:
    """New (id, name, key) of mentions whose span was cut back to the name."""
    db.conn.executemany("UPDATE mentions SET name = ?, key = ? WHERE id = ?",
                        [(name, key, mention_id) for mention_id, name, key in names])


def non_person_keys(db: Database, article_id: int) -> set[str]:
    """Keys an article tags as a place, organisation or group that are people elsewhere."""
    return {r[0] for r in db.execute(
        "SELECT DISTINCT m.key FROM mentions m WHERE m.article_id = ? AND m.model_label IN"
        " ('PLACE', 'ORG', 'NORP') AND EXISTS (SELECT 1 FROM mentions o WHERE o.key = m.key"
        " AND o.model_label = 'PERSON' AND o.label = 'PERSON')",
        [article_id],
    )}


def non_person_words_starting_names(db: Database, article_id: int) -> set[str]:
    """One-word keys an article tags as a place, organisation or group that start some
    person's name ("Deepwater" of a person "Deepwater Horizon")."""
    # The range finds the names starting "word " in the key index (keys are lower case);
    # ``LIKE`` alone read every name in the library for every such word.
    return {r[0] for r in db.execute(
        "SELECT DISTINCT m.key FROM mentions m WHERE m.article_id = ? AND m.model_label IN"
        " ('PLACE', 'ORG', 'NORP') AND m.key NOT LIKE '% %' AND m.key != '' AND EXISTS"
        " (SELECT 1 FROM person_aliases a WHERE a.key >= m.key || ' ' AND a.key < m.key || '!'"
        " AND a.key LIKE m.key || ' %')",
        [article_id],
    )}


def articles_with_mentions(db: Database) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT DISTINCT article_id FROM mentions ORDER BY article_id")]


def reset_links(db: Database) -> dict[str, int]:
    """Forget every person (before a rebuild); returns their ids by key, to keep them."""
    old_ids = {key: pid for pid, key in db.execute("SELECT id, key FROM people")}
    db.execute("UPDATE mentions SET label = model_label, person_id = NULL")
    db.execute("DELETE FROM person_aliases")
    db.execute("DELETE FROM people")
    return old_ids


def named_mentions(db: Database, label: str) -> list[tuple[str, int]]:
    """(name, article id) of every mention with ``label`` ("PLACE", "ORG", "NORP")."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT name, article_id FROM mentions WHERE label = ?", [label])]


# -- people and their names ----------------------------------------------------------------


def create_person(db: Database, name: str, key: str, person_id: int | None = None) -> int:
    cursor = db.execute(
        "INSERT INTO people (id, name, key) VALUES (?, ?, ?)", [person_id, name, key]
    )
    return int(cursor.lastrowid)


def rename(db: Database, person_id: int, name: str) -> None:
    db.execute("UPDATE people SET name = ? WHERE id = ?", [name, person_id])


def last_word(key: str) -> str:
    """The last word of a name key ("obama" of "barack obama"): what ``aliases_ending``
    finds names by, stored beside each name."""
    return key.rsplit(" ", 1)[-1]


def add_alias(db: Database, person_id: int, key: str, alias: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO person_aliases (person_id, key, alias, last_word)"
        " VALUES (?, ?, ?, ?)",
        [person_id, key, alias, last_word(key)],
    )


def drop_alias(db: Database, person_id: int, key: str) -> None:
    db.execute("DELETE FROM person_aliases WHERE person_id = ? AND key = ?", [person_id, key])


def people_with_alias(db: Database, key: str) -> set[int]:
    return {r[0] for r in db.execute("SELECT person_id FROM person_aliases WHERE key = ?", [key])}


def people_with_key(db: Database, key: str) -> set[int]:
    """People whose own (primary) key is ``key``."""
    return {r[0] for r in db.execute("SELECT id FROM people WHERE key = ?", [key])}


def person_keys(db: Database, person_id: int) -> set[str]:
    """A person's key and the keys of every name they go by."""
    keys = {r[0] for r in db.execute(
        "SELECT key FROM person_aliases WHERE person_id = ?", [person_id])}
    row = db.execute("SELECT key FROM people WHERE id = ?", [person_id]).fetchone()
    if row:
        keys.add(row[0])
    return keys


def primary_key(db: Database, person_id: int) -> str:
    return str(db.execute("SELECT key FROM people WHERE id = ?", [person_id]).fetchone()[0])


# Linking looks names up by pattern for every mention it links, so each look-up goes through
# an index: a pattern's fixed start as a range of the key index (keys are lower case, so the
# range finds what ``LIKE`` finds), a fixed end through the last word's index; ``LIKE`` then
# keeps exactly the names it matched before. Rows come in the order the whole-table reads
# gave them (of the (person, key) index, or of the table when the written name is read).


def _wildcard_free(text: str) -> bool:
    return "%" not in text and "_" not in text


def _prefix_range(prefix: str) -> tuple[str, str]:
    """The keys starting with ``prefix``: ``lower <= key < upper``."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _alias_pattern(pattern: str) -> tuple[str, list[str]]:
    """A WHERE clause finding the names matching a LIKE ``pattern`` through an index."""
    tail = pattern[2:]
    if pattern.startswith("% ") and tail and _wildcard_free(tail) and _ascii_lower(tail) == tail:
        return "last_word = ? AND key LIKE ?", [last_word(pattern[2:]), pattern]
    prefix = pattern[: min((pattern.find(c) for c in "%_" if c in pattern), default=len(pattern))]
    if prefix and _ascii_lower(prefix) == prefix:  # LIKE folds ASCII case, the range not
        return "key >= ? AND key < ? AND key LIKE ?", [*_prefix_range(prefix), pattern]
    return "key LIKE ?", [pattern]


def _ascii_lower(text: str) -> str:
    if text.isascii():  # the common case, without a loop over the characters
        return text.lower()
    return "".join(c.lower() if c.isascii() else c for c in text)


def aliases_ending(db: Database, word: str) -> list[tuple[int, str]]:
    """(person id, alias key) of names that end in ``word`` or start with it before a
    hyphenated last word ("leung kwok-hung"): candidates for a surname alone."""
    ending, ending_params = _alias_pattern("% " + word)
    starting, starting_params = _alias_pattern(word + " %-%")
    return [(r[0], r[1]) for r in db.execute(
        f"SELECT person_id, key FROM person_aliases WHERE {ending}"
        f" UNION SELECT person_id, key FROM person_aliases WHERE {starting}"
        " ORDER BY person_id, key",
        [*ending_params, *starting_params],
    )]


def aliases_like(db: Database, pattern: str) -> list[tuple[int, str]]:
    """(person id, alias key) of names matching a LIKE pattern."""
    where, params = _alias_pattern(pattern)
    return [(r[0], r[1]) for r in db.execute(
        f"SELECT person_id, key FROM person_aliases WHERE {where} ORDER BY person_id, key",
        params)]


def aliases_starting(db: Database, word: str) -> list[tuple[int, str, str]]:
    """(person id, alias key, alias as written) of names whose first word is ``word``."""
    where, params = _alias_pattern(word + " %")
    return [(r[0], r[1], r[2]) for r in db.execute(
        f"SELECT person_id, key, alias FROM person_aliases WHERE {where}"
        " ORDER BY rowid", params)]


def has_mentions(db: Database, person_id: int) -> bool:
    return db.execute(
        "SELECT 1 FROM mentions WHERE person_id = ?", [person_id]
    ).fetchone() is not None


def mention_count(db: Database, person_id: int) -> int:
    return int(db.execute(
        "SELECT count(*) FROM mentions WHERE person_id = ?", [person_id]).fetchone()[0])


def article_count(db: Database, person_id: int) -> int:
    return int(db.execute(
        "SELECT count(DISTINCT article_id) FROM mentions WHERE person_id = ?", [person_id]
    ).fetchone()[0])


def mention_roles(db: Database, mention_ids: list[int]) -> list[str]:
    """The roles written next to these mentions ("BP managing director")."""
    out: list[str] = []
    for start in range(0, len(mention_ids), 500):
        chunk = mention_ids[start : start + 500]
        out += [r[0] for r in db.execute(
            f"SELECT role FROM mentions WHERE role IS NOT NULL"
            f" AND id IN ({','.join('?' * len(chunk))})", chunk)]
    return out


def roles_of_person(db: Database, person_id: int) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT DISTINCT role FROM mentions WHERE person_id = ? AND role IS NOT NULL",
        [person_id])]


def people_beside(db: Database, person_id: int) -> set[int]:
    """The other people named in the articles that name this person."""
    return {r[0] for r in db.execute(
        "SELECT DISTINCT o.person_id FROM mentions m JOIN mentions o"
        " ON o.article_id = m.article_id WHERE m.person_id = ? AND o.person_id IS NOT NULL"
        " AND o.person_id != ?", [person_id, person_id])}


def person_exists(db: Database, person_id: int) -> bool:
    return db.execute("SELECT 1 FROM people WHERE id = ?", [person_id]).fetchone() is not None


def people_named(db: Database, key: str) -> list[int]:
    """Live people (with mentions) whose key or one of whose names' keys is ``key``."""
    # Two indexed look-ups: an OR across the join read every person and name each time.
    return [r[0] for r in db.execute(
        "SELECT id FROM (SELECT id FROM people WHERE key = ?"
        " UNION SELECT person_id FROM person_aliases JOIN people ON people.id = person_id"
        " WHERE person_aliases.key = ?) AS named"
        " WHERE EXISTS (SELECT 1 FROM mentions WHERE person_id = named.id) ORDER BY id",
        [key, key],
    ).fetchall()]


def move_person(db: Database, source: int, target: int) -> None:
    """Every mention and name of ``source`` goes to ``target``; ``source`` is gone."""
    db.execute("UPDATE mentions SET person_id = ? WHERE person_id = ?", [target, source])
    db.execute(
        "INSERT OR IGNORE INTO person_aliases (person_id, key, alias, last_word)"
        " SELECT ?, key, alias, last_word FROM person_aliases WHERE person_id = ?",
        [target, source],
    )
    db.execute("DELETE FROM people WHERE id = ?", [source])


def drop_orphans(db: Database) -> None:
    db.execute(
        "DELETE FROM people WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE person_id = people.id)"
    )


def live_people(db: Database) -> list[tuple[int, str, str]]:
    """(id, name, key) of every person with a mention still a person."""
    return [(r[0], r[1], r[2]) for r in db.execute(
        "SELECT id, name, key FROM people WHERE EXISTS (SELECT 1 FROM mentions"
        " WHERE person_id = people.id AND label = 'PERSON') ORDER BY id")]


def person_articles(db: Database) -> dict[int, set[int]]:
    """The articles each person is mentioned in."""
    out: dict[int, set[int]] = {}
    for person_id, article_id in db.execute(
        "SELECT DISTINCT person_id, article_id FROM mentions"
        " WHERE person_id IS NOT NULL AND label = 'PERSON'"
    ):
        out.setdefault(person_id, set()).add(article_id)
    return out


def person_roles(db: Database) -> dict[int, Counter[str]]:
    out: dict[int, Counter[str]] = {}
    for person_id, role, count in db.execute(
        "SELECT person_id, role, count(*) FROM mentions WHERE person_id IS NOT NULL"
        " AND label = 'PERSON' AND role IS NOT NULL GROUP BY person_id, role"
    ):
        out.setdefault(person_id, Counter())[role] += count
    return out


# -- reading -------------------------------------------------------------------------------


def _person_summary(db: Database, person_id: int, name: str) -> dict[str, Any]:
    names: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    articles: set[int] = set()
    count = 0
    for mention_name, role, article_id in db.execute(
        # In the order they were written: the first-met name or role wins a tie below (the
        # person index orders by role since 0018, so the order is asked for).
        "SELECT name, role, article_id FROM mentions WHERE person_id = ? AND label = 'PERSON' ORDER BY id",
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
        "roles": distinct_roles(r for r, _ in roles.most_common()),
        "mentions": count,
        "articles": len(articles),
        "article_ids": sorted(articles),
    }


def distinct_roles(roles: Iterable[str]) -> list[str]:
    """Roles without repeats that differ only in case ("Presidential aide")."""
    seen: dict[str, str] = {}
    for role in roles:
        seen.setdefault(role.casefold(), role)
    return list(seen.values())


def list_people(db: Database) -> list[dict[str, Any]]:
    """Every person with at least one mention: most mentioned first; the commonest role
    across the library first in ``roles``."""
    rows = db.execute(
        "SELECT people.id, people.name FROM people WHERE EXISTS (SELECT 1 FROM mentions"
        " WHERE person_id = people.id AND label = 'PERSON') ORDER BY people.name"
    ).fetchall()
    people = [_person_summary(db, person_id, name) for person_id, name in rows]
    people.sort(key=lambda p: (-p["mentions"], p["name"]))
    return people


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
                    "roles": distinct_roles(roles)})
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


# -- corrections (stored rules) ------------------------------------------------------------


def store_rule(db: Database, kind: str, data: dict[str, Any]) -> int:
    cursor = db.execute(
        "INSERT INTO people_corrections (kind, data, created_at) VALUES (?, ?, ?)",
        [kind, json.dumps(data, ensure_ascii=False),
         datetime.now(UTC).isoformat(timespec="seconds")],
    )
    return int(cursor.lastrowid)


def delete_rule(db: Database, rule_id: int) -> None:
    db.execute("DELETE FROM people_corrections WHERE id = ?", [rule_id])


def rules(db: Database) -> list[dict[str, Any]]:
    """The stored corrections, oldest first: {id, kind, data, created_at}."""
    return [
        {"id": r[0], "kind": r[1], "data": json.loads(r[2]), "created_at": r[3]}
        for r in db.execute("SELECT id, kind, data, created_at FROM people_corrections ORDER BY id")
    ]
