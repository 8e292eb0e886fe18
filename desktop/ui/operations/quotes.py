"""Quote corrections as undoable operations: (text, do, undo), two functions of the library.

"Wrong speaker" and "Not a quote" are stored by article and quoted words, so they stick
through ``reanalyse``; undo puts back the correction they replaced (or none).
"""

from __future__ import annotations

from typing import Any

from db.library import Library
from desktop.actions import quotes as act
from desktop.ui.changes import Changed
from desktop.ui.operations.operation import Operation

Quote = dict[str, Any]


def _correction(text: str, quote: Quote, do: Any, done: str) -> Operation:
    """``do(library, quote id)`` returns the correction it replaced; undo restores that."""
    quote_id = int(quote["id"])
    before: list[dict[str, Any] | None] = [None]

    def apply(library: Library) -> None:
        before[0] = do(library, quote_id)

    def undo(library: Library) -> None:
        act.restore_quote_correction(library, quote_id, before[0])

    return Operation(text, apply, undo, Changed.ARTICLES, done)


def speaker(quote: Quote, name: str) -> Operation:
    """The quote was said by ``name``."""
    return _correction(f"Speaker of a quote: {name}", quote,
                       lambda library, quote_id: act.set_quote_speaker(library, quote_id, name),
                       f"Quote attributed to {name} — Ctrl+Z to undo")


def not_a_quote(quote: Quote) -> Operation:
    """The words are no quote: hidden from the Quotes view, the reader and the brief."""
    return _correction("Not a quote", quote, act.mark_not_quote, "Not a quote: hidden — Ctrl+Z to undo")
