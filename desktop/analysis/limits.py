"""How much text one article's analysis takes.

Analysis costs about linearly in the text, but a lot: a 1.7 MB text of 50,000 short lines is
minutes of CPU and a gigabyte of memory (the model's batches, tens of thousands of dates and
events). A text beyond this is no article (the longest news article in the development
corpus is 180,000 characters); it is refused before the model sees it, with a line saying so.
"""

from __future__ import annotations

#: About 80,000 words, a 250-page report.
MAX_ANALYSED_CHARS = 500_000


def too_long_to_analyse(text: str) -> str:
    """Why ``text`` is not analysed ("" if it is short enough)."""
    if len(text) <= MAX_ANALYSED_CHARS:
        return ""
    return f"{len(text):,} characters, more than the {MAX_ANALYSED_CHARS:,} one article's analysis takes"
