"""Who said what: direct, mixed and reported quotes, their speakers and their dates.

    from desktop.analysis.quotes import extract_quotes
    quotes = extract_quotes(text, "2025-05-30")     # or pass the entity model's doc

See extract.py for the steps. No Qt, no storage: the library, reader and brief use this.
"""

from __future__ import annotations

from desktop.analysis.quotes.extract import STEPS, extract_quotes, persons_of
from desktop.analysis.quotes.quote import Quote

__all__ = ["STEPS", "Quote", "extract_quotes", "persons_of"]
