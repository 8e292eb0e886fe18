"""People across the library: which mentions are one person, which names are no person,
the reader's corrections, and suggested merges.

Above ``db`` (which only stores the rows) and ``analysis`` (which finds the mentions in one
article): the decisions that need the whole library live here.
"""

from __future__ import annotations

from db.people import (
    list_people,
    mentions_in_article,
    people_in_article,
    people_in_span,
)
from desktop.people.corrections import (
    corrections,
    mark_not_person,
    merge_people,
    rename_person,
    split_person,
    undo_correction,
)
from desktop.people.linking import PeopleError, find_person, relink_all, write_mentions
from desktop.people.named import list_named
from desktop.people.rules import NOT_PERSON_LABEL
from desktop.people.suggestions import suggest_merges

__all__ = [
    "NOT_PERSON_LABEL",
    "PeopleError",
    "corrections",
    "find_person",
    "list_named",
    "list_people",
    "mark_not_person",
    "mentions_in_article",
    "merge_people",
    "people_in_article",
    "people_in_span",
    "relink_all",
    "rename_person",
    "split_person",
    "suggest_merges",
    "undo_correction",
    "write_mentions",
]
