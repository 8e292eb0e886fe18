"""Sentences as a timeline shows them: split at paragraph breaks, tidied for reading.

Analysis gives sentence spans (spaCy); a clipped page also has lines that are not sentences
(captions, datelines, "Read more"). Some corpora arrive pre-tokenised ("-LRB-", "BP 's",
a space before every comma); the timeline shows sentences as a reader would write them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_PTB = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "``": "\u201c",
    "''": "\u201d",
}
_PTB_RE = re.compile("|".join(re.escape(k) for k in _PTB))
_SPACE_BEFORE = re.compile(
    r"\s+([,.;:!?%)\]}\u201d]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|'(?=\s|$))"
)
_SPACE_AFTER = re.compile(r"([(\[{\u201c$#])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"(])")
_WORD = re.compile(r"[^\W\d_]{2,}")


_WIRE_DATELINE = re.compile(
    r"^.{0,120}?\(\s*(?:Reuters|AP|AFP|Bloomberg|UPI|PA|CNN|dpa)\s*\)\s*[-\u2013\u2014]+\s*"
)
_CAPS_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'/\\]{2,40}(?:\([A-Za-z. ]+\))?\s*(?:--|[-\u2013\u2014])\s+(?=[A-Z\u201c\"])"
)


def strip_dateline(text: str) -> str:
    """Drop a wire dateline ("HOUSTON (Reuters) - ", "NEW ORLEANS -- ") before the sentence."""
    stripped = _WIRE_DATELINE.sub("", text, count=1)
    if stripped == text:
        stripped = _CAPS_DATELINE.sub("", text, count=1)
    return stripped if len(stripped) >= 20 else text


def clean_sentence(text: str) -> str:
    """One sentence as a reader expects it: no tokeniser artefacts, single spaces."""
    text = _PTB_RE.sub(lambda m: _PTB[m.group(0)], text)
    text = strip_dateline(" ".join(text.split()))
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r"\s+-\s+(?=\w)", " \u2013 ", text) if " - " in text else text
    # (each only where its character is: most sentences have none)
    text = re.sub(r"\u201c\s+", "\u201c", text) if "\u201c" in text else text
    text = re.sub(r"\s+\u201d", "\u201d", text) if "\u201d" in text else text
    # A lone straight quote pair tokenised as ` ... ' (single quotes)
    text = re.sub(r"`\s*", "\u2018", text) if "`" in text else text
    return text.strip(" -\u2013")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def split_spans(
    text: str, sentences: Sequence[tuple[int, int]] | None
) -> Iterator[tuple[int, int]]:
    """Sentence spans cut again at line breaks (a caption or dateline is its own sentence).

    Without spans from analysis, a plain rule (end punctuation then a capital) is used.
    """
    yield from _mend(text, _pieces(text, sentences))


#: A piece that cannot start a sentence: it closes a bracket or continues the one before.
_CONTINUES = re.compile(r"^[)\]}\u201d,;:\u2013\u2014-]|^[a-z]")
#: A piece that cannot end one: an open bracket, a wire credit cut open, a dash left hanging.
_UNFINISHED = re.compile(
    r"(?:[(\[{\u201c]|\((?:Reuters|AP|AFP|CNN|UPI|Bloomberg|dpa)|[-\u2013\u2014,:;])\s*$"
)
#: Pre-tokenised brackets and quotes, read as the characters they stand for when a piece's
#: edges are judged ("-LRB-" opens a bracket, it is no dash left hanging).
_PTB_EDGE = re.compile(r"-[LR][RSC]B-|``|''")
_WIRES = r"(?:Reuters|AP|AFP|Bloomberg|UPI|PA|CNN|dpa)"
#: A wire's credit closing its dateline: "(Reuters) -", "-LRB- Reuters -RRB- -".
_WIRE_CREDIT = re.compile(
    rf"(?:\(|-LRB-)\s*{_WIRES}\s*(?:\)|-RRB-)\s*(?:--?|\u2013|\u2014)(?=\s)"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: The dateline before a wire credit: the place in capitals (", Country" may follow), then
#: maybe the day ("MEXICO CITY, April 24", "ACAPULCO, Mexico", "PARIS/ATLANTA").
_DATELINE_BEFORE_CREDIT = re.compile(
    r"(?:(?<![\w.'&\\/-])[A-Z][A-Z.'&\\/-]+(?:\s+[A-Z][A-Z.'&\\/-]+)*"
    r"(?:\s*,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)?"
    rf"(?:\s*,\s*{_MONTH}\s+\d{{1,2}})?\s*$"
)


def _edge(piece: str) -> str:
    return _PTB_EDGE.sub(lambda m: _PTB.get(m.group(0), m.group(0)), piece)


def _mend(text: str, pieces: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Glue back pieces cut inside a sentence (") Riot police ...", "Reuters) -"): a piece on
    the same line that cannot start a sentence joins the one before. Then what a wire story
    prints before its dateline on that line is dropped (``_without_wire_header``)."""
    line: list[tuple[int, int]] = []  # the mended pieces of the current line
    held: tuple[int, int] | None = None
    for start, end in pieces:
        if held is not None and "\n" not in text[held[1] : start] and (
            _CONTINUES.match(_edge(text[start : start + 6]))
            or _UNFINISHED.search(_edge(text[max(held[0], held[1] - 12) : held[1]]))
        ):
            held = (held[0], end)
            continue
        if held is not None:
            if "\n" in text[held[1] : start]:
                yield from _without_wire_header(text, [*line, held])
                line = []
            else:
                line.append(held)
        held = (start, end)
    if held is not None:
        line.append(held)
    yield from _without_wire_header(text, line)


def _without_wire_header(text: str, line: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One line's sentences from the dateline on: what a wire story prints before its
    dateline (summary bullets "* WHO raises alert ...", "(Updates with quotes)", "By Maggie
    Fox", a stamp "LOS ANGELES | Wed Apr 29, 2009 9:12 pm EDT") is no sentence, and glued to
    the lead it buries the lead. The dateline stays: it dates a lead that names no day."""
    for index, (start, end) in enumerate(line):
        credit = _WIRE_CREDIT.search(text, start, end)
        if credit is None or not text[credit.end() : end].strip():
            continue
        place = _DATELINE_BEFORE_CREDIT.search(text, start, credit.start())
        cut = place.start() if place else credit.start()
        while cut < credit.start() and text[cut].isspace():
            cut += 1
        return [(cut, end), *line[index + 1 :]]
    return line


def _pieces(
    text: str, sentences: Sequence[tuple[int, int]] | None
) -> Iterator[tuple[int, int]]:
    spans = list(sentences) if sentences else _rough_sentences(text)
    for start, end in spans:
        piece_start = start
        for m in re.finditer(r"\n", text[start:end]):
            cut = start + m.start()
            if text[piece_start:cut].strip():
                yield _trim(text, piece_start, cut)
            piece_start = cut + 1
        if text[piece_start:end].strip():
            yield _trim(text, piece_start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _rough_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _SENTENCE_END.finditer(line.group(0)):
            spans.append((start, line.start() + m.start()))
            start = line.start() + m.end()
        spans.append((start, line.end()))
    return spans


def paragraph_of(text: str, start: int) -> int:
    """An id for the paragraph holding offset ``start`` (text before it up to a blank line)."""
    return text.count("\n\n", 0, start)
