"""Quotations: the stretches of text between quotation marks, found before any parsing.

Marks are paired within a paragraph: “ with ”, " with ", '' with '' (NYT writes both ends
as two apostrophes), `` with '' and ‘ with ’ (headlines quote with single marks; a ’ inside
a word is an apostrophe). Marks of another kind inside an open quotation are quotes within
the quote and are left alone. A quotation left open at the end of a paragraph continues
when the next paragraph opens with a mark: the news convention for a quote running over
several paragraphs; each paragraph is then one piece of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|``|[“”\"‘’]")
_CLOSERS = {"“": ("”", '"'), '"': ('"', "”"), "''": ("''", "”"), "``": ("''", "”"),
            "‘": ("’",), "”": ("”", '"', "“")}


@dataclass(frozen=True)
class Quotation:
    """Pieces (start, end) of one quotation, marks included; ``closed`` if it was closed."""

    pieces: tuple[tuple[int, int], ...]
    closed: bool

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: news paragraphs are one line each."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def _opens(text: str, mark: str, at: int) -> bool:
    if mark == "”":  # a paragraph opened with a closing mark (a typo) still opens a quote
        before = text[at - 1] if at else "\n"
        after = text[at + 1] if at + 1 < len(text) else " "
        return before == "\n" and after.isalnum()
    if mark == "’":
        return False
    if mark == "‘":  # an opening single mark follows a space and precedes a word
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        return (before.isspace() or before in "“\"(—–-:") and after.isalnum()
    return True


def _closes(text: str, opener: str, mark: str, at: int) -> bool:
    if mark not in _CLOSERS[opener]:
        return False
    if mark == "’":  # an apostrophe sits between letters ("don’t"); a closing mark does not
        after = text[at + 1] if at + 1 < len(text) else " "
        return not after.isalnum()
    return True


def _in_paragraph(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Quotations of one paragraph as (start, end, closed)."""
    found: list[tuple[int, int, bool]] = []
    opener: tuple[str, int] | None = None
    for match in _MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if opener is None:
            if _opens(text, mark, at):
                opener = (mark, at)
        elif _closes(text, opener[0], mark, at):
            close = match.end()
            while close < end and text[close] in "'’":
                close += 1  # three marks: a quote within the quote closes too
            if _has_words(text, opener[1], close):
                found.append((opener[1], close, True))
            opener = None
    if opener is not None and _has_words(text, opener[1], end):
        found.append((opener[1], end, False))
    return found


def _has_words(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation in ``text``, in order, joined over paragraphs where it runs on."""
    quotations: list[Quotation] = []
    running: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        found = _in_paragraph(text, p_start, p_end)
        if running:
            first = found[0] if found else None
            if first and text[p_start:first[0]].strip() == "":
                running.append(first[:2])
                found = found[1:]
                if first[2]:
                    quotations.append(Quotation(tuple(running), True))
                    running = []
            else:
                quotations.append(Quotation(tuple(running), False))
                running = []
        for q_start, q_end, closed in found:
            if closed:
                quotations.append(Quotation(((q_start, q_end),), True))
            else:
                running = [(q_start, q_end)]
    if running:
        quotations.append(Quotation(tuple(running), False))
    return quotations

