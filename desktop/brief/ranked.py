"""The whole library's brief planned from its stored rows, reading only the happenings that
can reach it.

``story.plan_story`` over every light happening of a 20,000-article library built 137,000
of them to tell about a hundred. Here SQL over the stored rows (``db.happening_briefs``)
gives what the plan reads of the whole timeline (how many happenings, planned, with date
conflicts; the span of their dates; the articles cited; how many articles each person's
happenings come from), and ``plan_story`` runs over only the happenings that can change
its choice, read as light happenings:

- every happening dated before the story's span or at its end (Background, Ahead), pinned,
  or told by a sentence whose bare "he"/"she" a quote names (its text changes);
- every happening of the days the day ranking puts first, until the key events are chosen
  from them (more days when not);
- for the chronology, the walk of ``plan_story`` itself (``_Walk``) down the salience
  ranking: the rows not read yet come from SQL highest bound first (a happening's salience
  is at most its articles x its outlets' factor x 2, people's centrality at most 1 and an
  article's weight at most 1, x its cleanliness), leaving out those the walk never takes;
  a row is scored only while the walk could still take it (its day not full, its words
  within what the budget has left) and read in full only when the walk's cheap checks let
  it through;
- every happening on the chronology's days (their "+N more reports").

The plan is then exactly the plan of the whole timeline (tests compare the two briefs).
"""

from __future__ import annotations

import heapq
import json
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from db import happening_briefs as stored
from db.connection import only_reads
from db.event_words import clustered_articles
from desktop.brief import quotes as said_by
from desktop.brief.bullets import clean_bullet
from desktop.brief.light import (
    LightEvent,
    Timeline,
    event_cleanliness,
    event_cost,
    event_reports,
    light_salience,
    name_speakers_by,
    quotes_by_article,
)
from desktop.brief.stored_light import (
    SEP,
    _light,
    brief_quotes,
    publication_days,
    rows_up_to_date,
)
from desktop.brief.story import (
    MIN_SHARE_OF_KEY,
    PER_DAY,
    PER_KEY_DAY,
    WORD_BUDGET,
    StoryPlan,
    key_count,
    plan_story,
    repeats,
    story_span,
)
from desktop.timeline.event_words import keep_event_words
from desktop.timeline.filters import Filters, event_where
from desktop.timeline.merge import content_tokens
from desktop.timeline.precision import place
from desktop.timeline.query import manual_events

#: At most what a row's salience can be (``light.light_salience``), in SQL: every article
#: weighing 1, its people as central as anyone's.
MOST_SALIENT = (
    "(length(article_ids) - length(replace(article_ids, ' ', '')) + 1)"
    " * (1 + 0.5 * max(0, outlets_count - 1)) * 2.0 * clean"
    " * (CASE WHEN multi = 1 THEN 0.6 ELSE 1.0 END) * (CASE WHEN planned = 1 THEN 0.5 ELSE 1.0 END)"
    " + (CASE WHEN pinned = 1 THEN 1e6 ELSE 0 END)"
)
#: Rows the chronology can take, in SQL: reported by two articles or more, or by one on a
#: day in a sentence that stands alone (``plan_story``: "vague dates ... and accounts that do
#: not stand alone only when several articles report them"). A row's article ids are distinct.
NOT_THIN = "instr(article_ids, ' ') > 0 OR (precision = 'day' AND clean >= 0.5)"
#: The rounding the SQL bound may lose against the salience computed in Python.
SLACK = 1e-9
#: Days of the ranking read first for the key events, per key event wanted.
DAYS_PER_KEY = 3


class Ranked:
    """What the brief of the whole library renders: its plan, scope facts, people, quotes."""

    def __init__(self, plan: StoryPlan, facts: dict[str, Any], people: list[dict[str, Any]],
                 quotes: said_by.BriefQuotes) -> None:
        self.plan, self.facts, self.people, self.quotes = plan, facts, people, quotes


def ranked_brief(db: Database, filters: Filters, weights: dict[int, float], day_scores: dict[str, float],
                 everyone: list[dict[str, Any]], articles_published: int) -> Ranked | None:
    """The unfiltered brief's plan from the stored rows; None when it cannot be made so (a
    filter, rows not stored on a connection that only reads, no publication dates, or a
    timeline small enough to be told whole: then ``light_timeline`` reads every row)."""
    if filters != Filters():
        return None
    if keep_event_words(db) and only_reads(db):
        return None
    if not rows_up_to_date(db):
        return None
    where = event_where(filters)
    manual = manual_events(db, filters)
    days = publication_days(db, filters, Timeline(list(manual), where, True))
    start, end = story_span([], None, None, days)
    if start is None or end is None:
        return None
    dates = stored.row_dates(db)
    placed = {d: place(d) for d, *_ in dates}
    within_rows = 0
    edges: list[str] = []  # dates before the span or at its end: Background and Ahead come from them
    for date, count, planned, _keyable in dates:
        p = placed[date]
        if p is None:
            continue
        if p.last < start or p.last >= end:
            edges.append(date)
        if p.last < start or p.first > end:
            continue
        within_rows += count - planned if p.last >= end else count
    within_rows += sum(1 for e in manual if not e.hidden and _within(e.date, e.planned, start, end))
    if 3 * within_rows <= WORD_BUDGET:  # each bullet costs at least 3 words: it may be told whole
        return None

    # What the plan reads of the whole timeline, by SQL.
    article_ids = set(clustered_articles(db, where))  # those the rows cite: the rows are up to date
    for event in manual:
        article_ids.update(s.article_id for s in event.sources if s.article_id is not None)
    quotes = brief_quotes(db, filters, list(manual), everyone, articles=article_ids)
    people = _people_reach(db, manual)
    facts = _facts(db, manual, article_ids, [d for d, *_ in dates], placed)
    named = set(people)
    told_people = [p for p in everyone if p["name"] in named]

    pool: dict[int, LightEvent] = {}
    same: dict[str, str] = {}
    speakers = quotes_by_article(quotes.in_articles)

    def take(clause: str, params: Sequence[Any] = ()) -> None:
        new = [_light(row, same) for row in stored.rows_where(db, clause, params) if row[0] not in pool]
        name_speakers_by(new, *speakers)  # as the whole timeline's are named
        pool.update((e.happening, e) for e in new)  # type: ignore[misc]

    def plan() -> StoryPlan:
        events: list[Any] = [*pool.values(), *manual]
        events.sort(key=lambda e: (e.sort_key, _first_published(e), e.id))
        return plan_story(events, day_scores, word_budget=WORD_BUDGET, articles=articles_published,
                          scores=light_salience(events, weights, people), clean=event_cleanliness,
                          cost=event_cost, reports=event_reports, days=days, whole=False)

    take(f"date IN {_json_list}", [_dumps(edges)])
    take("pinned = 1")
    take(f"happening_id IN {_json_list}", [_dumps(_named_rows(db, quotes.in_articles, article_ids))])
    # Key events: the days the ranking puts first, until they give enough key events.
    keyable = sorted((d for d, _c, _p, k in dates if k and placed[d] is not None
                      and not placed[d].last < start and not placed[d].first > end),  # type: ignore[union-attr]
                     key=lambda d: (-day_scores.get(d, 0.0), d))
    wanted = key_count(articles_published, day_scores)
    done, upto = 0, DAYS_PER_KEY * wanted
    while True:
        upto = min(len(keyable), upto)
        while 0 < upto < len(keyable) and day_scores.get(keyable[upto], 0.0) == day_scores.get(keyable[upto - 1], 0.0):
            upto += 1  # a tie is read whole: the happenings' salience orders it
        take(f"date IN {_json_list}", [_dumps(keyable[done:upto])])
        done = upto
        chosen = plan()
        first_days = set(keyable[:done])
        if done >= len(keyable) or (len(chosen.key) >= wanted
                                    and all(e.pinned or e.date in first_days for e in chosen.key)):
            break
        upto = max(1, 2 * done)
    # The chronology: the plan's walk down the salience ranking. The rows not read yet come
    # from SQL most salient first by their bound; one is scored only when the walk could
    # still choose it, and read in full only when the walk's cheap checks let it through.
    key_scores = sorted(chosen.salience[id(e)] for e in chosen.key if not e.pinned)
    floor = MIN_SHARE_OF_KEY * key_scores[len(key_scores) // 2] if key_scores else 0.0

    def within(date: str, planned: bool) -> bool:
        return _within(date, planned, start, end, placed)

    ranking = sorted(
        ((chosen.salience[id(e)], e.sort_key, _first_published(e), e.id, e)
         for e in [*pool.values(), *manual] if not e.hidden and within(e.date, e.planned)),
        key=lambda r: (-r[0], r[1], r[2], r[3]))
    walk = _Walk(chosen)
    rows = _rows_by_bound(db, walk, floor, pool)
    top = max(people.values(), default=0) or 1
    waiting: list[tuple[float, str, str, str, Any]] = []  # scored rows, as a heap of their rank
    at = 0
    bound = math.inf  # no row still to come from SQL can be more salient than this

    held: dict[int, tuple[Any, ...]] = {}  # rows from SQL scored, read in full if their turn comes

    def read(happening: int) -> LightEvent:
        event = _light(held.pop(happening), same)
        name_speakers_by([event], *speakers)  # (never one to name: those are read already)
        pool[happening] = event
        return event

    def score(found: tuple[float, tuple[Any, ...]]) -> None:
        """Score a row from SQL (``bound`` falls to its bound) unless the walk can no longer
        choose it: the checks that only ever close (a day full, the budget spent, too thin)."""
        nonlocal bound
        most, row = found
        (happening, entry_id, date, precision, _text, names, planned, pinned, _corrected, _hidden, clean,
         words, _tokens, sort_key, _reports, ids, outlets, _raw, multi, *_rest) = row
        published = row[1 + stored.COLUMNS.index("first_published")]
        bound = most * (1 + SLACK)
        held[happening] = row
        if happening in pool or not within(date, planned == 1):
            return
        cost = words + (3 if outlets > 1 else 0) + 3  # ``event_cost``
        many = " " in ids or not ids
        if walk.closed(date, precision, 2 if many else 1, clean, cost):
            return
        # ``light_salience``'s very sums and products, in its order (one article: its weight)
        if many:
            articles = {int(a) for a in ids.split()}
            reach, count = sum(weights.get(a, 1.0) for a in articles) or 0.0, len(articles)
        else:
            reach, count = weights.get(int(ids), 1.0) or 0.0, 1
        central = max([people.get(p, 0) / top for p in names.split(SEP)], default=0.0) if names else 0.0
        value = reach * (1 + 0.5 * max(0, outlets - 1)) * (1 + central) * (clean * (0.6 if multi == 1 else 1.0))
        if planned == 1:
            value *= 0.5
        if pinned == 1:
            value += 1e6
        heapq.heappush(waiting, (-value, sort_key, published or "", entry_id,
                                 (happening, date, precision, count, clean, cost)))

    while True:
        first = ranking[at] if at < len(ranking) else None
        if waiting and (first is None or (waiting[0][0], *waiting[0][1:4]) < (-first[0], *first[1:4])):
            value, *_, item = waiting[0]
            candidate: tuple[float, Any] | None = (-value, item)
        else:
            candidate = None if first is None else (first[0], first[4])
        if bound != -math.inf and (candidate is None or candidate[0] <= bound):
            row = next(rows, None)
            if row is None:
                bound = -math.inf
            else:
                score(row)
            continue
        if candidate is None:
            break
        if first is not None and candidate[1] is first[4]:
            at += 1
        else:
            heapq.heappop(waiting)
        walk.step(candidate[0], candidate[1], floor, read)
    # The chronology's days whole: the reports not told there are counted.
    take(f"date IN {_json_list}", [_dumps(sorted(walk.per_day))])
    return Ranked(plan(), facts, told_people, quotes)


def _rows_by_bound(db: Database, walk: _Walk, floor: float, pool: dict[int, LightEvent],
                   batch: int = 256) -> Iterator[tuple[float, tuple[Any, ...]]]:
    """(bound, row as ``stored.rows_of`` reads it) of the rows that can pass the floor, highest
    bound first, those
    the walk can no longer choose (their day full, their words over what is left) passed
    over before they are read."""
    order = stored.rows_by_bound(db, MOST_SALIENT, floor * (1 - SLACK), WORD_BUDGET - walk.words, NOT_THIN)
    most_of = {happening: most for most, happening, _date, _cost in order}
    at = 0
    while at < len(order):
        ids: list[int] = []
        while at < len(order) and len(ids) < batch:
            _most, happening, date, cost = order[at]
            at += 1
            if happening in pool or walk.words + cost > WORD_BUDGET or walk.per_day[date] >= (
                    PER_KEY_DAY if date in walk.key_days else PER_DAY):
                continue
            ids.append(happening)
        found = {row[0]: row for row in stored.rows_of(db, ids)}
        for happening in ids:
            yield most_of[happening], found[happening]


class _Walk:
    """``plan_story``'s chronology walk (the key events, then by salience; never told whole),
    step by step: a row read in full only when the checks before its words let it through."""

    def __init__(self, plan: StoryPlan) -> None:
        self.key_ids = {id(k) for k in plan.key}
        self.key_days = {e.date for e in plan.key}
        self.words = sum(event_cost(e) for e in plan.key)
        self.told: list[tuple[str, frozenset[str]]] = []
        self.per_day: Counter[str] = Counter()
        self.chosen: set[int] = set()
        for event in plan.key:
            self.step(0.0, event, 0.0, None)

    def closed(self, date: str, precision: str, articles: int, clean: float, cost: int) -> bool:
        """Whether a happening not a key event can no longer be chosen (what only closes)."""
        return (self.per_day[date] >= (PER_KEY_DAY if date in self.key_days else PER_DAY)
                or articles < 2 and (precision != "day" or clean < 0.5)
                or self.words + cost > WORD_BUDGET)

    def step(self, score: float, item: Any, floor: float, read: Any) -> None:
        if isinstance(item, tuple):
            happening, date, precision, articles, clean, cost = item
            event, limited = None, True
        else:
            event = item
            if id(event) in self.chosen:
                return
            date, precision, articles = event.date, event.precision, event.articles
            clean, cost, limited = event_cleanliness(event), event_cost(event), id(event) not in self.key_ids
        if limited and (
            self.per_day[date] >= (PER_KEY_DAY if date in self.key_days else PER_DAY)
            or score < floor
            or articles < 2 and (precision != "day" or clean < 0.5)
        ):
            return
        if limited and self.words + cost > WORD_BUDGET:
            return
        if event is None:
            event = read(happening)
        tokens = content_tokens(clean_bullet(event))
        if repeats(date, tokens, self.told):
            return
        self.chosen.add(id(event))
        self.told.append((date, tokens))
        self.per_day[date] += 1
        self.words += cost


_json_list = "(SELECT value FROM json_each(?))"


def _dumps(values: Iterable[Any]) -> str:
    return json.dumps(list(values))


def _within(date: str, planned: bool, start: Any, end: Any, placed: dict[str, Any] | None = None) -> bool:
    """Whether ``plan_story`` counts a shown happening within the story's span."""
    p = placed[date] if placed is not None and date in placed else place(date)
    return p is not None and not p.last < start and not (p.first > end or (planned and p.last >= end))


def _first_published(event: Any) -> str:
    if isinstance(event, LightEvent):
        return event.first_published or ""
    return event.sources[0].published or "" if event.sources else ""


def _named_rows(db: Database, in_articles: Sequence[dict[str, Any]], article_ids: set[int]) -> list[int]:
    """The rows whose sentence has a quote's bare "he"/"she" speaking in it (as
    ``name_speakers_of`` looks for them): their text may change."""
    starts: dict[int, list[int]] = {}
    for quote in in_articles:
        starts.setdefault(quote["article_id"], []).append(quote["speaker_start"])
    for at in starts.values():
        at.sort()
    found = []
    for happening, article, start, length in stored.told_at(db, sorted(set(starts) & article_ids)):
        at = starts[article]
        if bisect_left(at, start) != bisect_left(at, start + length):
            found.append(happening)
    return found


def _people_reach(db: Database, manual: Sequence[Any]) -> dict[str, int]:
    """``light.people_reach`` of the whole timeline."""
    reach: dict[str, set[int]] = {}
    for people, ids in stored.people_rows(db):
        articles = {int(a) for a in ids.split()}
        for name in people.split(SEP):
            reach.setdefault(name, set()).update(articles)
    for event in manual:
        for name in event.people:
            reach.setdefault(name, set()).update(s.article_id for s in event.sources if s.article_id is not None)
    return {name: len(articles) for name, articles in reach.items()}


def _facts(db: Database, manual: Sequence[Any], article_ids: set[int], dates: list[str],
           placed: dict[str, Any]) -> dict[str, Any]:
    """``markdown.scope_facts`` of the whole timeline (``article_ids``: every article cited)."""
    rows, planned, conflicts, shown = stored.row_totals(db)
    sources = len(article_ids) + len({(s.title, s.url) for e in manual for s in e.sources if s.article_id is None})
    every = {*dates, *(e.date for e in manual)}
    spans = {d: placed.get(d) or place(d) for d in every}
    spans = {d: p for d, p in spans.items() if p is not None}
    first = _first_in_order(db, manual, spans, lambda p: (p.first, -p.last.toordinal()), min)
    last = _first_in_order(db, manual, spans, lambda p: (p.last, p.first), max)
    return {"first": first, "last": last, "events": rows + len(manual), "sources": sources,
            "planned": planned + sum(1 for e in manual if e.planned),
            "conflicts": conflicts + sum(1 for e in manual if e.conflict),
            "shown": shown + sum(1 for e in manual if not e.hidden)}


def _first_in_order(db: Database, manual: Sequence[Any], spans: dict[str, Any], key: Any, pick: Any) -> str | None:
    """The date ``pick`` (min or max) of ``key`` chooses, the first in timeline order on a tie."""
    if not spans:
        return None
    best = key(pick(spans.values(), key=key))
    tied = [d for d, p in spans.items() if key(p) == best]
    if len(tied) == 1:
        return spans[tied[0]].value  # type: ignore[no-any-return]
    order: dict[str, tuple[str, str, str]] = {}
    for date, sort_key, published, entry_id in stored.first_of_dates(db, tied):
        at = (sort_key, published or "", entry_id)
        if date not in order or at < order[date]:
            order[date] = at
    for event in manual:
        if event.date in tied:
            at = (event.sort_key, _first_published(event), event.id)
            if event.date not in order or at < order[event.date]:
                order[event.date] = at
    return spans[min(tied, key=lambda d: order[d])].value  # type: ignore[no-any-return]
