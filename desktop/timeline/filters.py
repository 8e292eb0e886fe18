"""What part of the timeline the reporter wants: a person, a date range, words, a story tag.

Filters turn into SQL over the ``events`` table (indexed), so the window can narrow
hundreds of thousands of events while the reporter types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from db.happenings import OFF_STORY_SQL
from db.library import to_fts_query
from desktop.people.names import name_key
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


def event_where(filters: Filters) -> tuple[str, list[Any]]:
    """A WHERE clause over ``events e`` (which holds the corrected values)."""
    clauses: list[str] = []
    params: list[Any] = []
    if not filters.include_hidden:
        clauses.append("e.hidden = 0")
    if not filters.include_off_story:
        clauses.append(OFF_STORY_SQL)
    if filters.person:
        # The library's people (with the reporter's renames and merges) by any of their
        # names; the names stored with the events when there is no mention of them.
        # Any spelling finds them: a name with the same name key ("Moammar Gadhafi",
        # "Muammar Gaddafi") is the same person, and so are the names they go by.
        key = name_key(filters.person)
        names, name_params = _names_match("name", filters.person)
        aliases, alias_params = _names_match("alias", filters.person)
        people = (f"SELECT id FROM people WHERE {names} OR key = ?"
                  f" UNION SELECT person_id FROM person_aliases WHERE {aliases} OR key = ?")
        people_params = [*name_params, key, *alias_params, key]
        clauses.append(
            "(e.id IN (SELECT ev.id FROM mentions m JOIN events ev ON ev.article_id = m.article_id"
            ' AND m.start >= ev.start AND m."end" <= ev."end"'
            f" WHERE m.label = 'PERSON' AND m.person_id IN ({people}))"
            " OR e.id IN (SELECT event_id FROM event_people WHERE name IN"
            f" (SELECT DISTINCT name FROM event_people WHERE {names})"
            f" OR name IN (SELECT name FROM people WHERE id IN ({people})"
            f" UNION SELECT alias FROM person_aliases WHERE person_id IN ({people}))))"
        )
        params.extend(people_params + name_params + people_params + people_params)
    # date_sort starts with the first day, so its index serves the range and the order.
    if filters.date_from:
        clauses.append("e.date_sort >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        clauses.append("e.date_sort < ? AND e.date_last <= ?")
        params.extend(
            [_day_after(filters.date_to), filters.date_to.isoformat()]
        )
    if filters.query:
        fts = to_fts_query(filters.query)
        if fts:
            clauses.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            params.append(fts)
    if filters.tag:
        clauses.append(
            "e.article_id IN (SELECT article_id FROM article_tags JOIN tags ON tags.id = tag_id"
            " WHERE tags.name = ?)"
        )
        params.append(filters.tag)
    return (" AND ".join(clauses) or "1"), params


def manual_where(filters: Filters) -> tuple[str, list[Any]]:
    """The same filters over ``manual_events m`` (a tag filter keeps those from tagged sources)."""
    clauses: list[str] = []
    params: list[Any] = []
    if not filters.include_hidden:
        clauses.append("m.hidden = 0")
    if filters.person:
        clause, clause_params = _names_match("m.people", filters.person, quoted=True)
        clauses.append(clause)
        params.extend(clause_params)
    if filters.date_from:
        clauses.append("m.date_first >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        clauses.append("m.date_last <= ?")
        params.append(filters.date_to.isoformat())
    if filters.query:
        for word in filters.query.split():
            clauses.append("m.text LIKE ? ESCAPE '\\'")
            params.append(_like(word.strip('"')))
    if filters.tag:
        clauses.append(
            "m.source_article_id IN (SELECT article_id FROM article_tags JOIN tags"
            " ON tags.id = tag_id WHERE tags.name = ?)"
        )
        params.append(filters.tag)
    return (" AND ".join(clauses) or "1"), params


def _names_match(column: str, name: str, *, quoted: bool = False) -> tuple[str, list[str]]:
    """``column`` holds ``name`` as whole words: "Lavrov" finds "Sergey Lavrov", but
    "Anna Kovalenko" does not find "Anna Kovalenkova". With ``quoted`` the column is a JSON
    list of names. (LIKE ignores case, as a reporter typing a name expects.)"""
    word = " ".join(name.split()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if quoted:  # '["Sergey Lavrov", "Marco Rubio"]'
        patterns = [f'%"{word}"%', f'%"{word} %', f'% {word}"%', f"% {word} %"]
    else:
        patterns = [word, f"{word} %", f"% {word}", f"% {word} %"]
    clause = "(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for _ in patterns) + ")"
    return clause, patterns


def _like(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _day_after(day: dt.date) -> str:
    """The exclusive upper bound for ``date_sort``: past the last day there is only "9999-12-31~"."""
    return "9999-12-31~" if day == dt.date.max else (day + dt.timedelta(days=1)).isoformat()
