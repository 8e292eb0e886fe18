"""Import: turn what the reporter hands us (paths, folders, URLs, JSON Lines) into stored
articles, one item at a time, each in its own transaction, with one outcome line per item.

Analysis (people, dates, events) runs in batches before storing, and is written in the same
transaction as its article: an article is never in the library without its analysis.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from desktop.clipping.article import Article
from desktop.clipping.errors import ClipError
from desktop.clipping.files import JSONL_SUFFIXES, clip_file, walk_folder
from desktop.clipping.jsonl import read_jsonl
from desktop.clipping.text import printable
from desktop.clipping.url import clip_url, is_url

if TYPE_CHECKING:
    from db import Library
    from desktop.analysis.pipeline import Analyser

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
    from db.failures import describe_storage_error

    try:
        return describe_storage_error(error)
    except Exception:  # noqa: BLE001 - not one of the failures it has words for
        return f"could not be stored ({_reason(error)}); nothing was stored for it"


def _reason(error: BaseException) -> str:
    """An unforeseen error as a short reason in one line."""
    text = " ".join(str(error).split())[:120]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def store_clips(
    library: Library,
    clips: Iterable[Clip],
    *,
    analyser: Analyser | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[ImportOutcome]:
    """Store clips in batches (so analysis can batch), yielding one outcome per clip."""
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
            break
        batch.append(clip)
        if len(batch) >= BATCH_SIZE:
            yield from _store_batch(library, batch, analyser)
            batch = []
    if batch and not cancelled():
        yield from _store_batch(library, batch, analyser)


def _store_batch(library: Library, batch: list[Clip], analyser: Analyser | None) -> Iterator[ImportOutcome]:
    to_store: list[Clip] = []
    outcomes: dict[int, ImportOutcome] = {}
    seen: dict[str, int] = {}
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
            seen_index = seen[clip.article.sha256]
            outcomes[index].message = f"same as {batch[seen_index].label}"
        else:
            seen[clip.article.sha256] = index
            to_store.append(clip)
    analysed = _analyse(analyser, to_store) if analyser and to_store else {}
    for index, clip in enumerate(batch):
        if index in outcomes:
            outcome = outcomes[index]
            if outcome.status == "duplicate" and outcome.article_id is None:
                outcome.article_id = library.find_duplicate(clip.article.sha256, clip.article.url)  # type: ignore[union-attr]
            yield outcome
            continue
        analysis = analysed.get(id(clip))
        if isinstance(analysis, str):
            yield ImportOutcome(clip.label, "error", message=analysis)
            continue
        yield _store_one(library, clip, analysis)


def _analyse(analyser: Analyser, clips: list[Clip]) -> dict[int, object]:
    """Each clip's analysis by ``id(clip)``, or the reason (a str) it could not be analysed.

    One text the analysis can't take (spaCy refuses over 1,000,000 characters) must not sink
    the batch: the batch is retried one article at a time, and only that one is refused.
    """
    try:
        analyses = analyser.analyse([c.article for c in clips])
        return {id(c): a for c, a in zip(clips, analyses, strict=True)}
    except Exception as error:  # noqa: BLE001 - the NLP models raise many kinds
        if len(clips) > 1:
            results: dict[int, object] = {}
            for clip in clips:
                results.update(_analyse(analyser, [clip]))
            return results
        reason = str(error).split(". ")[0][:120]
        return {id(clips[0]): f"could not be analysed ({type(error).__name__}: {reason}); nothing was stored"}


def _store_one(library: Library, clip: Clip, analysis: object | None) -> ImportOutcome:
    from db import LibraryError

    article = clip.article
    assert article is not None
    record = article.to_dict()
    write_with = analysis.write if analysis is not None else None  # type: ignore[attr-defined]
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
