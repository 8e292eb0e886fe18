"""``Entity`` (one mention of a person, organisation or place) and ``TextAnalysis``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: The labels Clipline keeps; spaCy's GPE, LOC and FAC all become PLACE.
LABELS = ("PERSON", "ORG", "PLACE", "NORP")


@dataclass
class Entity:
    """A mention in a text: character span (end exclusive), label, role and clean name.

    ``text`` is exactly ``source[start:end]``; ``name`` is the normalised name (possessive
    stripped, whitespace collapsed) used to group mentions; ``role`` is the title the text
    gives the person right there ("Foreign Ministry spokeswoman"), if any.
    """

    start: int
    end: int
    text: str
    label: str
    role: str | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            self.name = " ".join(self.text.split())

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TextAnalysis:
    """Entities of one text and its sentences as character spans.

    ``doc`` is the model's parse of the whole text, kept so later steps (quotes) reuse it
    instead of running the model again; drop it once used, it is the large part."""

    entities: list[Entity] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    doc: Any = field(default=None, repr=False, compare=False)
