"""Offset lookups answer exactly what a scan of every item answers."""

from __future__ import annotations

import random

from desktop.timeline.by_offset import ByOffset, Paragraphs


def test_items_starting_in_a_stretch_are_those_a_full_scan_finds():
    rng = random.Random(3)
    items = [(s, s + rng.randint(1, 30), f"item {i}") for i, s in enumerate(rng.sample(range(5000), 400))]
    index = ByOffset(items, lambda item: item[0], lambda item: item[1])
    assert index.longest == max(e - s for s, e, _ in items)
    for _ in range(300):
        first = rng.randint(-50, 5100)
        last = first + rng.randint(0, 400)
        assert index.starting_in(first, last) == sorted(i for i in items if first <= i[0] < last)


def test_paragraph_numbers_count_blank_lines_as_str_count_does():
    rng = random.Random(4)
    text = "".join(rng.choice(["a", " ", "\n", "\n\n", "\n\n\n"]) for _ in range(3000))
    paragraphs = Paragraphs(text)
    for offset in range(0, len(text) + 1):
        assert paragraphs.of(offset) == text.count("\n\n", 0, offset)
