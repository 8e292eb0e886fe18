"""A time expression found in an article, with its TIMEX3 value and where that came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Timex:
    """One date, time, duration or frequency in a text.

    *anchor* is the value the expression was resolved against ("2025-05-30") and
    *anchor_kind* says what that is: "absolute" (the text gives the date in full), "dct" (the
    publication date), "narrative" (the date the story had reached) or "none".
    *confidence* (0..1) and *explanation* are for the reader: how far to trust the value and
    how it was reached.
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value
    anchor: str | None = None
    anchor_kind: str = "none"
    confidence: float = 0.5
    explanation: str = ""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
