"""How on-story a text is: its words against the whole story's, next to a typical text's.

The story's centroid weighs each content word by how many of its articles use it: words in
almost every article are the story's own, a word in one article says little alone. A text (an
article's dated sentences, or one sentence) scores the cosine of its distinct words against
that centroid, and counts next to the median text: at least as typical counts whole, less
typical for its share, never below a floor (off the story, but still a source). The brief
weighs its articles (``story.article_weights``, ``light``'s weights from stored words) and its
dated sentences (``keyevents.sentence_weights``) this way.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import Any

import numpy as np

#: A text never counts for less than this next to the median one.
FLOOR = 0.1


def article_frequencies(bags: Iterable[Iterable[str]]) -> Counter[str]:
    """How many articles use each word (each bag: one article's distinct words)."""
    frequencies: Counter[str] = Counter()
    for bag in bags:
        frequencies.update(bag)
    return frequencies


class Centroid:
    """The story's words, each counting for how many articles use it."""

    def __init__(self, frequencies: Counter[str]) -> None:
        self.frequencies = frequencies
        self.norm = math.sqrt(sum(c * c for c in frequencies.values())) or 1.0

    def cosine(self, words: Collection[str]) -> float:
        """The cosine of a text's distinct ``words`` against the centroid (0 for none)."""
        if not words:
            return 0.0
        # Counter's own __getitem__: a word no article of the story uses counts 0.
        return sum(map(self.frequencies.__getitem__, words)) / (self.norm * math.sqrt(len(words)))


def on_story_weights(scores: Sequence[float], typical: Iterable[float] | None = None,
                     floor: float = FLOOR) -> list[float]:
    """Each cosine next to the median of ``typical`` (``scores`` themselves when not given):
    at least the median counts 1.0, less counts its share, never below ``floor``; all 1.0 when
    the median is 0 (nothing to tell on-story from off)."""
    ordered = sorted(scores if typical is None else typical)
    median = ordered[len(ordered) // 2] if ordered else 0.0
    if not median:
        return [1.0] * len(scores)
    return [max(floor, min(1.0, c / median)) for c in scores]


# -- many texts at once, over word ids (the whole story's stored words) ------------------------


def frequencies_of(bags: Any, size: int) -> Any:
    """``article_frequencies`` over word ids: ``bags`` each article's distinct ids one after
    another (a numpy array); the count of each id below ``size``."""

    return np.bincount(bags, minlength=size)


def norm_of(frequencies: Any) -> float:
    """``Centroid.norm`` of frequencies by word id (the same integer sum, the same root)."""

    counts = frequencies.astype(np.int64)
    return math.sqrt(int(np.dot(counts, counts))) or 1.0


def cosines(words: Any, lengths: Any, frequencies: Any, norm: float) -> list[float]:
    """``Centroid.cosine`` of many texts at once, the same sums and divisions: ``words``
    their distinct word ids one text after another, ``lengths`` how many each has (numpy
    arrays), ``frequencies`` and ``norm`` the centroid's by word id."""

    lengths = lengths.astype(np.int64)
    sums = np.concatenate(([0], np.cumsum(frequencies[words], dtype=np.int64)))
    ends = np.cumsum(lengths)
    totals = sums[ends] - sums[ends - lengths]
    out = np.zeros(len(lengths))
    np.divide(totals, norm * np.sqrt(lengths), out=out, where=lengths > 0)
    return list(out.tolist())
