"""The reader's article as HTML: people in one colour, places and organisations quieter,
dates in another, each date carrying what it resolved to (shown on hover).

Pure text work on the article's cleaned text and its stored spans; everything from the
article is HTML-escaped, so a clipped page can never inject markup into the reader.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Colours:
    """Highlight colours for one colour scheme (light or dark)."""

    person: str
    person_text: str
    other: str  # places, organisations
    date: str
    date_text: str

    @staticmethod
    def for_scheme(dark: bool) -> Colours:
        if dark:
            return Colours("#3b4f7a", "#e8eeff", "#9aa4b2", "#5a4a1f", "#fff3cf")
        return Colours("#dbe6ff", "#1a3a8a", "#5d6b7a", "#fff0c2", "#6b4e00")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # person | other | date
    title: str = ""
    href: str = ""


def spans_for(mentions: Iterable[Mapping[str, Any]], timexes: Iterable[Mapping[str, Any]]) -> list[Span]:
    """Non-overlapping highlight spans, dates winning over names where they overlap."""
    spans: list[Span] = []
    for t in timexes:
        title = t.get("explanation") or f"{t.get('text')} → {t.get('value')}"
        spans.append(Span(int(t["start"]), int(t["end"]), "date", title=title, href=f"timex:{t.get('id', '')}"))
    for m in mentions:
        label = m.get("label")
        if label == "PERSON":
            person = m.get("person_id")
            role = m.get("role")
            title = f"{m.get('text')}" + (f" — {role}" if role else "") + " (click to see their events)"
            spans.append(Span(int(m["start"]), int(m["end"]), "person", title=title,
                              href=f"person:{person}" if person is not None else ""))
        elif label in ("ORG", "PLACE"):
            spans.append(Span(int(m["start"]), int(m["end"]), "other",
                              title="organisation" if label == "ORG" else "place"))
    spans.sort(key=lambda s: (s.start, 0 if s.kind == "date" else 1, -s.end))
    kept: list[Span] = []
    for span in spans:
        if span.end <= span.start:
            continue
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _text_html(text: str) -> str:
    return _escape(text).replace("\n", "<br>")


def article_html(
    text: str,
    mentions: Iterable[Mapping[str, Any]] = (),
    timexes: Iterable[Mapping[str, Any]] = (),
    *,
    colours: Colours | None = None,
    furniture: Iterable[tuple[int, int]] = (),
    show_furniture: bool = True,
) -> str:
    """The article body as HTML with its highlights (text escaped, spans in order). Page
    furniture (``furniture`` spans) is muted, or left out without ``show_furniture``."""
    colours = colours or Colours.for_scheme(False)
    out: list[str] = []
    position = 0
    pieces = sorted(
        [Span(int(a), int(b), "furniture", title="page furniture: not part of the story")
         for a, b in furniture]
        + [s for s in spans_for(mentions, timexes)
           if not any(int(a) < s.end and s.start < int(b) for a, b in furniture)],
        key=lambda s: (s.start, -s.end),
    )
    for span in pieces:
        if span.start < position or span.end > len(text):
            continue
        if span.kind == "furniture":
            out.append(_text_html(text[position : span.start]))
            if show_furniture:
                out.append(f'<span title="{_escape(span.title)}" style="color:{colours.other};'
                           f'font-size:small">{_text_html(text[span.start : span.end])}</span>')
            position = span.end
            continue
        out.append(_text_html(text[position : span.start]))
        inner = _text_html(text[span.start : span.end])
        title = _escape(span.title)
        if span.kind == "person":
            style = f"background-color:{colours.person};color:{colours.person_text};text-decoration:none;font-weight:600"
            if span.href:
                out.append(f'<a href="{_escape(span.href)}" title="{title}" style="{style}">{inner}</a>')
            else:
                out.append(f'<span title="{title}" style="{style}">{inner}</span>')
        elif span.kind == "date":
            style = f"background-color:{colours.date};color:{colours.date_text}"
            out.append(f'<span title="{title}" style="{style}">{inner}</span>')
        else:
            out.append(f'<span title="{title}" style="color:{colours.other};font-style:italic">{inner}</span>')
        position = span.end
    out.append(_text_html(text[position:]))
    return "".join(out)
