"""The days the coverage points to: an article off the story says little about the story's days."""

from __future__ import annotations

import datetime as dt

from desktop.timeline.filters import Filters
from desktop.timeline.keyevents import rank_dates

WINDOW = Filters(date_from=dt.date(2010, 1, 12), date_to=dt.date(2010, 1, 31))


def mention(day: str, article: int) -> dict:
    return {"date": day, "article_id": article, "published": "2010-01-25", "outlet": "BBC",
            "pinned": 0}


def ranked(weights: dict[int, float] | None) -> list[str]:
    # Three articles (a concert review, a reader's comment page, a sports report) mention the
    # 22nd; two reports on the quake mention the 20th.
    events = [mention("2010-01-22", a) for a in (1, 2, 3)] + [
        mention("2010-01-20", a) for a in (4, 5)
    ]
    scores = rank_dates(events, {"2010-01-25": [1, 2, 3, 4, 5]}, WINDOW, weights)
    return sorted(("2010-01-20", "2010-01-22"), key=lambda d: -scores[d])


def test_each_article_counts_once_without_weights():
    assert ranked(None) == ["2010-01-22", "2010-01-20"]


def test_off_story_articles_count_for_their_weight():
    on_story = {1: 0.1, 2: 0.1, 3: 0.1, 4: 1.0, 5: 1.0}
    assert ranked(on_story) == ["2010-01-20", "2010-01-22"]
