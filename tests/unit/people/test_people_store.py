"""People across the library and corrections that stick (no model: entities by hand)."""

from __future__ import annotations

import re
from itertools import count

import pytest

from db import Library
from desktop.analysis.entities import Entity
from desktop.people import (
    PeopleError,
    list_named,
    list_people,
    mark_not_person,
    mentions_in_article,
    merge_people,
    people_in_article,
    people_in_span,
    relink_all,
    rename_person,
    split_person,
    undo_correction,
    write_mentions,
)

_sha = count()


def entities(text: str, *people: str, label: str = "PERSON") -> list[Entity]:
    """Every occurrence of each given name in the text, as a mention with that label."""
    found = []
    for name in people:
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if any(e.start <= match.start() < e.end for e in found):
                continue
            found.append(Entity(match.start(), match.end(), name, label))
    return sorted(found, key=lambda e: e.start)


def add(library: Library, text: str, *people: str, roles: dict[str, str] | None = None) -> int:
    found = entities(text, *people)
    for entity in found:
        entity.role = (roles or {}).get(entity.text)
    result = library.add_article(
        {"text": text, "original": text, "sha256": f"sha-{next(_sha)}"},
        write_with=lambda db, aid: write_mentions(db, aid, found),
    )
    return result.article_id


@pytest.fixture
def library():
    lib = Library(None, memory=True)
    yield lib
    lib.close()


def names(library: Library) -> dict[str, dict]:
    return {p["name"]: p for p in list_people(library.db)}


def test_full_name_and_surname_are_one_person_across_articles(library: Library) -> None:
    add(library, "Vladimir Medinsky leads. Medinsky said so.", "Vladimir Medinsky", "Medinsky")
    add(library, "Later, Medinsky arrived.", "Medinsky")
    people = names(library)
    assert list(people) == ["Vladimir Medinsky"]
    assert people["Vladimir Medinsky"]["mentions"] == 3
    assert people["Vladimir Medinsky"]["articles"] == 2
    assert people["Vladimir Medinsky"]["aliases"] == ["Medinsky"]


def test_a_surname_seen_first_joins_the_full_name_seen_later(library: Library) -> None:
    add(library, "Medinsky arrived.", "Medinsky")
    add(library, "Vladimir Medinsky leads.", "Vladimir Medinsky")
    assert list(names(library)) == ["Vladimir Medinsky"]


def test_spellings_of_one_name_are_one_person(library: Library) -> None:
    add(library, "Volodymyr Zelensky spoke.", "Volodymyr Zelensky")
    add(library, "Volodymyr Zelenskyy spoke. Zelenskiy left.", "Volodymyr Zelenskyy", "Zelenskiy")
    people = names(library)
    assert len(people) == 1
    assert next(iter(people.values()))["mentions"] == 3


def test_two_people_sharing_a_surname_are_never_merged(library: Library) -> None:
    add(library, "Bill Clinton spoke.", "Bill Clinton")
    add(library, "Hillary Clinton spoke.", "Hillary Clinton")
    add(library, "Clinton said no.", "Clinton")
    people = names(library)
    assert set(people) == {"Bill Clinton", "Hillary Clinton"}
    assert people["Bill Clinton"]["mentions"] == people["Hillary Clinton"]["mentions"] == 1
    # The bare surname is kept (its article still shows it) but linked to nobody.
    unlinked = [m for m in mentions_in_article(library.db, 3) if m["person_id"] is None]
    assert [m["text"] for m in unlinked] == ["Clinton"]


def test_roles_and_people_in_a_sentence(library: Library) -> None:
    text = "Kremlin spokesman Dmitry Peskov spoke. Then Maria Zakharova replied to Peskov."
    aid = add(library, text, "Dmitry Peskov", "Peskov", "Maria Zakharova",
              roles={"Dmitry Peskov": "Kremlin spokesman"})
    assert names(library)["Dmitry Peskov"]["roles"] == ["Kremlin spokesman"]
    second = text.index("Then")
    assert [p["name"] for p in people_in_span(library.db, aid, second, len(text))] == [
        "Maria Zakharova", "Dmitry Peskov"]
    assert [p["name"] for p in people_in_span(library.db, aid, 0, second)] == ["Dmitry Peskov"]
    assert [p["name"] for p in people_in_article(library.db, aid)] == [
        "Dmitry Peskov", "Maria Zakharova"]


def test_rename_sticks_for_later_articles_and_relink(library: Library) -> None:
    add(library, "Vladimir Medinski spoke.", "Vladimir Medinski")
    rename_person(library.db, "Vladimir Medinski", "Vladimir Medinsky")
    add(library, "Vladimir Medinski spoke again.", "Vladimir Medinski")
    assert list(names(library)) == ["Vladimir Medinsky"]
    relink_all(library.db)
    assert list(names(library)) == ["Vladimir Medinsky"]
    assert names(library)["Vladimir Medinsky"]["mentions"] == 2


def test_a_title_before_a_known_name_is_not_taken_for_a_given_name(library: Library) -> None:
    # Re-analysis links against a library that already knows Margaret Chan: the "Dr" before
    # her name must not make a new spelling "Dr Margaret Chan".
    add(library, "Margaret Chan spoke.", "Margaret Chan")
    add(library, "GENEVA - Dr Margaret Chan said so.", "Margaret Chan")
    people = names(library)
    assert list(people) == ["Margaret Chan"]
    assert people["Margaret Chan"]["aliases"] == []
    assert people["Margaret Chan"]["mentions"] == 2


def test_merge_sticks_and_undo_takes_it_back(library: Library) -> None:
    add(library, "Abu Mohammed al-Julani spoke.", "Abu Mohammed al-Julani")
    add(library, "Ahmed al-Sharaa spoke.", "Ahmed al-Sharaa")
    rule = merge_people(library.db, "Ahmed al-Sharaa", "Abu Mohammed al-Julani")
    add(library, "Abu Mohammed al-Julani again.", "Abu Mohammed al-Julani")
    people = names(library)
    assert list(people) == ["Ahmed al-Sharaa"]
    assert people["Ahmed al-Sharaa"]["mentions"] == 3
    relink_all(library.db)
    assert list(names(library)) == ["Ahmed al-Sharaa"]
    undo_correction(library.db, rule)
    assert set(names(library)) == {"Ahmed al-Sharaa", "Abu Mohammed al-Julani"}


def test_split_sticks_for_later_articles(library: Library) -> None:
    add(library, "John Smith spoke. Smith left.", "John Smith", "Smith")
    split_person(library.db, "John Smith", "Smith")
    add(library, "John Smith arrived. Smith sat.", "John Smith", "Smith")
    people = names(library)
    assert people["John Smith"]["mentions"] == 2
    assert people["Smith"]["mentions"] == 2
    relink_all(library.db)
    people = names(library)
    assert people["John Smith"]["mentions"] == 2 and people["Smith"]["mentions"] == 2


def test_not_a_person_applies_to_later_articles(library: Library) -> None:
    add(library, "Kiev said no.", "Kiev")
    add(library, "Anna Petrova met Telegram.", "Anna Petrova", "Telegram")
    rule = mark_not_person(library.db, "Kiev", "PLACE")
    add(library, "Kiev said yes.", "Kiev")
    assert set(names(library)) == {"Anna Petrova", "Telegram"}
    kiev = [m for m in mentions_in_article(library.db, 3)]
    assert [(m["text"], m["label"], m["person_id"]) for m in kiev] == [("Kiev", "PLACE", None)]
    mark_not_person(library.db, "Telegram")
    relink_all(library.db)
    assert set(names(library)) == {"Anna Petrova"}
    undo_correction(library.db, rule)
    assert set(names(library)) == {"Anna Petrova", "Kiev"}


def test_corrections_refuse_unknown_names(library: Library) -> None:
    add(library, "Anna Petrova spoke.", "Anna Petrova")
    with pytest.raises(PeopleError):
        rename_person(library.db, "Nobody Here", "X")
    with pytest.raises(PeopleError):
        merge_people(library.db, "Anna Petrova", "Anna Petrova")
    with pytest.raises(PeopleError):
        split_person(library.db, "Anna Petrova", "Anna Petrova")


def test_deleting_an_article_takes_its_mentions_and_undo_brings_them_back(
    library: Library,
) -> None:
    aid = add(library, "Anna Petrova spoke.", "Anna Petrova")
    deleted = library.delete_article(aid)
    assert names(library) == {}
    assert deleted is not None and deleted.children["mentions"]
    library.restore_article(deleted)
    assert list(names(library)) == ["Anna Petrova"]


def test_spellings_of_a_place_are_one_place(library: Library) -> None:
    for text in ("Troops left Kiev.", "Officials in Kyiv met.", "Kyiv’s mayor spoke."):
        found = entities(text, "Kiev", "Kyiv", label="PLACE")
        for entity in found:
            entity.name = entity.text
        library.add_article({"text": text, "original": text, "sha256": text},
                            write_with=lambda db, aid, f=found: write_mentions(db, aid, f))
    places = list_named(library.db, "PLACE")
    assert [(p["name"], p["aliases"], p["articles"]) for p in places] == [
        ("Kyiv", ["Kiev"], 3)]


def test_not_a_person_covers_every_name_it_goes_by(library: Library) -> None:
    add(library, "Marco Polo Bridge was busy. Polo was closed.", "Marco Polo", "Polo")
    assert names(library)["Marco Polo"]["mentions"] == 2
    mark_not_person(library.db, "Marco Polo", "PLACE")
    add(library, "Polo reopened near Marco Polo Bridge.", "Marco Polo", "Polo")
    assert names(library) == {}


def test_a_deleted_article_leaves_no_ambiguity_behind(library: Library) -> None:
    gone = add(library, "Hillary Clinton spoke.", "Hillary Clinton")
    add(library, "Bill Clinton spoke.", "Bill Clinton")
    library.delete_article(gone)
    add(library, "Clinton said no.", "Clinton")
    assert names(library)["Bill Clinton"]["mentions"] == 2


@pytest.mark.parametrize("hillary_first", [False, True])
def test_corrections_of_one_person_leave_a_namesake_alone(
    library: Library, hillary_first: bool
) -> None:
    articles = [("Bill Clinton spoke. Clinton left.", "Bill Clinton", "Clinton"),
                ("Hillary Clinton spoke. Clinton stayed.", "Hillary Clinton", "Clinton")]
    for text, *people in reversed(articles) if hillary_first else articles:
        add(library, text, *people)
    split_person(library.db, "Bill Clinton", "Clinton")
    rename_person(library.db, "Bill Clinton", "William J. Clinton")
    for _ in range(2):
        people = names(library)
        assert people["Hillary Clinton"]["mentions"] == 2
        assert people["William J. Clinton"]["mentions"] == 1
        assert people["Clinton"]["mentions"] == 1
        relink_all(library.db)


def test_a_middle_initial_does_not_make_another_person(library: Library) -> None:
    add(library, "Donald J. Trump spoke.", "Donald J. Trump")
    add(library, "Donald Trump spoke.", "Donald Trump")
    add(library, "George H. W. Bush spoke.", "George H. W. Bush")
    add(library, "George W. Bush spoke.", "George W. Bush")
    people = names(library)
    assert people["Donald J. Trump"]["mentions"] == 2
    assert {"George H. W. Bush", "George W. Bush"} <= set(people)


def test_writing_an_article_again_replaces_its_mentions(library: Library) -> None:
    aid = add(library, "Anna Petrova spoke.", "Anna Petrova")
    again = entities("Anna Petrova spoke.", "Anna Petrova")
    with library.transaction() as db:
        write_mentions(db, aid, again)
    assert names(library)["Anna Petrova"]["mentions"] == 1
