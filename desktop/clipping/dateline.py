"""Find a publication date written in the text itself: a dateline near the top.

Pasted articles often carry their date on a line of its own, in the site's language
("Mayıs 30, 2025 - 12:58", "30 mai 2025", "Published: 30.05.2025"). dateparser knows the
languages; we decide which line is a dateline and how precise it is.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import dateparser

#: How far down a pasted article a dateline may stand.
MAX_DATELINE_LINE = 8
MAX_DATELINE_CHARS = 80

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3])[:h]([0-5]\d)(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")
_PREFIX = re.compile(
    r"^\s*(published|posted|updated|last updated|date|datum|veröffentlicht|publié le|"
    r"publicado|pubblicato|yayınlanma|yayın tarihi)\s*(on|am|le|el|il)?\s*[:\-–]?\s*",
    re.I,
)


@dataclass(frozen=True)
class Dateline:
    line_index: int
    value: str  # ISO date or datetime
    precision: str  # "day" | "minute"


def parse_dateline(line: str) -> tuple[str, str] | None:
    """The ISO date (or datetime) and its precision if ``line`` is just a date, else None."""
    text = line.strip()
    if not text or len(text) > MAX_DATELINE_CHARS or not _YEAR.search(text):
        return None
    text = _PREFIX.sub("", text)
    # "Mayıs 30, 2025 - 12:58 | World" -> the part with the year
    parts = [p for p in re.split(r"\s[|•·]\s", text) if _YEAR.search(p)]
    if not parts:
        return None
    text = parts[0].strip()
    numeric = _NUMERIC_DATE.search(text)
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    if numeric:
        settings["DATE_ORDER"] = "DMY"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(text, settings=settings)
    if parsed is None:
        return None
    if _TIME.search(_NUMERIC_DATE.sub(" ", text)):
        return parsed.strftime("%Y-%m-%dT%H:%M"), "minute"
    return parsed.strftime("%Y-%m-%d"), "day"


def find_dateline(lines: list[str]) -> Dateline | None:
    """The first line among the top few that is a dateline."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > MAX_DATELINE_LINE:
            break
        found = parse_dateline(line)
        if found:
            return Dateline(index, *found)
    return None
