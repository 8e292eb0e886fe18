"""On any text the tagger returns sane output: no crash, spans in the text, no overlaps."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.analysis.dates import is_well_formed, tag_dates

# Words that steer the text into the patterns, so the property is tested where it matters.
DATE_WORDS = [
    "on", "Monday", "Thursday", "evening", "May", "June", "2", "16", "21,", "2025", "1998",
    "last", "next", "this", "week", "month", "year", "quarter", "third", "the", "ago",
    "later", "earlier", "two", "30-day", "days", "a", "every", "daily", "now", "recently",
    "5", "p.m.", "EST", "Christmas", "1990s", "'80s", "20th", "century", "fiscal", "summer",
    "year-earlier", "said", "will", ",", ".", "\n", "Feb.", "29", "31", "0", "99999",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(DATE_WORDS), max_size=40).map(" ".join),
)
dcts = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.dates().map(dt.date.isoformat),
    st.text(max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(texts, dcts)
def test_tagging_any_text_is_safe(text, dct):
    timexes = tag_dates(text, dct)
    previous_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= previous_end, "spans overlap or are out of order"
        previous_end = t.end
        assert t.text == text[t.start : t.end]
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}
        assert is_well_formed(t.value), t.value
        assert 0.0 <= t.confidence <= 1.0
        assert t.anchor_kind in {"absolute", "dct", "narrative", "none"}


def test_well_formed_rejects_garbage():
    for bad in ["", "2025-13", "P", "PT", "yesterday", "2025-05-29T", "2025-W99X"]:
        assert not is_well_formed(bad), bad
    for good in ["2025-05-29", "2025-W22", "2025-W22-WE", "P2Y6M", "PT1M30S", "PXY",
                 "XXXX-WXX-1TNI", "199", "PRESENT_REF", "2025-05-28TEV", "1989-11-06T17:00"]:
        assert is_well_formed(good), good


def test_relative_dates_at_the_ends_of_the_calendar_do_not_raise():
    text = ("tomorrow yesterday next week Friday next Friday May 5 the next day two days "
            "later 5 p.m. Tuesday this summer the third quarter a year ago next year")
    for dct in [dt.date(1, 1, 1), dt.date(1, 1, 3), dt.date(9999, 12, 25),
                dt.date(9999, 12, 31)]:
        for t in tag_dates(text, dct):
            assert is_well_formed(t.value)
