"""Quote patterns of news writing that the first extractor missed or ran together."""

from __future__ import annotations

import pytest

from desktop.analysis.quotes import Quote, extract_quotes

pytestmark = pytest.mark.slow

PUBLISHED = "2016-09-27"


def said(text: str) -> list[tuple[str | None, str, str]]:
    """(speaker, cue, what was said) of each quote, in reading order."""
    return [(q.speaker.text if q.speaker is not None else None, q.cue.text, q.text)
            for q in extract_quotes(text, PUBLISHED)]


def only(text: str) -> Quote:
    [quote] = extract_quotes(text, PUBLISHED)
    return quote


def test_a_participle_after_the_clause_reports_a_second_statement_of_the_same_speaker():
    text = ("Sen. David Perdue said he did not believe the attacks hurt Romney, arguing that "
            "divisions in the party did.")
    assert said(text) == [
        ("Sen. David Perdue", "said", "he did not believe the attacks hurt Romney"),
        ("Sen. David Perdue", "arguing", "that divisions in the party did"),
    ]


def test_though_she_noted_is_a_statement_of_its_own():
    text = "She said the demands erase barriers, though she noted clients want diverse teams."
    assert [(s, c) for s, c, _ in said(text)] == [("She", "said"), ("she", "noted")]
    assert said(text)[0][2] == "the demands erase barriers"


def test_a_quote_below_a_paragraph_ending_in_cue_and_colon_is_that_speakers():
    text = ("Caddell continued:\n\n"
            "\"The health issue overall is very much a partisan issue, and it shows.\"\n")
    quote = only(text)
    assert (quote.speaker.text, quote.cue.text) == ("Caddell", "continued")
    assert quote.text.startswith('"The health issue') and quote.direct


def test_a_signature_dash_glued_to_the_closing_mark_signs_the_quote():
    quote = only("“He makes simple blanket statements about people.”― Pamela Padilla\n")
    assert quote.speaker is not None and quote.speaker.text == "Pamela Padilla"
    assert "blanket statements" in quote.text


def test_according_to_a_source_that_is_no_name_opens_the_sentence():
    text = ("According to early results of exit polls conducted by Edison Research, Clinton "
            "led in both Virginia and Georgia.")
    quote = only(text)
    assert quote.speaker is not None and quote.speaker.text.startswith("early results")
    assert quote.text == "Clinton led in both Virginia and Georgia"


def test_a_transcript_speaker_label_opens_the_paragraph():
    text = ("The exchange went on.\n\n"
            "PENCE: Well, the question really should be why the campaign invited him.\n\n"
            "BREAKING: The debate is over.\n")
    assert said(text) == [
        ("PENCE", ":", "Well, the question really should be why the campaign invited him."),
    ]


def test_said_former_senator_names_the_speaker():
    quote = only("“It was a pretty hard thing to withstand,” said former Sen. Evan Bayh.")
    assert quote.speaker is not None and "Evan Bayh" in quote.speaker.text


def test_a_show_title_before_adding_is_no_quote_of_its_own():
    text = ("“I think he would be the best nominee,” Graham said on MSNBC's \"Morning Joe,\" "
            "adding, “His problem is he is an insider in an outsider year.”")
    found = said(text)
    assert all("Morning Joe" not in words for _, _, words in found)
    assert all(speaker == "Graham" for speaker, _, _ in found)


def test_a_show_named_after_a_possessive_is_no_quote():
    text = "Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence."
    assert said(text) == [("Sanders", "told", "that nobody would question her intelligence")]
