"""The analysis pipeline: what runs on every article on import and on ``reanalyse``.

Named steps, in order: entities + sentences (spaCy, batched), dates (the temporal tagger,
anchored on the publication date), events (the timeline's sentences with a date), then
quotes (who said what, from the same parse, entities and dates: no second model run). It is
a job, not analysis itself: it strings the analysis steps and the timeline's event step
together. The result is plain data; ``desktop.actions.storing`` writes it, in the article's
own transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop.analysis.dates import tag_dates
from desktop.analysis.entities import analyse_texts
from desktop.analysis.quotes import Quote, extract_quotes
from desktop.clipping.furniture import blank_furniture, furniture_spans
from desktop.timeline.events import extract_events


@dataclass
class AnalysisInput:
    """What analysis needs of an article: its cleaned text and its publication date."""

    text: str
    published: str | None = None
    clipped_at: str | None = None

    @property
    def dct(self) -> str:
        """Document creation time: the publication day, else the day it was clipped."""
        if self.published:
            return self.published[:10]
        if self.clipped_at:
            return self.clipped_at[:10]
        return datetime.now(UTC).date().isoformat()


@dataclass
class ArticleAnalysis:
    """One article's analysis, as data: storing it is ``desktop.actions.storing``'s job."""

    dct: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Any] = field(default_factory=list)
    timexes: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    furniture: list[Any] = field(default_factory=list)  # page furniture: analysis skipped it
    quotes: list[dict[str, Any]] = field(default_factory=list)


class Analyser:
    """Runs every step over batches of articles. The NLP model loads on first use.

    ``workers``: how many processes an import may analyse in (``actions.parallel``); None
    chooses from the machine's cores and free memory, 1 keeps analysis in this process.
    """

    def __init__(self, *, batch_size: int = 32, workers: int | None = None) -> None:
        self.batch_size = batch_size
        self.workers = workers

    def analyse(self, articles: Sequence[Any]) -> list[ArticleAnalysis]:
        """Analyse articles (``Article`` objects, article rows or ``AnalysisInput``)."""
        inputs = [as_input(a) for a in articles]
        return self.analyse_inputs(inputs)

    def analyse_inputs(self, inputs: Sequence[AnalysisInput]) -> list[ArticleAnalysis]:
        analyses = [ArticleAnalysis(dct=i.dct) for i in inputs]
        # Page furniture is blanked (same offsets), so it never becomes a mention or an event.
        for analysis, item in zip(analyses, inputs, strict=True):
            analysis.furniture = furniture_spans(item.text)
        texts = [blank_furniture(i.text, a.furniture) for i, a in zip(inputs, analyses, strict=True)]
        parsed = list(analyse_texts(texts, batch_size=self.batch_size))
        for analysis, nlp_result in zip(analyses, parsed, strict=True):
            analysis.entities = list(nlp_result.entities)
            analysis.sentences = list(nlp_result.sentences)
        for analysis, text, nlp_result in zip(analyses, texts, parsed, strict=True):
            analysis.timexes = tag_dates(text, analysis.dct)
            analysis.events = extract_events(
                text, analysis.sentences, analysis.timexes, analysis.entities, analysis.dct
            )
            quotes = extract_quotes(text, analysis.dct, doc=nlp_result.doc,
                                    people=analysis.entities, timexes=analysis.timexes)
            analysis.quotes = [quote_record(q) for q in quotes]
            nlp_result.doc = None  # the parse is the large part; nothing needs it now
        return analyses


def quote_record(quote: Quote) -> dict[str, Any]:
    """A quote as plain data for storage (``db.quotes``): offsets, words, speaker, date."""
    speaker = quote.speaker
    return {
        "speaker_start": speaker.start_char if speaker is not None else None,
        "speaker_end": speaker.end_char if speaker is not None else None,
        "speaker": speaker.text if speaker is not None else None,
        "cue_start": quote.cue.start_char,
        "cue_end": quote.cue.end_char,
        "cue": quote.cue.text,
        "content": [(piece.start_char, piece.end_char) for piece in quote.content],
        "content_text": quote.text,
        "direct": quote.direct,
        "person": quote.person,
        "date": quote.date,
        "date_from_text": quote.date_from_text,
    }


def as_input(article: Any) -> AnalysisInput:
    if isinstance(article, AnalysisInput):
        return article
    if isinstance(article, dict):
        return AnalysisInput(article["text"], article.get("published"), article.get("clipped_at"))
    return AnalysisInput(article.text, getattr(article, "published", None), getattr(article, "clipped_at", None))
