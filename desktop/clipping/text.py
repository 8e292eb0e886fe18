"""Pasted or plain text (.txt, .md) to an ``Article``.

The first line is the title; a dateline near the top gives the publication date; page
furniture is removed from the cleaned text while the original is kept as it came.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.clipping.article import Article
from desktop.clipping.dateline import find_dateline
from desktop.clipping.errors import ClipError
from desktop.clipping.furniture import join_paragraphs, remove_furniture
from desktop.clipping.limits import MAX_LINE_CHARS, MAX_TEXT_CHARS
from desktop.timex_calendar import precision_of

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Bidirectional embedding/override/isolate controls: invisible, and able to make a title
#: or sentence display in a different order than it reads ("Trojan Source").
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def normalise_text(text: str) -> str:
    """Unicode NFC, Unix newlines, no control characters: what every clipper stores."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _BIDI_CONTROL.sub("", _CONTROL.sub("", text))
    return unicodedata.normalize("NFC", text)


def clean_line(text: str | None) -> str:
    """A title, author or site name: normalised, on one line, no invisible controls."""
    return " ".join(normalise_text(text or "").split())


def printable(text: str) -> str:
    """A file name or URL safe to print on a terminal: control characters (newlines, escape
    sequences that retitle the window or fake an outcome line) shown as ``\\n``, ``\\x1b``."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def check_text(text: str, *, what: str = "text") -> None:
    if not text.strip():
        raise ClipError(f"{what} is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise ClipError(f"{what} is too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})")
    if max((len(line) for line in text.split("\n")), default=0) > MAX_LINE_CHARS:
        raise ClipError(f"{what} has a line of over {MAX_LINE_CHARS:,} characters: not article text")


def clip_text(
    raw: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source_path: str | None = None,
    what: str = "text",
) -> Article:
    """An article from plain text. ``title``/``published`` given by the user win."""
    text = normalise_text(raw)
    check_text(text, what=what)
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    first_line = clean_line(_MARKDOWN_HEADING.sub("", lines[first]))
    body = lines[first + 1 :] if not title else lines[first:]
    found_title = clean_line(title) or first_line
    article = Article(text="", original=raw, original_type="text", title=found_title[:500],
                      url=url, source_path=source_path)
    dateline = find_dateline(body)
    if dateline is not None:
        body = body[: dateline.line_index] + body[dateline.line_index + 1 :]
    if published:
        article.published, article.published_precision = published, published_precision(published)
        article.published_source = "user"
    elif dateline is not None:
        article.published, article.published_precision = dateline.value, dateline.precision
        article.published_source = "dateline"
    cleaned = join_paragraphs(remove_furniture(body, title=found_title))
    if not cleaned.strip():
        cleaned = join_paragraphs(remove_furniture(lines))
    if not cleaned.strip():
        raise ClipError(f"{what} has no article text (only a title or page furniture)")
    article.text = cleaned
    return article


def published_precision(iso: str) -> str:
    """How precise a publication date is, as stored in ``published_precision``: "year",
    "month" or "day" as the calendar places it (``desktop.timex_calendar``), else "minute" (a
    timestamp)."""
    if "T" not in iso and (precision := precision_of(iso)) in ("year", "month", "day"):
        return precision
    return "minute"
