"""Every item model passes Qt's model tester, and the lazy ones really load in pages."""

from __future__ import annotations

from pathlib import Path

from db.library import Library
from desktop.ui.models import articles as articles_module
from desktop.ui.models import timeline as timeline_module
from desktop.ui.models.articles import ArticleListModel
from desktop.ui.models.people import PeopleModel
from desktop.ui.models.timeline import TimelineModel


def test_article_model_passes_the_model_tester(qtmodeltester, qtbot, small_library):
    model = ArticleListModel(small_library)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.search_finished):
        model.set_query("memorandum")
    assert model.total() == 1
    qtmodeltester.check(model)
    model.set_query("")
    model.set_tag("Ukraine talks")
    qtmodeltester.check(model)


def test_timeline_and_people_models_pass_the_model_tester(qtmodeltester, small_library):
    timeline = TimelineModel(small_library)
    qtmodeltester.check(timeline)
    for zoom in ("month", "year"):
        timeline.set_zoom(zoom)
        qtmodeltester.check(timeline)
    people = PeopleModel(small_library)
    people.reload()
    qtmodeltester.check(people)


def _many_articles(path: Path, count: int) -> Library:
    library = Library(path)
    with library.transaction() as db:
        db["articles"].insert_all(
            {"title": f"Article {i}", "outlet": "Wire", "published": f"2025-01-{1 + i % 28:02d}",
             "clipped_at": "2025-02-01T00:00:00", "text": f"text {i}", "original": f"text {i}",
             "sha256": f"h{i}"} for i in range(count)
        )
    return library


def test_articles_load_a_page_at_a_time(qtmodeltester, tmp_path, monkeypatch):
    monkeypatch.setattr(articles_module, "PAGE_SIZE", 20)
    library = _many_articles(tmp_path / "many.db", 50)
    model = ArticleListModel(library)
    assert model.rowCount() == 20 and model.total() == 50
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 40
    qtmodeltester.check(model)
    model.fetchMore()
    assert model.rowCount() == 50 and not model.canFetchMore()
    library.close()


def test_timeline_loads_in_pages_without_splitting_a_date(tmp_path, monkeypatch, small_library):
    monkeypatch.setattr(timeline_module, "PAGE_SIZE", 2)
    model = TimelineModel(small_library)
    first_page = model.event_count
    assert 2 <= first_page < 5
    while model.canFetchMore():
        model.fetchMore()
    assert model.event_count == 5
    dates = [e.date for e in model.loaded_events()]
    assert dates == ["2024", "2025-05", "2025-05-29", "2025-06-02", "2025-06-03"]
    assert len(model.headers()) == len(set(model.headers()))  # no header repeated across pages


def test_corrected_and_hand_made_events_take_their_place_across_pages(monkeypatch, small_library):
    from db.events import add_manual_event, correct_event
    from desktop.timeline.precision import place

    monkeypatch.setattr(timeline_module, "PAGE_SIZE", 1)
    with small_library.transaction() as db:
        row = db.execute("SELECT article_id, key FROM events WHERE date = '2024'").fetchone()
        correct_event(db, row[0], row[1], date=place("2025-06-10"))
        add_manual_event(db, place("2025-05-30"), "Published the article.")
    model = TimelineModel(small_library)
    while model.canFetchMore():
        model.fetchMore()
    dates = [e.date for e in model.loaded_events()]
    assert dates == ["2025-05", "2025-05-29", "2025-05-30", "2025-06-02", "2025-06-03", "2025-06-10"]
    assert model.total_events() == 6
