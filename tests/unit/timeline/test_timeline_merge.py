"""One happening reported by several clips is one event with all its sources; differing
dates for the same happening are kept and flagged."""

from __future__ import annotations

from desktop.timeline.merge import merge_events
from desktop.timeline.timeline_event import Source, TimelineEvent


def ev(
    n: int, date: str, text: str, article: int, people=(), precision: str = "day"
) -> TimelineEvent:
    return TimelineEvent(
        f"e{n}",
        date,
        precision,
        text,
        list(people),
        False,
        [
            Source(
                article,
                f"Article {article}",
                f"https://example.org/{article}",
                "2025-05-30",
                "Outlet",
                text,
                n,
                f"k{n}",
            )
        ],
    )


def test_the_same_happening_from_two_clips_merges_with_both_sources():
    events = merge_events(
        [
            ev(
                1,
                "2025-05-16",
                "Russia and Ukraine held direct talks in Istanbul on May 16.",
                1,
                ["Vladimir Medinsky"],
            ),
            ev(
                2,
                "2025-05-16",
                "Russian and Ukrainian delegations held talks in Istanbul on Friday.",
                2,
                ["Vladimir Medinsky"],
            ),
            ev(3, "2025-05-16", "A prisoner exchange of 1,000 each was agreed.", 2),
        ]
    )
    assert len(events) == 2
    talks = next(e for e in events if "talks" in e.text)
    assert {s.article_id for s in talks.sources} == {1, 2}
    assert not talks.conflict


def test_different_happenings_on_one_day_stay_apart():
    events = merge_events(
        [
            ev(
                1,
                "2025-05-29",
                "Zakharova said the Russian delegation would not change.",
                1,
                ["Maria Zakharova"],
            ),
            ev(
                2,
                "2025-05-29",
                "Peskov dismissed Umerov's demands as unconstructive.",
                2,
                ["Dmitry Peskov"],
            ),
        ]
    )
    assert len(events) == 2


def test_sentences_of_one_article_are_not_merged_with_each_other():
    events = merge_events(
        [
            ev(1, "2025-05-16", "Talks were held in Istanbul on May 16.", 1),
            ev(2, "2025-05-16", "Talks were held in Istanbul on Friday.", 1),
        ]
    )
    assert len(events) == 2


def test_a_conflicting_date_for_the_same_happening_is_kept_and_flagged():
    events = merge_events(
        [
            ev(
                1,
                "2025-05-16",
                "Russia and Ukraine held direct peace talks in Istanbul.",
                1,
                ["Vladimir Medinsky"],
            ),
            ev(
                2,
                "2025-05-15",
                "Russia and Ukraine held direct peace talks in Istanbul.",
                2,
                ["Vladimir Medinsky"],
            ),
            ev(3, "2025-05-20", "Heavy rain flooded the port of Odesa.", 3),
        ]
    )
    assert [e.date for e in events] == ["2025-05-15", "2025-05-16", "2025-05-20"]
    assert events[0].conflict and events[0].conflicting_dates == ["2025-05-16"]
    assert events[1].conflict and events[1].conflicting_dates == ["2025-05-15"]
    assert not events[2].conflict


def test_merged_events_come_out_in_precision_aware_order():
    events = merge_events(
        [
            ev(1, "2025-05-29", "Peskov spoke to reporters about the memorandum.", 1),
            ev(
                2,
                "2025-05",
                "Fighting intensified along the front line in the east.",
                2,
                precision="month",
            ),
            ev(
                3,
                "2022",
                "Russia launched its full-scale invasion of Ukraine.",
                3,
                precision="year",
            ),
        ]
    )
    assert [e.display_date for e in events] == ["2022", "May 2025", "Thu 29 May 2025"]


def test_a_source_reporting_it_as_done_outweighs_an_earlier_plan():
    planned = ev(1, "2025-06-02", "Talks in Istanbul will resume on June 2.", 1)
    planned.planned = True
    done = ev(2, "2025-06-02", "Talks in Istanbul resumed on June 2.", 2)
    (merged,) = merge_events([planned, done])
    assert not merged.planned and len(merged.sources) == 2


def test_the_same_relative_words_in_articles_of_different_days_are_no_conflict():
    a = ev(
        1, "2010-01-13", "Today is broadcast live and the running order is subject to change.", 1
    )
    b = ev(
        2, "2010-01-14", "Today is broadcast live and the running order is subject to change.", 2
    )
    a.sources[0].date_text = b.sources[0].date_text = "Today"
    assert not any(e.conflict for e in merge_events([a, b]))
    b.sources[0].date_text = "14 January"
    assert all(e.conflict for e in merge_events([a, b]))


def test_a_merged_event_is_worded_by_its_most_typical_source():
    events = merge_events(
        [
            ev(
                1,
                "2025-05-16",
                "Talks in Istanbul on Friday, also a football match and a concert.",
                1,
            ),
            ev(2, "2025-05-16", "Russia and Ukraine held direct talks in Istanbul on Friday.", 2),
            ev(3, "2025-05-16", "Russia and Ukraine held direct peace talks in Istanbul.", 3),
            ev(
                4,
                "2025-05-16",
                "Russian and Ukrainian negotiators held direct talks in Istanbul.",
                4,
            ),
        ]
    )
    merged = max(events, key=lambda e: len(e.sources))
    assert len(merged.sources) >= 3
    assert merged.text == "Russia and Ukraine held direct talks in Istanbul on Friday."
