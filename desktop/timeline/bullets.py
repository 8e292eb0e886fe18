"""A happening's sentence as a bullet that stands alone.

A bullet never opens with a live-blog stamp ("LIBYA, 3:29 p.m. ET:", "(Updated: 1:09 a.m.
Monday ...)"), never with a bare "he"/"she" when the article names the person (the name goes
in brackets, as an editor marks an insertion: "[Gaddafi] told ABC"), and never opens a quote
it does not close.
"""

from __future__ import annotations

import re

from desktop.timeline.timeline_event import TimelineEvent

_CLOCK = r"\d{1,2}(?::|\.)\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:[A-Z]{2,4}T?|local|GMT|ET))?"
#: "LIBYA, 3:29 p.m. ET, 10:29 p.m. local:" or "3:29 p.m.:" opening a sentence.
_LEADING_STAMP = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z .'-]{{1,30}},\s*)?{_CLOCK}(?:\s*[,/;]\s*{_CLOCK})*\s*[:\-\u2013\u2014|]\s*"
)
#: "(Updated: 1:09 a.m. Monday, Libya; 6:09 p.m. Sunday ET)" anywhere.
#: A live page's "1851 " (hhmm) opening an entry.
_HHMM = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:GMT|BST|local))?\s+(?=[A-Z])")
#: A crosshead glued to the sentence after it: "PASSENGERS URGED TO COME FORWARD The man ...".
_CROSSHEAD = re.compile(r"^(?:[A-Z][A-Z'\u2019-]+[ ,]+){2,}(?=[A-Z][a-z])")
_UPDATED = re.compile(r"\(?\s*(?:Last )?Updated(?::| at| on)\s[^)]{0,80}\)?\s*", re.I)
#: "He said ..." or "In a post on Telegram on Wednesday, he said ...": the subject pronoun
#: before any name.
#: A dated caption's or chronology line's label: "May 5: A ship enters ...", "5 May - ...".
_DAY_LABEL = re.compile(
    r"^\s*(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8}))"
    r"(?:,?\s+\d{4})?\s*[:\u2013\u2014-]\s+(?=\S)"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PRONOUN = re.compile(r"^(?:[^,\"\u201c]{0,80},\s*)?(?P<pronoun>[Hh]e|[Ss]he)\b(?=\s+\w)")


def clean_bullet(event: TimelineEvent) -> str:
    """The event's text as a bullet (the stored text is left as it is)."""
    text = _UPDATED.sub("", event.text).strip()
    text = _LEADING_STAMP.sub("", text, count=1).strip()
    text = _HHMM.sub("", text, count=1)
    text = _CROSSHEAD.sub("", text, count=1)
    text = _without_own_day_label(text, event.date)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    text = _name_the_pronoun(text, event.people)
    return _close_quotes(text) or event.text


def _without_own_day_label(text: str, date: str) -> str:
    """A label naming the bullet's own day goes: the heading or the key event's date says it
    ("May 5: A ship enters ..." under 5 May). A label naming another day stays."""
    m = _DAY_LABEL.match(text)
    if not m or len(date) != 10:
        return text
    month = (m["m1"] or m["m2"])[:3].lower()
    day = int(m["d1"] or m["d2"])
    if month not in _MONTHS or (_MONTHS.index(month) + 1, day) != (int(date[5:7]), int(date[8:10])):
        return text
    return text[m.end() :]


def _name_the_pronoun(text: str, people: list[str]) -> str:
    match = _PRONOUN.match(text)
    if not match or not people:
        return text
    surname = people[0].split()[-1]
    if surname in text:
        return text  # named in the sentence: "He, Medinsky said, ..." reads as is
    at = match.start("pronoun")
    name = f"[{surname}]"
    return text[:at] + name + text[match.end("pronoun") :]


def _close_quotes(text: str) -> str:
    opened = text.count("\u201c") - text.count("\u201d")
    if opened > 0:
        text = text.rstrip() + "\u201d" * opened
    if text.count('"') % 2:
        text = text.rstrip() + '"'
    return text


def bullet_length(text: str, date: str = "") -> int:
    """How many words ``clean_bullet`` leaves of ``text`` dated ``date``, whoever its people
    are: a bare "he"/"she" becomes one "[Surname]", closing a quote adds no word."""
    cleaned = _UPDATED.sub("", text).strip()
    cleaned = _LEADING_STAMP.sub("", cleaned, count=1).strip()
    cleaned = _HHMM.sub("", cleaned, count=1)
    cleaned = _CROSSHEAD.sub("", cleaned, count=1)
    cleaned = _without_own_day_label(cleaned, date)
    return len((cleaned or text).split())
