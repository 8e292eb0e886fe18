"""Key events: the dates the coverage points to most, each told in its most typical sentences.

Dates are ranked from the date mentions in all articles published in the range (after
DATEWISE, Ghalandari & Ifrim 2020): a day is important when many distinct articles, from
several outlets, refer back to it; articles published on the day itself and on the next
day add to it, so the date ranking is more than a count of publications. For each chosen
day the sentences that date themselves to it, and the leads of the articles published that
day, compete: the ones closest to the centroid of what is said about that day win, without
repeating each other. A sentence tells its day only if it can stand alone (``telling``: no
teaser cut off, no piece of a split sentence, no furniture); the reporter's words count more
than a quotation, and a chronology entry ("April 22 – The rig sinks") more than a sentence
that mentions the day in passing. Days of events the reporter pinned come first; hidden
events count for nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from db.key_days import (
    article_info,
    article_texts,
    date_timexes,
    day_events,
    furniture_spans,
    publications,
    published_range,
)
from db.library import Library
from desktop.clipping.furniture import blank_furniture
from desktop.timeline.filters import Filters, event_where
from desktop.timeline.merge import content_tokens, similarity
from desktop.timeline.on_story import FLOOR, Centroid, article_frequencies, on_story_weights
from desktop.timeline.query import database_of
from desktop.timeline.sentences import clean_sentence, split_spans, word_count
from desktop.timeline.telling import (
    as_told,
    in_first_person,
    is_chronology_entry,
    is_fragment,
    opens_with_pronoun,
    quoted_share,
)

#: Weights of the evidence for a date (per distinct article).
W_REFERENCE = 1.0  # an article published later refers back to the day
W_SAME_DAY = 0.5  # an article published that day dates a sentence to it
W_AHEAD = 0.5  # an article announces it beforehand
W_PUBLISHED = 0.4  # an article published that day
W_NEXT_DAY = 0.2  # an article published the next day (it reports "yesterday")
W_OUTLET = 0.25  # each outlet beyond the first that mentions the day
#: A sentence off the story still counts this much (as an article off it does).
OFF_STORY_SENTENCE = FLOOR
LEAD_SENTENCES = 3
MIN_WORDS = 6
MAX_WORDS = 60
#: Sentences of about this many words read best in a timeline entry.
BEST_WORDS = (10, 35)
LEAD_WEIGHT = 0.8
NARRATIVE_WEIGHT = 0.7
REDUNDANCY = 0.5
#: A sentence that is all quotation counts this much less: a day is told in the reporter's
#: words (what happened), a quote tells what someone said about it.
QUOTE_PENALTY = 0.5
#: A chronology entry ("April 22 – The rig sinks") counts this many times: its writer
#: already said in one line what the day is remembered for.
CHRONOLOGY_ENTRY = 2.0
#: Someone's own account ("Last Wednesday I decided to go to Haiti") counts half: it tells
#: what happened to the writer, not what happened.
FIRST_PERSON = 0.5
#: A sentence whose subject is a pronoun pointing back ("On Friday she made an appeal")
#: counts less: alone under its date nobody knows who.
PRONOUN_LEAD = 0.7

_TOKEN = re.compile(r"[a-z][a-z0-9'-]+")
_STOP = frozenset(
    """the and for that with from this have has had was were are been will would said says
    its their they there which who what when also into about after before than more over
    but not his her him she our out one two new all can could may might just than then
    on in of to a an at by as is it be or""".split()
)


@dataclass
class KeyDate:
    """One of the most important days, with the sentences that best tell what happened."""

    date: str
    score: float
    sentences: list[str] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "score": round(self.score, 3),
            "sentences": self.sentences,
            "sources": self.sources,
        }


@dataclass
class _Candidate:
    text: str
    article_id: int
    weight: float
    tokens: Counter[str] = field(default_factory=Counter)


def _day_events(db: Database, filters: Filters, published_in_range: bool) -> list[dict[str, Any]]:
    """Day-precision events matching the filters (corrected, not hidden), dated in range;
    with ``published_in_range`` only from articles published in the range too."""
    published = published_range(filters.date_from, filters.date_to) if published_in_range else None
    return day_events(db, event_where(filters), published)


def _publications(db: Database, filters: Filters) -> dict[str, list[int]]:
    """Articles by publication day in the range (those of the tag; with a person or words,
    those with an event that matches)."""
    with_event = (
        event_where(Filters(person=filters.person, query=filters.query))
        if filters.person or filters.query
        else None
    )
    return publications(
        db, published_range(filters.date_from, filters.date_to), tag=filters.tag or None, with_event=with_event
    )


def rank_dates(
    events: list[dict[str, Any]],
    publications: dict[str, list[int]],
    filters: Filters,
    weights: dict[int, float] | None = None,
    *,
    on_story_sentences: bool = False,
    said: dict[tuple[str, int], float] | None = None,
    rows: list[tuple[str, str | None, int, int, str | None]] | None = None,
) -> dict[str, float]:
    """A score for every day in range: how much the coverage points to it. With ``weights``
    (how on-story each article is, 0..1) an article counts for its weight: a reader's comment
    page or a concert review in a disaster's library says little about the story's days.
    With ``on_story_sentences`` an article's mention of a day counts, besides, for how
    on-story its best sentence dated to that day is (``sentence_weights``): a report on the
    quake that dates an aside to a day ("Radiohead performed for two hours on Sunday") says
    little about that day of the story. ``said``: each article's best sentence weight on
    each day, (date, article id) -> weight, when already known (``article_words.StoryWords``);
    ``rows``: what is read of ``events``, (date, published, pinned, article id, outlet) each,
    in their order, when already known (``events`` is then not read)."""
    if not on_story_sentences:
        said = {}
    elif said is None:
        said = {}
        for e, weight in zip(events, sentence_weights(events), strict=True):
            key = (e["date"], e["article_id"])
            said[key] = max(said.get(key, 0.0), weight)
    referring: dict[str, set[int]] = defaultdict(set)
    same_day: dict[str, set[int]] = defaultdict(set)
    ahead: dict[str, set[int]] = defaultdict(set)
    outlets: dict[str, set[str]] = defaultdict(set)
    pinned: set[str] = set()
    if rows is None:
        rows = [(e["date"], e["published"], e["pinned"], e["article_id"], e["outlet"]) for e in events]
    for day, published, pin, article, outlet in rows:
        if pin:
            pinned.add(day)
        if not published or published > day:  # unknown publication: a reference, as most are
            referring[day].add(article)
        elif published == day:
            same_day[day].add(article)
        else:
            ahead[day].add(article)
        outlets[day].add(outlet or "")
    def count(articles: Any, day: str | None = None) -> float:
        if weights is None and not said:
            return float(len(articles))
        if not articles:
            return 0.0  # (most days have no articles of one kind: the same 0 without a call)
        return sum([  # a list: the same sum in the same order, made faster
            (1.0 if weights is None else weights.get(a, 1.0)) * said.get((day, a), 1.0) for a in articles
        ])

    scores: dict[str, float] = defaultdict(float)
    for day in set(referring) | set(same_day) | set(ahead):
        scores[day] += W_REFERENCE * count(referring[day], day) + W_SAME_DAY * count(same_day[day], day)
        scores[day] += W_AHEAD * count(ahead[day], day) + W_OUTLET * max(0, len(outlets[day]) - 1)
    for day, ids in publications.items():
        if _in_range(day, filters):
            scores[day] += W_PUBLISHED * count(ids)
        previous = _shift(day, -1)
        if previous and _in_range(previous, filters):
            scores[previous] += W_NEXT_DAY * count(ids)
    for day in pinned:
        scores[day] += 1e6  # the reporter's pinned days lead
    return dict(scores)


def sentence_weights(
    events: list[dict[str, Any]], story: list[dict[str, Any]] | None = None
) -> list[float]:
    """How on-story each dated sentence is (0..1), as ``story.article_weights`` weighs an
    article: its content words against the story's, each word counting for how many
    articles use it, next to the median sentence (a sentence at least as typical counts
    whole). The story is ``story``'s sentences (``events`` themselves when not given); each
    is a dict with ``article_id`` and its stored words (``tokens``) or its ``text``."""
    told = events if story is None else story
    centroid = Centroid(_article_frequencies(told))
    # Each sentence's words are read again where needed, not held: at 20,000 articles the
    # bags of every dated sentence would take ~200 MB.
    scores = [centroid.cosine(_words(e)) for e in events]
    typical = None if story is None else [centroid.cosine(_words(e)) for e in story]
    return on_story_weights(scores, typical, floor=OFF_STORY_SENTENCE)


def _article_frequencies(sentences: list[dict[str, Any]]) -> Counter[str]:
    """How many articles use each word, the sentences taken one article at a time so only
    that article's words are held."""

    def bags() -> Iterator[set[str]]:
        article: object = None
        seen: set[str] = set()
        for e in sorted(sentences, key=lambda e: e["article_id"]):
            if e["article_id"] != article:
                yield seen
                article, seen = e["article_id"], set()
            seen.update(_words(e))
        yield seen

    return article_frequencies(bags())


def _words(event: dict[str, Any]) -> Collection[str]:
    """A sentence's distinct content words: its stored ones (``event_words`` keeps each once,
    so they need no set), else its text's."""
    if event.get("tokens"):
        return event["tokens"].split()
    return content_tokens(event.get("text") or "")


def _in_range(day: str, filters: Filters) -> bool:
    if filters.date_from and day < filters.date_from.isoformat():
        return False
    return not (filters.date_to and day > filters.date_to.isoformat())


def _shift(day: str, days: int) -> str | None:
    try:
        return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):  # not a day, or the day before 0001-01-01
        return None


def _tokens(text: str) -> Counter[str]:
    return Counter(
        w[:-1] if len(w) > 4 and w.endswith("s") else w
        for w in _TOKEN.findall(text.lower())
        if w not in _STOP
    )


def _leads(db: Database, article_ids: list[int]) -> list[tuple[int, str, str | None]]:
    """The first sentences of each article (after its headline), cleaned, each with the one
    day it dates itself to (None when it names no date; "" when it names another kind).
    The page's furniture is out of them, as analysis never sees it: a comments page opening
    with "11:28 PM | Report abuse ..." gives no lead, a lead glued to a photo credit
    ("Photograph: Daniel Beltra/Greenpeace The Obama administration waived ...") is the lead
    without the credit."""
    leads: list[tuple[int, str, str | None]] = []
    if not article_ids:
        return leads
    timexes = date_timexes(db, article_ids)
    furniture = furniture_spans(db, article_ids)
    for article_id, title, original in article_texts(db, article_ids):
        taken = 0
        title_norm = " ".join((title or "").split())
        text = blank_furniture(original, furniture.get(article_id, []))
        for start, end in split_spans(text, None):
            sentence = text[start:end]
            if " ".join(sentence.split()) in title_norm or word_count(sentence) < MIN_WORDS:
                continue  # the headline (less any furniture in it), or too short
            values = {v[:10] for s, v in timexes.get(article_id, []) if start <= s < end}
            day = None if not values else (values.pop() if len(values) == 1 else "")
            leads.append((article_id, clean_sentence(sentence), day))
            taken += 1
            if taken >= LEAD_SENTENCES:
                break
    return leads


def _select(candidates: list[_Candidate], k: int, idf: dict[str, float]) -> list[_Candidate]:
    """The k candidates nearest the weighted centroid, skipping near-repeats."""
    centroid: Counter[str] = Counter()
    for c in candidates:
        for word in c.tokens:
            centroid[word] += c.weight * idf.get(word, 1.0)
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    scored = []
    for c in candidates:
        words = c.tokens
        vector = {w: idf.get(w, 1.0) for w in words}
        length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        cosine = sum(centroid[w] * v for w, v in vector.items()) / (norm * length)
        n = word_count(c.text)
        fit = (
            1.0
            if BEST_WORDS[0] <= n <= BEST_WORDS[1]
            else 0.8
            if MIN_WORDS <= n <= MAX_WORDS
            else 0.5
        )
        told = 1.0 - QUOTE_PENALTY * quoted_share(c.text)
        if is_chronology_entry(c.text):
            told *= CHRONOLOGY_ENTRY
        if in_first_person(c.text):
            told *= FIRST_PERSON
        if opens_with_pronoun(c.text):
            told *= PRONOUN_LEAD
        scored.append((cosine * c.weight * fit * told, c))
    scored.sort(key=lambda s: -s[0])
    chosen: list[_Candidate] = []
    for _score, c in scored:
        words = frozenset(c.tokens)
        if any(similarity(words, frozenset(o.tokens)) > REDUNDANCY for o in chosen):
            continue
        chosen.append(c)
        if len(chosen) >= k:
            break
    return chosen


def key_events(
    source: Library | Database,
    n_dates: int,
    per_date: int,
    filters: Filters | None = None,
    *,
    leads: bool = True,
    published_in_range: bool = True,
) -> list[KeyDate]:
    """The ``n_dates`` most important days in the filters' range, ``per_date`` sentences each,
    in date order.

    With ``leads`` the opening sentences of the articles published on a day may tell it (as
    in timeline summarisation, where a day's coverage speaks for the day); without, only
    sentences that date themselves to the day do (the brief: event dates, never report dates).
    With ``published_in_range`` the evidence is the articles published in the date range (the
    timeline-summarisation protocol); without, every article's mentions of days in range.
    """
    db = database_of(source)
    filters = filters or Filters()
    events = _day_events(db, filters, published_in_range)
    publications = (
        _publications(db, filters)
        if published_in_range or not (filters.date_from or filters.date_to)
        else {}
    )
    scores = rank_dates(events, publications, filters)
    ranked = sorted(scores, key=lambda d: (-scores[d], d))
    best = ranked[: max(0, n_dates) * 2]  # spares for days that turn out to have nothing to say
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        if e["date"] in best:
            by_day[e["date"]].append(e)
    lead_ids = sorted({i for day in best for i in publications.get(day, [])}) if leads else []
    leads_by_article: dict[int, list[str]] = defaultdict(list)
    published_on = {i: day for day in best for i in publications.get(day, [])}
    for article_id, sentence, dated in _leads(db, lead_ids):
        # A lead speaks for its publication day unless it dates itself to another one.
        if dated is None or dated == published_on.get(article_id):
            leads_by_article[article_id].append(sentence)
    candidates_by_day: dict[str, list[_Candidate]] = {}
    df: Counter[str] = Counter()
    for day in best:
        candidates: list[_Candidate] = []
        seen: set[str] = set()
        for e in by_day[day]:
            text = as_told(e["text"])
            if text in seen or is_fragment(text) and not e["pinned"]:
                continue  # (the reporter's pin keeps a sentence however it is cut)
            seen.add(text)
            weight = 1.0 if e["anchor"] == "timex" else NARRATIVE_WEIGHT
            if e["planned"]:
                weight *= 0.5
            if e["pinned"]:
                weight *= 3
            candidates.append(_Candidate(text, e["article_id"], weight, _tokens(text)))
        for article_id in publications.get(day, []):
            for lead in leads_by_article.get(article_id, []):
                sentence = as_told(lead)
                if sentence not in seen and not is_fragment(sentence):
                    seen.add(sentence)
                    candidates.append(
                        _Candidate(sentence, article_id, LEAD_WEIGHT, _tokens(sentence))
                    )
        candidates_by_day[day] = candidates
        for c in candidates:
            df.update(set(c.tokens))
    total = sum(len(c) for c in candidates_by_day.values()) or 1
    idf = {w: math.log(1 + total / n) for w, n in df.items()}
    chosen_by_day: dict[str, list[_Candidate]] = {}
    for day in best:
        chosen = _select(candidates_by_day[day], per_date, idf)
        if chosen or per_date == 0:
            chosen_by_day[day] = chosen
        if len(chosen_by_day) >= n_dates:
            break
    chosen_by_day = dict(sorted(chosen_by_day.items()))
    articles = article_info(
        db, sorted({c.article_id for cs in chosen_by_day.values() for c in cs})
    )
    return [
        KeyDate(
            day,
            scores[day],
            [c.text for c in chosen],
            [
                {"article_id": c.article_id, "sentence": c.text} | articles.get(c.article_id, {})
                for c in chosen
            ],
        )
        for day, chosen in chosen_by_day.items()
    ]


def story_day_scores(
    source: Library | Database, filters: Filters | None = None, weights: dict[int, float] | None = None,
    said: dict[tuple[str, int], float] | None = None,
    rows: list[tuple[str, str | None, int, int, str | None]] | None = None,
) -> dict[str, float]:
    """How much the coverage points to each day in range (``rank_dates``): every article's
    mentions of the day, and the articles published on it and the day after, each article
    counting for its ``weights`` (how on-story it is) when given, and a mention for how
    on-story its sentence is (``said``: each article's best on each day, and ``rows``: what
    the ranking reads of each sentence, when already known: ``article_words.StoryWords``)."""
    db = database_of(source)
    filters = filters or Filters()
    events = [] if rows is not None else _day_events(db, filters, published_in_range=False)
    return rank_dates(events, _publications(db, filters), filters, weights, on_story_sentences=True,
                      said=said, rows=rows)
