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


# Scraped pages print a photo caption or a teaser headline on the paragraph's own line, with
# nothing between them: "Rescued after 10 days in rubble On Friday an 84-year-old woman ...".


def test_a_caption_run_into_its_paragraph_is_cut_off():
    text = ("Rescued after 10 days in rubble On Friday an 84-year-old woman was found alive.\n"
            "Hundreds of corpses are lying in the streets Overnight a rumour went round of a tsunami.")
    assert pieces(text, [(0, text.index("\n")), (text.index("\n") + 1, len(text))]) == [
        "Rescued after 10 days in rubble",
        "On Friday an 84-year-old woman was found alive.",
        "Hundreds of corpses are lying in the streets",
        "Overnight a rumour went round of a tsunami.",
    ]


def test_names_and_titles_with_function_words_stay_whole():
    for line in (
        "Graber told The Associated Press on Saturday that the slick was growing fast.",
        "George Clooney was one of the organisers of the Hope For Haiti Now event on Friday night.",
        "BP's chief executive earlier told the BBC's Today programme he hoped the leak could be stopped.",
        "The shrimp season begins in early May as the shrimp move out to sea, he said.",
        "Volunteers from Doctors Without Borders arrived on Monday with supplies for the clinic.",
    ):
        assert pieces(line, [(0, len(line))]) == [line], line


def test_a_caption_is_no_event_and_dates_nothing_after_it():
    text = ("Quake survivors.\nMany waited in the streets during Wednesday Some aid workers said food "
            "had begun to arrive at the airport.\nRescued after days On Friday a woman was found "
            "alive in the ruins of a school.")
    events = extract_events(text, None, tag_dates(text, "2010-01-15"), [], "2010-01-15")
    assert [e.text for e in events] == ["On Friday a woman was found alive in the ruins of a school."]


def test_a_name_ending_in_a_number_word_stays_whole():
    line = "President Obama talks with Adm. Thad Allen aboard Marine One on May 2 as they fly along the coast."
    assert pieces(line, [(0, len(line))]) == [line]
