"""Events: the sentences of an article anchored to a date the text gives for them.

A sentence becomes an event when it holds a resolved date of day, week, month or year
precision ("talks in Istanbul on May 16", "Zakharova said on Thursday"), or when it carries
on the story of the sentence before it in the same paragraph ("That round resulted in ...")
and so stays at the narrative date the text has moved to. Durations, sets, references
such as "recently" and sentences with no date make no event. An event is marked planned
when its date is not before the publication day and the clause that dates it looks ahead
("will", "is scheduled to"; the date tagger's `clause_direction`): a date after publication
reported in the past, or under a condition ("would ... if"), is not a plan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from desktop.timeline.by_offset import ByOffset, Paragraphs
from desktop.timeline.precision import EVENT_PRECISIONS, Placed, place
from desktop.timeline.sentences import clean_sentence, glued_caption, split_spans, word_count

_FUTURE = re.compile(
    r"\b(will|won't|shall|is (?:scheduled|due|expected|set|slated|planned) to|"
    r"are (?:scheduled|due|expected|set|slated|planned) to|to be held|plans? to|"
    r"is to|are to|proposed holding|upcoming|next week|next month)\b",
    re.I,
)
#: Words that move the story away from the previous sentence's date.
_SHIFT = re.compile(
    r"\b(later|earlier|previously|before|after|since|ago|now|currently|today|yesterday|"
    r"tomorrow|last|next|had (?:\w+ed|been)|has (?:\w+ed|been)|have (?:\w+ed|been)|"
    r"in the past|meanwhile|repeatedly)\b",
    re.I,
)
#: A year right after these words bounds a stretch ("since 2022"); it dates nothing itself.
_BOUND_BEFORE = re.compile(r"\b(since|until|till|by|through|from|before|after)\s*$", re.I)
_STAMP_BEFORE = re.compile(
    r"(?:last updated|updated|first published|published|posted)(?: at| on)?[^.\n]{0,25}$", re.I
)
_STAMP_AFTER = re.compile(r"[^.\n]{0,25}?\b(?:wrote|writes)\s*:", re.I)
_CLOCK_ZONE = re.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:GMT|BST|UTC|EDT|EST|CDT|CST|PDT|PST|CET|CEST|ET)\b",
    re.I,
)
MIN_WORDS = 4
#: Prose has small words ("the", "said"); a dateline or caption credit has almost none.
MIN_PROSE_WORDS = 3
_PROSE_WORD = re.compile(r"(?<![\w'])[a-z]{2,}\b")
MAX_CHARS = 600


@dataclass
class Event:
    """One dated sentence of one article. ``key`` stays the same across re-analysis."""

    date: str
    precision: str
    text: str
    start: int
    end: int
    people: list[str] = field(default_factory=list)
    planned: bool = False
    date_text: str = ""
    anchor: str = "timex"  # timex | narrative
    confidence: float = 1.0
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = event_key(self.text, self.date_text)

    @property
    def placed(self) -> Placed:
        placed = place(self.date)
        assert placed is not None
        return placed


def _dates() -> ModuleType:
    """The date tagger's rules, imported on first use: reading the timeline (``query`` uses
    ``pronoun_person``) does not compile the date patterns, extracting events does."""
    from desktop.analysis import dates  # lazy: the date patterns take a while to compile

    return dates


def event_key(text: str, date_text: str) -> str:
    """A stable key for a dated sentence: its words and the words that date it."""
    norm = " ".join(re.findall(r"\w+", text.lower()))
    return hashlib.sha1(f"{norm}|{date_text.lower().strip()}".encode()).hexdigest()[:16]


def _get(item: Any, name: str, default: Any = None) -> Any:
    if isinstance(item, dict):
        return item.get(name, default)
    return getattr(item, name, default)


def extract_events(
    text: str,
    sentences: Sequence[tuple[int, int]] | None,
    timexes: Sequence[Any],
    entities: Sequence[Any],
    dct: str | None,
) -> list[Event]:
    """The events of one article (timexes and entities as objects or dicts, offsets in text)."""
    dct_day = _dct_day(dct)
    dated = []
    for t in timexes:
        kind = (_get(t, "type") or "DATE").upper()
        if kind not in ("DATE", "TIME"):
            continue
        if (_get(t, "anchor_kind") or "") == "none" and not re.match(
            r"\d{4}", _get(t, "value") or ""
        ):
            continue
        placed = place(_get(t, "value"))
        if placed is None or placed.precision not in EVENT_PRECISIONS:
            continue
        start, end = int(_get(t, "start")), int(_get(t, "end"))
        if placed.precision == "year" and _BOUND_BEFORE.search(text[max(0, start - 12) : start]):
            continue
        if _is_stamp(text, start, end):
            continue
        dated.append((start, end, placed, _get(t, "text") or text[start:end]))
    dated_at = ByOffset(dated, lambda d: d[0], lambda d: d[1])
    people = ByOffset(_people(entities), lambda p: p[0], lambda p: p[1])
    paragraphs = Paragraphs(text)
    events: list[Event] = []
    previous: tuple[int, Placed, int] | None = None  # paragraph, date, end of its sentence
    for start, end in split_spans(text, sentences):
        raw = text[start:end]
        if len(raw) > MAX_CHARS:
            previous = None
            continue
        inside = _own_dates(text, dated_at.starting_in(start, end), dct_day)
        paragraph = paragraphs.of(start)
        rest = _without(raw, start, inside)
        if word_count(rest) < MIN_WORDS or len(_PROSE_WORD.findall(rest)) < MIN_PROSE_WORDS:
            previous = None
            continue
        if glued_caption(text, start, end):
            previous = None
            continue
        if inside:
            # Each of the sentence's finest dates, as the text gives it.
            datings = [
                (placed, surface, "timex", 1.0, _dates().clause_direction(text, s, e))
                for s, e, placed, surface in _finest(inside)
            ]
        elif (
            previous
            and previous[0] == paragraph
            and "\n" not in text[previous[2] : start]
            and not _SHIFT.search(raw)
            and not _FUTURE.search(raw)
        ):
            # No date of its own: it goes on from the sentence before.
            datings = [(previous[1], "", "narrative", 0.6, None)]
        else:
            previous = None
            continue
        # Only a dated sentence is tidied and has its people read (most have no date).
        cleaned = clean_sentence(raw)
        names = _names_in(people.starting_in(start, end), start, end)
        antecedent = pronoun_person(
            raw, start, people.starting_in(start - PRONOUN_REACH - people.longest, end)
        )
        if antecedent and antecedent not in names:
            names.insert(0, antecedent)
        for placed, surface, anchor, confidence, direction in datings:
            events.append(
                Event(
                    placed.value,
                    placed.precision,
                    cleaned,
                    start,
                    end,
                    list(names),
                    _planned(raw, placed, dct_day, direction),
                    surface,
                    anchor,
                    confidence,
                )
            )
        previous = (paragraph, datings[0][0], end)
    return events


_SINCE = re.compile(r"\bsince\s*$", re.I)


def _own_dates(
    text: str, inside: list[tuple[int, int, Placed, str]], dct: dt.date | None
) -> list[tuple[int, int, Placed, str]]:
    """The dates that date a sentence. A dateline counts only when the sentence has no date
    of its own; so does the start of a count ("84 deaths since Tuesday"), and then the
    sentence is dated at the report (publication), not at the count's start."""

    def starts_count(d: tuple[int, int, Placed, str]) -> bool:
        return bool(_SINCE.search(text[max(0, d[0] - 8) : d[0]]))

    own = [d for d in inside if not _dates().is_dateline(text, d[0], d[1]) and not starts_count(d)]
    if own:
        return own
    report = place(dct.isoformat()) if dct else None
    return [(s, e, report, f"since {t}") if starts_count((s, e, p, t)) else (s, e, p, t)
            for s, e, p, t in inside if report is not None or not starts_count((s, e, p, t))]


def _is_stamp(text: str, start: int, end: int) -> bool:
    """A page's own time stamp (dateline, "last updated", a reader comment's header): it says
    when something was written, not when anything happened."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    return bool(
        _dates().is_stamp(text, start, end)
        or _STAMP_BEFORE.search(before)
        or _STAMP_AFTER.match(after)
        or _CLOCK_ZONE.search(text[start:end] + after[:12])
    )


def _dct_day(dct: str | None) -> dt.date | None:
    placed = place((dct or "")[:10])
    return placed.first if placed and placed.precision == "day" else None


def _planned(sentence: str, placed: Placed, dct: dt.date | None, direction: str | None) -> bool:
    """Not yet happened when reported: dated on or after publication and told looking ahead.

    *direction* is the dating clause's (None for a sentence dated by the one before it, or
    when no verb says): then the sentence's own future words decide. A present tense
    ("the summit is on June 5") looks ahead only to a date after publication.
    """
    dates = _dates()
    if direction == dates.FUTURE:
        forward = True
    elif direction == dates.PRESENT:
        forward = dct is not None and placed.first > dct
    elif direction is None:
        forward = bool(_FUTURE.search(sentence))
    else:  # PAST, HYPOTHETICAL
        forward = False
    return forward and (dct is None or placed.last >= dct)


def _finest(inside: list[tuple[int, int, Placed, str]]) -> list[tuple[int, int, Placed, str]]:
    """The most precise dates of a sentence, one per value ("since 2022" yields to "May 16")."""
    order = {p: i for i, p in enumerate(("day", "week", "month", "year"))}
    best = min(order[d[2].precision] for d in inside)
    chosen: list[tuple[int, int, Placed, str]] = []
    seen: set[str] = set()
    for d in inside:
        if order[d[2].precision] == best and d[2].value not in seen:
            seen.add(d[2].value)
            chosen.append(d)
    return chosen[:3]


def _without(raw: str, offset: int, inside: list[tuple[int, int, Placed, str]]) -> str:
    """The sentence with its date expressions blanked (a bare dateline is not an event)."""
    chars = list(raw)
    for s, e, _p, _t in inside:
        for i in range(max(0, s - offset), min(len(chars), e - offset)):
            chars[i] = " "
    return "".join(chars)


def _people(entities: Sequence[Any]) -> list[tuple[int, int, str]]:
    """Person mentions as (start, end, full name); a bare surname takes the article's full name."""
    mentions = [
        (int(_get(e, "start")), int(_get(e, "end")), _get(e, "name") or _get(e, "text") or "")
        for e in entities
        if (_get(e, "label") or "") == "PERSON"
    ]
    # Longest first; of equal length, the one named first (a set's order changes from run to run).
    full = sorted(dict.fromkeys(n for _s, _e, n in mentions if " " in n), key=len, reverse=True)
    resolved = []
    for s, e, name in mentions:
        if " " not in name:
            name = next((f for f in full if f.split()[-1] == name), name)
        resolved.append((s, e, name))
    return resolved


_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.I)
PRONOUN_REACH = 400


def pronoun_person(sentence: str, start: int, people: Sequence[tuple[int, int, str]]) -> str | None:
    """Who "he" or "she" is when the sentence says so before naming anyone: the last person
    named shortly before it ("... Medinsky denied it. On Wednesday, he said ...")."""
    pronoun = _PRONOUN.search(sentence)
    if pronoun is None:
        return None
    at = start + pronoun.start()
    if any(start <= s < at for s, _e, _n in people):
        return None
    before = [p for p in people if p[1] <= start and start - p[1] <= PRONOUN_REACH]
    return before[-1][2] if before else None


def _names_in(people: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    names: list[str] = []
    for s, e, name in people:
        if start <= s and e <= end and name and name not in names:
            names.append(name)
    return names
