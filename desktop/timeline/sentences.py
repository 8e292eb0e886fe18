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
    yield from _unglue(text, _mend(text, _pieces(text, sentences)))


#: English function words: one capitalised inside a line's first sentence, after a word that
#: can end a sentence and before a lower-case one, starts a new sentence (a caption or
#: headline printed on the paragraph's line: "Rescued after 10 days in rubble On Friday an
#: 84-year-old woman was found ..."). Closed-class words, not a corpus's vocabulary.
_STARTERS = frozenset(
    """a about after again all also although an and another any as at because before both but
    by despite during each either even every few for from he her here his how however if in
    instead it its many meanwhile more most much my neither no none nor not of on
    only or other our she since so some such than that the their them then there these they
    this those though through thus to under unless until upon we what when where whether which
    while who whom whose why with within without yet you your earlier later overnight
    tomorrow yesterday""".split()
)
#: Words a sentence does not end on (a name is cut after "the", "by", "told" is not one).
_NO_END = _STARTERS - {"then", "there", "here", "instead", "however", "earlier",
                       "later", "overnight", "tomorrow", "yesterday"}
#: Month and day names: "May" is no starter, and "On Friday" does start a sentence.
_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_TOKEN = re.compile(r"\S+")
_CAN_END = re.compile(r"[^\W_]$|[)\]\u2019'\"\u201d]$")
_TITLE = re.compile(r"[A-Z][a-z]+")
_POSSESSIVE = re.compile(r"(?:^|[^\W\d_])['\u2019]s?$|^['\u2019]s$")


def _unglue(text: str, pieces: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A line's first sentence cut where a caption or headline runs into the paragraph."""
    for start, end in pieces:
        cut = _glue_point(text, start, end) if _starts_line(text, start) else None
        if cut is None:
            yield start, end
        else:
            yield _trim(text, start, cut)
            yield cut, end


def glued_caption(text: str, start: int, end: int) -> bool:
    """The piece is a caption or headline that ran into its paragraph (``_unglue`` cut it
    off): it is no sentence of the story, and dates nothing that follows it."""
    if end >= len(text) or text[end] == "\n" or _ENDS.search(text, start, end) or not _starts_line(text, start):
        return False
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    after = text[end:line_end]
    next_start = line_end - len(after.lstrip())  # where the line goes on after the piece
    return _glue_point(text, start, line_end) == next_start


_ENDS = re.compile(r"[.!?\u201d\"')\]]\s*$")


def _starts_line(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip()


def _glue_point(text: str, start: int, end: int) -> int | None:
    tokens = list(_TOKEN.finditer(text, start, end))
    for i in range(2, min(30, len(tokens) - 4)):
        word = tokens[i].group()
        if not _TITLE.fullmatch(word) or word.lower() not in _STARTERS or word.lower() in _CALENDAR:
            continue
        before, after = tokens[i - 1].group(), tokens[i + 1].group()
        if not _CAN_END.search(before) or before.lower() in _NO_END or _POSSESSIVE.search(before):
            continue
        if after[:1].isupper() and after != "I" and after.lower() not in _CALENDAR:
            continue  # "The Associated Press": a name may go on
        if before[:1].isupper() and tokens[i - 2].group()[:1].isupper():
            continue  # inside a title: "Hope For Haiti Now"
        return tokens[i].start()
    return None


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
