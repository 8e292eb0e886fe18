"""Happenings: the dated sentences of all clips that report the same thing on the same date.

Topic detection and tracking, per date (Allan et al.'s single-pass clustering): each report
joins the happening whose centroid it is most like, by content words weighted by how rare
they are among that date's reports (a word every report of the day uses — "earthquake" on
the day of the quake — tells nothing about which happening it is), a little more readily
when it names the same people or places; otherwise it starts a happening of its own. Only
happenings that share a rare word, a person or a place with the report are compared (an
inverted index per date), and each sentence is tokenised once, so a busy day costs about
what a quiet one costs per report. Two sentences of one article join only when they
repeat each other; different stories that share a date stay apart because they share no
rare words. Pure: the caller reads and stores.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.timeline.merge import content_tokens

#: Cosine (rare-word weights) between a report and a happening's centroid to join it.
JOIN = 0.36
#: ... when they name a person or a place in common.
JOIN_SHARED_NAME = 0.33
#: ... when both name places and none in common.
PLACES_DIFFER = 0.55
#: Two sentences of one article are one happening only when they say the same thing.
SAME_ARTICLE = 0.7
#: Words used by more than this share of a date's reports do not find candidates.
COMMON_SHARE = 0.15
#: A report that expected what others report done weighs this much as a headline.
PLANNED_HEADLINE = 0.4
#: Sentences of about this many words read best as a headline.
HEADLINE_WORDS = (8, 35)

_PRONOUN_START = re.compile(r"^(?:he|she|they|it|his|her|their|this|that|these|those|but|and)\b", re.I)
_QUOTES = re.compile(r"[\"\u201c\u201d]")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]?")
#: First person outside quotes: a reader's or a blogger's account, not a report.
_FIRST_PERSON = re.compile(r"\b(?:I|we|us|my|our|me)\b")


def stem(word: str) -> str:
    """A light suffix stripper, so "raised", "raises" and "raising" meet."""
    for suffix, keep in (("ing", 4), ("ed", 4), ("es", 4), ("ly", 4), ("s", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def stems(text: str) -> frozenset[str]:
    """The sentence's content words, stemmed: what clustering compares (computed once)."""
    return frozenset(stem(w) for w in content_tokens(text))


@dataclass
class Report:
    """One dated sentence of one article, as clustering needs it."""

    event_id: int
    article_id: int
    outlet: str
    published: str
    text: str
    people: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    tokens: frozenset[str] = frozenset()
    planned: bool = False  # told before it happened ("is likely to raise ... tomorrow")

    def __post_init__(self) -> None:
        if not self.tokens:
            self.tokens = stems(self.text)


@dataclass
class Happening:
    """Reports of one thing on one date; ``headline`` is the one that tells it best."""

    reports: list[Report] = field(default_factory=list)
    headline: Report | None = None
    centroid: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> set[int]:
        return {r.article_id for r in self.reports}

    def outlets(self) -> list[str]:
        """Outlets in the order they first reported it."""
        ordered = sorted(self.reports, key=lambda r: (r.published or "9999", r.event_id))
        return list(dict.fromkeys(r.outlet for r in ordered if r.outlet))


def cluster(reports: Sequence[Report]) -> list[Happening]:
    """The happenings of one date's reports, each with its headline, in report order."""
    if not reports:
        return []
    ordered = sorted(reports, key=lambda r: (r.published or "9999", r.article_id, r.event_id))
    df: Counter[str] = Counter()
    for r in ordered:
        df.update(r.tokens)
    n = len(ordered)
    weight = {w: math.log(1 + n / c) for w, c in df.items()}
    common = max(10, COMMON_SHARE * n)  # on a quiet date every word may find candidates
    happenings: list[Happening] = []
    norms: list[float] = []
    by_word: dict[str, set[int]] = defaultdict(set)
    by_name: dict[str, set[int]] = defaultdict(set)
    for report in ordered:
        vector = {w: weight[w] for w in report.tokens}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        names = report.people | report.places
        candidates: set[int] = set()
        for w in report.tokens:
            if df[w] <= common:
                candidates |= by_word.get(w, set())
        for name in names:
            candidates |= by_name.get(name, set())
        best, target = 0.0, None
        for index in candidates:
            happening = happenings[index]
            score = sum(happening.centroid[w] * v for w, v in vector.items()) / (
                norms[index] * norm
            )
            known = _names(happening)
            shared = bool(names & known)
            needed = JOIN_SHARED_NAME if shared else JOIN
            places = {p for r in happening.reports for p in r.places}
            if report.places and places and not report.places & places:
                needed = max(needed, PLACES_DIFFER)  # "Ireland reported ..." vs "Switzerland ..."
            if report.article_id in happening.articles:
                needed = max(needed, SAME_ARTICLE)
            if score >= needed and score > best:
                best, target = score, index
        if target is None:
            happenings.append(Happening())
            norms.append(1.0)
            target = len(happenings) - 1
        happening = happenings[target]
        happening.reports.append(report)
        for w, v in vector.items():
            happening.centroid[w] += v
        norms[target] = math.sqrt(sum(v * v for v in happening.centroid.values())) or 1.0
        for w in report.tokens:
            if df[w] <= common:
                by_word[w].add(target)
        for name in names:
            by_name[name].add(target)
    for happening, norm in zip(happenings, norms, strict=True):
        happening.headline = headline(happening, weight, norm)
    return happenings


def _names(happening: Happening) -> set[str]:
    return {n for r in happening.reports for n in (*r.people, *r.places)}


def headline(happening: Happening, weight: dict[str, float], norm: float) -> Report:
    """The report most like all the others (nearest the centroid), cleanly cut: a sentence
    of readable length that opens with no unresolved pronoun and closes every quote. With
    fewer than three reports none is more typical than another: the first one reported,
    unless another stands alone better. A happening some report tells as done is not
    headlined by a report that only expected it ("is likely to raise ... tomorrow")."""
    done = not all(r.planned for r in happening.reports)

    def told(r: Report) -> float:
        return cleanliness(r.text) * (PLANNED_HEADLINE if done and r.planned else 1.0)

    if len(happening.reports) < 3:
        order = {id(r): i for i, r in enumerate(happening.reports)}
        return max(happening.reports, key=lambda r: (told(r), -order[id(r)]))

    def score(r: Report) -> tuple[float, int]:
        vector = {w: weight.get(w, 1.0) for w in r.tokens}
        length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        cosine = sum(happening.centroid[w] * v for w, v in vector.items()) / (norm * length)
        return cosine * told(r), -len(r.text)

    return max(happening.reports, key=score)


def cleanliness(text: str) -> float:
    """How well a sentence stands alone as a bullet (1 = as is; lower = needs the article)."""
    words = len(text.split())
    value = 1.0
    if not HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1]:
        value *= 0.7
    if _PRONOUN_START.match(text):
        value *= 0.6
    if len(_QUOTES.findall(text)) % 2 or text.count("(") != text.count(")"):
        value *= 0.5
    if text.endswith("?") or not text[:1].isupper() and not text[:1].isdigit():
        value *= 0.6
    outside = _QUOTED.sub("", text)
    if _FIRST_PERSON.search(outside):
        value *= 0.5
    if _QUOTES.search(text) and len(re.findall(r"\w+", outside)) < 2:
        value *= 0.5  # a quotation alone: who said it is in another sentence
    if "|" in text:
        value *= 0.5
    return value
