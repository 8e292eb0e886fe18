"""Page furniture: the bits of a web page that came along with a pasted article.

Share counters ("0  0"), "Read more" blocks with teaser headlines, "Advertisement", a title
repeated under itself. They are removed from the cleaned text (the original keeps them) so
they don't show up as people, dates or events. Captions are real sentences and stay.
"""

from __future__ import annotations

import re

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
