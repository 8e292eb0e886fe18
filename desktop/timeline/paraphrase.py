"""Paraphrases of one happening: a second, looser pass over one date's happenings.

Single-pass clustering (``happenings.cluster``) joins reports that use the same words. Outlets
word one happening differently: "raised its pandemic alert to Level 4" and "raised its threat
level to phase four", "increased its alert to five" and "raised the alert level from 4 to 5".
This pass reads them closer to what they say: number words are numbers ("four" is "4"; a
day of the month or a clock time is no number here), a few words news copy uses for one
thing are one word (raise/increase/lift, level/phase/stage, killed/died/dead), and
abbreviations in capitals (WHO, CDC, UN) count as words, not as the pronoun "who".

Two happenings of the date are one when these words, weighted by how rare they are among the
date's happenings, are alike (cosine), and they share at least two of the date's rare words,
one of them a number, an abbreviation, a person or a place (or three rare words). Reports
that share an article stay apart (the first pass already decided about those), and so do
happenings naming places with none in common. Pure.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from desktop.timeline.happenings import Happening, headline, stem
from desktop.timeline.merge import content_tokens

#: Cosine of the rare-word vectors for two happenings to be one.
LOOSE_JOIN = 0.25
#: A word in more than this share of the date's happenings is not rare (at least 3).
RARE_SHARE = 0.1
#: Shared rare words needed: two with an anchor (number, abbreviation, name), else three.
SHARED_WITH_ANCHOR, SHARED_WITHOUT = 2, 3

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
}
#: Words news copy uses for one thing (after stemming), read as one.
SAME_THING = {
    "increas": "rais", "lift": "rais", "boost": "rais", "hik": "rais", "rais": "rais",
    "phas": "level", "stag": "level", "level": "level",
    "dead": "die", "death": "die", "di": "die", "died": "die", "kill": "die", "killed": "die",
    "fatal": "die", "tremor": "quake", "earthquak": "quake", "aftershock": "quake",
}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: Numbers that are dates or clock times, not amounts: "April 29", "29 April", "6:05".
_NOT_AMOUNTS = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|\b\d{{1,2}}[:.]\d\d\b"
    r"|\b(?:1[89]|20)\d\d\b",
    re.I,
)
_NUMBER = re.compile(r"\b(\d[\d,.]*\d|\d|" + "|".join(NUMBER_WORDS) + r")\b", re.I)
_ABBREVIATION = re.compile(r"\b[A-Z]{2,6}\b")
#: Capitals that tell the time, not who: "18:00 GMT", "9 am EDT".
_TIME_ZONES = frozenset("AM PM GMT UTC BST CET EST EDT CST CDT PST PDT MST MDT ET PT JST".split())


def words_of(text: str) -> frozenset[str]:
    """What the loose pass compares: stems with one word per thing, numbers as "#4",
    abbreviations as written."""
    found = set()
    for word in content_tokens(text):
        if word in NUMBER_WORDS:
            continue
        base = stem(word)
        found.add(SAME_THING.get(base, base))
    for m in _NUMBER.finditer(_NOT_AMOUNTS.sub(" ", text)):
        value = m.group(1).lower()
        found.add("#" + NUMBER_WORDS.get(value, value.replace(",", "")))
    found.update(a for m in _ABBREVIATION.finditer(text) if (a := m.group(0)) not in _TIME_ZONES)
    return frozenset(found)


def _anchor(word: str) -> bool:
    return word.startswith("#") or word.isupper()


def paraphrase_groups(
    texts: Sequence[str],
    articles: Sequence[set[int]],
    names: Sequence[set[str]],
    places: Sequence[set[str]],
) -> list[list[int]]:
    """Which of one date's happenings (given by their reports' joined text, articles, names
    and places) are one: groups of indices, each in index order, groups by first index."""
    n = len(texts)
    bags = [words_of(t) for t in texts]
    df: Counter[str] = Counter(w for bag in bags for w in bag)
    rare = max(3.0, RARE_SHARE * n)
    weight = {w: math.log(1 + n / c) for w, c in df.items()}
    norms = [math.sqrt(sum(weight[w] ** 2 for w in bag)) or 1.0 for bag in bags]
    by_word: dict[str, list[int]] = {}
    for index, bag in enumerate(bags):
        for w in bag:
            if df[w] <= rare:
                by_word.setdefault(w, []).append(index)
    pairs: list[tuple[float, int, int]] = []
    for i, bag in enumerate(bags):
        candidates = {j for w in bag if df[w] <= rare for j in by_word[w] if j > i}
        for j in candidates:
            if articles[i] & articles[j]:
                continue
            if places[i] and places[j] and not places[i] & places[j]:
                continue
            shared = {w for w in bag & bags[j] if df[w] <= rare}
            anchored = any(_anchor(w) for w in shared) or bool(names[i] & names[j])
            if len(shared) < (SHARED_WITH_ANCHOR if anchored else SHARED_WITHOUT):
                continue
            cosine = sum(weight[w] ** 2 for w in bag & bags[j]) / (norms[i] * norms[j])
            if cosine >= LOOSE_JOIN:
                pairs.append((cosine, i, j))
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _cosine, i, j in sorted(pairs, reverse=True):
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for index in range(n):
        groups.setdefault(root(index), []).append(index)
    return [groups[k] for k in sorted(groups)]


def merge_paraphrases(happenings: Sequence[Happening]) -> list[Happening]:
    """One date's happenings (``happenings.cluster``) with paraphrases of one happening made
    one, its headline chosen again among all its reports."""
    if len(happenings) < 2:
        return list(happenings)
    groups = paraphrase_groups(
        [" ".join(r.text for r in h.reports) for h in happenings],
        [h.articles for h in happenings],
        [{n for r in h.reports for n in r.people} for h in happenings],
        [{n for r in h.reports for n in r.places} for h in happenings],
    )
    if all(len(g) == 1 for g in groups):
        return list(happenings)
    df: Counter[str] = Counter(w for h in happenings for r in h.reports for w in r.tokens)
    total = sum(len(h.reports) for h in happenings)
    weight = {w: math.log(1 + total / c) for w, c in df.items()}
    merged: list[Happening] = []
    for group in groups:
        if len(group) == 1:
            merged.append(happenings[group[0]])
            continue
        one = Happening()
        for index in group:
            one.reports += happenings[index].reports
            one.centroid.update(happenings[index].centroid)
        norm = math.sqrt(sum(v * v for v in one.centroid.values())) or 1.0
        one.headline = headline(one, weight, norm)
        merged.append(one)
    return merged
