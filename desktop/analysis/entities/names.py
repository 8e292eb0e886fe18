"""The surface of a mention: possessives, titles, stray punctuation, fragments, shouting.

spaCy's spans are often a little off for news text: "Medinsky's", "Mr Smith", "Peskov,"
or a name cut across a line break. These helpers trim a span to the name itself and
recognise spans that cannot be a person's name at all.
"""

from __future__ import annotations

import re

#: Titles written before a name ("Mr Smith", "Dr. Jones", "Sen. Warren"); lower case, no dot.
HONORIFICS = frozenset(
    "mr mrs ms miss mx dr sir dame lord lady prof rev fr sen rep gov gen col lt sgt capt maj "
    "adm cmdr cpl pte insp supt det hon rt messrs mme mlle herr frau sheikh baroness baron "
    "countess earl viscount".split()
)

#: Generation suffixes kept in a name but not a surname ("Martin Luther King Jr.").
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())

_POSSESSIVE = re.compile(r"\s*['’`]s?$", re.IGNORECASE)
_LEAD_JUNK = re.compile(r"^[\W_]+")
_TAIL_JUNK = re.compile(r"(?:[^\w.)]|(?<=\w\w)\.)+$")
_WORD = re.compile(r"[^\W\d_][\w’'.-]*", re.UNICODE)


def strip_possessive(text: str) -> str:
    """ "Medinsky's" -> "Medinsky", "Moscow’s" -> "Moscow", "Jesus'" -> "Jesus"."""
    if text.endswith(("'", "’", "`")) and not text[:-1].endswith(("s", "S")):
        return text
    return _POSSESSIVE.sub("", text)


def trim_span(source: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``source[start:end]`` to the name: no possessive, edge punctuation or space.

    A span crossing a line break keeps its first line (spaCy sometimes glues a headline to
    the next paragraph).
    """
    while start < end:
        before = (start, end)
        text = source[start:end]
        lead = _LEAD_JUNK.match(text)
        if lead:
            start += lead.end()
            text = source[start:end]
        newline = text.find("\n")
        if newline > 0:
            end = start + newline
            text = source[start:end]
        end = start + len(strip_possessive(text))
        tail = _TAIL_JUNK.search(source[start:end])
        if tail:
            end = start + tail.start()
        if (start, end) == before:
            break
    return start, max(start, end)


def is_honorific(word: str) -> bool:
    return word.rstrip(".").casefold() in HONORIFICS


def is_shouting(text: str) -> bool:
    """All capitals (headline or table noise) rather than a name in running text."""
    if text.isascii() and not text.isupper():
        return False  # a lower-case letter, or no letter: the common case, said at C speed
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_fragment(text: str) -> bool:
    """A span that cannot be a person's name: no capital, digits, handles, lone initials..."""
    tokens = text.split()
    if not tokens or len(text) < 2:
        return True
    if not text[0].isupper():
        return True
    if any(c.isdigit() for c in text) or any(c in text for c in "@#/\\|=+<>[]{}_"):
        return True
    if "http" in text.casefold() or "www." in text.casefold():
        return True
    if len(tokens) > 5:
        return True
    capitalised = [t for t in tokens if t[0].isupper()]
    if len(capitalised) < (len(tokens) + 1) // 2:
        return True
    if all(is_honorific(t) or len(t.rstrip(".")) <= 1 for t in tokens):
        return True
    return not _WORD.search(text)


def name_parts(name: str) -> list[str]:
    """A name's words without honorifics or generation suffixes."""
    return [w for w in name.split() if not is_honorific(w) and w.casefold() not in SUFFIXES]


def surname(name: str) -> str | None:
    """The last proper word of a full name, or None for a one-word name."""
    parts = [p for p in name_parts(name) if len(p.rstrip(".")) > 1]
    if len(parts) < 2:
        return None
    return parts[-1]
