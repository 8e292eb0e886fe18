"""People at story scale, three more ways a name goes wrong: an outlet glued before a
name, a word for God taken for a person, and one person written with a short and a full
given name ("Bob", "Robert") (entities given by hand, the way the model tags them)."""

from __future__ import annotations

import re
from itertools import count

import pytest

from db import Library
from desktop.analysis.entities import Entity
from desktop.people import list_people, suggest_merges, write_mentions
from desktop.people.given_names import same_given_name
from desktop.people.name_keys import name_key

_sha = count()
P = "PERSON"


def add(library: Library, text: str, *marks: tuple[str, ...]) -> int:
    """An article whose mentions are ``(surface, label[, role])``, at every place each stands."""
    found: list[Entity] = []
    for surface, label, *role in marks:
        for match in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if not any(e.start < match.end() and match.start() < e.end for e in found):
                found.append(Entity(match.start(), match.end(), surface, label,
                                    role[0] if role else None))
    found.sort(key=lambda e: e.start)
    return library.add_article(
        {"text": text, "original": text, "sha256": f"names-{next(_sha)}"},
        write_with=lambda db, aid: write_mentions(db, aid, found),
    ).article_id


@pytest.fixture
def library():
    lib = Library(None, memory=True)
    yield lib
    lib.close()


def people(library: Library) -> dict[str, dict]:
    return {p["name"]: p for p in list_people(library.db)}


def test_an_outlet_glued_before_a_known_name_is_cut_off(library: Library) -> None:
    add(library, "Barack Obama flew south. Obama spoke.", ("Barack Obama", P), ("Obama", P))
    add(library, "The morning was calm. By morning the slick had grown.")
    add(library, "Every morning the boats go out. The evening herald of rain came late.")
    add(library, "Obama to visit the coast - 2 hrs ago Daily Morning Courier Obama names a"
                 " commission. Obama left.",
        ("Daily Morning Courier Obama", P), ("Obama", P))
    assert list(people(library)) == ["Barack Obama"]
    assert people(library)["Barack Obama"]["mentions"] == 5


def test_given_names_before_a_known_surname_are_not_cut(library: Library) -> None:
    add(library, "Barack Obama flew south. Obama spoke.", ("Barack Obama", P), ("Obama", P))
    add(library, "Mary Jones spoke.", ("Mary Jones", P))
    add(library, "A rose in the garden, a rose by the door.")
    add(library, "Mary Rose Obama, a cousin, wrote a letter. Obama lives in Kenya.",
        ("Mary Rose Obama", P), ("Obama", P))
    assert set(people(library)) == {"Barack Obama", "Mary Jones", "Mary Rose Obama"}
    assert people(library)["Mary Rose Obama"]["mentions"] == 2


def test_god_is_no_person(library: Library) -> None:
    add(library, "Then God said, let there be light. God saw the light.\n"
                 "In the book of Ezekiel God speaks of trees. Thus says the Lord God.",
        ("Then God", P), ("God", P), ("Ezekiel God", P), ("Lord God", P))
    add(library, "Tony Hayward prayed. \"God help us,\" Hayward said.",
        ("Tony Hayward", P), ("Hayward", P), ("God", P))
    assert list(people(library)) == ["Tony Hayward"]


def test_short_and_full_given_names_are_one_name() -> None:
    for short, full in (("Bob", "Robert"), ("Bill", "William"), ("Jim", "James"),
                        ("Mike", "Michael"), ("Tony", "Anthony"), ("Bob", "Bobby")):
        assert same_given_name(name_key(short), name_key(full))
    for a, b in (("Henry", "Harold"), ("Bob", "William"), ("Robert", "Roberta")):
        assert not same_given_name(name_key(a), name_key(b))


def test_bob_and_robert_of_one_company_are_one_person(library: Library) -> None:
    add(library, "BP managing director Bob Dudley met Tony Hayward and Carl-Henric Svanberg."
                 " Dudley said little.",
        ("Bob Dudley", P, "BP managing director"), ("Dudley", P), ("Tony Hayward", P),
        ("Carl-Henric Svanberg", P))
    add(library, "Tony Hayward and Carl-Henric Svanberg brought Robert Dudley along.",
        ("Tony Hayward", P), ("Carl-Henric Svanberg", P), ("Robert Dudley", P))
    add(library, "Managing director Robert Dudley will lead the response.",
        ("Robert Dudley", P, "Managing director"))
    found = people(library)
    assert "Robert Dudley" not in found
    assert found["Bob Dudley"]["mentions"] == 4


def test_bob_and_robert_with_nothing_in_common_stay_two(library: Library) -> None:
    add(library, "Coach Bob Miller praised Tom Brady.", ("Bob Miller", P, "Coach"),
        ("Tom Brady", P))
    add(library, "Senator Robert Miller met Nancy Pelosi.", ("Robert Miller", P, "Senator"),
        ("Nancy Pelosi", P))
    found = people(library)
    assert {"Bob Miller", "Robert Miller"} <= set(found)
    pairs = [{s["name"], s["other_name"]} for s in suggest_merges(library.db)]
    assert {"Bob Miller", "Robert Miller"} in pairs  # offered to the reader, not applied


def test_what_the_text_calls_an_agency_or_a_bank_is_no_person(library: Library) -> None:
    for day in ("Monday", "Tuesday"):
        add(library, f"Moody's cut its rating on {day}. Moody's said more cuts may come.",
            ("Moody's", "ORG"))
        add(library, f"Fitch said on {day} that risks were rising. Fitch's view was grim.",
            ("Fitch", P))
    add(library, "Rating agency Fitch cut BP. Later the agencies Moody's and Fitch both"
                 " warned.", ("Fitch", P), ("Moody's", "ORG"))
    add(library, "The forecast came from investment bank Credit Suisse on Friday.",
        ("Credit Suisse", P))
    add(library, "It cited a pig breeder in a Beijing suburb, Li Wei, who was worried.",
        ("Li Wei", P))
    assert set(people(library)) == {"Li Wei"}


def test_ships_and_places_by_their_first_word_are_no_people(library: Library) -> None:
    add(library, "The amphibious ship USS Bataan sailed. Schools in San Luis Potosi closed,"
                 " and Ciudad Juarez reported cases. Porter Goss spoke.",
        ("USS Bataan", P), ("San Luis Potosi", P), ("Ciudad Juarez", P), ("Porter Goss", P))
    assert set(people(library)) == {"Porter Goss"}


def test_the_place_someone_is_from_is_no_person(library: Library) -> None:
    add(library, "Barbara Jones from Milton Keynes wrote in. A Milton Keynes-based charity"
                 " helped.", ("Barbara Jones", P), ("Milton Keynes", P))
    add(library, "Barbara Jones, from Milton Keynes, is worried.",
        ("Barbara Jones", P), ("Milton Keynes", P))
    assert set(people(library)) == {"Barbara Jones"}


def test_a_two_letter_given_name_is_no_initial(library: Library) -> None:
    add(library, "Virologist Guan Yi warned. Guan said the virus would spread.",
        ("Guan Yi", P), ("Guan", P))
    add(library, "Guan repeated his warning.", ("Guan", P))
    assert name_key("Guan Yi") != name_key("Guan Y")
    found = people(library)
    assert list(found) == ["Guan Yi"]
    assert found["Guan Yi"]["mentions"] == 3


def test_a_name_that_starts_with_an_agency_is_the_agency(library: Library) -> None:
    add(library, "TV ratings fell. The ratings were poor.")
    add(library, "Poll ratings rose. The oil price fell.")
    add(library, "A price war began.")
    add(library, "Rating agency Fitch cut BP. Fitch said so.", ("Fitch", P))
    add(library, "The rating agency Fitch warned again.", ("Fitch", P))
    add(library, "Fitch Ratings downgraded the bonds. Fitch Ratings cited rising costs.",
        ("Fitch Ratings", P))
    add(library, "Thanks Matthew and Haroon. Thanks again Matthew and Haroon.",
        ("Matthew", P), ("Haroon", "PLACE"))
    add(library, "Haroon was shelled.", ("Haroon", "PLACE"))
    add(library, "Matthew Price reports. The price rose.", ("Matthew Price", P))
    add(library, "Chelsea Manning spoke. Manning was released. Chelsea Clinton spoke.",
        ("Chelsea Manning", P), ("Manning", P), ("Chelsea Clinton", P))
    add(library, "The town of Chelsea flooded. Fans in Chelsea cheered.", ("Chelsea", "PLACE"))
    add(library, "manning the pumps, the crew stayed. Manning a boat is hard.")
    assert set(people(library)) == {"Chelsea Manning", "Chelsea Clinton", "Matthew Price"}


def test_an_agency_named_first_in_a_glued_span_takes_the_span_along(library: Library) -> None:
    add(library, "BP shares fell. BP said nothing.", ("BP", "ORG"))
    add(library, "Moody's and Fitch BP downgrades hit the shares.", ("Fitch BP", P),
        ("Moody's", "ORG"))
    assert "Fitch BP" in people(library)  # nothing yet says what Fitch is
    add(library, "Rating agency Fitch cut BP again.", ("Fitch", P), ("BP", "ORG"))
    add(library, "The rating agency Fitch warned.", ("Fitch", P))
    assert people(library) == {}


def test_a_span_taken_for_a_person_goes_when_its_first_word_turns_out_a_thing(
        library: Library) -> None:
    add(library, "On the horizon, clouds. Far over the horizon.")
    add(library, "No end on the horizon.")
    add(library, "The blast on the Deepwater Horizon killed 11.", ("Deepwater Horizon", P))
    assert "Deepwater Horizon" in people(library)
    add(library, "Deepwater drilling stopped. Deepwater rigs idled.", ("Deepwater", "NORP"))
    add(library, "A Deepwater ban began.", ("Deepwater", "NORP"))
    assert people(library) == {}
