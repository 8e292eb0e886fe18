"""Storage's small reads the timeline asks before it writes: which outlets' furniture is stale,
which repeated furniture holds events again, whether the connection only reads, whether an
article or outlet exists."""

from __future__ import annotations

import datetime as dt

from db.articles import has_article, has_outlet
from db.connection import only_reads
from db.furniture import (
    REPEATED,
    dirty_outlets,
    forget_dirty_outlets,
    repeated_spans_with_events_on,
)
from db.happenings import StoredHappening, replace_date, stored_happening_count
from tests.ui.conftest import build_small_library


def test_outlets_whose_clips_changed_are_dirty_until_forgotten(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        assert sorted(dirty_outlets(db)) == ["BBC", "RT", "TASS"]
        with db.atomic():
            forget_dirty_outlets(db)
        assert dirty_outlets(db) == []
        library.update_article(min(library.article_ids()), text="A new text.")
        assert dirty_outlets(db) == ["RT"]


def test_repeated_furniture_holding_an_event_of_the_dates_is_found_in_chunks(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        talks = min(library.article_ids())
        db["furniture"].insert_all([
            {"article_id": talks, "start": 0, "end": 20, "kind": REPEATED},
            {"article_id": talks, "start": 70, "end": 90, "kind": "comments"},
        ])
        assert repeated_spans_with_events_on(db, ["2025-05-29"]) == [(talks, 0, 20)]
        assert repeated_spans_with_events_on(db, ["2025-06-02"]) == []  # only structural furniture there
        many = [(dt.date(2020, 1, 1) + dt.timedelta(days=n)).isoformat() for n in range(700)] + ["2025-05-29"]
        assert repeated_spans_with_events_on(db, many) == [(talks, 0, 20)]


def test_a_connection_told_to_only_read_says_so(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        assert only_reads(library.db) is False
        library.refuse_writes()
        assert only_reads(library.db) is True


def test_articles_and_outlets_exist_only_when_stored(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        some = min(library.article_ids())
        assert has_article(db, some) and not has_article(db, max(library.article_ids()) + 1)
        assert has_outlet(db, "TASS") and not has_outlet(db, "tass") and not has_outlet(db, "Reuters")


def test_the_stored_happenings_are_counted(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        before = stored_happening_count(db)
        event_id = db.execute("SELECT id FROM events WHERE date = '2025-05-29'").fetchone()[0]
        one = StoredHappening(
            date="2020-01-01", precision="day", date_sort="2020-01-01", event_id=event_id, text="x",
            event_ids=[event_id], articles=1, outlets=["RT"], first_published=None, people=[],
            places=[], planned=False,
        )
        with db.atomic():
            replace_date(db, "2020-01-01", [one, one])
        assert stored_happening_count(db) == before + 2
