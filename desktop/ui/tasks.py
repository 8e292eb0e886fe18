"""The window's long jobs as plain functions of a task state (no widgets touched).

Each opens its own ``Library`` (one SQLite connection per thread) and calls the core:
clipping and storing (``desktop.clipping``), analysis (``desktop.analysis``). They run on
``workers`` threads; ``state.progress`` and ``state.cancelled`` are their only link back.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from db.library import Library

log = logging.getLogger(__name__)


class State(Protocol):
    @property
    def cancelled(self) -> bool: ...

    def progress(self, done: int, total: int, message: str = "") -> None: ...


@dataclass
class ImportReport:
    """What an import did: counts, the stored ids and one line per failed item."""

    counts: Counter[str] = field(default_factory=Counter)
    stored: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False

    def summary(self) -> str:
        text = (f"{self.counts['stored']} stored, {self.counts['duplicate']} already in the library, "
                f"{self.counts['error']} failed")
        return text + (" (cancelled)" if self.cancelled else "")


def _analyser() -> Any:
    # lazy: the window opens before trafilatura, dateparser and the date patterns load
    from desktop.analysis.pipeline import Analyser

    return Analyser()


def import_inputs(library_path: Path, inputs: list[str], tags: tuple[str, ...], state: State) -> ImportReport:
    """Files, folders and URLs into the library, analysed, one transaction per article."""
    # lazy: the window opens before trafilatura, dateparser and the date patterns load
    from desktop.clipping.importer import ClipOptions, clips_from_inputs

    clips = clips_from_inputs(inputs, ClipOptions(tags=tags))
    return _store(library_path, clips, len(inputs), state)


def import_articles(library_path: Path, articles: list[Any], tags: tuple[str, ...], state: State) -> ImportReport:
    """Already-clipped articles (the New clip dialog) into the library, analysed."""
    # lazy: the window opens before trafilatura, dateparser and the date patterns load
    from desktop.clipping.importer import Clip

    clips = [Clip(a.title or "pasted text", a, tags=tags) for a in articles]
    return _store(library_path, clips, len(clips), state)


def _store(library_path: Path, clips: Any, total: int, state: State) -> ImportReport:
    # lazy: the window opens before trafilatura, dateparser and the date patterns load
    from desktop.clipping.importer import store_clips

    report = ImportReport()
    state.progress(0, total, "Clipping and analysing…")
    with Library(library_path) as library:
        done = 0
        for outcome in store_clips(library, clips, analyser=_analyser(), cancelled=lambda: state.cancelled):
            report.counts[outcome.status] += 1
            if outcome.status == "stored" and outcome.article_id is not None:
                report.stored.append(outcome.article_id)
            if outcome.status == "error":
                report.errors.append(outcome.line())
            log.info("import: %s", outcome.line())
            done += 1
            state.progress(done, max(total, done), outcome.line())
    report.cancelled = state.cancelled
    return report


def redate_article(library_path: Path, article_id: int, published: str, state: State) -> int:
    """Store a new publication date and re-resolve the article's relative dates."""
    # lazy: the window opens before trafilatura, dateparser and the date patterns load
    from desktop.analysis.reanalyse import reanalyse_library
    from desktop.clipping.text import precision_of

    with Library(library_path) as library:
        library.update_article(article_id, published=published,
                               published_precision=precision_of(published), published_source="user")
        state.progress(0, 1, "Re-resolving dates…")
        reanalyse_library(library, article_ids=[article_id], cancelled=lambda: state.cancelled,
                          progress=lambda done, total: state.progress(done, total, "Re-resolving dates…"))
    return article_id


def reanalyse_all(library_path: Path, state: State) -> tuple[int, list[int]]:
    """Re-analyse every article; returns how many were rewritten and the ids that failed."""
    # lazy: the window opens before trafilatura, dateparser and the date patterns load
    from desktop.analysis.reanalyse import reanalyse_library

    failed: list[int] = []
    with Library(library_path) as library:
        count = reanalyse_library(library, cancelled=lambda: state.cancelled,
                                  progress=lambda done, total: state.progress(done, total, "Re-analysing…"),
                                  failed=lambda article_id, reason: failed.append(article_id))
    return count, failed


def warm_up_model(state: State) -> str:
    """Load the NLP model now (after the window is up) so the first import is quick."""
    # lazy: the window opens before trafilatura, dateparser and the date patterns load
    from desktop.analysis.entities import analyse_texts

    list(analyse_texts(["Maria Zakharova spoke in Istanbul on Thursday."]))
    return "ready"


def write_file(path: Path, content: str | bytes, state: State) -> Path:
    """An export written whole or not at all (temporary file, then rename)."""
    state.progress(0, 1, f"Writing {path.name}…")
    tmp = path.with_name(path.name + ".part")
    if isinstance(content, bytes):
        tmp.write_bytes(content)
    else:
        tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)
    state.progress(1, 1, f"Wrote {path.name}")
    return path


def daily_backup(library_path: Path, state: State) -> str:
    """The once-a-day backup while the window runs (SQLite's online backup: readers go on)."""
    # lazy: the window opens before trafilatura, dateparser and the date patterns load
    from db.backup import backup_if_due

    with Library(library_path) as library:
        made = backup_if_due(library)
    return f"Backed up the library to {made.name}" if made else ""
