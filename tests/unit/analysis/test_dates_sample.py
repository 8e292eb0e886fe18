"""The sample article (published Fri 30 May 2025): the dates a reporter would put on a timeline."""

from __future__ import annotations

import pytest

from desktop.analysis.dates import Timex, tag_dates
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def timexes() -> list[Timex]:
    return tag_dates(SAMPLE.read_text(encoding="utf-8"), "2025-05-30")


def _find(timexes: list[Timex], text: str) -> list[Timex]:
    return [t for t in timexes if t.text == text]


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("Thursday", "DATE", "2025-05-29"),
        ("Wednesday evening", "TIME", "2025-05-28TEV"),
        ("May 16", "DATE", "2025-05-16"),
        ("Monday, June 2", "DATE", "2025-06-02"),
        ("May 21, 2025", "DATE", "2025-05-21"),
        ("2022", "DATE", "2022"),
        ("30-day", "DURATION", "P30D"),
    ],
)
def test_sample_dates_resolve_on_the_calendar(timexes, text, type_, value):
    found = _find(timexes, text)
    assert found, f"{text!r} not found among {[t.text for t in timexes]}"
    assert {(t.type, t.value) for t in found} == {(type_, value)}


def test_on_is_not_part_of_the_timex(timexes):
    assert not any(t.text.lower().startswith("on ") for t in timexes)


def test_spans_point_into_the_text(timexes):
    text = SAMPLE.read_text(encoding="utf-8")
    for t in timexes:
        assert text[t.start : t.end] == t.text


def test_weekday_says_what_it_was_resolved_against(timexes):
    thursday = _find(timexes, "Thursday")[0]
    assert thursday.anchor == "2025-05-30"
    assert thursday.anchor_kind == "dct"
    assert "Thu 29 May 2025" in thursday.explanation
    assert "Fri 30 May 2025" in thursday.explanation
    assert 0 < thursday.confidence <= 1


def test_full_date_is_absolute_and_trusted_more_than_a_weekday(timexes):
    full = _find(timexes, "May 21, 2025")[0]
    weekday = _find(timexes, "Thursday")[0]
    assert full.anchor_kind == "absolute"
    assert full.confidence > weekday.confidence


def test_as_dict_has_the_cli_keys(timexes):
    record = _find(timexes, "May 16")[0].as_dict()
    assert {"start", "end", "text", "type", "value", "anchor", "anchor_kind", "confidence",
            "explanation"} <= set(record)
