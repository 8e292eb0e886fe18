"""The brief of the whole library planned from its stored rows (``desktop.brief.ranked``),
reading only the happenings that can reach it, is the brief planned over every happening:
the same key events, chronology, "+N more reports", Background and Ahead, whatever the word
budget leaves room for."""

from __future__ import annotations

import datetime as dt
import random
from functools import partial

import pytest

from desktop.brief import markdown, ranked
from desktop.brief.markdown import brief_from_library
from desktop.brief.story import plan_story
from desktop.timeline import corrections
from desktop.timeline.query import build_timeline
from tests.unit.brief.test_brief_light import story as story  # noqa: F401 (the fixture)
from tests.unit.timeline.test_timeline_library import store

WORDS = ("flood levee pumps rescue convoy shelter ferry bridge tanker spill boom wells "
         "council sanctions embargo court ruling strike miners talks envoy ceasefire vote "
         "ballot recount protest curfew airport runway cargo vaccine clinic outbreak").split()
PEOPLE = ["Ana Silva", "Omar Haddad", "Lena Berg", "Tom Reyes"]
OUTLETS = ["Reuters", "AP", "BBC", "CNN", None]


@pytest.fixture
def big_story(memory_library):
    """Sixty articles over three weeks of a story, with days long before it and plans after."""
    rng = random.Random(17)
    first = dt.date(2011, 3, 1)
    for n in range(60):
        published = first + dt.timedelta(days=rng.randrange(21))
        sentences, dates = [], {}
        for k in range(3):
            day = published - dt.timedelta(days=rng.choice((0, 1, 1, 2, 3, 5, 90, 400)))
            if k == 2 and rng.random() < 0.3:
                day = published + dt.timedelta(days=rng.choice((10, 40, 500)))
            phrase = f"on {day.strftime('%B')} {day.day}"
            words = " ".join(rng.sample(WORDS, rng.randrange(3, 9)))
            person = rng.choice(PEOPLE) if rng.random() < 0.5 else None
            said = f"{person} said the {words}" if person else f"The {words}"
            sentences.append(f"{said} {phrase}.")
            dates[phrase] = day.isoformat()
        people = [p for p in PEOPLE if any(p in s for s in sentences)]
        store(memory_library, f"Report {n}", " ".join(sentences), published.isoformat(), dates, people,
              outlet=rng.choice(OUTLETS))
    return memory_library


def briefs(library, monkeypatch, budget):
    """(planned over every happening, planned from the rows) with ``budget`` words."""
    monkeypatch.setattr(ranked, "WORD_BUDGET", budget)
    monkeypatch.setattr(markdown, "plan_story", partial(plan_story, word_budget=budget))
    used = []
    real = ranked.ranked_brief

    def spy(*args, **kwargs):
        used.append(real(*args, **kwargs))
        return used[-1]

    monkeypatch.setattr(ranked, "ranked_brief", spy)
    library.db.execute("DELETE FROM brief_cache")
    with monkeypatch.context() as whole:
        whole.setattr(markdown, "_ranked", lambda *args: None)
        every = brief_from_library(library)
    library.db.execute("DELETE FROM brief_cache")
    from_rows = brief_from_library(library)
    assert used and used[-1] is not None  # the brief was planned from the rows
    return every, from_rows


@pytest.mark.parametrize("budget", [12, 40, 90, 200, 300])
@pytest.mark.parametrize("days_per_key", [1, ranked.DAYS_PER_KEY])
def test_the_brief_from_the_rows_is_the_brief_over_every_happening(big_story, monkeypatch, budget,
                                                                    days_per_key):
    monkeypatch.setattr(ranked, "DAYS_PER_KEY", days_per_key)  # 1: the key events need more days
    every, from_rows = briefs(big_story, monkeypatch, budget)
    assert from_rows == every
    assert "## Chronology" in every and "### " in every


def test_a_pin_and_a_hide_reach_the_brief_from_the_rows(big_story, monkeypatch):
    events = build_timeline(big_story)
    corrections.pin(big_story, events[len(events) // 2].id)
    corrections.correct(big_story, events[3].id, hidden=True)
    every, from_rows = briefs(big_story, monkeypatch, 90)
    assert "(pinned)" in every and from_rows == every


def test_a_small_timeline_is_read_whole(story, monkeypatch):
    """A timeline whose every bullet may fit the budget is planned over every happening."""
    monkeypatch.setattr(ranked, "WORD_BUDGET", 10_000)
    assert ranked.ranked_brief(story.db, ranked.Filters(), {}, {}, [], 5) is None

