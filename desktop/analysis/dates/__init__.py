"""Dates in articles: find time expressions and place them on the calendar (TIMEX3).

    from desktop.analysis.dates import Timex, tag_dates
    timexes = tag_dates(text, "2025-05-30")

See tagger.py for the pipeline, patterns.py for what is found, vetoes.py for what is
thrown out, normalise.py for how values are made, anchoring.py for what relative dates are
relative to (publication date, verb tense, the story's date) and values.py for TIMEX3 values
and `precision_of`, which tells the timeline which values it can place on a calendar;
`clause_direction` tells it whether the clause around a date looks ahead (a planned event),
stamps.py which dates are the page's own timing (`is_stamp`, `is_dateline`).
"""

from __future__ import annotations

from desktop.analysis.dates.anchoring import (
    FUTURE,
    HYPOTHETICAL,
    PAST,
    PRESENT,
    clause_direction,
)
from desktop.analysis.dates.stamps import is_dateline, is_stamp
from desktop.analysis.dates.tagger import parse_dct, tag_dates
from desktop.analysis.dates.timex import Timex
from desktop.analysis.dates.values import is_well_formed, precision_of

__all__ = [
    "FUTURE", "HYPOTHETICAL", "PAST", "PRESENT", "Timex", "clause_direction", "is_dateline",
    "is_stamp", "is_well_formed", "parse_dct", "precision_of", "tag_dates",
]
