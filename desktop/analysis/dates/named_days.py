"""The days an article gives its happenings, so "eight days after the quake" can count from one.

News dates a happening once ("the January 12 quake", "Tuesday's earthquake", "the quake
struck on 12 January") and then counts from it ("a week after the disaster", "five days
after the quake hit"). Taken alone such a count is a stretch of time, or is read against
the publication date; counted from the day the article gave its happening, it is a day.
Only the happening's own noun lends its date (an earthquake is a quake): a guess across
nouns ("the flood ... days after the election") would date the wrong thing, and a count
from a happening the article never dated stays a stretch of time.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.analysis.dates.anchoring import is_past_form
from desktop.analysis.dates.lexicon import UNITS, number_value

#: One happening, several names: the head nouns news uses for it interchangeably.
_SAME_HAPPENING = {"earthquake": "quake"}
#: Words that are no happening's head noun: determiners, pronouns, prepositions, verbs of
#: saying (for "the president said on Monday" dates the saying, not the president).
_NOT_HEADS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "my", "your", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "he",
    "she", "it", "they", "we", "i", "you", "who", "which", "when", "where", "after", "before",
    "since", "said", "says", "told", "announced", "reported", "added", "stated", "people",
    "night", "morning", "afternoon", "evening", "day", "week", "month", "year", "last",
    "another", "same", "first", "new", "one", "two", "time",
})

#: After a date: "'s devastating earthquake", " quake" (with a determiner before the date).
_AFTER_DATE = re.compile(r"(?P<poss>\s?['’]s)?\s+(?P<words>(?:[a-z]+(?:-[a-z]+)*\s+){0,2}"
                         r"[a-z]+(?:-[a-z]+)*)")
_THE_BEFORE = re.compile(r"\b(?:the|a|an|this|that)\s+(?:(?:last|past)\s+)?$", re.IGNORECASE)
#: Before a date: "the quake struck on", "the disaster, which struck", "the summit that
#: opened on".
_BEFORE_DATE = re.compile(
    r"\b(?:the|a|an|this|that|last\s+week\s?['’]s)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\s*,?\s+"
    r"(?:(?:that|which)\s+)?(?:(?:had|has|was|were)\s+)?(?P<verb>[a-z]+)\s+"
    r"(?:(?:on|in|at|early|late)\s+)?$")
#: "N <unit> after the quake", "a week after the disaster", "days since the earthquake".
_COUNTED = re.compile(
    r"\s+(?P<dir>after|before|since)\s+(?:the|another|this|that|last\s+week\s?['’]s|"
    r"(?:its|their|his|her)(?=\s))\s+(?P<words>(?:[a-z]+(?:-[a-z]+)*\s+){0,2}"
    r"[a-z]+(?:-[a-z]+)*)")


def _key(word: str) -> str:
    return _SAME_HAPPENING.get(word, word)


def heads_dated(text: str, start: int, end: int) -> list[str]:
    """The nouns a day-precise date at text[start:end] dates: "the January 12 quake",
    "Tuesday's devastating earthquake", "the quake struck on 12 January"."""
    heads: list[str] = []
    folded = text[max(0, start - 70) : end + 60].lower()
    at, stop = start - max(0, start - 70), end - max(0, start - 70)
    after = _AFTER_DATE.match(folded, stop)
    if after and (after["poss"] or folded.startswith("the ", at)
                  or _THE_BEFORE.search(folded, max(0, at - 16), at)):
        for word in after["words"].split():
            if word in _NOT_HEADS or is_past_form(word):
                break
            heads.append(_key(word))
    before = _BEFORE_DATE.search(folded, 0, at)
    if before and is_past_form(before["verb"]) and before["verb"] not in _NOT_HEADS and \
            before["noun"] not in _NOT_HEADS:
        heads.append(_key(before["noun"]))
    return heads


def counted_day(text: str, end: int, count: str, unit: str,
                named: dict[str, dt.date]) -> tuple[dt.date, str, dt.date] | None:
    """The day "<count> <unit>" names when what follows it at *end* counts from a happening
    the article dated ("eight days | after the quake"), with the happening's noun and day;
    else None.

    Days and weeks give a day; other units are no day and give None.
    """
    if not named:
        return None
    folded = text[end : end + 80].lower()
    m = _COUNTED.match(folded)
    if m is None:
        return None
    n = number_value(count)
    code = UNITS.get(unit.lower().rstrip("s"))
    if n is None or not float(n).is_integer() or code not in {"D", "W", "W2", "H"}:
        return None
    days = {"D": 1, "W": 7, "W2": 14}.get(code, 0) * int(n)
    if code == "H":
        if n % 24:
            return None
        days = int(n) // 24
    noun = _noun_in(m["words"], named)
    if noun is None:
        return None
    sign = -1 if m["dir"] == "before" else 1
    try:
        return named[noun] + dt.timedelta(days=sign * days), noun, named[noun]
    except OverflowError:
        return None


def _noun_in(words: str, named: dict[str, dt.date]) -> str | None:
    return next((_key(w) for w in words.split() if _key(w) in named), None)


def counts_from(text: str, end: int, named: dict[str, dt.date]) -> bool:
    """True when what follows *end* counts from one of the *named* happenings ("after the
    quake"): a stretch of time there is worth a second look once the whole article has
    been read, when the happening is dated only further on."""
    m = _COUNTED.match(text[end : end + 80].lower())
    return m is not None and _noun_in(m["words"], named) is not None
