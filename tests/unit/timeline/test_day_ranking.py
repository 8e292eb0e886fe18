"""The days the coverage points to: an article off the story says little about the story's days."""

from __future__ import annotations

import datetime as dt

import pytest

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


QUAKE = "Rescuers pulled survivors from the rubble in Port-au-Prince after the earthquake"
AFTERSHOCK = "A strong aftershock shook Port-au-Prince, and rescuers fled the rubble of the earthquake"
CONCERT = "Radiohead performed for more than two hours at the Henry Fonda Theatre"


def said(day: str, article: int, text: str) -> dict:
    return mention(day, article) | {"text": text}


def quake_story(extra: list[dict]) -> dict[str, float]:
    # Six reports on the quake set the story's words; then the days under test.
    background = [said("2010-01-13", a, QUAKE) for a in range(10, 16)]
    return rank_dates(background + extra, {}, WINDOW, None, on_story_sentences=True)


def test_a_day_named_only_in_asides_off_the_story_counts_little():
    # Three reports date an aside about a concert to the 22nd; two date the aftershock to
    # the 20th: the aftershock's day is the story's.
    scores = quake_story([said("2010-01-22", a, CONCERT) for a in (1, 2, 3)]
                         + [said("2010-01-20", a, AFTERSHOCK) for a in (4, 5)])
    assert scores["2010-01-20"] > scores["2010-01-22"]
    # Counted by articles alone, as the timeline's key-events command does, the busier day leads.
    plain = rank_dates([said("2010-01-22", a, CONCERT) for a in (1, 2, 3)]
                       + [said("2010-01-20", a, AFTERSHOCK) for a in (4, 5)], {}, WINDOW)
    assert plain["2010-01-22"] > plain["2010-01-20"]


def test_an_article_counts_for_its_best_sentence_about_the_day():
    # One report dates both an aside and the aftershock to the 20th: it counts as its
    # report of the aftershock does, not as its aside.
    both = quake_story([said("2010-01-20", 1, CONCERT), said("2010-01-20", 1, AFTERSHOCK)])
    alone = quake_story([said("2010-01-20", 1, AFTERSHOCK)])
    aside = quake_story([said("2010-01-20", 1, CONCERT)])
    assert both["2010-01-20"] == pytest.approx(alone["2010-01-20"])
    assert aside["2010-01-20"] < alone["2010-01-20"] / 2


def test_stored_words_stand_for_the_text():
    stored = said("2010-01-20", 4, "") | {"tokens": "aftershock earthquake port-au-prince rescuer rubble"}
    scores = quake_story([said("2010-01-22", 1, CONCERT), stored])
    assert scores["2010-01-20"] > scores["2010-01-22"]


def test_a_sentence_weighed_against_another_story_counts_little():
    from desktop.timeline.keyevents import sentence_weights

    story = [said("2010-01-13", a, QUAKE) for a in range(10, 16)]
    plans = [said("2010-02-05", 1, "Rescuers will clear the rubble of the earthquake in Port-au-Prince"),
             said("2014-01-01", 2, "NASA hopes the mission will leave Hubble in good shape until 2014")]
    on_story, off_story = sentence_weights(plans, story)
    assert on_story > 0.5 and off_story < 0.2
