"""What part of the timeline the reporter wants: a person, a date range, words, a story tag.

Filters turn into SQL over the ``events`` table (indexed, ``db.timeline``), so the window can
narrow hundreds of thousands of events while the reporter types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.library import to_fts_query
from db.timeline import EventFilter, Where
from db.timeline import event_where as events_where
from db.timeline import manual_where as manual_events_where
from desktop.timeline.precision import parse_bound


@dataclass
class Filters:
    """Empty fields do not filter. Dates are bounds on the days an event covers.
    ``include_hidden`` brings back the events the reporter hid (marked ``hidden``)."""

    person: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    query: str | None = None
    tag: str | None = None
    include_hidden: bool = False
    #: Also the articles (and outlets) the reporter marked "not this story".
    include_off_story: bool = False

    @classmethod
    def from_strings(
        cls,
        *,
        person: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        query: str | None = None,
        tag: str | None = None,
        include_hidden: bool = False,
    ) -> Filters:
        """Filters from what a reporter types ("2025", "2025-05", "2025-05-29" for dates)."""
        return cls(
            person=person or None,
            date_from=parse_bound(date_from) if date_from else None,
            date_to=parse_bound(date_to, end=True) if date_to else None,
            query=query or None,
            tag=tag or None,
            include_hidden=include_hidden,
        )

    def describe(self) -> list[str]:
        """The filters in words, for the scope line of a brief."""
        parts = []
        if self.person:
            parts.append(f"person: {self.person}")
        if self.date_from or self.date_to:
            start = self.date_from.isoformat() if self.date_from else "…"
            end = self.date_to.isoformat() if self.date_to else "…"
            parts.append(f"dates: {start} to {end}")
        if self.query:
            parts.append(f"text: \u201c{self.query}\u201d")
        if self.tag:
            parts.append(f"story: {self.tag}")
        return parts

    def is_empty(self) -> bool:
        return not (self.person or self.date_from or self.date_to or self.query or self.tag)


def sql_filter(filters: Filters) -> EventFilter:
    """The filters as storage reads them: the person's name key and the FTS query made here."""
    person_key = None
    if filters.person:
        # lazy: the people package (linking, corrections) loads only for a person filter
        from desktop.people.name_keys import name_key

        person_key = name_key(filters.person)
    return EventFilter(
        include_hidden=filters.include_hidden,
        include_off_story=filters.include_off_story,
        person=filters.person or None,
        person_key=person_key,
        date_from=filters.date_from,
        date_to=filters.date_to,
        fts=(to_fts_query(filters.query) or None) if filters.query else None,
        words=tuple(word.strip('"') for word in filters.query.split()) if filters.query else (),
        tag=filters.tag,
    )


def event_where(filters: Filters) -> Where:
    """A WHERE clause over ``events e`` (which holds the corrected values)."""
    return events_where(sql_filter(filters))


def manual_where(filters: Filters) -> Where:
    """The same filters over ``manual_events m`` (a tag filter keeps those from tagged sources)."""
    return manual_events_where(sql_filter(filters))
