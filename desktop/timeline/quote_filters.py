"""The reporter's filters (a person, a date range, words) as SQL over stored quotes.

The same ``Filters`` the timeline uses, and the same person matching: a person by any of
the names the library's people go by (renames and merges included), else by the name the
quote was attributed to ("Lavrov" finds "Sergey Lavrov").
"""

from __future__ import annotations

from typing import Any

from db.timeline import like as _like
from db.timeline import names_match as _names_match
from db.timeline import tagged
from desktop.timeline.filters import Filters


def quote_where(filters: Filters) -> tuple[str, list[Any]]:
    """A WHERE clause over ``quotes q`` joined to ``articles a`` for ``db.quotes.list_quotes``."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.person:
        names, name_params = _names_match("name", filters.person)
        aliases, alias_params = _names_match("alias", filters.person)
        said, said_params = _names_match("q.person", filters.person)
        clauses.append(
            f"(q.person_id IN (SELECT id FROM people WHERE {names}"
            f" UNION SELECT person_id FROM person_aliases WHERE {aliases}) OR {said})"
        )
        params.extend(name_params + alias_params + said_params)
    if filters.date_from:
        clauses.append("q.date >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        clauses.append("q.date <= ?")
        params.append(filters.date_to.isoformat())
    if filters.query:
        for word in filters.query.split():
            clauses.append("(q.content_text LIKE ? ESCAPE '\\' OR q.speaker LIKE ? ESCAPE '\\')")
            params.extend([_like(word.strip('"'))] * 2)
    if filters.tag:
        clause, clause_params = tagged("q.article_id", filters.tag)
        clauses.append(clause)
        params.extend(clause_params)
    return (" AND ".join(clauses) or "1"), params
