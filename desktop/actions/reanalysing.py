"""Re-run analysis over the whole library (after an upgrade, or a changed publication date).

Each article is rewritten in its own transaction: a crash half-way leaves every article with
either its old analysis or its new one, never a mix. Corrections are kept (they live in their
own tables and are applied again as the analysis is written).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from db.library import Library
from desktop.actions.analysing import Analyser, AnalysisInput, ArticleAnalysis
from desktop.actions.storing import store_analysis
from desktop.clipping.text import published_precision
from desktop.wording import plural

Progress = Callable[[int, int], None]


@dataclass
class ReanalysisReport:
    """What a re-analysis did, worded once for both faces: the command line prints
    ``lines()`` and ``summary()``, the window's status bar shows ``sentence()``."""

    count: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"error      #{article_id}: could not be analysed ({reason}); its previous analysis is kept"
                for article_id, reason in self.failed]

    def summary(self) -> str:
        return f"{plural(self.count, 'article')} re-analysed, {len(self.failed)} failed"

    def sentence(self) -> str:
        message = f"Re-analysed {plural(self.count, 'article')}"
        if self.failed:
            ids = ", ".join(f"#{article_id}" for article_id, _reason in self.failed[:10])
            message += f"; {len(self.failed)} could not be analysed and kept their previous analysis ({ids})"
        return message


def reanalyse(
    library: Library,
    *,
    article_ids: list[int] | None = None,
    analyser: Analyser | None = None,
    progress: Progress = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ReanalysisReport:
    """The re-analysis job both faces run (``reanalyse_library``, with its report)."""
    report = ReanalysisReport()
    report.count = reanalyse_library(
        library, analyser=analyser, article_ids=article_ids, progress=progress, cancelled=cancelled,
        failed=lambda article_id, reason: report.failed.append((article_id, reason)))
    return report


def redate(
    library: Library,
    article_id: int,
    published: str,
    *,
    progress: Progress = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """A new publication date for an article, and its relative dates resolved again."""
    library.update_article(article_id, published=published,
                           published_precision=published_precision(published), published_source="user")
    reanalyse_library(library, article_ids=[article_id], cancelled=cancelled, progress=progress)
    return article_id


def reanalyse_library(
    library: Library,
    *,
    analyser: Analyser | None = None,
    article_ids: list[int] | None = None,
    progress: Progress = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
    failed: Callable[[int, str], None] = lambda article_id, reason: None,
    batch_size: int = 32,
) -> int:
    """Re-analyse ``article_ids`` (default: all); returns how many were rewritten.

    An article the analysis cannot take keeps its previous analysis and is reported through
    ``failed(article_id, reason)``; the others go on.
    """
    analyser = analyser or Analyser()
    ids = article_ids if article_ids is not None else library.article_ids()
    done = 0
    progress(0, len(ids))
    for offset in range(0, len(ids), batch_size):
        if cancelled():
            break
        batch = ids[offset : offset + batch_size]
        rows = {
            article_id: AnalysisInput(*source)
            for article_id, source in library.analysis_sources(batch).items()
        }
        present = [i for i in batch if i in rows]
        for article_id, analysis in _analyse_each(analyser, present, rows, failed):
            with library.transaction() as db:
                store_analysis(db, article_id, analysis)
            done += 1
        progress(done, len(ids))
    return done


def _analyse_each(
    analyser: Analyser, ids: list[int], rows: dict[int, AnalysisInput], failed: Callable[[int, str], None]
) -> list[tuple[int, ArticleAnalysis]]:
    """The batch analysed together; if that fails, one by one, so one bad text sinks only itself."""
    try:
        return list(zip(ids, analyser.analyse_inputs([rows[i] for i in ids]), strict=True))
    except Exception as error:  # noqa: BLE001 - the NLP models raise many kinds
        if len(ids) == 1:
            failed(ids[0], f"{type(error).__name__}: {str(error)[:120]}")
            return []
        results: list[tuple[int, ArticleAnalysis]] = []
        for article_id in ids:
            results += _analyse_each(analyser, [article_id], rows, failed)
        return results
