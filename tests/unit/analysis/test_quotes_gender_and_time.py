"""A "he" never becomes a woman the text names as one; "on Wednesday evening" dates a quote."""

from __future__ import annotations

import pytest

from desktop.analysis.entities import Entity
from desktop.analysis.quotes import extract_quotes
from desktop.analysis.quotes.gender import FEMALE, MALE, genders

PUBLISHED = "2025-05-30"


def person(text: str, source: str, role: str | None = None) -> Entity:
    start = source.index(text)
    return Entity(start, start + len(text), text, "PERSON", role)


def test_honorifics_and_gendered_roles_give_the_gender():
    text = "Ms. Warren spoke. Mr. Peskov replied. The spokeswoman Maria Zakharova, and Lee."
    people = [person("Warren", text), person("Mr. Peskov", text),
              person("Maria Zakharova", text, role="spokeswoman"), person("Lee", text)]
    assert genders(text, people, lambda name: name) == {
        "Warren": FEMALE, "Mr. Peskov": MALE, "Maria Zakharova": FEMALE,
    }


def test_a_person_given_both_genders_stays_unknown():
    text = "Ms. Lee spoke. Mr. Lee replied."
    first, second = text.index("Lee"), text.rindex("Lee")
    people = [Entity(first, first + 3, "Lee", "PERSON"), Entity(second, second + 3, "Lee", "PERSON")]
    assert genders(text, people, lambda name: name) == {}


@pytest.mark.slow
def test_he_is_not_the_woman_named_just_before():
    text = "Ms. Warren met the bank's chief on Monday.\n\n“It went very well,” he said.\n"
    [quote] = extract_quotes(text, PUBLISHED)
    assert quote.speaker is not None and quote.speaker.text == "he"
    assert quote.person is None  # the only person in view is a woman: unknown, not Warren


@pytest.mark.slow
def test_he_passes_over_the_spokeswoman_to_the_man_before_her():
    text = (
        "Vladimir Medinsky led the delegation.\n\n"
        "Foreign Ministry spokeswoman Maria Zakharova spoke after the talks.\n\n"
        "“We will be back in Istanbul,” he said.\n"
    )
    [quote] = extract_quotes(text, PUBLISHED)
    assert quote.person == "Vladimir Medinsky"


@pytest.mark.slow
def test_she_still_finds_the_spokeswoman():
    text = (
        "Foreign Ministry spokeswoman Maria Zakharova spoke after the talks.\n\n"
        "“We will be back in Istanbul,” she said.\n"
    )
    [quote] = extract_quotes(text, PUBLISHED)
    assert quote.person == "Maria Zakharova"


@pytest.mark.slow
def test_a_statement_on_wednesday_evening_is_dated_that_wednesday():
    text = ("On Wednesday evening, Russian Foreign Minister Sergey Lavrov confirmed that "
            "Moscow’s memorandum is ready.")
    [quote] = extract_quotes(text, PUBLISHED)
    assert quote.person == "Sergey Lavrov"
    assert (quote.date, quote.date_from_text) == ("2025-05-28", True)


@pytest.mark.slow
def test_a_time_of_day_dates_the_statement_to_its_day():
    text = "“The memorandum is not ready,” Peskov told reporters on Thursday morning."
    [quote] = extract_quotes(text, PUBLISHED)
    assert (quote.date, quote.date_from_text) == ("2025-05-29", True)
