"""What the brief tells, and how much: Clipline chooses the length, not the reporter.

From the story's happenings: a few defining ones ("What happened"), the key events (one
happening for each of the days the coverage points to most, about 8-15 scaled to the
story), a chronology of the most salient happenings within a word budget, capped per day,
no two saying the same thing, what lies before the story's span (Background) and what is
planned after it (Ahead).

Salience: how many articles report a happening and from how many outlets, how central its
people are to the story, and how on-story its articles are (an article about a blizzard
in a Libya library shares few of the story's words and counts for little).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.brief.bullets import clean_bullet
from desktop.timeline.happenings import cleanliness
from desktop.timeline.merge import content_tokens, similarity
from desktop.timeline.on_story import FLOOR, Centroid, article_frequencies, on_story_weights
from desktop.timeline.precision import place
from desktop.timeline.telling import only_no_comment
from desktop.timeline.timeline_event import TimelineEvent

#: Words for Key events + Chronology together; the chronology gets what key events leave.
WORD_BUDGET = 1800
#: Happenings told per day in the chronology (the rest: "+N more reports"): more on the
#: key days, where the coverage is.
PER_DAY = 2
PER_KEY_DAY = 4
KEY_MIN, KEY_MAX = 8, 15
#: A day whose coverage is at least this share of the busiest day's stands out.
STANDS_OUT = 0.2
LEAD_ITEMS = 4
BACKGROUND_ITEMS = 6
AHEAD_ITEMS = 6
#: A happening is told when it matters at least this much next to the median key event.
MIN_SHARE_OF_KEY = 0.25
#: Two bullets this alike (content-word Dice) say the same thing: the second is left out.
REPEAT = 0.45
#: Under one day, less alike is already the same thing told again ("The quake struck on
#: Tuesday south-west of Port-au-Prince" / "Thousands are feared dead after the quake,
#: which struck south of Port-au-Prince on Tuesday").
REPEAT_SAME_DAY = 0.34
#: Background and Ahead tell what matters at least this much next to their first line.
MIN_SHARE_OF_FIRST = 0.3
#: An article's weight never drops below this (off-story, but still a source).
OFF_STORY_FLOOR = FLOOR
#: How far ahead a plan reported once is still worth telling (a stray year is not).
AHEAD_DAYS = 366
#: Days before the first publication the story's span reaches back, with no date range given.
SPAN_BEFORE_DAYS = 30


@dataclass
class StoryPlan:
    """The happenings of each section of the brief, each list in date order."""

    start: dt.date | None
    end: dt.date | None
    lead: list[TimelineEvent] = field(default_factory=list)
    key: list[TimelineEvent] = field(default_factory=list)
    chronology: list[TimelineEvent] = field(default_factory=list)
    more: dict[str, int] = field(default_factory=dict)  # date -> reports not told that day
    background: list[TimelineEvent] = field(default_factory=list)
    ahead: list[TimelineEvent] = field(default_factory=list)
    salience: dict[int, float] = field(default_factory=dict)  # id(event) -> score


def story_span(
    events: Sequence[TimelineEvent], date_from: dt.date | None, date_to: dt.date | None,
    days: Iterable[str] | None = None,
) -> tuple[dt.date | None, dt.date | None]:
    """The story's stretch of days: the range asked for, else from a month before the first
    report to the last report (``days``: the reports' publication days, when already read)."""
    if days is None:
        days = (s.published for e in events for s in e.sources)
    published = sorted(d for day in days if (d := _day(day)) is not None)
    start = date_from or (published[0] - dt.timedelta(days=SPAN_BEFORE_DAYS) if published else None)
    end = date_to or (published[-1] if published else None)
    return start, end


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def article_weights(events: Sequence[TimelineEvent]) -> dict[int, float]:
    """How on-story each article is: its dated sentences' words against the whole story's
    (``light.light_weights`` reads the same from stored words)."""
    words: dict[int, set[str]] = defaultdict(set)
    for event in events:
        for source in event.sources:
            if source.article_id is not None:
                words[source.article_id] |= content_tokens(source.sentence or event.text)
    centroid = Centroid(article_frequencies(words.values()))
    articles = list(words)
    return dict(zip(articles, on_story_weights([centroid.cosine(words[a]) for a in articles],
                                               floor=OFF_STORY_FLOOR), strict=True))


def bullet_cleanliness(event: Any) -> float:
    """How well the event's text stands alone (``happenings.cleanliness``)."""
    return cleanliness(event.text)


def salience(events: Sequence[TimelineEvent]) -> dict[int, float]:
    """A score per happening (by ``id``): on-story articles and outlets reporting it, and
    how central its people are to the story (``light.light_salience``: the same over
    light happenings)."""
    weights = article_weights(events)
    people_articles: dict[str, set[int]] = defaultdict(set)
    for event in events:
        for name in event.people:
            people_articles[name].update(s.article_id for s in event.sources if s.article_id)
    top = max((len(a) for a in people_articles.values()), default=0) or 1
    # A sentence dated to several days ("said on Sunday ... since Wednesday") tells each of
    # them less well than one about its own day.
    dated: Counter[tuple[int | None, int | None]] = Counter(
        (s.article_id, s.start) for e in events for s in e.sources
    )
    scores: dict[int, float] = {}
    for event in events:
        if any(dated[(s.article_id, s.start)] > 1 for s in event.sources if s.sentence == event.text):
            multi = 0.6
        else:
            multi = 1.0
        articles = {s.article_id for s in event.sources if s.article_id is not None}
        reach = sum(weights.get(a, 1.0) for a in articles) or (1.0 if event.manual else 0.0)
        central = max((len(people_articles[p]) / top for p in event.people), default=0.0)
        scores[id(event)] = happening_score(
            event, reach, len(event.outlets), central, cleanliness(event.text) * multi)
    return scores


def happening_score(event: Any, reach: float, outlets: int, central: float, clean: float) -> float:
    """``salience``'s score of one happening from its parts (also over light happenings):
    ``clean`` is its cleanliness less a sentence dated to several days."""
    score = reach * (1 + 0.5 * max(0, outlets - 1)) * (1 + central) * clean
    if event.planned:
        score *= 0.5
    if event.pinned:
        score += 1e6
    return score


def key_count(articles: int, day_scores: dict[str, float] | None = None) -> int:
    """How many key events the story deserves: a number growing with its articles (a part
    of a key event the size asks for is told whole: rounded up), or more when more days
    stand out (coverage at least a fifth of the busiest day's); 8 to 15."""
    by_size = math.ceil(math.sqrt(max(articles, 1)) / 1.5)
    top = max(day_scores.values(), default=0.0) if day_scores else 0.0
    standing_out = sum(1 for v in day_scores.values() if v >= STANDS_OUT * top) if top > 0 else 0
    return max(KEY_MIN, min(KEY_MAX, max(by_size, standing_out)))


def plan_story(
    events: Sequence[TimelineEvent],
    day_scores: dict[str, float],
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    word_budget: int = WORD_BUDGET,
    articles: int | None = None,
    scores: dict[int, float] | None = None,
    clean: Callable[[Any], float] = bullet_cleanliness,
    cost: Callable[[Any], int] | None = None,
    reports: Callable[[Any], int] | None = None,
    days: Iterable[str] | None = None,
    whole: bool | None = None,
) -> StoryPlan:
    """Choose every section's happenings. ``day_scores`` rank the days the coverage points
    to (``keyevents.rank_dates``); the key events are the best happening of the best days.
    ``scores`` (``salience``), ``clean``, ``cost`` (``bullet_words``), ``reports`` (a
    happening's reports) and ``days`` (``story_span``'s) may come already computed; so may
    ``whole`` (whether every happening in the span fits the budget: told whole), when
    ``events`` are only those that can reach the brief."""
    cost = cost or bullet_words
    reports = reports or _reports
    start, end = story_span(events, date_from, date_to, days)
    plan = StoryPlan(start, end)
    if scores is None:
        scores = salience(events)
    plan.salience = scores
    shown = [e for e in events if not e.hidden]
    within, before, after = [], [], []
    places = {d: place(d) for d in {e.date for e in shown}}
    for event in shown:
        placed = places[event.date]
        if placed is None:
            continue
        if start and placed.last < start:
            before.append(event)
        elif end and placed.first > end or (event.planned and end and placed.last >= end):
            if planned_ahead(event) and (
                placed.first <= end + dt.timedelta(days=AHEAD_DAYS) or event.articles > 1
            ):
                after.append(event)
        else:
            within.append(event)
    by_score = sorted(within, key=lambda e: (-scores[id(e)], e.sort_key))
    if articles is None:
        articles = len({s.article_id for e in events for s in e.sources if s.article_id})
    # Key events: pinned first, then the best happening of each top day.
    best_of_day: dict[str, TimelineEvent] = {}
    for event in by_score:
        if event.precision == "day" and not event.planned:
            best_of_day.setdefault(event.date, event)
    on_day: dict[str, list[TimelineEvent]] = defaultdict(list)
    for event in by_score:
        if event.precision == "day" and not event.planned:
            on_day[event.date].append(event)
    key: list[TimelineEvent] = [e for e in by_score if e.pinned]
    wanted = key_count(articles, day_scores)
    days = sorted(best_of_day, key=lambda d: (-day_scores.get(d, 0.0), -scores[id(best_of_day[d])], d))
    key_tokens = [content_tokens(clean_bullet(e)) for e in key]
    for day in days:
        if len(key) >= wanted:
            break
        if any(e.date == day for e in key):
            continue
        # The day's best happening that does not repeat a key event already chosen (one
        # sentence dated to two days tells only one of them) and tells something happening
        # (not only that someone would not comment).
        for event in on_day[day]:
            told = clean_bullet(event)
            if only_no_comment(told):
                continue  # "X refused to comment": nothing happened in it
            tokens = content_tokens(told)
            if not any(similarity(tokens, t) >= REPEAT for t in key_tokens):
                key.append(event)
                key_tokens.append(tokens)
                break
    plan.key = sorted(key, key=lambda e: e.sort_key)
    # The chronology: key events first, then by salience, within the budget, down to what
    # matters at least a little next to a typical key event; vague dates (a week, a month)
    # and accounts that do not stand alone only when several articles report them.
    key_scores = sorted(scores[id(e)] for e in plan.key if not e.pinned)
    floor = MIN_SHARE_OF_KEY * key_scores[len(key_scores) // 2] if key_scores else 0.0
    words = sum(cost(e) for e in plan.key)
    key_days = {e.date for e in plan.key}
    # A story whose every happening fits the budget is told whole.
    if whole is None:
        whole = _fits(within, word_budget, cost)
    chosen: list[TimelineEvent] = []
    told: list[tuple[str, frozenset[str]]] = []
    per_day: Counter[str] = Counter()
    key_ids = {id(k) for k in plan.key}
    chosen_ids: set[int] = set()
    for event in [*plan.key, *by_score]:
        if id(event) in chosen_ids:
            continue
        # The checks are pure: the cheap ones go first, so most of a large library's
        # happenings are passed over before their bullet is cleaned and tokenised.
        # (``ranked._Walk`` takes these very steps over the stored rows: change both;
        # tests/unit/brief/test_brief_ranked.py compares the two.)
        limited = not whole and id(event) not in key_ids
        if limited and (
            per_day[event.date] >= (PER_KEY_DAY if event.date in key_days else PER_DAY)
            or scores[id(event)] < floor
            or event.articles < 2 and (event.precision != "day" or clean(event) < 0.5)
        ):
            continue
        words_of_it = cost(event)
        if limited and words + words_of_it > word_budget:
            continue
        tokens = content_tokens(clean_bullet(event))
        if repeats(event.date, tokens, told):
            continue
        chosen.append(event)
        chosen_ids.add(id(event))
        told.append((event.date, tokens))
        per_day[event.date] += 1
        words += words_of_it
    plan.chronology = sorted(chosen, key=lambda e: (e.sort_key, -scores[id(e)]))
    for event in within:
        if id(event) not in chosen_ids and event.date in per_day:
            plan.more[event.date] = plan.more.get(event.date, 0) + reports(event)
    plan.lead = sorted(
        sorted(plan.key, key=lambda e: -scores[id(e)])[:LEAD_ITEMS], key=lambda e: e.sort_key
    )
    plan.background = _top(before, scores, BACKGROUND_ITEMS)
    plan.ahead = _top(after, scores, AHEAD_ITEMS)
    return plan


def repeats(date: str, tokens: frozenset[str], told: Iterable[tuple[str, frozenset[str]]]) -> bool:
    """Whether a bullet of ``date`` says again what a chosen one (date, its words) says."""
    return any(similarity(tokens, t) >= (REPEAT_SAME_DAY if d == date else REPEAT) for d, t in told)


def planned_ahead(event: Any) -> bool:
    """Whether a happening dated after the story's span belongs under Ahead: one its reports
    announce (planned), or the reporter's own. Anything else dated after the span is a
    dating slip or another story ("Insurers already won a round ..." under 2011, a clock
    time read as the year 2044), not what lies ahead."""
    return bool(event.planned or event.pinned or event.manual)


def _reports(event: TimelineEvent) -> int:
    return len(event.sources)


def _top(events: list[TimelineEvent], scores: dict[int, float], n: int) -> list[TimelineEvent]:
    """The ``n`` most salient, no two alike and one per date: a short list outside the
    story's span (Background, Ahead) that gave four of its six lines to "schools closed
    until 6 May" in other words would tell one thing. Lines that matter far less than the
    list's first (a reader's comment, a stray launch date) are left out rather than fill
    it; the reporter's own events always count."""
    told: list[frozenset[str]] = []
    dates: set[str] = set()
    chosen = []
    ranked = sorted(events, key=lambda e: -scores[id(e)])
    floor = MIN_SHARE_OF_FIRST * scores[id(ranked[0])] if ranked else 0.0
    for event in ranked:
        tokens = content_tokens(event.text)
        if event.date in dates or any(similarity(tokens, t) >= REPEAT for t in told):
            continue
        if scores[id(event)] < floor and not (event.manual or event.pinned):
            continue
        dates.add(event.date)
        told.append(tokens)
        chosen.append(event)
        if len(chosen) >= n:
            break
    return sorted(chosen, key=lambda e: e.sort_key)


def _fits(events: Sequence[TimelineEvent], budget: int, cost: Callable[[Any], int] | None = None) -> bool:
    """Whether all the events' bullets fit ``budget`` words (stops counting once over)."""
    cost = cost or bullet_words
    words = 0
    for event in events:
        words += cost(event)
        if words > budget:
            return False
    return True


def bullet_words(event: TimelineEvent) -> int:
    """About how many words the event's chronology bullet costs (text and its marks)."""
    return len(clean_bullet(event).split()) + (3 if len(event.outlets) > 1 else 0) + 3
