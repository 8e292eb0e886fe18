"""The window's long jobs on worker threads: each opens its own ``Library`` (one SQLite
connection per thread) and runs a job of ``desktop.actions``, the same the command line runs,
with the same report; the writing ones run on the writer thread and group the happenings of
the dates they touched before they end (the window's reads never write). ``state.progress``
and ``state.cancelled`` are their only link back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from db.backup import backup_if_due
from db.library import Library
from desktop.timeline.happening_store import refresh_happenings

if TYPE_CHECKING:
    from desktop.actions.importing import ImportReport
    from desktop.actions.reanalysing import ReanalysisReport

log = logging.getLogger(__name__)


class State(Protocol):
    @property
    def cancelled(self) -> bool: ...

    def progress(self, done: int, total: int, message: str = "") -> None: ...


def _analyser() -> Any:
    # lazy: the window opens before spaCy's wrapper, the date patterns and trafilatura load
    from desktop.actions.analysing import Analyser

    return Analyser()


def import_inputs(library_path: Path, inputs: list[str], tags: tuple[str, ...], state: State) -> ImportReport:
    """Files, folders and URLs into the library, analysed, one transaction per article."""
    # lazy: the window opens before trafilatura and dateparser load
    from desktop.actions.importing import ClipOptions, clips_from_inputs

    clips = clips_from_inputs(inputs, ClipOptions(tags=tags))
    return _store(library_path, clips, len(inputs), state)


def import_articles(library_path: Path, articles: list[Any], tags: tuple[str, ...], state: State) -> ImportReport:
    """Already-clipped articles (the New clip dialog) into the library, analysed."""
    # lazy: the window opens before trafilatura and dateparser load
    from desktop.actions.importing import Clip

    clips = [Clip(a.title or "pasted text", a, tags=tags) for a in articles]
    return _store(library_path, clips, len(clips), state)


def _store(library_path: Path, clips: Any, total: int, state: State) -> ImportReport:
    # lazy: the window opens before trafilatura and dateparser load
    from desktop.actions.importing import ImportOutcome, import_clips

    state.progress(0, total, "Clipping and analysing…")
    done = 0

    def tell(outcome: ImportOutcome) -> None:
        nonlocal done
        log.info("import: %s", outcome.line())
        done += 1
        state.progress(done, max(total, done), outcome.line())

    with Library(library_path) as library:
        report = import_clips(library, clips, analyser=_analyser(), cancelled=lambda: state.cancelled,
                              on_outcome=tell)
        refresh_happenings(library)  # here, on the writer thread: the window's reads never write
        return report


def redate_article(library_path: Path, article_id: int, published: str, state: State) -> int:
    """Store a new publication date and re-resolve the article's relative dates."""
    # lazy: the window opens before the date patterns load
    from desktop.actions.reanalysing import redate

    state.progress(0, 1, "Re-resolving dates…")
    with Library(library_path) as library:
        redated = redate(library, article_id, published, cancelled=lambda: state.cancelled,
                         progress=lambda done, total: state.progress(done, total, "Re-resolving dates…"))
        refresh_happenings(library)
        return redated


def reanalyse_all(library_path: Path, state: State) -> ReanalysisReport:
    """Re-analyse every article; the report says how many, and which failed."""
    # lazy: the window opens before the date patterns load
    from desktop.actions.reanalysing import reanalyse

    with Library(library_path) as library:
        report = reanalyse(library, cancelled=lambda: state.cancelled,
                           progress=lambda done, total: state.progress(done, total, "Re-analysing…"))
        refresh_happenings(library)
        return report


def warm_up_model(state: State) -> str:
    """Load the NLP model now (after the window is up) so the first import is quick."""
    # lazy: the window opens before spaCy's wrapper loads
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
    with Library(library_path) as library:
        made = backup_if_due(library)
    return f"Backed up the library to {made.name}" if made else ""
