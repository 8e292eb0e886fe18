"""The analysis pipeline: what runs on every article on import and on ``reanalyse``.

Named steps, in order: entities + sentences (spaCy, batched), dates (the temporal tagger,
anchored on the publication date), then events (the timeline's sentences with a date). The
result is written in the article's own transaction by ``ArticleAnalysis.write``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database


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
    dct: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Any] = field(default_factory=list)
    timexes: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)

    def write(self, db: Database, article_id: int) -> None:
        """Store this analysis for ``article_id``; runs inside the caller's transaction.

        Each writer replaces that article's earlier rows of its kind (re-analysis), and never
        touches corrections, which live in their own tables.
        """
        from db.events import write_events
        from db.timexes import write_timexes
        from desktop.people import write_mentions

        write_timexes(db, article_id, self.timexes)
        write_mentions(db, article_id, self.entities)
        write_events(db, article_id, self.events)


class Analyser:
    """Runs every step over batches of articles. The NLP model loads on first use."""

    def __init__(self, *, batch_size: int = 32) -> None:
        self.batch_size = batch_size

    def analyse(self, articles: Sequence[Any]) -> list[ArticleAnalysis]:
        """Analyse articles (``Article`` objects, article rows or ``AnalysisInput``)."""
        inputs = [as_input(a) for a in articles]
        return self.analyse_inputs(inputs)

    def analyse_inputs(self, inputs: Sequence[AnalysisInput]) -> list[ArticleAnalysis]:
        from desktop.analysis.dates import tag_dates
        from desktop.analysis.entities import analyse_texts
        from desktop.timeline.events import extract_events

        analyses = [ArticleAnalysis(dct=i.dct) for i in inputs]
        texts = [i.text for i in inputs]
        for analysis, nlp_result in zip(analyses, analyse_texts(texts, batch_size=self.batch_size), strict=True):
            analysis.entities = list(nlp_result.entities)
            analysis.sentences = list(nlp_result.sentences)
        for analysis, item in zip(analyses, inputs, strict=True):
            analysis.timexes = tag_dates(item.text, analysis.dct)
            analysis.events = extract_events(
                item.text, analysis.sentences, analysis.timexes, analysis.entities, analysis.dct
            )
        return analyses


def as_input(article: Any) -> AnalysisInput:
    if isinstance(article, AnalysisInput):
        return article
    if isinstance(article, dict):
        return AnalysisInput(article["text"], article.get("published"), article.get("clipped_at"))
    return AnalysisInput(article.text, getattr(article, "published", None), getattr(article, "clipped_at", None))
