"""Name look-ups while linking, in a library of many people: a surname alone, a longer or
shorter form of a name and a name found by a speaker's name still meet the right person,
and each look-up goes through an index, so storing an article costs the same in a library
of 200 people as in one of 20,000 (entities by hand, no model)."""

from __future__ import annotations

import re
from itertools import count

import pytest
from sqlite_utils import Database

from db import Library
from db import people as store
from desktop.analysis.entities import Entity
from desktop.people import find_person, list_people, write_mentions
from desktop.people.name_keys import name_key

_sha = count()

GIVEN = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hamid", "Irene", "Jonas"]
FAMILY = ["Abbott", "Brennan", "Castillo", "Dimitrov", "Eriksen", "Fonseca", "Gallagher",
          "Horvath", "Ivanova", "Jablonski", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura",
          "Okafor", "Petrenko", "Quintero", "Rasmussen", "Sorensen", "Takahashi"]


def add(library: Library, text: str, *people: str, label: str = "PERSON") -> int:
    found: list[Entity] = []
    for name in people:
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(e.start < match.end() and match.start() < e.end for e in found):
                found.append(Entity(match.start(), match.end(), name, label))
    found.sort(key=lambda e: e.start)
    return library.add_article(
        {"text": text, "original": text, "sha256": f"sha-{next(_sha)}"},
        write_with=lambda db, aid: write_mentions(db, aid, found),
    ).article_id


def crowd(library: Library) -> None:
    """200 people: every given name with every family name, one article each."""
    for family in FAMILY:
        for given in GIVEN:
            add(library, f"{given} {family} spoke on Monday.", f"{given} {family}")


@pytest.fixture
def library():
    lib = Library(None, memory=True)
    yield lib
    lib.close()


def person_of(library: Library, article_id: int) -> list[str | None]:
    return [r[0] for r in library.db.execute(
        "SELECT people.name FROM mentions LEFT JOIN people ON people.id = mentions.person_id"
        " WHERE mentions.article_id = ? ORDER BY mentions.start", [article_id])]


def test_a_surname_alone_links_to_its_one_person_among_many(library: Library) -> None:
    crowd(library)
    add(library, "Wilhelmina Zoltan arrived.", "Wilhelmina Zoltan")
    later = add(library, "Zoltan said the talks would go on.", "Zoltan")
    assert person_of(library, later) == ["Wilhelmina Zoltan"]
    # A surname ten people share stays with nobody.
    shared = add(library, "Moreau declined to comment.", "Moreau")
    assert person_of(library, shared) == [None]
    assert len(list_people(library.db)) == 201


def test_a_longer_and_a_shorter_form_of_a_name_meet_their_person(library: Library) -> None:
    crowd(library)
    add(library, "Barack Hussein Obama spoke.", "Barack Hussein Obama")
    middle = add(library, "Hussein Obama spoke again.", "Hussein Obama")
    assert person_of(library, middle) == ["Barack Hussein Obama"]
    initial = add(library, "Greta M. Okafor replied.", "Greta M. Okafor")
    assert person_of(library, initial) == ["Greta Okafor"]
    assert find_person(library.db, "Obama") == find_person(library.db, "Barack Hussein Obama")


def test_a_hyphenated_surname_is_found_by_its_first_part(library: Library) -> None:
    crowd(library)
    add(library, "Leung Kwok-hung protested.", "Leung Kwok-hung")
    assert [p for p, _ in store.aliases_ending(library.db, "leung")] == [
        find_person(library.db, "Leung Kwok-hung")]
    assert store.aliases_ending(library.db, "kwok-hung") == store.aliases_like(
        library.db, "% kwok-hung")


def _plan(db: Database, sql: str, params: list[object]) -> str:
    return " ".join(str(r[3]) for r in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_name_look_ups_read_an_index_not_every_name(library: Library) -> None:
    crowd(library)
    db = library.db
    for pattern in ("% okafor", "greta %", "greta % okafor", "greta okafor", "greta-%"):
        where, params = store._alias_pattern(pattern)
        plan = _plan(db, f"SELECT person_id, key FROM person_aliases WHERE {where}", params)
        assert "SCAN" not in plan, (pattern, plan)
        # ... and finds what LIKE finds
        assert store.aliases_like(db, pattern) == [tuple(r) for r in db.execute(
            "SELECT person_id, key FROM person_aliases NOT INDEXED WHERE key LIKE ?"
            " ORDER BY person_id, key", [pattern])]
    plan = _plan(db, "SELECT id FROM people WHERE key = ? UNION SELECT person_id FROM"
                 " person_aliases WHERE key = ?", ["x", "x"])
    assert "SCAN" not in plan


def test_an_upgraded_library_finds_its_people_by_surname(tmp_path) -> None:
    from db.migrations import migrations

    path = tmp_path / "library.db"
    old = Database(path)
    migrations.apply(old, stop_before="0013_linking_look_ups")  # a library from before
    old.execute("INSERT INTO people (id, name, key) VALUES (1, 'Elena Dimitrov', 'elena dimitruv')")
    old.execute("INSERT INTO person_aliases (person_id, key, alias) VALUES"
                " (1, 'elena dimitruv', 'Elena Dimitrov')")
    old.conn.commit()
    old.close()
    with Library(path) as library:
        assert store.aliases_ending(library.db, "dimitruv") == [(1, "elena dimitruv")]
        later = add(library, "Dimitrov said no.", "Dimitrov")
        assert person_of(library, later) == ["Elena Dimitrov"]


def _old_library_with(path, texts: list[tuple[str, str]]) -> None:
    """A library from before 0012 whose articles name ``name`` as a person in ``text``."""
    from db.migrations import migrations

    old = Database(path)
    migrations.apply(old, stop_before="0013_linking_look_ups")
    for number, (text, name) in enumerate(texts):
        article_id = old["articles"].insert({"text": text, "original": text, "sha256": f"old-{number}",
                                             "clipped_at": "2025"}).last_pk
        start = text.index(name)
        old["mentions"].insert({"article_id": article_id, "start": start, "end": start + len(name),
                                "text": name, "name": name, "key": name_key(name), "label": "PERSON",
                                "model_label": "PERSON"})
    old.conn.commit()
    old.close()


@pytest.mark.parametrize("upgraded", [False, True])
def test_the_words_around_a_name_still_say_it_is_a_place(tmp_path, upgraded: bool) -> None:
    """"fighting in Misrata" twice: the next "Misrata" the model calls a person is a place,
    whether those mentions were stored before the upgrade (their context worked out from
    the text kept beside them) or after (their context stored with them)."""
    earlier = [("Rebels were fighting in Misrata on Monday.", "Misrata"),
               ("Shelling went on in Misrata overnight.", "Misrata")]
    path = tmp_path / "library.db"
    if upgraded:
        _old_library_with(path, earlier)
    with Library(path) as library:
        if not upgraded:
            for text, name in earlier:
                add(library, text, name)
        stored = library.db.execute("SELECT count(context) FROM mentions").fetchone()[0]
        assert stored == (0 if upgraded else 2)
        later = add(library, "Misrata was quiet today.", "Misrata")
        label = library.db.execute("SELECT label FROM mentions WHERE article_id = ?",
                                   [later]).fetchone()[0]
        assert label == "PLACE"
        assert list_people(library.db) == []


def test_lower_case_uses_counts_the_articles_that_write_a_word_in_lower_case(library):
    """What says "Tanks" is no person: articles writing "tanks" after a space and before a
    space or punctuation; a capitalised use, a longer word or a text's first word do not
    count, and counting stops at the limit."""
    for text in ("Tanks rolled in. The tanks, he said, were old.", "Army tanks\nmoved on.",
                 "More tanks; fewer men.", "Tanks Smith spoke.", "The thinktanks met.",
                 "tanks at the start", "No tanks. None."):
        add(library, text)
    db = library.db
    assert store.lower_case_uses(db, "Tanks") == 3
    assert store.lower_case_uses(db, "tanks", limit=10) == 4
    assert store.lower_case_uses(db, "tanks", limit=2) == 2
    assert store.lower_case_uses(db, "Smith") == 0
    assert store.lower_case_uses(db, "tank's") == 0
