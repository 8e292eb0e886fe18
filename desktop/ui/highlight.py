"""The reader's article as HTML: people in one colour, places and organisations quieter,
dates in another, each date carrying what it resolved to (shown on hover); quoted words in
their own colour, and each quote's speaker underlined, linked to the person it refers to.

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
    quote: str = "#1b6b3a"  # what was said
    speaker: str = "#0f5a2c"  # who said it (underlined)

    @staticmethod
    def for_scheme(dark: bool) -> Colours:
        if dark:
            return Colours("#3b4f7a", "#e8eeff", "#9aa4b2", "#5a4a1f", "#fff3cf", "#a8e6bd", "#c9f5d8")
        return Colours("#dbe6ff", "#1a3a8a", "#5d6b7a", "#fff0c2", "#6b4e00")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # person | other | date | speaker
    title: str = ""
    href: str = ""


def speaker_spans(quotes: Iterable[Mapping[str, Any]]) -> list[Span]:
    """Each quote's speaker as written ("he", "the spokeswoman"), titled with who it is."""
    spans = []
    for q in quotes:
        if q.get("speaker_start") is None:
            continue
        who = q.get("person") or "not resolved"
        person = q.get("person_id")
        title = f"{q.get('speaker')} = {who} (speaker of a quote" + (
            "; click to see their events)" if person is not None else ")")
        spans.append(Span(int(q["speaker_start"]), int(q["speaker_end"]), "speaker", title=title,
                          href=f"person:{person}" if person is not None else ""))
    return spans


def quoted_ranges(quotes: Iterable[Mapping[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, hover text) of every piece of quoted content, in order."""
    ranges = []
    for q in quotes:
        who = q.get("person") or q.get("speaker") or "unknown speaker"
        when = q.get("date") or "undated"
        title = f"quote: {who}, {when}" + ("" if q.get("date_from_text") else " (publication date)")
        ranges += [(int(s), int(e), title) for s, e in q.get("content") or ()]
    return sorted(ranges)


def spans_for(mentions: Iterable[Mapping[str, Any]], timexes: Iterable[Mapping[str, Any]],
              quotes: Iterable[Mapping[str, Any]] = ()) -> list[Span]:
    """Non-overlapping highlight spans: dates win over speakers, speakers over names."""
    spans: list[Span] = speaker_spans(quotes)
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
    order = {"date": 0, "speaker": 1}
    spans.sort(key=lambda s: (s.start, order.get(s.kind, 2), -s.end))
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


class _Quoted:
    """Writes a stretch of the text, the parts inside a quote in the quote style."""

    def __init__(self, text: str, ranges: list[tuple[int, int, str]], colour: str) -> None:
        self.text, self.ranges, self.colour = text, ranges, colour

    def html(self, start: int, end: int) -> str:
        out, position = [], start
        for r_start, r_end, title in self.ranges:
            if r_end <= position or r_start >= end:
                continue
            a, b = max(r_start, position), min(r_end, end)
            out.append(_text_html(self.text[position:a]))
            out.append(f'<span class="quote" title="{_escape(title)}" style="color:{self.colour}">'
                       f"{_text_html(self.text[a:b])}</span>")
            position = b
        out.append(_text_html(self.text[position:end]))
        return "".join(out)


def article_html(
    text: str,
    mentions: Iterable[Mapping[str, Any]] = (),
    timexes: Iterable[Mapping[str, Any]] = (),
    *,
    colours: Colours | None = None,
    furniture: Iterable[tuple[int, int]] = (),
    show_furniture: bool = True,
    quotes: Iterable[Mapping[str, Any]] = (),
) -> str:
    """The article body as HTML with its highlights (text escaped, spans in order). Page
    furniture (``furniture`` spans) is muted, or left out without ``show_furniture``; quoted
    words are tinted and their speakers underlined."""
    colours = colours or Colours.for_scheme(False)
    quotes = list(quotes)
    furniture = [(int(a), int(b)) for a, b in furniture]
    quoted = _Quoted(text, quoted_ranges(quotes), colours.quote)
    out: list[str] = []
    position = 0
    pieces = sorted(
        [Span(a, b, "furniture", title="page furniture: not part of the story") for a, b in furniture]
        + [s for s in spans_for(mentions, timexes, quotes)
           if not any(a < s.end and s.start < b for a, b in furniture)],
        key=lambda s: (s.start, -s.end),
    )
    for span in pieces:
        if span.start < position or span.end > len(text):
            continue
        out.append(quoted.html(position, span.start))
        inner = quoted.html(span.start, span.end)
        title = _escape(span.title)
        if span.kind == "furniture":
            if show_furniture:
                out.append(f'<span title="{title}" style="color:{colours.other};'
                           f'font-size:small">{_text_html(text[span.start : span.end])}</span>')
        elif span.kind == "speaker":
            style = f"color:{colours.speaker};text-decoration:underline;font-weight:600"
            tag = "a" if span.href else "span"
            href = f' href="{_escape(span.href)}"' if span.href else ""
            out.append(f'<{tag} class="speaker"{href} title="{title}" style="{style}">{inner}</{tag}>')
        elif span.kind == "person":
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
    out.append(quoted.html(position, len(text)))
    return "".join(out)

