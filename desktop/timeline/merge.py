"""Merging: one happening reported by several clips becomes one event with all its sources.

Two dated sentences from different articles are the same happening when they carry the same
date and say much the same thing (word overlap), a little less when they name the same
people. When sentences that look like one happening carry different days a few days apart,
both are kept and flagged as a conflict for the reporter to check.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

from desktop.timeline.precision import place
from desktop.timeline.timeline_event import TimelineEvent

MERGE_SIMILARITY = 0.5
MERGE_SIMILARITY_WITH_PEOPLE = 0.3
CONFLICT_SIMILARITY = 0.75
CONFLICT_DAYS = 7
RARE_TOKEN_LIMIT = 60
_DATE_NUMBER = re.compile(r"\d{1,2}(?:st|nd|rd|th)?|1[89]\d\d|20\d\d")
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")

_STOP = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being has
    have had do does did this that these those it its he she they them his her their we our you
    your i me my not no said says say told will would could should can may might also after
    before about over into than then there which who whom whose what when where while more most
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow week month
    year last next earlier later""".split()
)


def content_tokens(text: str) -> frozenset[str]:
    """The words that carry meaning, lowercased, crudely stemmed (plural s dropped)."""
    return frozenset(
        w[:-1] if len(w) > 4 and w.endswith("s") else w
        for w in _WORD.findall(text.lower())
        # a date number starts with a digit: a word starting with a letter needs no match
        if w not in _STOP and len(w) > 1 and not (w[0].isdigit() and _DATE_NUMBER.fullmatch(w))
    )


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice overlap of two token sets."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def merge_events(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """Merge same-date events of different articles, then flag conflicting dates; in order."""
    by_date: dict[str, list[TimelineEvent]] = defaultdict(list)
    for event in events:
        by_date[event.date].append(event)
    merged: list[TimelineEvent] = []
    tokens: dict[int, frozenset[str]] = {}
    for group in by_date.values():
        clusters: list[tuple[TimelineEvent, set[str], set[int | None]]] = []
        # Shown reports first, so a merged event that is still on the timeline is named and
        # worded as the timeline without hidden events names it.
        for event in sorted(group, key=lambda e: e.hidden):
            words = content_tokens(event.text)
            people = set(event.people)
            articles = {s.article_id for s in event.sources}
            target = None
            if not event.manual:
                best = 0.0
                for index, (other, other_words, other_articles) in enumerate(clusters):
                    if other.manual or articles & other_articles:
                        continue
                    score = similarity(words, frozenset(other_words))
                    needed = (
                        MERGE_SIMILARITY_WITH_PEOPLE
                        if people & set(other.people)
                        else MERGE_SIMILARITY
                    )
                    if score >= needed and score > best:
                        best, target = score, index
            if target is None:
                clusters.append((_copy(event), set(words), articles))
            else:
                other, other_words, other_articles = clusters[target]
                _absorb(other, event)
                other_articles |= articles
        for event, words, _articles in clusters:
            _tell_it_best(event)
            tokens[id(event)] = frozenset(words)
            merged.append(event)
    _flag_conflicts(merged, tokens)
    merged.sort(key=lambda e: (e.sort_key, e.sources[0].published or "" if e.sources else "", e.id))
    return merged


def _tell_it_best(event: TimelineEvent, limit: int = 50) -> None:
    """Word a merged event with the source sentence closest to all the others (the shorter
    one on a tie), unless the reporter has corrected it."""
    if len(event.sources) < 3 or event.corrected or event.manual:
        return
    sentences = [s.sentence for s in event.sources[:limit] if s.sentence]
    words = [content_tokens(t) for t in sentences]
    best = max(
        range(len(sentences)),
        key=lambda i: (
            sum(similarity(words[i], w) for j, w in enumerate(words) if j != i),
            -len(sentences[i]),
        ),
        default=None,
    )
    if best is not None:
        event.text = sentences[best]


def _copy(event: TimelineEvent) -> TimelineEvent:
    return TimelineEvent(
        event.id,
        event.date,
        event.precision,
        event.text,
        list(event.people),
        event.planned,
        list(event.sources),
        event.pinned,
        event.manual,
        event.corrected,
        event.conflict,
        list(event.conflicting_dates),
        event.hidden,
    )


def _absorb(into: TimelineEvent, event: TimelineEvent) -> None:
    into.sources.extend(event.sources)
    for name in event.people:
        if name not in into.people:
            into.people.append(name)
    into.planned = into.planned and event.planned  # one source reporting it as done is enough
    into.pinned = into.pinned or event.pinned
    into.corrected = into.corrected or event.corrected
    into.hidden = into.hidden and event.hidden  # hidden only when every report of it is hidden


def _flag_conflicts(events: list[TimelineEvent], tokens: dict[int, frozenset[str]]) -> None:
    """Flag day-precision events that look alike but carry different nearby days."""
    days = [e for e in events if e.precision == "day" and not e.manual]
    flag_conflicting_dates(
        days,
        lambda i: tokens[id(days[i])],
        lambda e: {s.article_id for s in e.sources},
        lambda e: [s.date_text for s in e.sources],
    )


def flag_conflicting_dates(
    days: Sequence[Any],
    words: Callable[[int], Iterable[str]],
    articles: Callable[[Any], set[Any]],
    date_words: Callable[[Any], Iterable[str]],
    frequency: Mapping[str, int] | None = None,
) -> None:
    """Flag (``conflict``, ``conflicting_dates``) happenings that look alike but carry
    different nearby days. ``days``: day-precision happenings (anything with ``date``,
    ``people`` and those two flags: the timeline's events or the brief's light ones), in
    the timeline's order; ``words(i)``: the distinct content words of the i-th;
    ``articles``: the articles reporting one; ``date_words``: the words that date its
    reports ("on Tuesday"); ``frequency``: how many happenings of the whole timeline use
    each word, when ``days`` is only a part of it (else counted over ``days``).

    A happening's conflicting dates are its partners' dates in the order ``days`` gives the
    partners: what the pairs alone decide, so a check of the part of the timeline a change
    can reach finds what a check of the whole finds (``stored_light``)."""
    if frequency is None:
        frequency = Counter(chain.from_iterable(map(words, range(len(days)))))
    index: dict[str, list[int]] = defaultdict(list)
    for i in range(len(days)):
        for word in words(i):
            if frequency[word] <= RARE_TOKEN_LIMIT:
                index[word].append(i)
    # A happening's words as a set only when it meets a candidate: most never do.
    sets: dict[int, frozenset[str]] = {}

    def word_set(i: int) -> frozenset[str]:
        if i not in sets:
            sets[i] = frozenset(words(i))
        return sets[i]

    placed_on = {date: place(date) for date in {e.date for e in days}}  # once per date
    # Each event's date and first day (as a day number) in lists: most candidate pairs are
    # turned away by these two checks, so they read no attributes.
    dates = [e.date for e in days]
    firsts = [None if placed_on[d] is None else placed_on[d].first.toordinal() for d in dates]
    partners: dict[int, list[int]] = defaultdict(list)
    for i, event in enumerate(days):
        candidates: set[int] = set()
        for word in words(i):
            if frequency[word] <= RARE_TOKEN_LIMIT:
                later = index[word]  # ascending: the events after this one are a tail
                candidates.update(later[bisect_right(later, i):])
        date, first = dates[i], firsts[i]
        for j in candidates:
            if dates[j] == date:
                continue
            second = firsts[j]
            if first is None or second is None or abs(first - second) > CONFLICT_DAYS:
                continue
            other = days[j]
            if articles(event) & articles(other):
                continue
            if event.people and other.people and not set(event.people) & set(other.people):
                continue
            if _same_relative_words(date_words(event), date_words(other)):
                continue  # "today" in two articles of different days: no disagreement
            if similarity(word_set(i), word_set(j)) >= CONFLICT_SIMILARITY:
                partners[i].append(j)
                partners[j].append(i)
    for i, found in partners.items():
        event = days[i]
        event.conflict = True
        told = list(event.conflicting_dates)
        for j in sorted(found):
            if days[j].date not in told:
                told.append(days[j].date)
        event.conflicting_dates = told


def _same_relative_words(a: Iterable[str], b: Iterable[str]) -> bool:
    """Both dated by the same words relative to their own publication ("on Tuesday")."""
    words_a = {w.lower().strip() for w in a}
    words_b = {w.lower().strip() for w in b}
    return words_a == words_b and all(w and not any(c.isdigit() for c in w) for w in words_a)
