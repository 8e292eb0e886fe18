"""``analyse_texts``: the model over a batch of texts, then Clipline's passes on each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

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


def entities_from_spans(text: str, raw: list[tuple[int, int, str]]) -> list[Entity]:
    """Clipline's entities from the model's (start, end, spaCy label) spans of ``text``.

    Pure text work (no model), so it is tested and benchmarked on its own.
    """
    mapped = [(s, e, SPACY_LABELS[label]) for s, e, label in raw if label in SPACY_LABELS]
    spans = clean_spans(text, mapped)
    apply_cues(text, spans)
    spans = make_consistent(text, spans)
    entities: list[Entity] = []
    for span in spans:
        surface = text[span.start : span.end]
        role = role_of(text, span.start, span.end) if span.label == "PERSON" else None
        name = " ".join(strip_possessive(surface).split())
        entities.append(Entity(span.start, span.end, surface, span.label, role, name))
    return entities


def analyse_texts(texts: Iterable[str], *, batch_size: int = 32) -> Iterator[TextAnalysis]:
    """Entities and sentences of each text, in order (the model loads on first use)."""
    nlp = load_pipeline()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        raw = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        yield TextAnalysis(entities_from_spans(doc.text, raw), sentences)
