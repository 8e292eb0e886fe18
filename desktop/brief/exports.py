"""Exports a newsroom can use without retyping: CSV and JSON of events, and TimelineJS JSON
(Knight Lab: events[].start_date {year, month, day}, text {headline, text}, group), with
month and day left out when the date's precision does not have them."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from typing import Any, Literal

from desktop.timeline.filters import Filters
from desktop.timeline.precision import place
from desktop.timeline.timeline_event import TimelineEvent

Format = Literal["csv", "json", "timelinejs"]

CSV_COLUMNS = [
    "id",
    "date",
    "precision",
    "display_date",
    "text",
    "people",
    "planned",
    "conflict",
    "conflicting_dates",
    "pinned",
    "manual",
    "sources",
    "source_titles",
    "source_urls",
    "source_published",
    "article_ids",
]


def events_csv(events: Sequence[TimelineEvent]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in events:
        row = {
            "id": e.id,
            "date": e.date,
            "precision": e.precision,
            "display_date": e.display_date,
            "text": e.text,
            "people": "; ".join(e.people),
            "planned": int(e.planned),
            "conflict": int(e.conflict),
            "conflicting_dates": "; ".join(e.conflicting_dates),
            "pinned": int(e.pinned),
            "manual": int(e.manual),
            "sources": len(e.sources),
            "source_titles": " | ".join(s.title for s in e.sources),
            "source_urls": " | ".join(s.url or "" for s in e.sources),
            "source_published": " | ".join((s.published or "")[:10] for s in e.sources),
            "article_ids": " ".join(
                str(s.article_id) for s in e.sources if s.article_id is not None
            ),
        }
        # Every text cell: people, titles, URLs and dates come from articles too.
        writer.writerow({k: _no_formula(v) if isinstance(v, str) else v for k, v in row.items()})
    return out.getvalue()


#: A cell starting with one of these is a formula to a spreadsheet (tab and CR too: some
#: spreadsheets skip them and read the formula behind).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _no_formula(text: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; article data must not.

    A lone CR becomes a line break the CSV quotes (unquoted, it split the row in two).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + text if text[:1] in FORMULA_STARTS else text


def events_json(events: Sequence[TimelineEvent]) -> str:
    return json.dumps([e.as_dict() for e in events], ensure_ascii=False, indent=2) + "\n"


def _start_date(value: str) -> dict[str, int] | None:
    placed = place(value)
    if placed is None:
        return None
    date: dict[str, int] = {"year": placed.first.year}
    if placed.precision in ("day", "week", "month", "half", "quarter", "season"):
        date["month"] = placed.first.month
    if placed.precision == "day":
        date["day"] = placed.first.day
    return date


def _headline(text: str, limit: int = 90) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "\u2026"


def timelinejs(
    events: Sequence[TimelineEvent], *, title: str | None = None, filters: Filters | None = None
) -> dict[str, Any]:
    """A TimelineJS (v3) JSON object. Text fields are HTML there, so article text is escaped."""
    items = []
    for e in events:
        start = _start_date(e.date)
        if start is None:
            continue
        sources = "".join(
            f'<li><a href="{html.escape(s.url, quote=True)}">{html.escape(s.title or s.url)}</a>'
            f"{', published ' + html.escape(s.published[:10]) if s.published else ''}</li>"
            if s.url and s.url.lower().startswith(("http://", "https://"))
            else f"<li>{html.escape(s.title or 'source')}"
            f"{', published ' + html.escape(s.published[:10]) if s.published else ''}</li>"
            for s in e.sources
        )
        body = f"<p>{html.escape(e.text)}</p>"
        if e.people:
            body += f"<p>People: {html.escape(', '.join(e.people))}</p>"
        if e.conflict:
            body += f"<p><strong>Date conflict:</strong> other sources give {html.escape(', '.join(e.conflicting_dates))}</p>"
        if sources:
            body += f"<ul>{sources}</ul>"
        item: dict[str, Any] = {
            "start_date": start,
            "text": {"headline": html.escape(_headline(e.text)), "text": body},
            "group": "Planned" if e.planned else "Reported",
            "unique_id": e.id,
        }
        if e.precision != "day":
            item["display_date"] = e.display_date
        items.append(item)
    described = "; ".join((filters or Filters()).describe())
    return {
        "title": {
            "text": {"headline": html.escape(title or "Timeline"), "text": html.escape(described)}
        },
        "events": items,
    }


def export(
    events: Sequence[TimelineEvent],
    format: Format,
    *,
    title: str | None = None,
    filters: Filters | None = None,
    db: Any = None,
) -> str:
    """Events in ``format`` ("csv", "json" or "timelinejs") as text."""
    if format == "csv":
        return events_csv(events)
    if format == "json":
        return events_json(events)
    if format == "timelinejs":
        return (
            json.dumps(
                timelinejs(events, title=title, filters=filters), ensure_ascii=False, indent=2
            )
            + "\n"
        )
    raise ValueError(f"unknown export format: {format!r}")
