"""Page furniture: the bits of a web page that came along with a pasted article.

Share counters ("0  0"), "Read more" blocks with teaser headlines, "Advertisement", a title
repeated under itself. They are removed from the cleaned text (the original keeps them) so
they don't show up as people, dates or events. Captions are real sentences and stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_COUNTER = re.compile(r"^[\s\d.,kKmM]+$")  # "0  0", "12 3", "1.2k"
_FURNITURE = re.compile(
    r"^\s*(read more|read also|see also|related|related articles|more on this|"
    r"share|share this|share this article|tweet|email|print|advertisement|sponsored|"
    r"subscribe|sign up|follow us|comments?|\d+ comments?|show comments|"
    r"click here|continue reading|listen to this article|skip to content)\s*[:.…]?\s*$",
    re.I,
)
_TEASER_BLOCK_START = re.compile(r"^\s*(read more|read also|see also|related|more on this)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?…»”\"')]\s*$")
MAX_TEASER_WORDS = 16


def is_headline_like(line: str) -> bool:
    """A short line with no sentence ending: a teaser headline rather than article prose."""
    words = line.split()
    return 0 < len(words) <= MAX_TEASER_WORDS and not _SENTENCE_END.search(line)


def remove_furniture(lines: list[str], *, title: str = "") -> list[str]:
    """The lines without furniture. Line order and prose are untouched."""
    kept: list[str] = []
    in_teasers = False
    title_key = _key(title)
    for line in lines:
        stripped = line.strip()
        if not stripped:
            in_teasers = False
            kept.append("")
            continue
        if _TEASER_BLOCK_START.match(stripped) and _FURNITURE.match(stripped):
            in_teasers = True
            continue
        if _COUNTER.match(stripped) or _FURNITURE.match(stripped):
            continue
        if title_key and _key(stripped) == title_key:
            continue  # the headline repeated under itself
        if in_teasers and is_headline_like(stripped):
            continue
        kept.append(line.rstrip())
    return kept


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def join_paragraphs(lines: list[str]) -> str:
    """Lines back to text with at most one blank line between paragraphs."""
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


# -- furniture left inside the text: found as spans, kept in the text, ignored by analysis ----

_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:[A-Z]{2,4}|local|UK time|ET))?"
_DATE_WORDS = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*"
    r"(?:\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:\d{4})?"
)
#: A stamp with a pipe: a reader comment's or a blog entry's header ("March 1, 2011 at 6:20 pm |",
#: "Dave Lee | 14:19 UK time, Monday, 25 January 2010").
_PIPE_STAMP = re.compile(
    rf"(?:^|(?<=\s))[^|\n]{{0,60}}\|\s*(?:{_CLOCK}|{_DATE_WORDS})[^|\n]{{0,60}}?(?:\d{{4}}|{_CLOCK})\s*\|?"
    rf"|(?:{_DATE_WORDS})\s*(?:at\s*)?{_CLOCK}\s*\|",
    re.I,
)
#: A live page's update stamp opening a line or standing in brackets: "(Updated: 1:09 a.m.
#: Monday, Libya; 6:09 p.m. Sunday ET)", "LIBYA, 3:29 p.m. ET, 10:29 p.m. local:", "1851 ".
_UPDATED = re.compile(r"\(\s*(?:last\s+)?updated(?::|\s+at|\s+on)[^)\n]{0,100}\)", re.I)
_LEADING_STAMP = re.compile(
    rf"^(?:[A-Z][A-Za-z .'-]{{1,30}},\s*)?{_CLOCK}(?:\s*[,;/]\s*{_CLOCK})*\s*[:|\u2013\u2014-]\s*(?=\S)"
    r"|^(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:GMT|BST|local))?\s+(?=[A-Z][a-z])",
    re.I,
)
#: A picture agency's label before a caption: "AP FILE: President Obama talks with ...". The
#: label is the page's; the caption after it is the story's (a photo's dated caption, "May 5:
#: A ship enters the Gulf ...", tells what happened that day, like a chronology's line).
_AGENCY_LABEL = re.compile(
    r"^\s*(?:AP|AFP|Reuters|Getty(?: Images)?)\s+(?:FILE|PHOTO)(?:\s+PHOTO)?\s*:(?=\s+\S)", re.I
)
#: A caption's credit left in the text: "Photo: Martin Harrison", "Picture: AFP/Getty".
_CREDIT_NAME = r"(?!(?:The|An?|In|On|At|By|For|As|It|He|She|They|This|Some)\b)[A-Z][\w.'-]+"
#: ... and the agencies joined to it by slashes ("Daniel Beltra/Greenpeace", "Stan Honda/AFP/
#: Getty Images"; a scraped page may escape the slash: "Beltra\\/Greenpeace"), each one word or
#: a word and a generic tail ("Getty Images", "Associated Press"), so the caption's first
#: capitalised word after it ("...Reuters Another $2.4bn was wiped") stays the sentence's.
_CREDIT = re.compile(
    rf"\b(?:Photo(?:graph)?|Picture|Image|Video|Pic)s?\s*:\s*{_CREDIT_NAME}(?:\s+{_CREDIT_NAME}){{0,2}}"
    r"(?:\s*\\?/\s*[A-Z][\w.'-]*(?:\s+(?:Images|Press|Pictures|Photos?|Agency)\b)?)*(?:\s+|$)"
)
#: Lines that are a page's own voice: widgets, comment forms, media players, wire bylines,
#: transcript notices, legal lines.
_WIDGET_LINE = re.compile(
    r"^\s*(?:reply|report abuse|recommend(?:ed)?|retweet|like|flag|permalink|share on \w+|"
    r"e-?mail this(?: to a friend)?|print this|posted by\b.*|comments?\s*\(\d+\)|"
    r"\d+\s+(?:people\s+)?(?:recommend|like)\w*)\s*[:.|]?\s*$",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:[Bb]y|[Ff]rom)\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|and|of|the|&|,))*"
    r"(?:\s*[,/]\s*[A-Z][\w ]{0,30})?\s*$"
)
_PLAYER = re.compile(
    r"javascript|flash player|media (?:is|are) not available|can ?not play (?:this )?media", re.I
)
_PAGE_VOICE = re.compile(
    r"(?:rush )?transcript|all rights reserved|may not be (?:published|broadcast|reproduced)|"
    r"\bcopyright\b|\u00a9|terms of (?:use|service)|privacy policy|rules of conduct|"
    r"will not be (?:displayed|published)|not all (?:e-?mails|comments) will be published|"
    r"(?:your|post a|add a|send us your|have your) (?:comments?|say|views?|stories|pictures)|"
    r"click here|sign up|subscribe|follow us|running order",
    re.I,
)
_STAMP_FIRST = re.compile(rf"(?:{_DATE_WORDS}|{_CLOCK})", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.I)
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")
MAX_VOICE_WORDS = 40


@dataclass(frozen=True)
class Furniture:
    """A stretch of an article's text that is the page's, not the story's."""

    start: int
    end: int
    kind: str  # comment | stamp | widget | byline | page | repeated


def furniture_spans(text: str) -> list[Furniture]:
    """The furniture inside an article's text, found by its shape: comment and blog stamps
    with pipes, live-page update stamps, widget lines, bylines, and lines in the page's own
    voice (media players, comment forms, transcript and legal notices)."""
    found: list[Furniture] = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group(0)
        start = line.start()
        stripped = body.strip()
        if not stripped:
            continue
        if _line_is_furniture(stripped):
            found.append(Furniture(start, line.end(), _line_kind(stripped)))
            continue
        # Both shapes of a pipe stamp hold a pipe; without one the (slow) pattern can't match.
        for m in _PIPE_STAMP.finditer(body) if "|" in body else ():
            if not body[: m.start()].strip() and _STAMP_FIRST.match(m.group(0).strip()):
                # "March 1, 2011 at 6:20 pm | Yes we should ...": a reader comment, all of it
                found.append(Furniture(start + m.start(), line.end(), "comment"))
                break
            found.append(Furniture(start + m.start(), start + m.end(), "comment"))
        for m in _CREDIT.finditer(body):
            found.append(Furniture(start + m.start(), start + m.end(), "credit"))
        if m := _AGENCY_LABEL.match(body):
            found.append(Furniture(start + m.start(), start + m.end(), "credit"))
        for m in _UPDATED.finditer(body):
            found.append(Furniture(start + m.start(), start + m.end(), "stamp"))
        lead = len(body) - len(body.lstrip())
        if m := _LEADING_STAMP.match(body[lead:]):
            found.append(Furniture(start + lead, start + lead + m.end(), "stamp"))
    return _merged(found)


def _line_is_furniture(line: str) -> bool:
    if _WIDGET_LINE.match(line) or _BYLINE.match(line) and len(line.split()) <= 8:
        return True
    words = len(line.split())
    if words > MAX_VOICE_WORDS:
        return False
    if _found(_PLAYER, line):
        return True
    unquoted = _QUOTED.sub("", line)
    return _found(_PAGE_VOICE, unquoted) and (
        words <= 12 or _found(_SECOND_PERSON, unquoted) or "transcript" in unquoted.lower()
    )


@cache
def _twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """An IGNORECASE pattern written all in lower case, without IGNORECASE (which keeps
    ``re`` from skipping ahead to its words, several times slower), or None."""
    if not pattern.flags & re.IGNORECASE or pattern.pattern != pattern.pattern.lower():
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _found(pattern: re.Pattern[str], line: str) -> bool:
    """``pattern.search(line)`` found something: on ASCII text its twin searching the text
    lowered finds the same (the letters IGNORECASE folds beyond ASCII are not in it)."""
    twin = _twin(pattern)
    if twin is not None and line.isascii():
        return twin.search(line.lower()) is not None
    return pattern.search(line) is not None


def _line_kind(line: str) -> str:
    if _WIDGET_LINE.match(line):
        return "widget"
    if _BYLINE.match(line):
        return "byline"
    return "page"


def _merged(spans: list[Furniture]) -> list[Furniture]:
    spans.sort(key=lambda f: (f.start, -f.end))
    out: list[Furniture] = []
    for span in spans:
        if out and span.start < out[-1].end:
            if span.end > out[-1].end:
                out[-1] = Furniture(out[-1].start, span.end, out[-1].kind)
            continue
        out.append(span)
    return out


def blank_furniture(text: str, spans: list[Furniture] | list[tuple[int, int]]) -> str:
    """The text with its furniture blanked (same length, line breaks kept), for analysis:
    offsets stay those of the stored text, and nothing in furniture is seen."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        start, end = (span.start, span.end) if isinstance(span, Furniture) else span
        for i in range(max(0, start), min(len(chars), end)):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
