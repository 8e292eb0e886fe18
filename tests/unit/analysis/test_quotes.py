"""Who said what: quotes, speakers and dates as a reporter reading the sample would see them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.analysis.quotes import Quote, extract_quotes

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "tests" / "data" / "samples" / "istanbul-talks-2025-05-30.txt"
PUBLISHED = "2025-05-30"


@pytest.fixture(scope="module")
def sample_quotes() -> list[Quote]:
    return extract_quotes(SAMPLE.read_text(encoding="utf-8"), PUBLISHED)


def quote_saying(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def test_zakharova_said_on_thursday_that_the_team_stays(sample_quotes):
    quote = quote_saying(sample_quotes, "will remain unchanged")
    assert quote.person == "Maria Zakharova"
    assert quote.speaker is not None and "Zakharova" in quote.speaker.text
    assert quote.cue.text == "said"
    assert (quote.date, quote.date_from_text) == ("2025-05-29", True)
    assert not quote.direct


def test_medinsky_telegram_post_is_his_through_he(sample_quotes):
    quote = quote_saying(sample_quotes, "a date and location for the exchange of memorandums")
    assert quote.speaker is not None and quote.speaker.text == "he"
    assert quote.person == "Vladimir Medinsky"
    assert quote.direct  # a mixed quote: reported speech that ends in quoted words
    assert (quote.date, quote.date_from_text) == ("2025-05-28", True)  # "on Wednesday"


def test_peskov_called_the_demands_unconstructive_on_thursday(sample_quotes):
    quote = quote_saying(sample_quotes, "unconstructive")
    assert quote.person == "Dmitry Peskov"
    assert quote.cue.text == "dismissed"
    assert quote.direct
    assert (quote.date, quote.date_from_text) == ("2025-05-29", True)


def test_a_quote_by_a_surname_gets_the_full_name(sample_quotes):
    quote = quote_saying(sample_quotes, "They should either confirm")
    assert quote.speaker is not None and quote.speaker.text == "Peskov"
    assert quote.person == "Dmitry Peskov"
    assert quote.content[0].text.startswith("“")


def test_a_date_inside_the_quote_is_not_when_it_was_said(sample_quotes):
    quote = quote_saying(sample_quotes, "holding the follow-up talks on Monday")
    assert quote.person == "Sergey Lavrov"
    assert (quote.date, quote.date_from_text) == (PUBLISHED, False)


def test_a_quote_split_around_its_cue_is_one_quote():
    text = "“We will go to Istanbul,” Lavrov said, “and we will sign nothing there.”"
    [quote] = extract_quotes(text, PUBLISHED)
    assert [piece.text for piece in quote.content] == [
        "“We will go to Istanbul,”", "“and we will sign nothing there.”",
    ]
    assert quote.speaker is not None and quote.speaker.text == "Lavrov"
    assert quote.direct


def test_a_quote_running_over_paragraphs_keeps_its_speaker():
    text = (
        "“We are ready to talk,” Peskov told reporters. “But not on these terms.\n\n"
        "“The memorandum comes first.”\n"
    )
    quotes = extract_quotes(text, PUBLISHED)
    assert all(q.speaker is not None and q.speaker.text == "Peskov" for q in quotes)
    assert "The memorandum comes first." in " ".join(q.text for q in quotes)


def test_reported_speech_is_found_with_its_clause():
    text = "Lavrov said that Moscow's memorandum was ready for the talks."
    [quote] = extract_quotes(text, None)
    assert quote.content[0].text == "that Moscow's memorandum was ready for the talks"
    assert not quote.direct
    assert quote.date is None  # no publication date given, none in the text


def test_a_source_told_a_listener_is_not_the_listener():
    text = "A diplomatic source told CNN that the exchange of prisoners would go ahead."
    [quote] = extract_quotes(text, PUBLISHED)
    assert quote.speaker is not None and quote.speaker.text == "A diplomatic source"
    assert quote.person is None
    assert quote.content[0].text.startswith("that the exchange")


def test_he_with_two_people_in_view_stays_unknown():
    text = (
        "Donald Trump met Vladimir Putin in Helsinki on Monday.\n\n"
        "“It went very well,” he said.\n"
    )
    [quote] = extract_quotes(text, PUBLISHED)
    assert quote.speaker is not None and quote.speaker.text == "he"
    assert quote.person is None


def test_a_quotation_with_no_speaker_is_no_quote():
    text = "The so-called “peace plan” was published on Friday."
    assert extract_quotes(text, PUBLISHED) == []


def run_tag_quotes(records: list[dict]) -> subprocess.CompletedProcess[str]:
    lines = "".join(json.dumps(r) + "\n" for r in records)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "tag-quotes"], input=lines, cwd=REPO,
        capture_output=True, text=True, timeout=300,
    )


def test_tag_quotes_keeps_the_cli_contract():
    text = SAMPLE.read_text(encoding="utf-8")
    records = [
        {"id": "sample", "text": text, "published": PUBLISHED},
        {"id": 2, "text": "Nothing was said here.", "published": None},
    ]
    proc = run_tag_quotes(records)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["sample", 2]
    assert out[1]["quotes"] == []
    quotes = out[0]["quotes"]
    assert quotes
    for quote in quotes:
        assert set(quote) == {"speaker", "cue", "content", "direct", "person"}
        spans = [quote["cue"], *quote["content"]] + ([quote["speaker"]] if quote["speaker"] else [])
        for span in spans:
            assert set(span) == {"start", "end"}
            assert 0 <= span["start"] < span["end"] <= len(text)
        assert isinstance(quote["direct"], bool)
    peskov = [q for q in quotes if "unconstructive" in text[q["content"][0]["start"]:q["content"][-1]["end"]]]
    assert [q["person"] for q in peskov] == ["Dmitry Peskov"]
    speaker = peskov[0]["speaker"]
    assert "Peskov" in text[speaker["start"]:speaker["end"]]


def test_tag_quotes_answers_a_bad_line_and_goes_on():
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "tag-quotes"], cwd=REPO, capture_output=True,
        text=True, timeout=300,
        input='not json\n{"id": "b", "text": "“Yes,” he said.", "published": "2025-05-30"}\n',
    )
    assert proc.returncode == 1
    assert "line 1" in proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out[0]["quotes"] == [] and "error" in out[0]
    assert out[1]["id"] == "b" and len(out[1]["quotes"]) == 1
