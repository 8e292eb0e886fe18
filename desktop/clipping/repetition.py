"""Furniture found by repetition: a line that recurs verbatim at the top or bottom of several
clips of one outlet is the outlet's page, not its story ("To play this content ...", a
comment-form notice, a recurring sidebar, a newsletter plug).

Wire copy repeats real background paragraphs too, and an updated story repeats most of its
earlier version; furniture sits at the edges of the clip (its first or last lines) and
recurs in clips that otherwise have little in common, so only such lines count. A plug
glued to the end of a varying last line ("... contributed to this report Sign up for free
e-mail news alerts", "<teaser headlines> Sign up for ...") recurs as the line's ending, not
the whole line: such an ending, with the unfinished sentence it closes, counts too. Pure: the
caller reads the outlet's clips and stores the spans.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from desktop.clipping.furniture import Furniture

MIN_CLIPS = 3
#: Lines this near the top or bottom of a clip are at its edges.
HEAD_LINES, TAIL_LINES = 2, 3
EDGE_SHARE = 2 / 3
#: Clips sharing more than this share of their lines are versions of one story.
SAME_STORY = 0.2
MAX_WORDS = 30
#: A recurring ending of a last line is this many words (short endings recur by chance).
TAIL_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def line_key(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().casefold()


def repeated_furniture(clips: Iterable[tuple[int, str]]) -> dict[int, list[Furniture]]:
    """Spans of the lines that recur at the edges of at least ``MIN_CLIPS`` of these clips
    (one outlet's), by article id."""
    where: dict[str, list[tuple[int, int, int, bool]]] = defaultdict(list)
    keys: dict[int, set[str]] = {}
    for article_id, text in clips:
        lines = [m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
        seen: set[str] = set()
        tails: set[str] = set()
        for index, m in enumerate(lines):
            key = line_key(m.group(0))
            if not key or key in seen:
                continue
            if index >= len(lines) - TAIL_LINES and (ending := _ending(m)) is not None:
                tail, start = ending
                if tail not in tails:  # kept out of the line sets compared below
                    tails.add(tail)
                    where[tail].append((article_id, start, m.end(), True))
            if len(key.split()) > MAX_WORDS:
                continue
            seen.add(key)
            keys[article_id] = seen
            edge = index < HEAD_LINES or index >= len(lines) - TAIL_LINES
            where[key].append((article_id, m.start(), m.end(), edge))
    found: dict[int, list[Furniture]] = defaultdict(list)
    for key, places in where.items():
        if len(places) < MIN_CLIPS:
            continue
        if sum(1 for *_rest, edge in places if edge) < EDGE_SHARE * len(places):
            continue
        if _versions_of_one_story([keys.get(p[0], set()) - {key} for p in places[:8]]):
            continue
        for article_id, start, end, _edge in places:
            found[article_id].append(Furniture(start, end, "repeated"))
    return {article_id: _outermost(spans) for article_id, spans in found.items()}


def _outermost(spans: list[Furniture]) -> list[Furniture]:
    """The spans not inside another (a whole recurring line and its recurring ending)."""
    ordered = sorted(spans, key=lambda f: (f.start, -f.end))
    kept: list[Furniture] = []
    for span in ordered:
        if not kept or span.end > kept[-1].end:
            kept.append(span)
    return kept


def _ending(line: re.Match[str]) -> tuple[str, int] | None:
    """The key of a line's last ``TAIL_WORDS`` words and where the sentence they end starts
    (the line's start when no sentence ends before them)."""
    words = list(re.finditer(r"\w+", line.group(0)))
    if len(words) <= TAIL_WORDS:
        return None
    first = words[-TAIL_WORDS].start()
    ends = [e.end() for e in _SENTENCE_END.finditer(line.group(0), 0, first)]
    start = line.start() + (ends[-1] if ends else 0)
    return " ".join(w.group(0) for w in words[-TAIL_WORDS:]).casefold(), start


def _versions_of_one_story(line_sets: list[set[str]]) -> bool:
    """Whether these clips share much besides the line in question (mean pairwise overlap)."""
    overlaps = [
        len(a & b) / (min(len(a), len(b)) or 1)
        for i, a in enumerate(line_sets)
        for b in line_sets[i + 1 :]
    ]
    return bool(overlaps) and sum(overlaps) / len(overlaps) > SAME_STORY
