"""Sentence splitting never leaves a fragment such as ") Riot police ..." or "Reuters) -"."""

from __future__ import annotations

from desktop.timeline.sentences import split_spans


def pieces(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in split_spans(text, spans)]


def test_a_wire_credit_cut_from_its_sentence_is_glued_back():
    text = "TRIPOLI (Reuters) - Riot police fired tear gas at protesters on Sunday. It was late."
    cut = text.index(" - ")
    spans = [(0, cut), (cut, text.index(" It")), (text.index("It"), len(text))]
    assert pieces(text, spans) == [
        "TRIPOLI (Reuters) - Riot police fired tear gas at protesters on Sunday.",
        "It was late.",
    ]


def test_a_closing_bracket_never_starts_a_sentence():
    text = "Protesters gathered (some 2,000 of them.) Riot police moved in."
    spans = [(0, text.index(")")), (text.index(")"), len(text))]
    assert pieces(text, spans) == [text]


def test_a_caption_on_its_own_line_stays_its_own_piece():
    text = "the prime minister arrives\nRiot police moved in on Sunday."
    assert pieces(text, [(0, len(text))]) == ["the prime minister arrives", "Riot police moved in on Sunday."]
