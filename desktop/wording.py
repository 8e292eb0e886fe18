"""How counts read in the window, the command line and the brief: "1 article", "3 articles"."""

from __future__ import annotations


def plural(number: int, word: str, *, grouped: bool = False) -> str:
    """``number`` and ``word``, with an "s" unless there is exactly one; ``grouped`` writes
    thousands with commas ("12,400 events"), as a count under a long list reads best."""
    count = f"{number:,}" if grouped else str(number)
    return f"{count} {word}{'' if number == 1 else 's'}"
