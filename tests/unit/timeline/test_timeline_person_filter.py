"""The person filter finds a person by any whole name, never by part of another's name."""

from __future__ import annotations

from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline
from tests.conftest import article_record


def add(library, text: str, published: str) -> None:
    from desktop.actions.analysing import Analyser
    from desktop.actions.storing import store_analysis

    record = article_record(text, published=published)
    [analysis] = Analyser().analyse([record])
    library.add_article(record, write_with=lambda db, article_id: store_analysis(db, article_id, analysis))


def test_surname_finds_the_person_but_a_longer_name_is_someone_else(memory_library):
    add(memory_library, "Foreign Minister Anna Kovalenko said on Monday that talks would resume.", "2025-03-05")
    add(memory_library, "Economist Anna Kovalenkova said on Tuesday that prices rose.", "2025-03-05")
    def texts(person: str) -> list[str]:
        return [event.text for event in build_timeline(memory_library, Filters(person=person))]

    assert texts("Anna Kovalenko") == ["Foreign Minister Anna Kovalenko said on Monday that talks would resume."]
    assert texts("kovalenko") == texts("Anna Kovalenko")
    assert texts("Kovalenkova") == ["Economist Anna Kovalenkova said on Tuesday that prices rose."]
    assert texts("Kovalen") == []


def test_any_spelling_of_a_person_finds_all_their_events(memory_library):
    add(memory_library, "Muammar Gaddafi said on Monday that he would stay.", "2011-03-02")
    add(memory_library, "Moammar Gadhafi spoke on Tuesday in Tripoli.", "2011-03-02")

    def texts(person: str) -> list[str]:
        return [event.text for event in build_timeline(memory_library, Filters(person=person))]

    both = texts("Muammar Gaddafi")
    assert len(both) == 2
    for spelling in ("Moammar Gadhafi", "Muammar Qaddafi", "Moammar al-Gaddafi"):
        assert texts(spelling) == both
