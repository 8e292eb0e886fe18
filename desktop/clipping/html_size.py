"""How much text a page holds, counted before it is parsed.

Parsing is what costs: lxml and trafilatura hold several copies of a page's tree, so a 19 MB
page used 0.9 GB before its text was found too long and refused. Counting the characters
outside markup is one linear pass in a few MB, so a page whose text could never be accepted
is refused before any tree is built.
"""

from __future__ import annotations

import re

#: Where a stretch of markup whose inside is not text begins: a script, a style, a comment.
_OPENER = re.compile(r"<(?:(script|style)\b|!--)", re.I)
_CLOSER = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}
#: A tag, or a character reference (counted as nothing: it may stand for a space).
_TAG = re.compile(r"<[^<>]*>|&#?\w{1,10};")
_SPACES = " \t\n\r\f\v\xa0"


def text_chars(html: str) -> int:
    """Characters of text outside tags, scripts, styles and comments, whitespace not counted.

    A lower bound of the text any extraction can find in the page (trafilatura takes only
    the main part); every step moves forward, so a page of unclosed comments stays linear.
    """
    total, pos, size = 0, 0, len(html)
    while pos < size:
        opener = _OPENER.search(html, pos)
        stop = opener.start() if opener else size
        total += _plain_chars(html[pos:stop])
        if opener is None:
            break
        if opener.group(1):
            closer = _CLOSER[opener.group(1).lower()].search(html, opener.end())
            pos = closer.end() if closer else size
        else:
            end = html.find("-->", opener.end())
            pos = end + 3 if end != -1 else size
    return total


def _plain_chars(segment: str) -> int:
    text = _TAG.sub("", segment)
    return len(text) - sum(text.count(space) for space in _SPACES)
