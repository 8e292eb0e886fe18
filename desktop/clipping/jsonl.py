"""JSON Lines bulk import: one article per line.

Each line is an object with ``text`` and optionally ``published`` (YYYY-MM-DD or ISO
datetime), ``title``, ``url``, ``source`` (the outlet). A bad line is reported with its
number; the good ones are imported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from desktop.clipping.article import Article
from desktop.clipping.errors import ClipError
from desktop.clipping.limits import MAX_JSONL_LINE_BYTES, human_size
from desktop.clipping.text import (
    check_text,
    clean_line,
    clip_text,
    normalise_text,
    published_precision,
)


@dataclass
class JsonlItem:
    """One line of a JSON Lines file: an article, or the error that line has."""

    label: str  # "FILE:LINE"
    article: Article | None = None
    error: str = ""


def parse_published(value: object) -> str:
    """``published`` as an ISO date or minute-precision datetime; raises ClipError if not one."""
    if not isinstance(value, str):
        raise ClipError("'published' must be a string (YYYY-MM-DD or ISO datetime)")
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat()
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise ClipError(f"'published' is not a date: {value!r}") from error
    return parsed.strftime("%Y-%m-%dT%H:%M")


def article_from_object(obj: object, *, source_path: str | None = None) -> Article:
    if not isinstance(obj, dict):
        raise ClipError("line is not a JSON object")
    for key in ("text", "title", "url", "source", "published"):
        value = obj.get(key)
        if isinstance(value, str) and not _is_unicode(value):
            # JSON may escape half of a UTF-16 pair ("\ud800"): no file or database can hold it.
            raise ClipError(f"'{key}' is not valid Unicode (a lone surrogate escape such as \\ud800)")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ClipError("'text' is missing or empty")
    published = parse_published(obj["published"]) if obj.get("published") else None
    title = obj.get("title") if isinstance(obj.get("title"), str) and obj["title"].strip() else None
    url = obj.get("url") if isinstance(obj.get("url"), str) and obj["url"].strip() else None
    if title is None:
        # Article text with its headline on the first line (the usual export shape).
        article = clip_text(text, published=published, url=url, source_path=source_path)
    else:
        cleaned = normalise_text(text).strip()
        check_text(cleaned)
        article = Article(text=cleaned, original=text, title=clean_line(title)[:500], url=url, source_path=source_path)
        if published:
            article.published, article.published_precision = published, published_precision(published)
    article.original_type = "jsonl"
    if published:
        article.published_source = "jsonl"
    source = obj.get("source")
    if isinstance(source, str) and source.strip():
        article.outlet = clean_line(source)
    return article


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_jsonl(path: Path) -> Iterator[JsonlItem]:
    """Every line of ``path`` as an article or an error; blank lines are skipped."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(_lines(handle), start=1):
            label = f"{path.name}:{number}"
            if raw is None:
                yield JsonlItem(label, error=f"line {number} is too long (over "
                                f"{human_size(MAX_JSONL_LINE_BYTES)}; the limit for one article)")
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield JsonlItem(label, error=f"line {number} is not UTF-8")
                continue
            except json.JSONDecodeError as error:
                yield JsonlItem(label, error=f"line {number} is not valid JSON ({error.msg})")
                continue
            except RecursionError:
                yield JsonlItem(label, error=f"line {number} is nested too deeply to be an article")
                continue
            except ValueError:  # Python refuses to read integers of over 4,300 digits
                yield JsonlItem(label, error=f"line {number} has a number too long to read")
                continue
            try:
                yield JsonlItem(label, article_from_object(obj, source_path=str(path)))
            except ClipError as error:
                yield JsonlItem(label, error=f"line {number}: {error}")


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The file's lines, each read with a cap: a line over the cap is None (and skipped over)."""
    while True:
        line = handle.readline(MAX_JSONL_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_JSONL_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line
