"""Latest result wins: work read on a worker is shown only if nothing newer was asked since.

The window reads people and renders the brief off the GUI thread; a reader who changes a
filter twice, or corrects a person while a read is running, must see the newest answer,
never an older one arriving late. Each request takes a ticket; a change that makes every
answer in flight moot (a correction that rebuilt people) outdates them all.
"""

from __future__ import annotations


class Latest:
    """Tickets for one kind of request; only the newest ticket's result is current."""

    def __init__(self) -> None:
        self._newest = 0

    def ticket(self) -> int:
        """A ticket for a request starting now (it makes every earlier one out of date)."""
        self._newest += 1
        return self._newest

    def outdate(self) -> None:
        """Every request in flight is moot: their results will not be shown."""
        self._newest += 1

    def is_current(self, ticket: int) -> bool:
        return ticket == self._newest
