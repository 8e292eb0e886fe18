"""The publication date a page declares about itself, read the way a person would.

Pages often state it several times: JSON-LD ``datePublished``, ``article:published_time``,
a ``<time itemprop="datePublished">``. A time written in UTC can fall on the next day where the
story was published: the page's own local offset shows the day its readers saw, and a page
that gives only UTC is ambiguous by a day (``Declared.utc_only``). The publication date the
page declares wins over its ``dateCreated`` and ``dateModified``: taking an earlier one of those
made Clipline a day early more often than right (issue #16).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_ISO = r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?)?"
_PUBLISHED_JSON = re.compile(r'"(datePublished|dateCreated|dateModified)"\s*:\s*"' + _ISO, re.I)
_PUBLISHED_META = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"']?"
    r"(article:published_time|article:modified_time|og:published_time|datePublished|dateModified|"
    r"pubdate|publishdate|date)[\"']?[^>]*?content\s*=\s*[\"']?" + _ISO,
    re.I,
)
_PUBLISHED_META_REVERSED = re.compile(
    r"<meta\b[^>]*?content\s*=\s*[\"']?" + _ISO + r"[^>]*?(?:property|name|itemprop)\s*=\s*[\"']?"
    r"(article:published_time|article:modified_time|datePublished|dateModified)",
    re.I,
)
# Whole <meta>/<time> tags of bounded length first, then the patterns above inside each tag:
# run over the page as a whole, their nested lazy scans took minutes on a 60 KB page of
# unclosed <meta tags (tests/data/hostile/meta_regex_bomb.html).
_META_TAG = re.compile(r"<meta\b[^<>]{0,1000}>?", re.I)
_TIME_PUBLISHED = re.compile(r"<time\b[^<>]{0,1000}>", re.I)
_DATETIME_ATTR = re.compile(r"datetime\s*=\s*[\"']?" + _ISO, re.I)


def _kind(name: str) -> str:
    name = name.lower()
    if "modified" in name:
        return "modified"
    if "created" in name:
        return "created"
    return "published"


def _is_local(offset: str | None) -> bool:
    return bool(offset) and offset not in ("Z", "+00:00", "+0000", "-00:00")


@dataclass(frozen=True)
class Declared:
    """The publication day a page declares; ``utc_only``: only in UTC (its local day may be
    the next or the one before)."""

    day: str
    utc_only: bool


def declared_publication_date(html: str) -> str | None:
    """The first-publication day the page declares, or None if it declares none."""
    declared = declared_publication(html)
    return declared.day if declared else None


def declared_publication(html: str) -> Declared | None:
    """The publication day the page declares (``datePublished`` and its kin), or None."""
    head = html[:400_000]
    found: list[tuple[str, str, str | None]] = []  # (kind, day, offset)
    for m in _PUBLISHED_JSON.finditer(head):
        found.append((_kind(m.group(1)), m.group(2), m.group(4)))
    for tag in _META_TAG.finditer(head):
        if m := _PUBLISHED_META.match(tag.group(0)):
            found.append((_kind(m.group(1)), m.group(2), m.group(4)))
        if m := _PUBLISHED_META_REVERSED.match(tag.group(0)):
            found.append((_kind(m.group(4)), m.group(1), m.group(3)))
    for tag in _TIME_PUBLISHED.finditer(head):
        if re.search(r"datePublished|pubdate", tag.group(0), re.I):
            dt = _DATETIME_ATTR.search(tag.group(0))
            if dt:
                found.append(("published", dt.group(1), dt.group(3)))
    published = [f for f in found if f[0] == "published" and _valid(f[1])]
    if not published:
        return None
    local = [f for f in published if _is_local(f[2])]
    day = min(f[1] for f in (local or published))
    utc_only = not local and any(f[2] for f in published)
    return Declared(day, utc_only)


def _valid(day: str) -> bool:
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        return False
    return 1990 <= parsed.year <= date.today().year + 1
