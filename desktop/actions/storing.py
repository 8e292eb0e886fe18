"""Writing an article's analysis: the one place analysis meets storage.

Runs inside the caller's transaction (the article's own, on import or re-analysis). Each
writer replaces that article's earlier rows of its kind and never touches corrections, which
live in their own tables and are applied again as events are written. Event dates are placed
on the calendar here, so storage keeps the columns and knows nothing of TIMEX3 values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

from db.events import write_events
from db.furniture import write_furniture
from db.quotes import write_quotes
from db.timexes import write_timexes
from desktop.actions.analysing import ArticleAnalysis
from desktop.actions.quotes import person_finder
from desktop.people import write_mentions
from desktop.timeline.precision import Placed, place


def placed_events(events: Iterable[Any]) -> Iterator[tuple[Any, Placed]]:
    """Each event with its date on the calendar; one whose date has no place is left out."""
    for event in events:
        placed = place(event.date)
        if placed is not None:
            yield event, placed


def store_analysis(db: Database, article_id: int, analysis: ArticleAnalysis) -> None:
    """Store ``analysis`` for ``article_id``; runs inside the caller's transaction."""
    write_timexes(db, article_id, analysis.timexes)
    write_mentions(db, article_id, analysis.entities)
    write_events(db, article_id, placed_events(analysis.events))
    write_furniture(db, article_id, analysis.furniture)
    # after the mentions: speakers are linked to people through them
    write_quotes(db, article_id, analysis.quotes, person_finder(db))
