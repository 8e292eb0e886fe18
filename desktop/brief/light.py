"""The timeline as the brief's plan reads it: every happening, light, aggregated in SQL.

A brief of a 20,000-article library weighs 140,000 happenings to tell about a hundred.
``light_timeline`` gives each happening exactly as ``query.build_timeline`` would — the same
headline, people, flags, report counts and date conflicts, in the same order — but as one
row per happening aggregated in SQL (``db.event_words.happening_summary``), with each
sentence's words, cleanliness and people computed when it was stored, not on every brief.
The few happenings SQL cannot summarise alone (a corrected one, one whose headline report
is filtered out, one whose people left the library) are built from their reports, as is
everything on a connection that only reads while the stored words are incomplete.
``told_events`` turns the ones the plan chose into full ``TimelineEvent``s with their
sources (titles, urls) for the Markdown; ``light_salience`` and ``light_weights`` are
``story.salience`` and ``story.article_weights`` over light happenings.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import Any, NamedTuple

from sqlite_utils import Database

from db import timeline as store
from db.connection import only_reads
from db.event_words import (
    FIELDS,
    RANK,
    REPORTS,
    article_words,
    brief_rows,
    dated_twice,
    happening_places,
    happening_summary,
    person_names,
    published_days,
    source_rows,
    told_in_headline,
    unclustered,
)
from db.happenings import dirty_dates
from desktop.brief.story import OFF_STORY_FLOOR, bullet_words, happening_score
from desktop.timeline.article_words import StoryWords
from desktop.timeline.bullets import bullet_length
from desktop.timeline.event_words import keep_event_words, people_names, words_of
from desktop.timeline.filters import Filters, event_where
from desktop.timeline.happening_store import refresh_happenings
from desktop.timeline.happenings import cleanliness
from desktop.timeline.merge import _tell_it_best, content_tokens, flag_conflicting_dates
from desktop.timeline.on_story import Centroid, article_frequencies, on_story_weights
from desktop.timeline.precision import sort_key as date_sort_key
from desktop.timeline.query import _people_of, manual_events
from desktop.timeline.timeline_event import Source, TimelineEvent


class ReportRow(NamedTuple):
    """One report of a happening built from its reports (a ``Source`` without title or url)."""

    article_id: int
    published: str | None
    outlet: str | None
    sentence: str
    event_id: int
    start: int | None
    date_text: str
    hidden: bool
    tokens: str  # its sentence's content words, space-separated
    clean: float  # how well its sentence stands alone (``cleanliness``)
    words: int  # the words of its sentence as a bullet (``bullet_length``)


class LightEvent:
    """A happening of the timeline with what the plan reads of it (``TimelineEvent``'s
    names where it has them; its reports only as counts and ids)."""

    __slots__ = (
        "id", "date", "precision", "text", "people", "planned", "pinned", "corrected", "hidden",
        "happening", "clean", "words", "tokens", "sort_key", "conflict", "conflicting_dates",
        "reports", "article_ids", "outlets_count", "raw", "multi",
        "told_article", "told_start", "first_published", "order", "members",
    )
    manual = False

    def __init__(self, event_id: str, date: str, precision: str, text: str) -> None:
        self.id, self.date, self.precision, self.text = event_id, date, precision, text
        self.people: Sequence[str] = ()  # a list once it names someone
        self.planned = self.pinned = self.corrected = self.hidden = self.multi = False
        self.conflict = False
        self.conflicting_dates: Sequence[str] = ()  # a list once it has one
        self.happening: int | None = None
        self.clean, self.words, self.tokens = 0.0, 0, ""
        self.sort_key = ""
        self.reports = self.outlets_count = 0
        self.article_ids: set[int] = set()
        self.raw = ""  # the reports as the summary row lists them (``happening_summary``)
        self.told_article: int | None = None
        self.told_start: int | None = None
        self.first_published: str | None = None
        self.order: tuple[int, str, int] = (0, "", 0)
        self.members: list[ReportRow] | None = None

    @property
    def articles(self) -> int:
        return len(self.article_ids)

    def _fields(self) -> list[list[str]]:
        return [m.split(FIELDS, 5) for m in self.raw.split(REPORTS)]

    def date_texts(self) -> list[str]:
        """The words that date each report ("on Tuesday")."""
        if self.members is not None:
            return [s.date_text for s in self.members]
        return [f[5] for f in self._fields()]

    def days(self) -> list[str]:
        """The day each report was published."""
        if self.members is not None:
            return [(s.published or "")[:10] for s in self.members]
        return [f[3][:10] for f in self._fields()]

    def retell(self, text: str) -> None:
        """Tell it in ``text`` (a bare "he" given its speaker's name): no report says it so."""
        self.text = text
        self.told_article = self.told_start = None
        self.multi = False
        self.clean = cleanliness(text)
        self.words = bullet_length(text, self.date)


# -- what the plan asks of any event, light or hand-made ------------------------------------


def event_cleanliness(event: Any) -> float:
    return event.clean if isinstance(event, LightEvent) else cleanliness(event.text)


def event_cost(event: Any) -> int:
    """``story.bullet_words`` from the stored bullet length."""
    if not isinstance(event, LightEvent):
        return bullet_words(event)
    return event.words + (3 if event.outlets_count > 1 else 0) + 3


def event_reports(event: Any) -> int:
    return event.reports if isinstance(event, LightEvent) else len(event.sources)


def event_articles(event: Any) -> set[int]:
    if isinstance(event, LightEvent):
        return event.article_ids
    return {s.article_id for s in event.sources if s.article_id is not None}


def published_in(event: Any, low: str, high: str) -> bool:
    """Whether a report of the event was published (by day) within ``low``..``high``."""
    if isinstance(event, LightEvent):
        return any(low <= day <= high for day in event.days())
    return any(low <= (s.published or "")[:10] <= high for s in event.sources)


def count_sources(events: Sequence[Any]) -> int:
    """How many sources the events cite (an article once; a hand-given source by title and url)."""
    keys: set[Any] = set()
    for event in events:
        if isinstance(event, LightEvent):
            keys |= event.article_ids
        else:
            keys.update(s.article_id if s.article_id is not None else (s.title, s.url)
                        for s in event.sources)
    return len(keys)


# -- the timeline ------------------------------------------------------------------------------


class Timeline(NamedTuple):
    """The brief's timeline: its events in order, and the filter's story-wide reads."""

    events: list[Any]
    where: tuple[str, list[Any]]
    whole: bool  # every report's words are stored (SQL can read them)


def light_timeline(db: Database, filters: Filters) -> Timeline:
    """``build_timeline(db, filters)`` for the brief: the happenings as ``LightEvent``s and
    the hand-made events as ``TimelineEvent``s, conflicts flagged, in timeline order."""
    refresh_happenings(db)
    computed = keep_event_words(db)
    where = event_where(filters)
    if filters == Filters() and not (computed and only_reads(db)):
        from desktop.brief.stored_light import stored_lights  # lazy: it builds on this module

        stored = stored_lights(db)
        if stored is not None:  # the whole timeline's happenings, stored as built below
            events: list[Any] = [*stored, *manual_events(db, filters)]
            events.sort(key=lambda e: (e.sort_key, _first_published(e), e.id))
            return Timeline(events, where, True)
    names = person_names(db)
    if computed and only_reads(db):
        # A connection that only reads, while the words are still being stored: from the reports.
        rows = brief_rows(db, where)
        lights = _from_reports(db, rows, names, computed, dated_twice(db, where))
        whole = False
    else:
        lights, whole = _from_summary(db, where, names), True
    lights.sort(key=lambda e: e.order)
    _flag_conflicts(lights)
    for light in lights:  # their words only find conflicts: a large library need not keep them
        light.tokens = ""
    events = [*lights, *manual_events(db, filters)]
    events.sort(key=lambda e: (e.sort_key, _first_published(e), e.id))
    return Timeline(events, where, whole)


def _first_published(event: Any) -> str:
    if isinstance(event, LightEvent):
        return event.first_published or ""
    return event.sources[0].published or "" if event.sources else ""


_SORT_KEYS: dict[str, str] = {}


def _sort_key(date: str) -> str:
    if date not in _SORT_KEYS:
        _SORT_KEYS[date] = date_sort_key(date)
    return _SORT_KEYS[date]


def _in_order(pieces: str) -> list[str]:
    """"rank:value" pieces joined by REPORTS, in rank order, as values."""
    parts = pieces.split(REPORTS)
    if len(parts) > 1:
        parts.sort(key=lambda p: int(p.split(":", 1)[0]))
    return [p.split(":", 1)[1] for p in parts]


def _from_summary(
    db: Database, where: tuple[str, list[Any]], names: dict[int, str],
    twice: set[tuple[int, int]] | None = None,
) -> list[LightEvent]:
    """Light happenings of the events ``where`` keeps, one SQL row each (``twice``: the
    sentences dated twice, when read over a wider ``where``)."""
    lights: list[LightEvent] = []
    detail: list[int] = []  # happenings built from their reports (an event on its own: -its id)
    twice = dated_twice(db, where) if twice is None else twice
    several: dict[int, tuple[LightEvent, list[list[str]]]] = {}
    sort_keys = _SORT_KEYS
    # One string for the many equal dates, date keys, precisions and publication times of
    # a large library's rows (each row brings its own copy).
    same: dict[str, str] = {}
    for (happening, _headline, reports, first_rank, date, date_sort, precision, planned, pinned,
         corrected, hidden, has_headline, stored, members, people, text, tokens, clean, words,
         ) in happening_summary(db, where):
        if not has_headline or corrected or stored != reports or tokens is None:
            detail.append(happening)
            continue
        named: list[str] | tuple[()] | None = ()
        if people:
            named = []
            for stored_people in _in_order(people):
                found = people_names(stored_people, names)
                if found is None:
                    named = None
                    break
                for name in found:
                    if name not in named:  # type: ignore[operator]
                        named.append(name)  # type: ignore[union-attr]
        if named is None:
            detail.append(happening)
            continue
        date, date_sort, precision = (same.setdefault(date, date), same.setdefault(date_sort, date_sort),
                                      same.setdefault(precision, precision))
        event = LightEvent(f"e{first_rank % RANK}", date, precision, text)
        event.people = named  # type: ignore[assignment]
        event.planned, event.pinned, event.hidden = bool(planned), bool(pinned), bool(hidden)
        event.happening = happening
        event.clean, event.words, event.tokens = clean, words, tokens
        event.sort_key = sort_keys.get(date) or _sort_key(date)
        event.reports, event.raw = reports, members
        event.order = (first_rank // RANK, date_sort, first_rank % RANK)
        if reports == 1:
            _rank, article, outlet, published, start, _words = members.split(FIELDS, 5)
            event.article_ids = {int(article)}
            event.outlets_count = 1 if outlet else 0
            event.first_published = same.setdefault(published, published) or None
            event.told_article, event.told_start = int(article), int(start)
            event.multi = (event.told_article, event.told_start) in twice
        else:
            parts = event._fields()
            parts.sort(key=lambda p: int(p[0]))
            for part in parts:  # in the reports' order, as the timeline's set of them is made
                event.article_ids.add(int(part[1]))
            event.outlets_count = len({p[2] for p in parts if p[2]})
            event.first_published = parts[0][3] or None
            several[happening] = (event, parts)
        lights.append(event)
    if several:
        same: set[tuple[int, int]] = {
            (h, rank) for h, rank, is_headline in told_in_headline(db, where, list(several)) if is_headline
        }
        for happening, (event, parts) in several.items():
            told = [p for p in parts if (happening, int(p[0])) in same]
            if told:
                event.told_article, event.told_start = int(told[0][1]), int(told[0][4])
            event.multi = any((int(p[1]), int(p[4])) in twice for p in told)
    if dirty_dates(db):  # a connection that only reads, with events not yet clustered
        detail += [-i for i in unclustered(db, where)]
    if detail:
        rows = brief_rows(db, _of_happenings(where, detail))
        lights.extend(_from_reports(db, rows, names, {}, twice))
    return lights


def _from_reports(
    db: Database, rows: Sequence[tuple[Any, ...]], names: dict[int, str],
    computed: dict[int, Any], twice: set[tuple[int, int]],
) -> list[LightEvent]:
    """Happenings built from their reports' rows (``brief_rows``), as ``query.as_happenings``
    groups them."""
    missing = [r for r in rows if r[15] is None and r[0] not in computed]
    if missing:
        computed = {**computed, **words_of(db, [
            {"id": r[0], "article_id": r[1], "text": r[4], "start": r[5], "end": r[18], "date": r[2]}
            for r in missing
        ])}
    groups: dict[Any, LightEvent] = {}
    headlines: dict[Any, int | None] = {}
    redo: list[LightEvent] = []
    shown = [r for r in rows if not r[9]] + [r for r in rows if r[9]]  # shown reports name it first
    for (event_id, article_id, date, precision, text, start, planned, pinned, corrected, hidden,
         published, outlet, date_text, happening, headline, tokens, clean, people, _end, words,
         date_sort) in shown:
        if tokens is None:
            tokens, clean, people, words = computed[event_id]
        named = people_names(people, names)
        report = ReportRow(article_id, published, outlet, text, event_id, start, date_text or "",
                        bool(hidden), tokens, clean, words)
        key = ("h", happening) if happening is not None else ("e", event_id)
        group = groups.get(key)
        if group is None:
            group = groups[key] = LightEvent(f"e{event_id}", date, precision, text)
            group.people = list(named or [])
            group.planned, group.pinned = bool(planned), bool(pinned)
            group.corrected, group.hidden = bool(corrected), bool(hidden)
            group.happening = happening
            group.sort_key = _sort_key(date)
            group.members = [report]
            group.order = (int(bool(hidden)), date_sort, event_id)
            headlines[key] = headline
            if named is None:
                redo.append(group)
        else:
            group.members.append(report)  # type: ignore[union-attr]
            if named is None:
                redo.append(group)
            for name in named or []:
                if name not in group.people:
                    group.people.append(name)
            group.planned = group.planned and bool(planned)
            group.pinned = group.pinned or bool(pinned)
            group.corrected = group.corrected or bool(corrected)
            group.hidden = group.hidden and bool(hidden)
    if redo:
        _people_again(db, redo)
    for key, event in groups.items():
        members = event.members or []
        headline_id = headlines[key] if key[0] == "h" else None
        told = next((s for s in members if s.event_id == headline_id), None)
        if told is not None and not event.corrected:
            event.text = told.sentence
        elif told is None:
            telling = SimpleNamespace(sources=members, corrected=event.corrected, manual=False,
                                      text=event.text)
            _tell_it_best(telling)  # type: ignore[arg-type]
            event.text = telling.text
        report = next((s for s in members if s.sentence == event.text), None)
        if report is None:
            event.clean, event.words = cleanliness(event.text), bullet_length(event.text, event.date)
            event.tokens = " ".join(sorted(content_tokens(event.text)))
        else:
            event.clean, event.words, event.tokens = report.clean, report.words, report.tokens
            event.told_article, event.told_start = report.article_id, report.start
        event.multi = any(s.sentence == event.text and (s.article_id, s.start) in twice
                          for s in members)
        event.reports = len(members)
        event.article_ids = {s.article_id for s in members if s.article_id is not None}
        event.outlets_count = len({s.outlet for s in members if s.outlet})
        event.first_published = members[0].published if members else None
    return list(groups.values())


def _people_again(db: Database, events: list[LightEvent]) -> None:
    """People of happenings whose stored people left the library (merged away), computed as
    ``build_timeline`` does."""
    ids = [s.event_id for e in events for s in e.members or []]
    people = _people_of(db, store.event_rows_by_id(db, ids))
    for event in events:
        event.people = []
        for source in event.members or []:
            for name in people.get(source.event_id, []):
                if name not in event.people:
                    event.people.append(name)


def _flag_conflicts(events: list[LightEvent]) -> None:
    """``merge._flag_conflicts`` over light happenings (in the timeline's grouping order)."""
    days = [e for e in events if e.precision == "day"]
    flag_conflicting_dates(
        days, lambda i: days[i].tokens.split(), lambda e: e.article_ids, lambda e: e.date_texts())


# -- the plan's reads over light happenings -------------------------------------------------------


def light_weights(db: Database, timeline: Timeline, events: Sequence[Any] | None = None) -> dict[int, float]:
    """``story.article_weights`` of the timeline's events (or of ``events``, a part of it):
    each article's stored words, read in SQL when every report's words are stored."""
    chosen = timeline.events if events is None else events
    words: dict[int, set[str] | str] = {}
    if events is None and timeline.whole:
        for article_id, joined, bad in article_words(db, timeline.where):
            if bad:  # an empty sentence or no stored words: from the happenings, as the plan does
                return _weights_from(db, timeline.where, chosen)
            words[article_id] = joined or ""  # made a set when counted: a large library's sets are never all held
        _add_sentences(words, [e for e in chosen if not isinstance(e, LightEvent)])
        return _weights(words)
    return _weights_from(db, timeline.where, chosen)


def story_weights(db: Database, filters: Filters, words: StoryWords | None = None) -> dict[int, float] | None:
    """``light_weights`` of the timeline ``filters`` keeps, read before its happenings are
    (a large library's day ranking and happenings are then never in memory together);
    None when the stored words do not cover it (ask ``light_weights`` then). ``words``: the
    unfiltered timeline's, as kept per article (``article_words.story_words``)."""
    refresh_happenings(db)
    if keep_event_words(db) and only_reads(db):
        return None
    if words is not None and filters == Filters():
        added: dict[int, set[str] | str] = {}
        _add_sentences(added, manual_events(db, filters))
        return words.article_weights(db, added, floor=OFF_STORY_FLOOR)  # type: ignore[arg-type]
    where = event_where(filters)
    joined: dict[int, set[str] | str] = {}
    for article_id, text, bad in article_words(db, where):
        if bad:
            return None
        joined[article_id] = text or ""
    _add_sentences(joined, manual_events(db, filters))
    return _weights(joined)


def _add_sentences(words: dict[int, set[str] | str], events: Sequence[Any]) -> None:
    """Add the words of full events' sentences (hand-made ones: no stored words) to their
    articles' words, joined strings made sets as they grow."""
    for event in events:
        for source in event.sources:
            if source.article_id is not None:
                bag = words.get(source.article_id, "")
                bag = set(bag.split()) if isinstance(bag, str) else bag
                bag.update(content_tokens(source.sentence or event.text))
                words[source.article_id] = bag


def _weights_from(db: Database, where: tuple[str, list[Any]], events: Sequence[Any]) -> dict[int, float]:
    """Article weights from each happening's reports (read again for light ones)."""
    members = _members(db, where, [e for e in events if isinstance(e, LightEvent)])
    words: dict[int, set[str]] = defaultdict(set)
    for event in events:
        if isinstance(event, LightEvent):
            for report in members[id(event)]:
                words[report.article_id].update(
                    report.tokens.split() if report.sentence else content_tokens(event.text))
        else:
            for source in event.sources:
                if source.article_id is not None:
                    words[source.article_id].update(content_tokens(source.sentence or event.text))
    return _weights(words)


def _weights(words: dict[int, Any]) -> dict[int, float]:
    """``story.article_weights`` from each article's words (a set, or joined by spaces)."""

    # A joined string is split again for each pass rather than held as a set: a large
    # library's sets are never all held.
    def bag(joined: Any) -> Any:
        return set(joined.split()) if isinstance(joined, str) else joined

    centroid = Centroid(article_frequencies(bag(joined) for joined in words.values()))
    articles = list(words)
    scores = [centroid.cosine(bag(words[a])) for a in articles]
    return dict(zip(articles, on_story_weights(scores, floor=OFF_STORY_FLOOR), strict=True))


def light_salience(events: Sequence[Any], weights: dict[int, float],
                   people: dict[str, int] | None = None) -> dict[int, float]:
    """``story.salience`` over light happenings (and hand-made events), by ``id``; ``people``:
    how many articles each person's events come from (``people_reach``), when ``events``
    are only a part of the timeline."""
    if people is None:
        people = people_reach(events)
    top = max(people.values(), default=0) or 1
    manual = [e for e in events if not isinstance(e, LightEvent)]
    dated: Counter[tuple[int | None, int | None]] = Counter(
        (s.article_id, s.start) for e in manual for s in e.sources
    )
    scores: dict[int, float] = {}
    for event in events:
        if isinstance(event, LightEvent):
            multi = 0.6 if event.multi else 1.0
            clean = event.clean
            articles = event.article_ids
            outlets = event.outlets_count
        else:
            told = [s for s in event.sources if s.sentence == event.text]
            multi = 0.6 if any(dated[(s.article_id, s.start)] > 1 for s in told) else 1.0
            clean = cleanliness(event.text)
            articles = {s.article_id for s in event.sources if s.article_id is not None}
            outlets = len(event.outlets)
        reach = sum(weights.get(a, 1.0) for a in articles) or (1.0 if event.manual else 0.0)
        central = max((people.get(p, 0) / top for p in event.people), default=0.0)
        scores[id(event)] = happening_score(event, reach, outlets, central, clean * multi)
    return scores


def people_reach(events: Iterable[Any]) -> dict[str, int]:
    """How many articles report the events naming each person."""
    people_articles: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.people:
            articles = event_articles(event)
            for name in event.people:
                people_articles[name].update(articles)
    return {name: len(articles) for name, articles in people_articles.items()}


def context_salience(db: Database, timeline: Timeline, events: Sequence[Any]) -> dict[int, float]:
    """``story.salience(events)`` of a part of the timeline (Background, Ahead): article
    weights and sentences dated twice are counted within ``events`` only."""
    members = _members(db, timeline.where, [e for e in events if isinstance(e, LightEvent)])
    dated: Counter[tuple[int, int | None]] = Counter(
        (r.article_id, r.start) for reports in members.values() for r in reports
    )
    for event in events:
        if isinstance(event, LightEvent):
            event.multi = any(r.sentence == event.text and dated[(r.article_id, r.start)] > 1
                              for r in members[id(event)])
    return light_salience(events, _weights_from(db, timeline.where, events))


def story_days(db: Database, timeline: Timeline) -> list[str]:
    """The publication days of the timeline's reports (for ``story.story_span``)."""
    days = set(published_days(db, timeline.where))
    for event in timeline.events:
        if not isinstance(event, LightEvent):
            days.update((s.published or "")[:10] for s in event.sources if s.published)
    return sorted(days)


# -- naming the "he" of a sentence ------------------------------------------------------------


class _At(NamedTuple):
    article_id: int
    start: int


def name_speakers_of(events: Sequence[Any], in_articles: Sequence[dict[str, Any]]) -> None:
    """``BriefQuotes.named`` for light happenings: a bare "he"/"she" speaking a stored quote
    gets its speaker's name (in place; the cleanliness follows the new text)."""
    name_speakers_by(events, *quotes_by_article(in_articles))


def quotes_by_article(in_articles: Sequence[dict[str, Any]]) -> tuple[dict[Any, list[dict[str, Any]]], dict[Any, list[int]]]:
    """The quotes of ``name_speakers_of`` by article, and their speakers' offsets, in order."""
    by_article: dict[Any, list[dict[str, Any]]] = {}
    for quote in sorted(in_articles, key=lambda q: q["speaker_start"]):
        by_article.setdefault(quote["article_id"], []).append(quote)
    return by_article, {a: [q["speaker_start"] for q in quotes] for a, quotes in by_article.items()}


def name_speakers_by(events: Sequence[Any], by_article: dict[Any, list[dict[str, Any]]],
                     starts: dict[Any, list[int]]) -> None:
    """``name_speakers_of`` with its quotes already by article (``quotes_by_article``)."""
    from desktop.brief.quotes import name_speakers  # lazy: quotes sits beside this module

    for event in events:
        if not isinstance(event, LightEvent) or event.corrected:
            continue
        article, start = event.told_article, event.told_start
        if article is None or start is None or article not in by_article:
            continue
        # Only a quote whose speaker stands inside the sentence can name its "he".
        at = starts[article]
        if bisect_left(at, start) == bisect_left(at, start + len(event.text)):
            continue
        text = name_speakers(event.text, _At(article, start), by_article[article])  # type: ignore[arg-type]
        if text != event.text:
            event.retell(text)


# -- the told happenings in full --------------------------------------------------------------


def _of_happenings(where: tuple[str, list[Any]], groups: Sequence[int]) -> tuple[str, list[Any]]:
    """``where`` narrowed to the events of these happenings (an event on its own: -its id).
    The events are found by id first: the happening test alone read every event of the
    timeline to tell a brief's two hundred happenings (0.15 CPU-s at 20,000 articles)."""
    ids = json.dumps(list(groups))
    return (f"({where[0]}) AND (e.id IN (SELECT event_id FROM happening_events WHERE happening_id IN"
            " (SELECT value FROM json_each(?))) OR e.id IN (SELECT -value FROM json_each(?) WHERE value < 0))"
            " AND COALESCE(he.happening_id, -e.id) IN (SELECT value FROM json_each(?))",
            [*where[1], ids, ids, ids])


def _members(db: Database, where: tuple[str, list[Any]], lights: Sequence[LightEvent]) -> dict[int, list[ReportRow]]:
    """The reports of light happenings (those the timeline's filter keeps), in its order."""
    found: dict[int, list[ReportRow]] = {id(e): list(e.members) for e in lights if e.members is not None}
    by_group = {
        e.happening if e.happening is not None else -int(e.id[1:]): e
        for e in lights if e.members is None
    }
    if not by_group:
        return found
    for event in by_group.values():
        found[id(event)] = []
    rows = brief_rows(db, _of_happenings(where, sorted(by_group)))
    shown = [r for r in rows if not r[9]] + [r for r in rows if r[9]]
    for r in shown:
        event = by_group.get(r[13] if r[13] is not None else -r[0])
        if event is not None:
            found[id(event)].append(ReportRow(r[1], r[10], r[11], r[4], r[0], r[5], r[12] or "",
                                           bool(r[9]), r[15] or "", r[16] or 0.0, r[19] or 0))
    return found


def told_events(db: Database, where: tuple[str, list[Any]], chosen: Iterable[Any]) -> dict[int, TimelineEvent]:
    """Full ``TimelineEvent``s (sources with titles and urls) of the happenings the brief
    tells, by ``id`` of the light one; hand-made events are already full."""
    chosen = list(chosen)
    lights = list({id(e): e for e in chosen if isinstance(e, LightEvent)}.values())
    members = _members(db, where, lights)
    details = source_rows(db, [s.event_id for e in lights for s in members[id(e)]])
    places = happening_places(db, [e.happening for e in lights if e.happening is not None])
    full: dict[int, TimelineEvent] = {}
    for event in chosen:
        if not isinstance(event, LightEvent):
            full[id(event)] = event
            continue
        if id(event) in full:
            continue
        sources = [
            Source(s.article_id, details[s.event_id]["title"] or "", details[s.event_id]["url"],
                   s.published, s.outlet, s.sentence, s.event_id, details[s.event_id]["key"],
                   s.start, details[s.event_id]["end"], s.date_text, s.hidden)
            for s in members[id(event)]
        ]
        full[id(event)] = TimelineEvent(
            event.id, event.date, event.precision, event.text, list(event.people), event.planned,
            sources, pinned=event.pinned, corrected=event.corrected, conflict=event.conflict,
            conflicting_dates=list(event.conflicting_dates), hidden=event.hidden,
            happening=event.happening, places=places.get(event.happening or -1, []),
        )
    return full
