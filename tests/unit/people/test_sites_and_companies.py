"""Names of sites and companies a person's name could be: the text says what they are."""

from __future__ import annotations

from tests.unit.people.test_story_names import P, add, library, people

__all__ = ["library"]


def test_a_name_that_modifies_a_rig_or_a_disaster_is_a_site(library) -> None:
    add(library, "Nobody forgets the 1990 Marlow Bay platform disaster.", ("Marlow Bay", "PLACE"))
    add(library, "The rules changed after Marlow Bay.", ("Marlow Bay", "PLACE"))
    add(library, "Regulators changed after the Marlow Bay oilrig disaster.", ("Marlow Bay", P))
    add(library, "What about Marlow Bay? And Oxy and Marlow Bay?", ("Marlow Bay", P))
    add(library, "Ann Keller said she was worried. Keller runs the inquiry.",
        ("Ann Keller", P), ("Keller", P))
    assert set(people(library)) == {"Ann Keller"}


def test_a_tour_operator_with_a_given_name_in_its_name_is_a_company(library) -> None:
    add(library, "Tour operators including Henry Baxter and Sunways cancelled flights.",
        ("Henry Baxter", P), ("Sunways", "ORG"))
    add(library, "Henry Baxter has cancelled holidays to the coast.", ("Henry Baxter", P))
    add(library, "Henry Baxter this morning flew another plane home.", ("Henry Baxter", P))
    add(library, "Henry Ford said the plant would stay open.", ("Henry Ford", P))
    assert set(people(library)) == {"Henry Ford"}


def test_someone_the_text_once_lists_among_companies_stays_a_person(library) -> None:
    add(library, "Firms such as Paul Dorsey, he said, were to blame.", ("Paul Dorsey", P))
    add(library, "Paul Dorsey denied it.", ("Paul Dorsey", P))
    assert set(people(library)) == {"Paul Dorsey"}
