"""Files and folders to articles: dispatch on the file's kind, walk folders recursively."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from desktop.clipping.article import Article
from desktop.clipping.encoding import decode_text, looks_binary
from desktop.clipping.errors import ClipError
from desktop.clipping.html import clip_html
from desktop.clipping.limits import MAX_FILE_BYTES, human_size
from desktop.clipping.pdf import clip_pdf
from desktop.clipping.text import clip_text

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
PDF_SUFFIXES = {".pdf"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CLIPPABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | JSONL_SUFFIXES


def clip_file(path: Path, *, title: str | None = None, published: str | None = None,
              url: str | None = None) -> Article:
    """One article from a .txt/.md/.html/.pdf file; ClipError with the reason otherwise."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES:
        raise ClipError(f"{path.name}: unknown file type ({suffix or 'no extension'}); "
                        "Clipline reads .txt, .md, .html, .pdf and .jsonl")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ClipError(f"{path.name} is too large ({human_size(size)}; the limit is {human_size(MAX_FILE_BYTES)})")
        data = path.read_bytes()
    except OSError as error:
        raise ClipError(f"{path.name} cannot be read ({error.strerror or error})") from error
    what = path.name
    if suffix in PDF_SUFFIXES:
        if not data.startswith(b"%PDF"):
            raise ClipError(f"{what} is not a PDF file")
        return clip_pdf(data, source_path=str(path), title=title, published=published, what=what)
    if looks_binary(data):
        raise ClipError(f"{what} is binary, not text")
    if suffix in HTML_SUFFIXES:
        return clip_html(data, url=url, source_path=str(path), title=title, published=published, what=what)
    return clip_text(decode_text(data, what=what), title=title, published=published, url=url,
                     source_path=str(path), what=what)


def walk_folder(folder: Path) -> Iterator[Path]:
    """Clippable files below ``folder``, in a stable order; hidden files are skipped."""
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_file() and path.suffix.lower() in CLIPPABLE_SUFFIXES:
            yield path
