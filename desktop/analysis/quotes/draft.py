"""``Draft``: a quote while the steps work on it (token ranges and character spans)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

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
    _text: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self.starts = [token.idx for token in self.doc]
        # ``Doc.text`` joins every token again on each read: read once, the steps ask often.
        self._text = self.doc.text

    @property
    def text(self) -> str:
        return self._text

    def token_at(self, char: int) -> int:
        """Index of the token holding (or first starting after) character ``char``."""
        index = bisect_right(self.starts, char) - 1
        if index < 0:
            return 0
        token = self.doc[index]
        if char >= token.idx + len(token.text) and index + 1 < len(self.doc):
            return index + 1
        return index

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
        """The sentence span holding character ``char``."""
        for start, end in self.sentences():
            if start <= char < end:
                return start, end
        return char, char

    def take(self, first: int, end: int) -> None:
        self.taken.update(range(first, end))

    def take_chars(self, start: int, end: int) -> None:
        self.take(self.token_at(start), self.token_at(max(start, end - 1)) + 1)
