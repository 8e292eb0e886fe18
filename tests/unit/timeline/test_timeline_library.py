"""The timeline built from a library: filters, corrections kept across re-analysis, deletion."""

from __future__ import annotations

import hashlib

import pytest

from desktop.actions.analysing import ArticleAnalysis
from desktop.actions.storing import store_analysis
from desktop.analysis.entities import Entity
from desktop.timeline import corrections
from desktop.timeline.events import extract_events
from desktop.timeline.filters import Filters
from desktop.timeline.query import build_timeline, count_events
from tests.unit.timeline.test_timeline_events import T


def analyse(text: str, published: str, dates: dict[str, str], people: list[str]) -> ArticleAnalysis:
    timexes = []
    for phrase, value in dates.items():
        start = text.index(phrase)
        timexes.append(T(start, start + len(phrase), phrase, value))
    entities = []
    for name in people:
        start = text.find(name)
        while start != -1:
            entities.append(Entity(start, start + len(name), name, "PERSON"))
            start = text.find(name, start + 1)
    analysis = ArticleAnalysis(dct=published, entities=entities, timexes=timexes)
    analysis.events = extract_events(text, None, timexes, entities, published)
    return analysis


def store(library, title, text, published, dates, people=(), tags=(), url=None, outlet=None) -> int:
    record = {
        "title": title,
        "text": text,
        "original": text,
        "published": published,
        "url": url,
        "outlet": outlet,
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
    }
    analysis = analyse(text, published, dates, list(people))
    return library.add_article(record, tags=list(tags), write_with=lambda db, article_id: store_analysis(db, article_id, analysis)).article_id


@pytest.fixture
def library(memory_library):
    store(
        memory_library,
        "Talks resume",
        "Delegations met in Istanbul on May 16 for direct talks. "
        "Maria Zakharova said on Thursday the team would not change.",
        "2025-05-30",
        {"May 16": "2025-05-16", "Thursday": "2025-05-29"},
        ["Maria Zakharova"],
        tags=["ukraine"],
        url="https://news.example/talks",
        outlet="Example News",
    )
    store(
        memory_library,
        "Istanbul round",
        "The delegations met in Istanbul on May 16 for direct talks. "
        "Dmitry Peskov on Thursday called the demands unconstructive.",
        "2025-05-30",
        {"May 16": "2025-05-16", "Thursday": "2025-05-29"},
        ["Dmitry Peskov"],
        url="https://other.example/x",
        outlet="Other Daily",
    )
    store(
        memory_library,
        "Storm",
        "A storm hit the coast of Florida in June 2024, flooding homes.",
        "2024-07-01",
        {"June 2024": "2024-06"},
        tags=["weather"],
    )
    return memory_library


def texts(events):
    return [e.text for e in events]


def test_the_timeline_merges_sources_and_keeps_order(library):
    events = build_timeline(library)
    assert [e.date for e in events] == ["2024-06", "2025-05-16", "2025-05-29", "2025-05-29"]
    istanbul = events[1]
    assert sorted(s.title for s in istanbul.sources) == ["Istanbul round", "Talks resume"]
    assert istanbul.sources[0].published.startswith("2025-05-30")


def test_filters_by_person_date_words_and_tag(library):
    assert texts(build_timeline(library, Filters.from_strings(person="zakharova"))) == [
        "Maria Zakharova said on Thursday the team would not change."
    ]
    assert [
        e.date for e in build_timeline(library, Filters.from_strings(date_from="2025-05-20"))
    ] == [
        "2025-05-29",
        "2025-05-29",
    ]
    assert [e.date for e in build_timeline(library, Filters.from_strings(date_to="2024"))] == [
        "2024-06"
    ]
    assert texts(build_timeline(library, Filters.from_strings(query="unconstructive"))) == [
        "Dmitry Peskov on Thursday called the demands unconstructive."
    ]
    tagged = build_timeline(library, Filters.from_strings(tag="weather"))
    assert texts(tagged) == ["A storm hit the coast of Florida in June 2024, flooding homes."]
    assert count_events(library, Filters.from_strings(tag="ukraine")) == 2


def test_hidden_edited_pinned_and_added_events(library):
    storm = next(e for e in build_timeline(library) if "storm" in e.text)
    corrections.hide(library, storm.id)
    assert all("storm" not in e.text for e in build_timeline(library))
    istanbul = next(e for e in build_timeline(library) if e.date == "2025-05-16")
    corrections.edit(library, istanbul.id, date="2025-05-15", text="Delegations met in Istanbul.")
    corrections.pin(library, istanbul.id)
    edited = next(e for e in build_timeline(library) if e.date == "2025-05-15")
    assert edited.text == "Delegations met in Istanbul." and edited.pinned and edited.corrected
    assert len(edited.sources) == 2  # the correction applies to every source of a merged event
    added = corrections.add(
        library, "2025-06-02", "Next round due in Istanbul.", people=["Sergey Lavrov"], planned=True
    )
    manual = next(e for e in build_timeline(library) if e.id == added)
    assert manual.manual and manual.planned and manual.people == ["Sergey Lavrov"]
    assert texts(build_timeline(library, Filters.from_strings(person="Lavrov"))) == [
        "Next round due in Istanbul."
    ]
    with pytest.raises(corrections.CorrectionError):
        corrections.edit(library, istanbul.id, date="sometime")
    with pytest.raises(corrections.CorrectionError):
        corrections.hide(library, "e99999")


def test_corrections_are_kept_when_the_library_is_reanalysed(library):
    first = build_timeline(library)
    storm = next(e for e in first if "storm" in e.text)
    zakharova = next(e for e in first if "Zakharova" in e.text)
    corrections.hide(library, storm.id)
    corrections.edit(library, zakharova.id, date="2025-05-28")
    # Re-analysis rewrites every article's events (new ids, same keys).
    for article in library.db.execute("SELECT id, text, published FROM articles").fetchall():
        article_id, text, published = article
        dates = {
            row[0]: row[1]
            for row in library.db.execute(
                "SELECT text, value FROM timexes WHERE article_id = ?", [article_id]
            )
        }
        people = ["Maria Zakharova", "Dmitry Peskov"]
        with library.transaction() as db:
            store_analysis(db, article_id, analyse(text, published, dates, [p for p in people if p in text]))
    after = build_timeline(library)
    assert all("storm" not in e.text for e in after)
    assert next(e for e in after if "Zakharova" in e.text).date == "2025-05-28"
    assert {e.id for e in after}.isdisjoint(
        {storm.id, zakharova.id}
    )  # new ids, corrections found again


def test_deleting_an_article_removes_its_events_and_undo_restores_them(library):
    before = build_timeline(library)
    storm_article = next(e for e in before if "storm" in e.text).sources[0].article_id
    deleted = library.delete_article(storm_article)
    assert all("storm" not in e.text for e in build_timeline(library))
    library.restore_article(deleted)
    assert texts(build_timeline(library)) == texts(before)


def test_key_events_rank_days_the_coverage_points_back_to(memory_library):
    from desktop.timeline.keyevents import key_events

    for n, (published, outlet) in enumerate(
        [("2025-05-20", "A"), ("2025-05-22", "B"), ("2025-05-25", "C")]
    ):
        store(
            memory_library,
            f"Follow-up {n}",
            f"Story {n}. The summit in Vienna on May 16 ended without a deal "
            f"between the two sides. Analysts in report {n} were not surprised by the result.",
            published,
            {"May 16": "2025-05-16"},
            outlet=outlet,
        )
    for n in range(2):  # a busy publication day nobody refers back to
        store(
            memory_library,
            f"Markets {n}",
            f"Stock markets moved sideways today in quiet trading number {n}.",
            "2025-05-21",
            {"today": "2025-05-21"},
        )
    days = key_events(
        memory_library, 1, 1, Filters.from_strings(date_from="2025-05-01", date_to="2025-05-31")
    )
    assert [d.date for d in days] == ["2025-05-16"]
    assert days[0].sentences == [
        "The summit in Vienna on May 16 ended without a deal between the two sides."
    ]
    both = key_events(
        memory_library, 2, 1, Filters.from_strings(date_from="2025-05-01", date_to="2025-05-31")
    )
    assert [d.date for d in both] == ["2025-05-16", "2025-05-21"]


def test_window_paths_agree_with_the_timeline(library):
    from desktop.timeline.query import event_keys, event_page

    keys = event_keys(library)
    assert [k[1] for k in keys] == sorted(k[1] for k in keys)
    page = event_page(library, limit=2, offset=1)
    assert [f"e{k[0]}" for k in keys[1:3]] == [e.id for e in page]
    storm = next(e for e in build_timeline(library) if "storm" in e.text)
    corrections.hide(library, storm.id)
    assert len(event_keys(library)) == len(keys) - 1 == count_events(library)


def test_a_comments_page_gives_key_events_no_lead(memory_library):
    from desktop.clipping.furniture import furniture_spans
    from desktop.timeline.keyevents import key_events

    for n in range(3):
        store(memory_library, f"Spill {n}", f"Spill report {n}\nBP said on Monday the cap held "
              f"and oil stopped flowing into the Gulf, report {n} said.",
              "2010-06-07", {"Monday": "2010-06-07"})
    text = ("Readers' comments\n"
            "June 7, 2010 at 11:28 pm | If necessary, welcometo: Handbags (Coach Dear customers, "
            "thank you for your support of our company.\nOil is still washing ashore on the beaches.")
    record = {"title": "Readers' comments", "text": text, "original": text,
              "published": "2010-06-07", "url": None, "outlet": None,
              "sha256": hashlib.sha256(text.encode()).hexdigest()}
    analysis = analyse(text, "2010-06-07", {}, [])
    analysis.furniture = furniture_spans(text)
    assert analysis.furniture  # the comment stamp is the page's
    memory_library.add_article(record, write_with=lambda db, a: store_analysis(db, a, analysis))
    (day,) = key_events(memory_library, 1, 5, Filters.from_strings(date_from="2010-06-01",
                                                                   date_to="2010-06-30"))
    assert day.date == "2010-06-07"
    assert not any("Handbags" in s for s in day.sentences)
    assert "Oil is still washing ashore on the beaches." in day.sentences


def test_a_lead_glued_to_a_photo_credit_is_a_key_event_without_the_credit(memory_library):
    from desktop.clipping.furniture import furniture_spans
    from desktop.timeline.keyevents import key_events

    lead = ("The Obama administration waived environmental reviews for 26 new offshore "
            "drilling projects even as the oil disaster spewed into the Gulf.")
    text = f"Drilling waivers\nPhotograph: Daniel Beltra/Greenpeace {lead}\nThe projects are in shallow water."
    record = {"title": "Drilling waivers", "text": text, "original": text,
              "published": "2010-05-14", "url": None, "outlet": "guardian",
              "sha256": hashlib.sha256(text.encode()).hexdigest()}
    analysis = analyse(text, "2010-05-14", {}, [])
    analysis.furniture = furniture_spans(text)
    assert analysis.furniture  # the credit is the page's
    memory_library.add_article(record, write_with=lambda db, a: store_analysis(db, a, analysis))
    (day,) = key_events(memory_library, 1, 1, Filters.from_strings(date_from="2010-05-01",
                                                                   date_to="2010-05-31"))
    assert (day.date, day.sentences) == ("2010-05-14", [lead])
