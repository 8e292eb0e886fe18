"""The unfiltered brief's light happenings, stored: one row per happening, read back whole.

``light._from_summary`` aggregates every report of every happening on each brief: at 20,000
articles that was most of the brief's time. Here its result for the unfiltered timeline
(hidden reports and "not this story" articles left out, date conflicts flagged) is stored
per happening (``db.happening_briefs``) when the happening is stored or something it shows
changes (triggers mark the article stale), so a brief reads the rows and builds the very
``LightEvent``s it built before. Date conflicts weigh a word's rarity over the whole
timeline, but pair only rows a few days apart: after a change they are found again over
the rows near the changed rows' dates, with each word's count over the whole timeline kept
(``brief_day_words``), and over every row when many changed.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as date_type
from itertools import chain
from typing import Any

from sqlite_utils import Database

from db import happening_briefs as stored
from db.connection import only_reads
from db.event_words import dated_twice, person_names
from db.happening_briefs import cached, keep_cached
from db.happenings import dirty_dates
from db.people import distinct_roles
from desktop.brief import quotes as said_by
from desktop.brief.light import (
    LightEvent,
    ReportRow,
    Timeline,
    _from_summary,
    event_articles,
    story_days,
    story_weights,
)
from desktop.timeline.article_words import story_words
from desktop.timeline.event_words import keep_event_words
from desktop.timeline.filters import Filters, event_where
from desktop.timeline.happening_store import refresh_happenings
from desktop.timeline.keyevents import story_day_scores
from desktop.timeline.merge import CONFLICT_DAYS, RARE_TOKEN_LIMIT, flag_conflicting_dates
from desktop.timeline.precision import place
from desktop.timeline.query import manual_events

#: Between the names of a stored list (people, conflicting dates).
SEP = "\x1f"
#: Happenings aggregated per step.
BATCH = 4000
#: The date conflicts are checked over every row when 1 in WHOLE_CHECK of them or more changed.
WHOLE_CHECK = 4


def stored_lights(db: Database) -> list[LightEvent] | None:
    """The unfiltered timeline's light happenings as ``light_timeline`` builds them (date
    conflicts flagged; their words not kept), from the stored rows, brought up to date
    first; None when they cannot be (a connection that only reads while some are stale,
    events not yet clustered, or a library without the table)."""
    if not rows_up_to_date(db):
        return None
    # One string for the many equal dates, date keys and publication times of a large
    # library's rows (each row brings its own copy).
    same: dict[str, str] = {}
    return [_light(row, same) for row in stored.read_rows(db)]


def rows_up_to_date(db: Database) -> bool:
    """The stored rows brought up to date; False when they cannot be (a connection that
    only reads while some are stale, events not yet clustered, or no table)."""
    if not stored.has_briefs_table(db) or dirty_dates(db):
        return False
    if not stored.all_stored(db):
        if only_reads(db):
            return False
        refresh_stored(db)
    return True


def refresh_stored(db: Database) -> int:
    """Store the rows of happenings with none or with a stale article, then find the date
    conflicts again where the rows changed (one transaction); returns how many were stored."""
    todo = stored.happenings_to_store(db)
    where = event_where(Filters())
    names = person_names(db)
    # a sentence's other date may be in a happening not redone: its article's are read
    twice = dated_twice(db, where, todo if len(todo) < BATCH else None)
    blank = (None,) * (len(stored.COLUMNS) - 2)
    with db.atomic():
        for offset in range(0, len(todo), BATCH):
            chunk = todo[offset : offset + BATCH]
            these = (f"({where[0]}) AND e.id IN (SELECT event_id FROM happening_events WHERE"
                     " happening_id IN (SELECT value FROM json_each(?)))", [*where[1], json.dumps(chunk)])
            found = {e.happening: e for e in _from_summary(db, these, names, twice)}
            stored.write_rows(db, [_row(found[h]) if h in found else (h, *blank, 0, None) for h in chunk])
        stored.forget_stale(db)
        _conflicts_again(db)
    return len(todo)


def _conflicts_again(db: Database) -> None:
    """Flag the date conflicts again where a change since the last check can have moved
    them, and store the flags that changed: over every row dated to a day when many rows
    changed, else over the rows near the changed rows' dates (``_near_changes``)."""
    pending = stored.pending_days(db)
    if not pending:
        return
    if WHOLE_CHECK * len(pending) >= stored.day_row_count(db):
        rows = stored.compared_rows(db)
        frequency = Counter(chain.from_iterable((r[3] or "").split() for r in rows))
        _flag(db, rows, frequency, None)
        stored.write_word_counts(db, frequency, whole=True)
    else:
        _near_changes(db, pending)
    stored.forget_pending(db)


def _near_changes(db: Database, pending: list[tuple[int, int, str | None, str | None]]) -> None:
    """The check of the rows a change can reach, which finds what a check of every row finds.

    Two rows conflict only when their days are at most ``CONFLICT_DAYS`` apart and they
    share a word used by at most ``RARE_TOKEN_LIMIT`` rows of the whole timeline (kept
    counts, brought up to date here). So a row's flags can change only when a row that
    changed (as it was or as it is) is dated within those days of it, or when a word it
    uses crossed that limit: such rows are flagged again, each against every row within
    those days of it (read by date), weighing words by the whole timeline's counts."""
    change: Counter[str] = Counter()
    dates: set[str | None] = set()
    for _h, counted, date, tokens in pending:
        if counted:
            change.subtract((tokens or "").split())
            dates.add(date)
    now = stored.compared_rows_of(db, [p[0] for p in pending])
    for row in now:
        change.update((row[3] or "").split())
        dates.add(row[1])
    moved = {w: n for w, n in change.items() if n}
    before = stored.word_counts(db, moved)
    after = {w: before.get(w, 0) + n for w, n in moved.items()}
    crossed = [w for w in moved if (before.get(w, 0) <= RARE_TOKEN_LIMIT) != (after[w] <= RARE_TOKEN_LIMIT)]
    if crossed:
        dates |= stored.dates_using(db, crossed)
    stored.write_word_counts(db, after)
    days = sorted({p.first.toordinal() for d in dates if (p := place(d)) is not None})
    reach = 2 * CONFLICT_DAYS  # a row near a changed date, and the rows near it
    spans: list[list[int]] = []
    for day in days:
        if spans and day - reach <= spans[-1][1]:
            spans[-1][1] = day + reach
        else:
            spans.append([day - reach, day + reach])
    rows = {r[0]: r for r in stored.compared_rows_between(
        db, [(_iso(first), _iso(last + 1)) for first, last in spans])}
    rows.update((r[0], r) for r in now)  # a changed row is flagged again wherever it is dated
    words = set(chain.from_iterable((r[3] or "").split() for r in rows.values()))
    frequency = Counter(stored.word_counts(db, words))
    changed = {r[0] for r in now}

    def reached(e: _Day) -> bool:
        if e.happening in changed:
            return True
        p = place(e.date)
        if p is None:
            return False
        at = bisect_left(days, p.first.toordinal() - CONFLICT_DAYS)
        return at < len(days) and days[at] <= p.first.toordinal() + CONFLICT_DAYS

    _flag(db, list(rows.values()), frequency, reached)


def _flag(db: Database, rows: list[tuple[Any, ...]], frequency: Counter[str],
          reached: Callable[[_Day], bool] | None) -> None:
    """Flag the date conflicts among ``rows`` (``compared_rows``; in the timeline's grouping
    order, as ``light_timeline`` flags them) and store the flags that changed of the rows
    ``reached`` accepts (all when None). Each row is read only as far as the check reads it:
    its article ids when a candidate pair gets that far, its reports' dating words (one
    read each) when further still."""
    days = [_Day(*row) for row in rows]
    days.sort(key=lambda e: e.order)
    words = [e.tokens.split() for e in days]
    flag_conflicting_dates(days, words.__getitem__, _Day.articles, lambda e: e.date_texts(db), frequency)
    changed = []
    for e in days:
        if reached is not None and not reached(e):
            continue
        now = (int(e.conflict), SEP.join(e.conflicting_dates) if e.conflicting_dates else None)
        if now != e.was:
            changed.append((e.happening, *now))
    stored.write_conflicts(db, changed)


def _iso(day: int) -> str:
    """The day numbered ``day`` as a date sorts (past the calendar's ends: before or after
    every date)."""
    if day > date_type.max.toordinal():
        return "\uffff"
    return date_type.fromordinal(max(day, 1)).isoformat()


class _Day:
    """A stored row dated to a day as the date conflict check reads it (``LightEvent``'s
    names: date, people, the two flags)."""

    __slots__ = ("happening", "date", "people", "tokens", "_ids", "_articles", "order", "was",
                 "conflict", "conflicting_dates", "_dates")

    def __init__(self, happening: int, date: str, people: str | None, tokens: str, article_ids: str,
                 order_hidden: int, order_date_sort: str, order_id: int, conflict: int,
                 conflicting_dates: str | None) -> None:
        self.happening, self.date, self.tokens, self._ids = happening, date, tokens or "", article_ids
        self.people = () if people is None else people.split(SEP) if people else []
        self._articles: set[int] | None = None
        self.order = (order_hidden, order_date_sort, order_id)
        self.was = (conflict, conflicting_dates)
        self.conflict, self.conflicting_dates = False, ()
        self._dates: list[str] | None = None

    def articles(self) -> set[int]:
        if self._articles is None:
            self._articles = {int(a) for a in self._ids.split()}
        return self._articles

    def date_texts(self, db: Database) -> list[str]:
        """As ``LightEvent.date_texts`` of the stored row."""
        if self._dates is None:
            raw, members = stored.reports_of(db, self.happening)
            e = _new(LightEvent)
            e.raw, e.members = raw, None if members is None else [ReportRow(*m) for m in json.loads(members)]
            self._dates = e.date_texts()
        return self._dates


def _row(e: LightEvent) -> tuple[Any, ...]:
    """A light happening as its stored row (happening id, ``stored.COLUMNS``)."""
    people = None if isinstance(e.people, tuple) else SEP.join(e.people)
    members = None if e.members is None else json.dumps([list(m) for m in e.members], ensure_ascii=False)
    return (
        e.happening, e.id, e.date, e.precision, e.text, people, int(e.planned), int(e.pinned),
        int(e.corrected), int(e.hidden), e.clean, e.words, e.tokens, e.sort_key, e.reports,
        " ".join(map(str, e.article_ids)), e.outlets_count, e.raw, int(e.multi), e.told_article,
        e.told_start, e.first_published, e.order[0], e.order[1], e.order[2], members, 0, None,
    )


def _light(row: tuple[Any, ...], same: dict[str, str] | None = None) -> LightEvent:
    """A stored row as the light happening it was made from (``same``: strings to share).
    Every slot is set once, here: a large library's brief makes a hundred thousand."""
    (happening, entry_id, date, precision, text, people, planned, pinned, corrected, hidden, clean,
     words, tokens, sort_key, reports, article_ids, outlets_count, raw, multi, told_article,
     told_start, first_published, order_hidden, order_date_sort, order_id, members, conflict,
     conflicting_dates) = row
    if same is not None:
        date, precision, sort_key = same.setdefault(date, date), same.setdefault(precision, precision), same.setdefault(sort_key, sort_key)
        order_date_sort = same.setdefault(order_date_sort, order_date_sort)
        if first_published is not None:
            first_published = same.setdefault(first_published, first_published)
    e = _new(LightEvent)
    e.id, e.date, e.precision, e.text = entry_id, date, precision, text
    e.people = () if people is None else people.split(SEP) if people else []
    e.planned, e.pinned, e.corrected, e.hidden = planned == 1, pinned == 1, corrected == 1, hidden == 1
    e.happening, e.clean, e.words, e.tokens, e.sort_key = happening, clean, words, tokens or "", sort_key
    e.reports, e.outlets_count, e.raw, e.multi = reports, outlets_count, raw, multi == 1
    e.article_ids = {int(a) for a in article_ids.split()} if " " in article_ids or not article_ids else {int(article_ids)}
    e.told_article, e.told_start, e.first_published = told_article, told_start, first_published
    e.order = (order_hidden, order_date_sort, order_id)
    e.members = None if members is None else [ReportRow(*m) for m in json.loads(members)]
    e.conflict = conflict == 1
    e.conflicting_dates = () if conflicting_dates is None else conflicting_dates.split(SEP)
    return e


_new = object.__new__


# -- story-wide reads, kept until what they read changes ----------------------------------------


def story_reads(db: Database, filters: Filters) -> tuple[dict[int, float] | None, dict[str, float] | None]:
    """``light.story_weights`` and ``keyevents.story_day_scores`` of the brief; the unfiltered
    brief's are stored (``brief_cache``) until anything they read changes."""
    default = filters == Filters()
    weights_read: dict[int, float] | None = None
    if default:
        refresh_happenings(db)  # may write events' words: what is cached is read after
        keep_event_words(db)
        weights, scores = cached(db, "weights"), cached(db, "day_scores")
        if weights is not None:  # a pin changes the day scores only
            weights_read = {int(k): v for k, v in json.loads(weights).items()}
            if scores is not None:
                return weights_read, json.loads(scores)
    kept_weights = weights_read is not None
    # Each article's words as kept (``article_words``): neither read weighs all the text again.
    words = story_words(db) if default else None
    if weights_read is None:
        weights_read = story_weights(db, filters, words)
    scores_read = (story_day_scores(db, filters, weights_read, words.said() if words else None,
                                    words.day_rows(db) if words else None)
                   if weights_read is not None else None)
    if default and weights_read is not None and scores_read is not None and not only_reads(db):
        if not kept_weights:
            keep_cached(db, "weights", json.dumps(weights_read))
        keep_cached(db, "day_scores", json.dumps(scores_read))
    return weights_read, scores_read


def people_summaries(db: Database) -> list[dict[str, Any]]:
    """What the brief reads of ``list_people`` (name, roles, mentions), most mentioned first;
    stored until a person or a mention changes."""
    hit = cached(db, "people")
    if hit is not None:
        return list(json.loads(hit))
    everyone = _people(db)
    if not only_reads(db):
        keep_cached(db, "people", json.dumps(everyone))
    return everyone


def brief_quotes(db: Database, filters: Filters, events: list[Any],
                 everyone: list[dict[str, Any]], articles: set[int] | None = None) -> said_by.BriefQuotes:
    """``quotes.gather`` of the brief's events (``articles``: theirs, when already known);
    the unfiltered brief's stored with the articles it was gathered from, until a quote,
    person, mention or article changes (a hide or a pin leaves the timeline's articles, and
    so its quotes, as they were)."""
    default = filters == Filters()
    if articles is None:
        articles = set().union(*(event_articles(e) for e in events)) if events else set()
    made_for = hashlib.sha256(" ".join(map(str, sorted(articles))).encode()).hexdigest()
    hit = cached(db, "quotes") if default else None
    if hit is not None:
        data = json.loads(hit)
        if data.get("articles") == made_for:
            return said_by.BriefQuotes([said_by.Speaker(*s) for s in data["speakers"]], data["in_articles"])
    quotes = said_by.gather(db, filters, events, everyone, articles)
    if default and not only_reads(db):
        keep_cached(db, "quotes", json.dumps({
            "speakers": [[s.name, s.mentions, s.quotes] for s in quotes.speakers],
            "in_articles": quotes.in_articles,
            "articles": made_for,
        }))
    return quotes


def publication_days(db: Database, filters: Filters, timeline: Timeline) -> list[str]:
    """``light.story_days``; the unfiltered brief's stored until an article or event changes."""
    default = filters == Filters()
    hit = cached(db, "days") if default else None
    if hit is not None:
        return list(json.loads(hit))
    days = story_days(db, timeline)
    if default and not only_reads(db):
        keep_cached(db, "days", json.dumps(days))
    return days


# -- the unfiltered brief's plan, kept until anything changes ------------------------------------

#: The plan's sections, as ``story.StoryPlan`` names them.
SECTIONS = ("lead", "key", "chronology", "background", "ahead")


@dataclass
class KeptPlan:
    """The unfiltered brief's plan as kept (``brief_cache``): each section's happenings (by
    key: "h<happening id>", or a hand-made event's id), read again as they were planned."""

    sections: dict[str, list[str]]
    more: dict[str, int]
    facts: dict[str, Any]  # ``markdown.scope_facts`` of the whole timeline
    people: list[dict[str, Any]]  # the people the timeline names (``people_summaries``)
    told: dict[str, Any]  # key -> the light happening or hand-made event
    quotes: said_by.BriefQuotes


def _key(event: Any) -> str | None:
    if isinstance(event, LightEvent):
        return None if event.happening is None else f"h{event.happening}"
    return str(event.id)


def keep_plan(db: Database, filters: Filters, plan: Any, facts: dict[str, Any],
              people: list[dict[str, Any]]) -> None:
    """Keep the unfiltered brief's plan (its light happenings not yet read in full) until
    anything it read changes: the next brief reads only the happenings it tells."""
    if filters != Filters() or only_reads(db) or cached(db, "quotes") is None:
        return
    sections = {name: [_key(e) for e in getattr(plan, name)] for name in SECTIONS}
    if any(k is None for keys in sections.values() for k in keys):
        return  # a happening not stored yet
    keep_cached(db, "plan", json.dumps({"sections": sections, "more": plan.more, "facts": facts,
                                        "people": people}))


def kept_plan(db: Database, filters: Filters) -> KeptPlan | None:
    """The kept plan of the unfiltered brief with its happenings read again; None when there
    is none (a filter, or something changed since), or a happening is no longer stored."""
    if filters != Filters():
        return None
    refresh_happenings(db)  # may write events' words: what is kept is read after
    keep_event_words(db)
    plan, quotes = cached(db, "plan"), cached(db, "quotes")
    if plan is None or quotes is None or dirty_dates(db) or not stored.all_stored(db):
        return None
    data = json.loads(plan)
    keys = {k for section in data["sections"].values() for k in section}
    told: dict[str, Any] = {}
    wanted = [int(k[1:]) for k in keys if k.startswith("h")]
    for row in stored.rows_of(db, wanted):
        told[f"h{row[0]}"] = _light(row)
    if any(not k.startswith("h") for k in keys):
        told.update({e.id: e for e in manual_events(db, filters) if e.id in keys})
    if not keys <= set(told):
        return None
    said = json.loads(quotes)
    return KeptPlan(data["sections"], data["more"], data["facts"], data["people"], told,
                    said_by.BriefQuotes([said_by.Speaker(*s) for s in said["speakers"]], said["in_articles"]))


def _people(db: Database) -> list[dict[str, Any]]:
    """``list_people``'s name, roles and mentions: each person's mentions, and their roles
    commonest first (ties: the first mentioned first, as ``Counter.most_common`` keeps them)."""
    people, roles = stored.people_role_counts(db)
    mentions: dict[int, int] = {}
    named: dict[int, list[tuple[int, int, str]]] = {}
    for person_id, role, count, first in roles:
        mentions[person_id] = mentions.get(person_id, 0) + count
        if role:
            named.setdefault(person_id, []).append((-count, first, role))
    everyone = [
        {"name": name, "roles": distinct_roles(r for _c, _f, r in sorted(named.get(person_id, []))),
         "mentions": mentions.get(person_id, 0)}
        for person_id, name in people
    ]
    everyone.sort(key=lambda p: (-p["mentions"], p["name"]))
    return everyone
