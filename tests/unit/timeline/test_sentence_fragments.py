"""Sentence splitting never leaves a fragment such as ") Riot police ..." or "Reuters) -"."""

from __future__ import annotations

from desktop.analysis.dates import tag_dates
from desktop.timeline.events import extract_events
from desktop.timeline.sentences import clean_sentence, split_spans


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


# A Reuters lead as Timeline17 prints it: summary bullets, a correction note and the byline on
# the lead's line, cut by the sentence splitter after each "-LRB-".
HEADER = (
    "\\* WHO raises pandemic alert to phase 5 of a six-point scale \\* Says the world is at the "
    "brink of a pandemic as the virus spreads -LRB- Updates with quotes -RRB- By Stephanie "
    "Nebehay GENEVA , April 29 -LRB-"
)
LEAD = "Reuters -RRB- - The World Health Organization raised its alert level on Wednesday ."


def spacy_like_cuts(text: str) -> list[tuple[int, int]]:
    """Cut after every "-LRB-", as the sentence splitter does on pre-tokenised wire copy."""
    cuts, start = [], 0
    for part in text.split("-LRB- ")[:-1]:
        end = start + len(part) + len("-LRB-")
        cuts.append((start, end))
        start = end + 1
    return [*cuts, (start, len(text))]


def test_a_wire_header_before_the_dateline_is_no_part_of_the_lead():
    text = f"{HEADER} {LEAD}\nThe virus has killed 7 people outside Mexico ."
    sentences = pieces(text, spacy_like_cuts(text.split("\n")[0]) + [(len(HEADER) + len(LEAD) + 2, len(text))])
    assert sentences == [
        "GENEVA , April 29 -LRB- Reuters -RRB- - The World Health Organization raised its alert level on Wednesday .",
        "The virus has killed 7 people outside Mexico .",
    ]
    assert clean_sentence(sentences[0]) == (
        "The World Health Organization raised its alert level on Wednesday."
    )


def test_a_lead_without_a_date_of_its_own_keeps_its_dateline_date():
    text = f"{HEADER} Reuters -RRB- - The World Health Organization raised its alert level ."
    (event,) = extract_events(text, spacy_like_cuts(text), tag_dates(text, "2009-04-29"), [], "2009-04-29")
    assert (event.date, event.text) == (
        "2009-04-29", "The World Health Organization raised its alert level."
    )


def test_an_opening_bracket_is_no_dash_left_hanging():
    text = "Prices rose 4 percent . -LRB- Reporting by Jane Doe ; Editing by John Roe -RRB-"
    cut = text.index("-LRB-")
    assert pieces(text, [(0, cut - 1), (cut, len(text))]) == [
        "Prices rose 4 percent .",
        "-LRB- Reporting by Jane Doe ; Editing by John Roe -RRB-",
    ]
