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
    text = re.sub(r"\u201c\s+", "\u201c", text)
    text = re.sub(r"\s+\u201d", "\u201d", text)
    # A lone straight quote pair tokenised as ` ... ' (single quotes)
    text = re.sub(r"`\s*", "\u2018", text)
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
#: A piece that cannot end one: an open bracket, a wire credit, a dash left hanging.
_UNFINISHED = re.compile(
    r"(?:[(\[{\u201c]|\((?:Reuters|AP|AFP|CNN|UPI|Bloomberg|dpa)\)?|[-\u2013\u2014,:;]|"
    r"\b(?:Reuters|AP|AFP|CNN)\)\s*[-\u2013\u2014]*)\s*$"
)


def _mend(text: str, pieces: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Glue back pieces cut inside a sentence (") Riot police ...", "Reuters) -"): a piece on
    the same line that cannot start a sentence joins the one before."""
    held: tuple[int, int] | None = None
    for start, end in pieces:
        if held is not None and "\n" not in text[held[1] : start] and (
            _CONTINUES.match(text[start:end]) or _UNFINISHED.search(text[held[0] : held[1]])
        ):
            held = (held[0], end)
            continue
        if held is not None:
            yield held
        held = (start, end)
    if held is not None:
        yield held


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
