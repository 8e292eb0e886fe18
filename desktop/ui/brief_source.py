"""The brief as the window needs it: Markdown for a scope, its preview HTML, and exports.

A thin layer over ``desktop.brief`` (``brief_from_library``, ``preview.brief_body``,
``exports.export``) so the pane deals in one call per thing. No Qt here.
"""

from __future__ import annotations

from typing import Any

from db.library import Library
from desktop.brief.exports import export as export_events
from desktop.brief.markdown import brief_from_library
from desktop.brief.preview import brief_body
from desktop.timeline.query import build_timeline

#: Export kind -> (label, file suffix).
EXPORTS = {
    "md": ("Markdown", ".md"),
    "csv": ("CSV", ".csv"),
    "json": ("JSON", ".json"),
    "timelinejs": ("TimelineJS", ".json"),
}


def brief_markdown(library: Library, filters: Any, title: str) -> str:
    return brief_from_library(library, filters, title=title)


def brief_html(markdown_text: str) -> str:
    """The preview's HTML: Markdown rendered with raw HTML refused (article text is escaped)."""
    return brief_body(markdown_text)


def export(kind: str, library: Library, filters: Any, title: str) -> str:
    """The brief (``md``) or its timeline (``csv``, ``json``, ``timelinejs``) as text."""
    if kind == "md":
        return brief_markdown(library, filters, title)
    if kind not in EXPORTS:
        raise ValueError(f"unknown export {kind!r}")

    events = build_timeline(library, filters)
    return export_events(events, kind, title=title, filters=filters, db=library.db)  # type: ignore[arg-type]
