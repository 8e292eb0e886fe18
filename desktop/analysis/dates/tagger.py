"""tag_dates: every time expression in a text, resolved against the publication date.

The pipeline is HeidelTime's in miniature: compiled patterns propose spans, the longest
non-overlapping ones survive, then each is normalised in reading order so that relative
expressions ("two days later") can lean on the date the story has reached. No model, no
parser: the tagger must keep up with a whole library being re-indexed.
"""

from __future__ import annotations

import datetime as dt

from desktop.analysis.dates.anchoring import FUTURE, Narrative
from desktop.analysis.dates.named_days import counts_from, heads_dated
from desktop.analysis.dates.normalise import NORMALISERS, Context
from desktop.analysis.dates.patterns import Candidate, find_candidates
from desktop.analysis.dates.stamps import (
    ENTRY_LENGTH,
    ENTRY_REACH,
    STAMP_REACH,
    is_entry_heading,
    is_stamp,
)
from desktop.analysis.dates.timex import Timex
from desktop.analysis.dates.values import is_well_formed, precision_of
from desktop.analysis.dates.vetoes import plausible

#: Values that move the narrative: dates precise enough to count from.
_NARRATIVE_PRECISIONS = frozenset({"day", "month", "quarter", "half", "year"})


def parse_dct(dct: str | dt.date | dt.datetime | None) -> dt.date | None:
    """The publication date from "2025-05-30", "1998-03-01T14:11:00", a date, or None."""
    if dct is None:
        return None
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, dt.date):
        return dct
    text = str(dct).strip()
    if len(text) >= 10:
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
    if len(text) == 8 and text.isdigit():
        try:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return None
    return None


def tag_dates(text: str, dct: str | dt.date | None) -> list[Timex]:
    """Find and normalise the time expressions in *text* published on *dct*.

    Spans are character offsets into *text* (end exclusive), in order, never overlapping.
    Without a publication date, relative expressions keep unknown parts ("XXXX-05-16").
    """
    when = parse_dct(dct)
    timexes, named = _tag(text, when, {})
    if named and any(t.type == "DURATION" and counts_from(text, t.end, named)
                     for t in timexes):
        # "Eight days after the quake ..." with the quake dated only further on: read
        # again, knowing the article's happenings
        timexes, _ = _tag(text, when, named)
    return timexes


def _tag(text: str, when: dt.date | None,
         later: dict[str, dt.date]) -> tuple[list[Timex], dict[str, dt.date]]:
    rejected: set[tuple[int, int, str]] = set()
    for _ in range(3):
        timexes, newly_rejected, named = _tag_once(text, when, rejected, later)
        if not newly_rejected:
            break
        # A match the normaliser threw out may have hidden a shorter, good one inside it.
        rejected |= newly_rejected
    return timexes, named


def _follow_stamp(ctx: Context, value: str, published: dt.date) -> None:
    """After a stamp, relative dates count from the stamp's day ("At 20:00 3rd May 2009,
    Bob wrote: last Wednesday ..."), when it is a day at or after publication."""
    if precision_of(value) != "day":
        return
    day = dt.date.fromisoformat(value[:10])
    if published <= day <= published + STAMP_REACH:
        ctx.dct, ctx.reference = day, "the stamp"


def _follow_entry(ctx: Context, value: str, published: dt.date, end: int) -> int:
    """After a diary or live-blog entry's heading ("SUNDAY 17 JANUARY - ..."), "this
    morning" and "today" are the entry's day, not the page's: until the next heading, or
    as far as one entry runs (a page of diaries may head only some of them). Returns the
    offset where the entry's day stops counting (-1: no entry)."""
    if precision_of(value) != "day":
        return -1
    day = dt.date.fromisoformat(value[:10])
    if published - ENTRY_REACH <= day <= published + STAMP_REACH:
        ctx.dct, ctx.reference = day, _ENTRY
        return end + ENTRY_LENGTH
    return -1


_ENTRY = "the entry's date"


def _tag_once(
    text: str, when: dt.date | None, rejected: set[tuple[int, int, str]],
    later: dict[str, dt.date],
) -> tuple[list[Timex], set[tuple[int, int, str]], dict[str, dt.date]]:
    ctx = Context(text=text, dct=when, narrative=Narrative(named_later=later))

    def keep(cand: Candidate, text: str) -> bool:
        return (cand.start, cand.end, cand.rule.name) not in rejected and plausible(cand, text)

    timexes: list[Timex] = []
    newly_rejected: set[tuple[int, int, str]] = set()
    entry_until = -1
    for cand in find_candidates(text, keep):
        if ctx.reference == _ENTRY and cand.start > entry_until:
            ctx.dct, ctx.reference = when, "publication"  # past the entry: the page's day
        stamp = is_stamp(text, cand.start, cand.end)
        # A stamp is written at or after publication: its bare weekday is the coming one.
        ctx.forced_tense = FUTURE if stamp else None
        try:
            resolution = NORMALISERS[cand.rule.name](cand, ctx)
        except (OverflowError, ValueError):
            resolution = None  # off the end of the calendar (year 1 or 9999): no value
        if resolution is None or not is_well_formed(resolution.value):
            newly_rejected.add((cand.start, cand.end, cand.rule.name))
            continue
        start, end = cand.start, cand.end
        timexes.append(Timex(
            start=start, end=end, text=text[start:end], type=resolution.type,
            value=resolution.value, anchor=resolution.anchor,
            anchor_kind=resolution.anchor_kind, confidence=resolution.confidence,
            explanation=resolution.explanation,
        ))
        if stamp and when is not None:
            _follow_stamp(ctx, resolution.value, when)
        elif when is not None and resolution.type == "DATE" and \
                is_entry_heading(text, start, end):
            entry_until = _follow_entry(ctx, resolution.value, when, end)
        if resolution.type in {"DATE", "TIME"} and precision_of(resolution.value) == "day":
            day = dt.date.fromisoformat(resolution.value[:10])
            for head in heads_dated(text, start, end):
                ctx.narrative.named[head] = day
        if resolution.moves and resolution.type in {"DATE", "TIME"} and \
                precision_of(resolution.value) in _NARRATIVE_PRECISIONS:
            ctx.narrative.note(resolution.value, start)
    return timexes, newly_rejected, ctx.narrative.named
