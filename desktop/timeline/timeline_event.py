"""``TimelineEvent``: one happening on the timeline, with every clip that reports it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.timeline.precision import display, sort_key


@dataclass
class Source:
    """One article reporting an event, and the sentence it says it in."""

    article_id: int | None
    title: str
    url: str | None
    published: str | None
    outlet: str | None = None
    sentence: str = ""
    event_id: int | None = None
    key: str | None = None
    start: int | None = None
    end: int | None = None
    date_text: str = ""  # the words that date the sentence ("on Thursday"), if any
    hidden: bool = False  # the reporter hid this report (the event may still show by others)

    def as_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "outlet": self.outlet,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "date_text": self.date_text,
        }


@dataclass
class TimelineEvent:
    """A dated happening: its date (TIMEX3 value) at the precision the sources give.

    ``id`` names it for corrections: "e<event id>" for an extracted event (the first of its
    sources), "m<id>" for one added by hand. ``conflict`` is set when sources that look like
    they report the same happening give another date; ``conflicting_dates`` says which.
    ``hidden`` is set when the reporter hid it (every source of a merged event hidden): only
    a timeline asked to include hidden events (``Filters.include_hidden``) holds such events.
    """

    id: str
    date: str
    precision: str
    text: str
    people: list[str] = field(default_factory=list)
    planned: bool = False
    sources: list[Source] = field(default_factory=list)
    pinned: bool = False
    manual: bool = False
    corrected: bool = False
    conflict: bool = False
    conflicting_dates: list[str] = field(default_factory=list)
    hidden: bool = False
    #: The stored happening this event is (None: not clustered, or a hand-made event).
    happening: int | None = None
    places: list[str] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        """The outlets reporting it, in the order they first did."""
        ordered = sorted(
            (s for s in self.sources if s.outlet), key=lambda s: (s.published or "9999", s.event_id or 0)
        )
        return list(dict.fromkeys(s.outlet for s in ordered if s.outlet))

    @property
    def articles(self) -> int:
        return len({s.article_id for s in self.sources if s.article_id is not None})

    def reported_by(self) -> str:
        """"CNN, Reuters — first reported by CNN, Sun 20 Feb 2011" (or just the outlets)."""
        outlets = self.outlets
        if not outlets:
            return ""
        first = min(
            (s for s in self.sources if s.outlet), key=lambda s: (s.published or "9999", s.event_id or 0)
        )
        told = ", ".join(outlets)
        if first.published and (len(outlets) > 1 or self.articles > 1):
            told += f" \u2014 first reported by {first.outlet}, {display(first.published[:10])}"
        return told

    @property
    def sort_key(self) -> str:
        return sort_key(self.date)

    @property
    def display_date(self) -> str:
        return display(self.date)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "precision": self.precision,
            "display_date": self.display_date,
            "text": self.text,
            "people": list(self.people),
            "planned": self.planned,
            "pinned": self.pinned,
            "manual": self.manual,
            "corrected": self.corrected,
            "conflict": self.conflict,
            "conflicting_dates": list(self.conflicting_dates),
            "hidden": self.hidden,
            "happening": self.happening,
            "reports": len(self.sources),
            "articles": self.articles,
            "outlets": self.outlets,
            "places": list(self.places),
            "reported_by": self.reported_by(),
            "sources": [s.as_dict() for s in self.sources],
        }
