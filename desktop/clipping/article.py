"""The ``Article`` record: what every way of clipping produces and what the library stores."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Literal
from urllib.parse import urlsplit

#: Where a publication date came from, in order of how much we trust it.
DateSource = Literal["user", "metadata", "dateline", "url", "file", "jsonl", "none"]
#: How precise a publication date is.
DatePrecision = Literal["minute", "day", "month", "year", "none"]


@dataclass
class Article:
    """One clipped article, as it came in and as we cleaned it.

    ``original`` is kept byte-for-byte (decoded) so nothing the reporter clipped is ever lost;
    ``text`` is the cleaned article that analysis, search and the reader use.
    """

    text: str
    original: str
    original_type: str = "text"  # text | html | pdf | jsonl
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    published: str | None = None  # ISO date or datetime ("2025-05-30" / "2025-05-30T12:58")
    published_precision: DatePrecision = "none"
    published_source: DateSource = "none"
    source_path: str | None = None
    notes: str = ""
    sha256: str = field(default="")

    def __post_init__(self) -> None:
        if self.url is not None and not is_web_url(self.url):
            # A javascript:/file:/data: "URL" from a hostile page or export would become a live
            # link in the reader: only http(s) addresses are kept as the article's URL.
            self.url = None
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.original.encode("utf-8")).hexdigest()

    def as_dict(self) -> dict:
        return asdict(self)


def is_web_url(url: str) -> bool:
    """An http(s) address with a host: the only kind of URL an article keeps."""
    try:
        parsed = urlsplit(url.strip())
    except ValueError:  # e.g. an unclosed "[" IPv6 host
        return False
    return parsed.scheme.lower() in ("http", "https") and bool(parsed.netloc)
