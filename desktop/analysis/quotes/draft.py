"""``Draft``: a quote while the steps work on it (token ranges and character spans)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from desktop.analysis.quotes.frames import ends_line, is_cue
from desktop.analysis.quotes.lexicon import CUE_VERBS

TokenRange = tuple[int, int]
CharSpan = tuple[int, int]


@dataclass
class Draft:
    """What a step found; ``frame`` is every token of speaker, cue and the words between."""

    cue: TokenRange
    content: list[CharSpan]
    speaker: TokenRange | None
    direct: bool
    frame: TokenRange
    person: str | None = None
    date: str | None = None
    date_from_text: bool = False
    continues: Draft | None = field(default=None, repr=False)

    @property
    def start(self) -> int:
        return self.content[0][0]


@dataclass
class Context:
    """One article while its quotes are found: the parsed text and what is taken so far."""

    doc: object  # spacy.tokens.Doc
    quotations: list = field(default_factory=list)  # marks.Quotation
    drafts: list[Draft] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # tokens already in a quote or its frame
    starts: list[int] = field(default_factory=list)  # token start characters
    _sentences: list[tuple[int, int]] | None = field(default=None, repr=False)
    _line_ends: list[int] | None = field(default=None, repr=False)
    _sentence_starts: list[int] | None = field(default=None, repr=False)
    #: the parsed text; made from ``doc`` if not given (``Doc.text`` joins every token again
    #: on each read: read once, the steps ask often)
    text: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        # From the token array: no Python ``Token`` object per token.
        self.starts = self.doc.to_array("IDX").tolist()
        if not self.text:
            self.text = self.doc.text

    def token_at(self, char: int) -> int:
        """Index of the token holding (or first starting after) character ``char``."""
        index = bisect_right(self.starts, char) - 1
        if index < 0:
            return 0
        token = self.doc[index]
        if char >= token.idx + len(token.text) and index + 1 < len(self.doc):
            return index + 1
        return index

    def paragraph(self, i: int) -> TokenRange:
        """``frames.paragraph_bounds(doc, i)``, by bisection over the doc's line breaks
        (found once) instead of a walk over the paragraph's tokens on every call."""
        if self._line_ends is None:
            # lazy: spaCy is loaded already (the doc is its parse)
            from spacy.attrs import IS_SPACE

            spaces = self.doc.to_array(IS_SPACE).nonzero()[0].tolist()
            self._line_ends = [j for j in spaces if ends_line(self.doc[j])]
        ends = self._line_ends
        k = bisect_left(ends, i)
        start = ends[k - 1] + 1 if k else 0
        end = ends[k] if k < len(ends) else len(self.doc) - 1
        return start, end + 1

    def cues(self) -> list[int]:
        """Token indices where ``frames.is_cue`` holds; only tokens whose lower-case form is
        a cue word are asked (read from the token array, not token by token)."""
        # lazy: spaCy is loaded already (the doc is its parse)
        import numpy
        from spacy.attrs import LOWER
        from spacy.strings import get_string_id

        words = numpy.array([get_string_id(w) for w in (*CUE_VERBS, "according")],
                            dtype="uint64")
        candidates = numpy.isin(self.doc.to_array(LOWER), words).nonzero()[0].tolist()
        return [c for c in candidates if is_cue(self.doc, c)]

    def sentences(self) -> list[tuple[int, int]]:
        """Character spans of sentences, cut at line breaks (the model runs some on)."""
        if self._sentences is None:
            text = self.text
            spans = []
            for sent in self.doc.sents:
                start = sent.start_char
                for line in text[sent.start_char:sent.end_char].split("\n"):
                    if line.strip():
                        spans.append((start, start + len(line)))
                    start += len(line) + 1
            self._sentences = spans
        return self._sentences

    def sentence_at(self, char: int) -> tuple[int, int]:
        """The sentence span holding character ``char`` (the spans are in order and apart:
        only the last one starting at or before ``char`` can hold it)."""
        spans = self.sentences()
        if self._sentence_starts is None:
            self._sentence_starts = [start for start, _ in spans]
        k = bisect_right(self._sentence_starts, char) - 1
        if k >= 0 and char < spans[k][1]:
            return spans[k]
        return char, char

    def take(self, first: int, end: int) -> None:
        self.taken.update(range(first, end))

    def take_chars(self, start: int, end: int) -> None:
        self.take(self.token_at(start), self.token_at(max(start, end - 1)) + 1)
