"""Re-run analysis over the whole library (after an upgrade, or a changed publication date).

Each article is rewritten in its own transaction: a crash half-way leaves every article with
either its old analysis or its new one, never a mix. Corrections are kept (they live in their
own tables and are applied again as the analysis is written).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.analysis.pipeline import Analyser, AnalysisInput, ArticleAnalysis

if TYPE_CHECKING:
    from db import Library

Progress = Callable[[int, int], None]


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
    ids = article_ids if article_ids is not None else [
        row[0] for row in library.db.execute("SELECT id FROM articles ORDER BY id")
    ]
    done = 0
    progress(0, len(ids))
    for offset in range(0, len(ids), batch_size):
        if cancelled():
            break
        batch = ids[offset : offset + batch_size]
        rows = {
            row[0]: AnalysisInput(row[1], row[2], row[3])
            for row in library.db.execute(
                f"SELECT id, text, published, clipped_at FROM articles WHERE id IN ({','.join('?' * len(batch))})",
                batch,
            )
        }
        present = [i for i in batch if i in rows]
        for article_id, analysis in _analyse_each(analyser, present, rows, failed):
            with library.transaction() as db:
                analysis.write(db, article_id)
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
