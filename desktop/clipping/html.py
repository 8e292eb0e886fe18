"""Saved pages and clipboard HTML to an ``Article``, with trafilatura.

trafilatura finds the main text and the page metadata (title, author, site, canonical URL,
date). The publication date is the first of: what the page declares about itself
(``page_dates``), the page metadata htmldate finds (looking for the original date), a dateline
in the extracted text, the date in the URL.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from urllib.parse import urlparse

import trafilatura
from htmldate import find_date

from desktop.clipping.article import Article
from desktop.clipping.dateline import find_dateline
from desktop.clipping.encoding import decode_text
from desktop.clipping.errors import ClipError
from desktop.clipping.html_size import text_chars
from desktop.clipping.limits import MAX_HTML_BYTES, MAX_TEXT_CHARS, human_size
from desktop.clipping.page_dates import declared_publication
from desktop.clipping.text import check_text, clean_line, normalise_text

# trafilatura and htmldate log every odd page at WARNING; the reporter sees our message instead.
for _name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_URL_DATE = re.compile(r"/(19[5-9]\d|20\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
#: Pages deeper than this are refused (or they'd take minutes and gigabytes to parse).
MAX_HTML_NESTING = 2000
#: libxml2 drops what lies deeper than this: a page with its text down there reads as empty.
PARSER_MAX_DEPTH = 255
#: libxml2 stops reading a page at an attribute value longer than this: the rest reads as empty.
PARSER_MAX_ATTRIBUTE = 10_000_000
#: htmldate's extensive search scans the whole page with many patterns (~1 s per MB): beyond
#: this size only the page's metadata is read for a date.
MAX_EXTENSIVE_DATE_SEARCH = 2_000_000
#: Fewer words than this is a menu or a cookie banner, not an article.
MIN_ARTICLE_WORDS = 5


def clip_html(
    html: str | bytes,
    *,
    url: str | None = None,
    source_path: str | None = None,
    title: str | None = None,
    published: str | None = None,
    what: str = "page",
) -> Article:
    """An article from HTML; raises ``ClipError`` when the page has no article text."""
    if isinstance(html, bytes):
        if len(html) > MAX_HTML_BYTES:
            raise ClipError(f"{what} is too large ({human_size(len(html))}; the limit is {human_size(MAX_HTML_BYTES)})")
        html = decode_text(html, what=what)
    if len(html) > MAX_HTML_BYTES:
        raise ClipError(f"{what} is too large ({human_size(len(html))})")
    if not html.strip():
        raise ClipError(f"{what} is empty")
    chars = text_chars(html)
    if chars > MAX_TEXT_CHARS:  # refused before parsing: a tree of this page costs gigabytes
        raise ClipError(f"{what} is too long (over {chars:,} characters of text; the limit is {MAX_TEXT_CHARS:,})")
    if _nesting_depth(html) > MAX_HTML_NESTING:
        raise ClipError(f"{what} is nested too deeply to be an article page")
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": len(html) <= MAX_EXTENSIVE_DATE_SEARCH,
                                    "original_date": True},
        )
    except Exception as error:  # trafilatura/lxml raise many kinds on broken pages
        raise ClipError(f"{what} could not be read as HTML ({type(error).__name__})") from error
    text = normalise_text(getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        if _nesting_depth(html, always=True) > PARSER_MAX_DEPTH:
            raise ClipError(f"{what} is nested too deeply to be read (the text is below "
                            f"{PARSER_MAX_DEPTH} levels of elements)")
        if len(html) > PARSER_MAX_ATTRIBUTE and _huge_attribute(html):
            raise ClipError(f"{what} has an attribute of over {human_size(PARSER_MAX_ATTRIBUTE)} "
                            "(an embedded image?) that the HTML parser gives up on; save the page "
                            "without it, or paste its text")
        raise ClipError(f"{what} has no article text")
    check_text(text, what=what)
    page_url = url or getattr(doc, "url", None) or None
    article = Article(
        text=text.strip(),
        original=html,
        original_type="html",
        title=clean_line(title or getattr(doc, "title", None) or text.split("\n", 1)[0])[:500],
        url=page_url,
        outlet=clean_line(getattr(doc, "sitename", None)) or _hostname(page_url),
        author=clean_line(getattr(doc, "author", None)) or None,
        language=getattr(doc, "language", None),
        source_path=source_path,
    )
    if published:
        article.published, article.published_precision, article.published_source = published, "day", "user"
    else:
        _set_published(article, html, getattr(doc, "date", None))
    return article


def _set_published(article: Article, html: str, metadata_date: str | None) -> None:
    declared = declared_publication(html)
    found = declared.day if declared else None
    if declared and declared.utc_only:
        # Given only in UTC, the page's own day may be the next (or the one before): where
        # the metadata's date (htmldate reads more of the page) is one day off, it has the day.
        other = (metadata_date or _safe_find_date(html, article.url) or "")[:10]
        if _days_apart(other, declared.day) == 1:
            found = other
    found = found or metadata_date or _safe_find_date(html, article.url)
    if found:
        article.published, article.published_precision, article.published_source = found[:10], "day", "metadata"
        return
    dateline = find_dateline(article.text.split("\n"))
    if dateline:
        article.published, article.published_precision = dateline.value, dateline.precision
        article.published_source = "dateline"
        return
    url_date = date_from_url(article.url)
    if url_date:
        article.published, article.published_precision, article.published_source = url_date, "day", "url"


def _huge_attribute(html: str) -> bool:
    """An attribute value (quoted) longer than the parser reads, e.g. a data: URL image."""
    pattern = r"""=\s*["'][^"'<>]{""" + str(PARSER_MAX_ATTRIBUTE) + "}"
    return re.search(pattern, html) is not None


def _days_apart(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def _safe_find_date(html: str, url: str | None) -> str | None:
    try:
        # Bytes, not str: htmldate downloads a str that starts with "http" and has no space.
        return find_date(html.encode("utf-8"), url=url, original_date=True,
                         extensive_search=len(html) <= MAX_EXTENSIVE_DATE_SEARCH)
    except Exception:  # htmldate on a broken page: no date rather than no article
        return None


def date_from_url(url: str | None) -> str | None:
    """``/2025/05/30/`` or ``/2025-05-30-`` in a URL path."""
    if not url:
        return None
    match = _URL_DATE.search(urlparse(url).path)
    return "-".join(match.groups()) if match else None


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _nesting_depth(html: str, *, always: bool = False) -> int:
    """A cheap upper bound on element nesting (opening minus closing tags, at most)."""
    if not always and len(html) < 200_000 and html.count("<") < 20_000:
        return 0
    depth = peak = 0
    for match in _TAG_START.finditer(html):
        if match.group(2).lower() in _NEVER_NEST:
            continue  # <br>, <img>, <p> without </p>...: a long page of them is not deep
        depth += -1 if match.group(1) else 1
        peak = max(peak, depth)
    return peak


_TAG_START = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,20})")
#: Void elements and those whose end tag HTML lets pages leave out.
_NEVER_NEST = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option thead tbody tfoot colgroup".split()
)
