"""Import: turn what the reporter hands us (paths, folders, URLs, JSON Lines) into stored
articles, one item at a time, each in its own transaction, with one outcome line per item.

Analysis (people, dates, events) runs in batches before storing, and is written in the same
transaction as its article: an article is never in the library without its analysis.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from db.errors import LibraryError
from db.failures import describe_storage_error
from db.library import Library
from desktop.actions.analysing import Analyser, ArticleAnalysis
from desktop.actions.parallel import Failure, analyse_ahead
from desktop.actions.storing import store_analysis
from desktop.clipping.article import Article
from desktop.clipping.errors import ClipError
from desktop.clipping.files import JSONL_SUFFIXES, clip_file, walk_folder
from desktop.clipping.jsonl import read_jsonl
from desktop.clipping.text import printable
from desktop.clipping.url import clip_url, is_url

Status = Literal["stored", "duplicate", "error"]
BATCH_SIZE = 32


@dataclass
class ImportOutcome:
    """What happened to one input item; ``line()`` is what the reporter reads."""

    label: str
    status: Status
    article_id: int | None = None
    title: str = ""
    message: str = ""

    def line(self) -> str:
        label, message = printable(self.label), printable(self.message)
        if self.status == "stored":
            return f"stored     #{self.article_id}  {self.title}  ({label})"
        if self.status == "duplicate":
            return f"duplicate  #{self.article_id}  {label}: already in the library"
        return f"error      {label}: {message}"


@dataclass
class ImportReport:
    """What an import did: counts, the stored ids and one line per failed item. The command
    line and the window both read it, so an import is told the same way in both."""

    counts: Counter[str] = field(default_factory=Counter)
    stored: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False

    def add(self, outcome: ImportOutcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status == "stored" and outcome.article_id is not None:
            self.stored.append(outcome.article_id)
        if outcome.status == "error":
            self.errors.append(outcome.line())

    def summary(self) -> str:
        text = (f"{self.counts['stored']} stored, {self.counts['duplicate']} already in the library, "
                f"{self.counts['error']} failed")
        return text + (" (cancelled)" if self.cancelled else "")


@dataclass
class Clip:
    """An input item after clipping: an article to store, or the reason it can't be."""

    label: str
    article: Article | None = None
    error: str = ""
    tags: tuple[str, ...] = ()


@dataclass
class ClipOptions:
    title: str | None = None
    published: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()


def clips_from_inputs(inputs: Iterable[str], options: ClipOptions | None = None) -> Iterator[Clip]:
    """Each input (path, folder, URL, .jsonl) as one or more clips, lazily."""
    options = options or ClipOptions()
    for raw in inputs:
        try:
            yield from _clips_from_input(raw, options)
        except Exception as error:  # noqa: BLE001 - a folder that can't be walked fails alone
            yield Clip(raw, error=f"could not be read ({_reason(error)})")


def _clips_from_input(raw: str, options: ClipOptions) -> Iterator[Clip]:
    if raw.lower().startswith("file:"):
        yield Clip(raw, error="file: links are not opened: give its path (/folder/file.html) instead")
        return
    if is_url(raw):
        yield _clip(raw, lambda raw=raw: clip_url(raw, title=options.title, published=options.published), options)
        return
    path = Path(raw).expanduser()
    if path.is_dir():
        for file in walk_folder(path):
            yield from _clips_from_file(file, options, label=str(file))
    elif path.exists():
        yield from _clips_from_file(path, options, label=raw)
    else:
        yield Clip(raw, error="no such file or folder")


def clips_from_jsonl(path: Path, options: ClipOptions | None = None) -> Iterator[Clip]:
    options = options or ClipOptions()
    if not path.exists():
        yield Clip(str(path), error="no such file")
        return
    for item in read_jsonl(path):
        yield Clip(item.label, item.article, item.error, options.tags)


def _clips_from_file(path: Path, options: ClipOptions, *, label: str) -> Iterator[Clip]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from clips_from_jsonl(path, options)
        return
    yield _clip(
        label,
        lambda: clip_file(path, title=options.title, published=options.published, url=options.url),
        options,
    )


def _clip(label: str, make: Callable[[], Article], options: ClipOptions) -> Clip:
    try:
        return Clip(label, make(), tags=options.tags)
    except ClipError as error:
        return Clip(label, error=str(error))
    except RecursionError:
        return Clip(label, error="input is nested too deeply to read")
    except MemoryError:
        return Clip(label, error="input is too large to read")
    except Exception as error:  # noqa: BLE001 - a parser's surprise fails this item, not the import
        return Clip(label, error=f"could not be read ({_reason(error)})")


def _storage_reason(error: BaseException) -> str:
    """Why one item was not stored: SQLite's failures in words, anything else as it is."""
    try:
        return describe_storage_error(error)
    except Exception:  # noqa: BLE001 - not one of the failures it has words for
        return f"could not be stored ({_reason(error)}); nothing was stored for it"


def _reason(error: BaseException) -> str:
    """An unforeseen error as a short reason in one line."""
    text = " ".join(str(error).split())[:120]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def import_clips(
    library: Library,
    clips: Iterable[Clip],
    *,
    analyser: Analyser | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    on_outcome: Callable[[ImportOutcome], None] = lambda outcome: None,
) -> ImportReport:
    """The import job both faces run: store ``clips``, telling each outcome as it comes."""
    report = ImportReport()
    for outcome in store_clips(library, clips, analyser=analyser, cancelled=cancelled):
        report.add(outcome)
        on_outcome(outcome)
    report.cancelled = cancelled()
    return report


def store_clips(
    library: Library,
    clips: Iterable[Clip],
    *,
    analyser: Analyser | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[ImportOutcome]:
    """Store clips in batches (so analysis can batch), yielding one outcome per clip.

    With several analysis workers (``desktop.actions.parallel``) the next batches are being
    analysed while this one is stored; storing stays here, in input order, one transaction
    per article. Cancelling stops before the next article is stored.
    """
    seen: dict[str, str] = {}
    batches = (_sort_batch(library, batch, seen) for batch in _batches(clips, cancelled))
    if analyser is None:
        analysed: Iterator[tuple[_Batch, list[object]]] = ((batch, []) for batch in batches)
    else:
        # An analyser without a ``workers`` setting (a stand-in) analyses in this process.
        analysed = analyse_ahead(analyser, batches, lambda b: [c.article for c in b.to_store],
                                 workers=getattr(analyser, "workers", 1))
    try:
        for batch, analyses in analysed:
            if cancelled():
                return
            yield from _store_batch(library, batch, analyses, cancelled)
    finally:
        analysed.close()  # type: ignore[attr-defined]


def _batches(clips: Iterable[Clip], cancelled: Callable[[], bool]) -> Iterator[list[Clip]]:
    batch: list[Clip] = []
    clips = iter(clips)
    while True:
        try:
            clip = next(clips)
        except StopIteration:
            break
        except Exception as error:  # noqa: BLE001 - the items read so far are still stored
            batch.append(Clip("(the rest of the input)", error=f"could not be read ({_reason(error)})"))
            break
        if cancelled():
            return
        batch.append(clip)
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch and not cancelled():
        yield batch


@dataclass
class _Batch:
    """A batch sorted before analysis: outcomes known already (errors, duplicates) by
    position, and the clips to analyse and store."""

    clips: list[Clip]
    outcomes: dict[int, ImportOutcome]
    to_store: list[Clip]


def _sort_batch(library: Library, batch: list[Clip], seen: dict[str, str]) -> _Batch:
    """Errors and duplicates (of the library, or of an earlier clip of this import) are
    known before analysis, so they are never analysed."""
    to_store: list[Clip] = []
    outcomes: dict[int, ImportOutcome] = {}
    for index, clip in enumerate(batch):
        if clip.article is None:
            outcomes[index] = ImportOutcome(clip.label, "error", message=clip.error)
            continue
        try:
            duplicate = library.find_duplicate(clip.article.sha256, clip.article.url)
        except Exception as error:  # noqa: BLE001 - e.g. busy: this item fails, the batch goes on
            outcomes[index] = ImportOutcome(clip.label, "error", message=_storage_reason(error))
            continue
        if duplicate is not None:
            outcomes[index] = ImportOutcome(clip.label, "duplicate", duplicate, clip.article.title)
        elif clip.article.sha256 in seen:
            outcomes[index] = ImportOutcome(clip.label, "duplicate", None, clip.article.title)
            outcomes[index].message = f"same as {seen[clip.article.sha256]}"
        else:
            seen[clip.article.sha256] = clip.label
            to_store.append(clip)
    return _Batch(batch, outcomes, to_store)


def _store_batch(
    library: Library, batch: _Batch, analyses: list[object], cancelled: Callable[[], bool]
) -> Iterator[ImportOutcome]:
    analysed = {id(clip): analysis for clip, analysis in zip(batch.to_store, analyses, strict=False)}
    for index, clip in enumerate(batch.clips):
        if index in batch.outcomes:
            outcome = batch.outcomes[index]
            if outcome.status == "duplicate" and outcome.article_id is None:
                outcome.article_id = library.find_duplicate(clip.article.sha256, clip.article.url)  # type: ignore[union-attr]
            yield outcome
            continue
        if cancelled():
            return
        analysis = analysed.get(id(clip))
        failure = _failure_message(analysis)
        if failure:
            yield ImportOutcome(clip.label, "error", message=failure)
            continue
        yield _store_one(library, clip, analysis if isinstance(analysis, ArticleAnalysis) else None)


def _failure_message(analysis: object) -> str:
    """The outcome line of an article the analysis could not take ("" if it could)."""
    if not isinstance(analysis, Failure):
        return ""
    reason = analysis.reason.split(". ")[0][:120]
    return f"could not be analysed ({analysis.kind}: {reason}); nothing was stored"


def _store_one(library: Library, clip: Clip, analysis: ArticleAnalysis | None) -> ImportOutcome:
    article = clip.article
    assert article is not None
    record = article.as_dict()
    write_with = None if analysis is None else (
        lambda db, article_id: store_analysis(db, article_id, analysis))
    try:
        result = library.add_article(record, tags=clip.tags, write_with=write_with)
    except LibraryError as error:
        return ImportOutcome(clip.label, "error", message=str(error))
    except sqlite3.IntegrityError:
        # Another program (the window, a second import) stored the same article meanwhile.
        duplicate = library.find_duplicate(article.sha256, article.url)
        if duplicate is None:
            raise
        return ImportOutcome(clip.label, "duplicate", duplicate, article.title)
    except Exception as error:  # noqa: BLE001 - disk full, read-only, locked, or a surprise
        return ImportOutcome(clip.label, "error", message=_storage_reason(error))
    return ImportOutcome(clip.label, result.status, result.article_id, article.title)
