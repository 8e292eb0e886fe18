"""``Quote``: one statement in an article: who said it, the words that say so, what was said."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True)
class Quote:
    """A direct, mixed or reported statement found in a text.

    ``speaker`` is the mention as written ("he", "the spokeswoman", "Peskov"), or None when
    the text does not say who; ``person`` is the name it refers to, when the article makes
    that clear ("Maria Zakharova"), else None. ``cue`` is the reporting word ("said",
    "according to", ":"). ``content`` holds one span per piece of what was said: a quote
    split around its cue or running over paragraphs has several. ``direct`` is true when the
    content carries quotation marks (mixed quotes too). ``date`` is the statement's day
    (YYYY-MM-DD): the one the text gives when ``date_from_text``, else the publication day.
    """

    speaker: Span | None
    cue: Span
    content: tuple[Span, ...]
    direct: bool
    person: str | None = None
    date: str | None = None
    date_from_text: bool = False

    @property
    def text(self) -> str:
        """What was said, pieces joined by " … "."""
        return " … ".join(piece.text for piece in self.content)

    def to_json(self) -> dict[str, object]:
        """The CLI's record: character offsets into the text, end exclusive."""
        return {
            "speaker": _offsets(self.speaker) if self.speaker is not None else None,
            "cue": _offsets(self.cue),
            "content": [_offsets(piece) for piece in self.content],
            "direct": self.direct,
            "person": self.person,
        }


def _offsets(span: Span) -> dict[str, int]:
    return {"start": span.start_char, "end": span.end_char}
