"""The key-days SQL in storage: day events, publication days and leads' raw material, read
from plain values (dates, a tag, a ``Where``) without desktop code."""

from __future__ import annotations

import datetime as dt

from db import key_days
from tests.ui.conftest import build_small_library

LATE_MAY = (dt.date(2025, 5, 29), dt.date(2025, 5, 31))
ALL_EVENTS = ("1", [])


def test_day_events_are_day_precise_and_can_keep_to_articles_published_in_range(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        rows = key_days.day_events(library.db, ALL_EVENTS)
        assert sorted(r["date"] for r in rows) == ["2025-05-29", "2025-06-02", "2025-06-03"]  # no "2025-05", no "2024"
        assert {r["outlet"] for r in rows} == {"RT", "TASS"}
        may_28 = key_days.published_range(dt.date(2025, 5, 28), dt.date(2025, 5, 28))
        kept = key_days.day_events(library.db, ALL_EVENTS, may_28)
        assert [r["date"] for r in kept] == ["2025-06-03"]
        assert kept[0]["published"] == "2025-05-28"


def test_publications_are_articles_by_day_narrowed_by_tag_and_event(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        everything = key_days.published_range(None, None)
        days = key_days.publications(db, everything)
        assert sorted(days) == ["2024-01-10", "2025-05-28", "2025-05-30"]
        assert list(key_days.publications(db, key_days.published_range(*LATE_MAY))) == ["2025-05-30"]
        assert sorted(key_days.publications(db, everything, tag="Ukraine talks")) == ["2025-05-28", "2025-05-30"]
        lavrov = ("e.text LIKE ?", ["%Lavrov%"])
        assert list(key_days.publications(db, everything, with_event=lavrov)) == ["2025-05-28"]


def test_leads_material_timexes_furniture_texts_and_info_by_article(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        ids = sorted(library.article_ids())
        assert key_days.date_timexes(db, []) == {} and key_days.article_texts(db, []) == []
        timexes = key_days.date_timexes(db, ids)
        assert sorted(v for _s, v in timexes[ids[0]]) == ["2025-05-29", "2025-06-02"]
        assert key_days.furniture_spans(db, ids) == {}
        db["furniture"].insert({"article_id": ids[0], "start": 0, "end": 5, "kind": "comments"})
        assert key_days.furniture_spans(db, ids) == {ids[0]: [(0, 5)]}
        texts = {i: title for i, title, _text in key_days.article_texts(db, ids)}
        assert texts[ids[0]] == "Talks set for Istanbul"
        info = key_days.article_info(db, [ids[1]])
        assert list(info) == [ids[1]] and info[ids[1]]["outlet"] == "TASS"
        assert info[ids[1]]["published"].startswith("2025-05-28")


def test_articles_published_in_a_range_are_counted(tmp_path):
    with build_small_library(tmp_path / "l.db") as library:
        db = library.db
        assert key_days.count_published(db, None, None) == 3
        assert key_days.count_published(db, *LATE_MAY) == 1
        assert key_days.count_published(db, dt.date(2025, 5, 28), None) == 2
        assert key_days.count_published(db, None, dt.date(2024, 12, 31)) == 1
