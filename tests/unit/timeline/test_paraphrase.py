"""Paraphrases of one happening become one happening: outlets word the same thing differently."""

from __future__ import annotations

from desktop.timeline.happening_store import happenings_of
from desktop.timeline.paraphrase import words_of

FILLER = [
    "Mexico closed schools, museums and cinemas in the capital to slow the outbreak.",
    "Pork producers said prices fell sharply as buyers stayed away from the markets.",
    "Airlines cut flights to Cancun as tourists cancelled their holidays.",
    "Egypt ordered the slaughter of all pigs in the country as a precaution.",
    "Drugmakers said they could start producing a vaccine within weeks.",
    "Stock markets in Asia fell for a second day on fears of a global recession.",
]


def rows(texts: list[tuple[str, str]]) -> list[dict]:
    return [
        {"id": i, "article_id": i, "text": text, "date": "2009-04-27", "precision": "day",
         "date_sort": "2009-04-27", "start": 0, "end": len(text), "planned": 0,
         "outlet": outlet, "published": f"2009-04-2{7 + i % 2}"}
        for i, (outlet, text) in enumerate(texts, start=1)
    ]


def told(texts: list[tuple[str, str]]) -> list[set[str]]:
    return [{o for o in h.outlets} for h in happenings_of(rows(texts), {}) if h.articles > 1]


def test_an_alert_raised_to_level_4_and_to_phase_four_is_one_happening():
    texts = [
        ("reuters", "The WHO raised its pandemic alert to Level 4 on Monday, a step closer to a pandemic."),
        ("guardian", "Last night the WHO emergency committee raised its threat level to phase four."),
        *[("bbc", t) for t in FILLER],
    ]
    assert told(texts) == [{"reuters", "guardian"}]


def test_two_stories_sharing_only_a_number_stay_apart():
    texts = [
        ("reuters", "Seven people died when a bus fell into a ravine in the Andes."),
        ("guardian", "Seven countries have now confirmed cases of the new flu strain."),
        *[("bbc", t) for t in FILLER],
    ]
    assert told(texts) == []


def test_days_of_the_month_and_clock_times_are_no_amounts():
    words = words_of("On April 29 at 18:00 GMT the WHO raised the alert from four to 5.")
    assert {"#4", "#5", "WHO", "rais"} <= words
    assert not {"#29", "#18", "#00", "GMT"} & words
