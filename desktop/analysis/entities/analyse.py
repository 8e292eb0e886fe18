"""``analyse_texts``: the model over a batch of texts, then Clipline's passes on each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from desktop.analysis.entities.consistency import (
    SPACY_LABELS,
    apply_cues,
    clean_spans,
    make_consistent,
)
from desktop.analysis.entities.entity import Entity, TextAnalysis
from desktop.analysis.entities.model import load_pipeline
from desktop.analysis.entities.names import strip_possessive
from desktop.analysis.entities.roles import role_of

if TYPE_CHECKING:
    from spacy.tokens import Doc


def entities_from_spans(text: str, raw: list[tuple[int, int, str]]) -> list[Entity]:
    """Clipline's entities from the model's (start, end, spaCy label) spans of ``text``.

    Pure text work (no model), so it is tested and benchmarked on its own.
    """
    mapped = [(s, e, SPACY_LABELS[label]) for s, e, label in raw if label in SPACY_LABELS]
    spans = clean_spans(text, mapped)
    apply_cues(text, spans)
    spans = make_consistent(text, spans)
    entities: list[Entity] = []
    people = {text[s.start : s.end] for s in spans if s.label == "PERSON"}
    for span in spans:
        surface = text[span.start : span.end]
        role = role_of(text, span.start, span.end) if span.label == "PERSON" else None
        if role and any(other != surface and other in role for other in people):
            role = None  # "Richard Roth, John King,": a neighbour's name is no role
        name = " ".join(strip_possessive(surface).split())
        entities.append(Entity(span.start, span.end, surface, span.label, role, name))
    return entities


#: Longest piece of text given to the model at once; longer texts are cut at paragraph
#: (else line, else space) boundaries so memory stays flat and spaCy's length limit is
#: never reached.
CHUNK_CHARS = 20_000


def chunk_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pieces of at most ``limit`` characters."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), 0) or max(window.rfind("\n"), 0) or max(
            window.rfind(" "), 0
        )
        if cut < limit // 2:
            cut = limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def analyse_texts(texts: Iterable[str], *, batch_size: int = 32) -> Iterator[TextAnalysis]:
    """Entities and sentences of each text, in order (the model loads on first use)."""
    nlp = load_pipeline()
    pending: list[str] = []

    def pieces() -> Iterator[str]:
        for text in texts:
            pending.append(text)
            for _, piece in chunk_text(text):
                yield piece

    docs = nlp.pipe(pieces(), batch_size=batch_size)
    while True:
        try:
            first = next(docs)
        except StopIteration:
            return
        text = pending.pop(0)
        chunks = chunk_text(text)
        raw: list[tuple[int, int, str]] = []
        sentences: list[tuple[int, int]] = []
        parsed = []
        for index, (offset, _) in enumerate(chunks):
            doc = first if index == 0 else next(docs)
            parsed.append(doc)
            raw += [(e.start_char + offset, e.end_char + offset, e.label_) for e in doc.ents]
            sentences += [(s.start_char + offset, s.end_char + offset) for s in doc.sents]
        yield TextAnalysis(entities_from_spans(text, raw), sentences,
                           _whole(parsed, [piece for _, piece in chunks]))


def _whole(parsed: list[Doc], pieces: list[str]) -> Doc:
    """One parse of the whole text from its pieces' parses (``pieces`` the texts parsed,
    contiguous): what ``Doc.from_docs(parsed, ensure_whitespace=False)`` makes, for less.

    ``from_docs`` reads every token's text and space through a Python ``Token`` and loads
    the morphology column token by token; this model sets no morphology (the column is all
    zero, as in a new Doc), and the words are slices of the pieces' texts.
    """
    if len(parsed) == 1:
        return parsed[0]
    # lazy: spaCy (and numpy, thinc) load with the model, not with this module
    import numpy
    from spacy.attrs import IDX, LENGTH, MORPH, SPACY
    from spacy.tokens import Doc
    from thinc.api import get_current_ops

    if any(doc.user_data or doc.spans for doc in parsed):
        return Doc.from_docs(parsed, ensure_whitespace=False)
    words: list[str] = []
    spaces: list[bool] = []
    for doc, piece in zip(parsed, pieces, strict=True):
        starts, lengths, space = doc.to_array([IDX, LENGTH, SPACY]).T.tolist()
        words += [piece[start : start + length] for start, length in zip(starts, lengths, strict=True)]
        spaces += [s == 1 for s in space]
    attrs = list(Doc._get_array_attrs())
    array = numpy.concatenate([doc.to_array(attrs) for doc in parsed])
    if not array[:, attrs.index(MORPH)].any():
        keep = [i for i, attr in enumerate(attrs) if attr != MORPH]
        attrs, array = [attrs[i] for i in keep], array[:, keep]
    whole = Doc(parsed[0].vocab, words=words, spaces=spaces)
    whole.from_array(attrs, array)
    if any(len(doc) for doc in parsed):
        ops = get_current_ops()
        whole.tensor = ops.xp.vstack([ops.asarray(doc.tensor) for doc in parsed if len(doc)])
    return whole
