"""The timeline as the brief's plan reads it: every happening, light, from stored rows.

A brief of a 20,000-article library weighs 140,000 happenings to tell about a hundred.
``light_timeline`` gives each happening exactly as ``query.build_timeline`` would — the same
reports, headline, people, flags and date conflicts, in the same order — but as small
objects built from one SQL read (events with their stored happening and ``event_words``),
with each sentence's words, cleanliness and people computed when it was stored, not on
every brief. ``told_events`` turns the few the plan chose into full ``TimelineEvent``s with
their sources (titles, urls) for the Markdown.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sqlite_utils import Database

from db import timeline as store
from db.event_words import brief_rows, happening_places, person_names, source_rows
from desktop.brief.story import bullet_words
from desktop.timeline.bullets import bullet_length
from desktop.timeline.event_words import keep_event_words, people_names, words_of
from desktop.timeline.filters import Filters, event_where
from desktop.timeline.happening_store import refresh_happenings
from desktop.timeline.happenings import cleanliness
from desktop.timeline.merge import _flag_conflicts, _tell_it_best, content_tokens
from desktop.timeline.precision import sort_key as date_sort_key
from desktop.timeline.query import _people_of, manual_events
from desktop.timeline.timeline_event import Source, TimelineEvent


class Report(NamedTuple):
    """One report of a happening, as the plan reads it (a ``Source`` without title or url)."""

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
    """A happening of the timeline with what the plan reads of it (``TimelineEvent``'s names)."""

    __slots__ = ("id", "date", "precision", "text", "people", "planned", "sources", "pinned",
                 "corrected", "conflict", "conflicting_dates", "hidden", "happening", "clean",
                 "words", "report", "sort_key", "_outlets", "_articles")
    manual = False

    def __init__(self, event_id: str, date: str, precision: str, text: str, people: list[str],
                 planned: bool, sources: list[Report], pinned: bool, corrected: bool,
                 hidden: bool, happening: int | None, sort_key: str) -> None:
        self.id, self.date, self.precision, self.text = event_id, date, precision, text
        self.people, self.planned, self.sources, self.pinned = people, planned, sources, pinned
        self.corrected, self.hidden, self.happening = corrected, hidden, happening
        self.conflict = False
        self.conflicting_dates: list[str] = []
        self.clean = 0.0
        self.words = 0
        self.report: Report | None = None  # the report it is told in (``told``)
        self.sort_key = sort_key
        self._outlets: list[str] | None = None
        self._articles: int | None = None

    @property
    def outlets(self) -> list[str]:
        if self._outlets is None:
            if len(self.sources) == 1:
                self._outlets = [self.sources[0].outlet] if self.sources[0].outlet else []
            else:
                ordered = sorted((s for s in self.sources if s.outlet),
                                 key=lambda s: (s.published or "9999", s.event_id or 0))
                self._outlets = list(dict.fromkeys(s.outlet for s in ordered if s.outlet))
        return self._outlets

    @property
    def articles(self) -> int:
        if self._articles is None:
            self._articles = len({s.article_id for s in self.sources if s.article_id is not None})
        return self._articles

    def told(self) -> Report | None:
        """The report whose sentence the happening is told in."""
        return next((s for s in self.sources if s.sentence == self.text), None)

    def retell(self, text: str) -> None:
        """Tell it in ``text`` (a bare "he" given its speaker's name)."""
        self.text = text
        self.report = self.told()
        self.clean = cleanliness(text)
        self.words = bullet_length(text)


def report_words(source: Any, event: Any) -> Iterable[str]:
    """A report's content words: stored with a light report, computed for a hand-made one."""
    if isinstance(source, Report) and source.sentence:
        return source.tokens.split()
    return content_tokens(source.sentence or event.text)


def event_cleanliness(event: Any) -> float:
    return event.clean if isinstance(event, LightEvent) else cleanliness(event.text)


def event_cost(event: Any) -> int:
    """``story.bullet_words`` from the stored bullet length."""
    if not isinstance(event, LightEvent):
        return bullet_words(event)
    return event.words + (3 if len(event.outlets) > 1 else 0) + 3


def light_timeline(db: Database, filters: Filters) -> list[Any]:
    """``build_timeline(db, filters)`` for the brief: the happenings as ``LightEvent``s and
    the hand-made events as ``TimelineEvent``s, conflicts flagged, in timeline order."""
    refresh_happenings(db)
    computed = keep_event_words(db)
    rows = brief_rows(db, event_where(filters))
    missing = [r for r in rows if r[15] is None and r[0] not in computed]
    if missing:  # a connection that only reads, on a library still being written to
        computed.update(words_of(db, [
            {"id": r[0], "article_id": r[1], "text": r[4], "start": r[5], "end": r[18]}
            for r in missing
        ]))
    names = person_names(db)
    sort_keys: dict[str, str] = {}
    groups: dict[Any, LightEvent] = {}
    headlines: dict[Any, int | None] = {}
    redo: list[LightEvent] = []
    shown = [r for r in rows if not r[9]] + [r for r in rows if r[9]]  # shown reports name it first
    for (event_id, article_id, date, precision, text, start, planned, pinned, corrected, hidden,
         published, outlet, date_text, happening, headline, tokens, clean, people, _end,
         words) in shown:
        if tokens is None:
            tokens, clean, people, words = computed[event_id]
        named = people_names(people, names)
        report = Report(article_id, published, outlet, text, event_id, start, date_text or "",
                        bool(hidden), tokens, clean, words)
        key = ("h", happening) if happening is not None else ("e", event_id)
        group = groups.get(key)
        if group is None:
            if date not in sort_keys:
                sort_keys[date] = date_sort_key(date)
            group = groups[key] = LightEvent(
                f"e{event_id}", date, precision, text, list(named or []), bool(planned), [report],
                bool(pinned), bool(corrected), bool(hidden), happening, sort_keys[date],
            )
            headlines[key] = headline
            if named is None:
                redo.append(group)
        else:
            group.sources.append(report)
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
    tokens_of: dict[int, frozenset[str]] = {}
    merged: list[Any] = []
    for key, event in groups.items():
        headline_id = headlines[key] if key[0] == "h" else None
        told = next((s for s in event.sources if s.event_id == headline_id), None)
        if told is not None and not event.corrected:
            event.text = told.sentence
        elif told is None:
            _tell_it_best(event)  # type: ignore[arg-type]
        report = event.report = event.told()
        event.clean = cleanliness(event.text) if report is None else report.clean
        event.words = bullet_length(event.text) if report is None else report.words
        if event.precision == "day":
            tokens_of[id(event)] = (frozenset(report.tokens.split()) if report is not None
                                    else content_tokens(event.text))
        merged.append(event)
    merged.extend(manual_events(db, filters))
    _flag_conflicts(merged, tokens_of)
    merged.sort(key=lambda e: (e.sort_key, e.sources[0].published or "" if e.sources else "", e.id))
    return merged


def _people_again(db: Database, events: list[LightEvent]) -> None:
    """People of happenings whose stored people left the library (merged away), computed as
    ``build_timeline`` does."""
    ids = [s.event_id for e in events for s in e.sources]
    rows = store.event_rows_by_id(db, ids)
    people = _people_of(db, rows)
    for event in events:
        event.people = []
        for source in event.sources:
            for name in people.get(source.event_id, []):
                if name not in event.people:
                    event.people.append(name)


def name_speakers_of(events: Sequence[Any], in_articles: Sequence[dict[str, Any]]) -> None:
    """``BriefQuotes.named`` for light happenings: a bare "he"/"she" speaking a stored quote
    gets its speaker's name (in place; the cleanliness follows the new text)."""
    from desktop.brief.quotes import name_speakers  # lazy: quotes imports this module's peers

    by_article: dict[Any, list[dict[str, Any]]] = {}
    for quote in sorted(in_articles, key=lambda q: q["speaker_start"]):
        by_article.setdefault(quote["article_id"], []).append(quote)
    starts = {a: [q["speaker_start"] for q in quotes] for a, quotes in by_article.items()}
    for event in events:
        if not isinstance(event, LightEvent) or event.corrected:
            continue
        source = event.report
        if source is None or source.article_id not in by_article or source.start is None:
            continue
        # Only a quote whose speaker stands inside the sentence can name its "he".
        at = starts[source.article_id]
        if bisect_left(at, source.start) == bisect_left(at, source.start + len(event.text)):
            continue
        text = name_speakers(event.text, source, by_article[source.article_id])  # type: ignore[arg-type]
        if text != event.text:
            event.retell(text)


def told_events(db: Database, chosen: Iterable[Any]) -> dict[int, TimelineEvent]:
    """Full ``TimelineEvent``s (sources with titles and urls) of the happenings the brief
    tells, by ``id`` of the light one; hand-made events are already full."""
    lights = [e for e in chosen if isinstance(e, LightEvent)]
    details = source_rows(db, [s.event_id for e in lights for s in e.sources])
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
            for s in event.sources
        ]
        full[id(event)] = TimelineEvent(
            event.id, event.date, event.precision, event.text, list(event.people), event.planned,
            sources, pinned=event.pinned, corrected=event.corrected, conflict=event.conflict,
            conflicting_dates=list(event.conflicting_dates), hidden=event.hidden,
            happening=event.happening, places=places.get(event.happening or -1, []),
        )
    return full
