"""The brief's "Who said what" and event bullets that name their speaker."""

from __future__ import annotations

import re

import pytest

from db import Library
from desktop.actions import quotes as actions
from desktop.actions.analysing import Analyser
from desktop.actions.importing import clips_from_inputs, import_clips
from desktop.brief.markdown import brief_from_library, md_escape
from desktop.brief.quotes import key_speakers, name_speakers, telling, who_said_what
from desktop.timeline.timeline_event import Source
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_brief(tmp_path_factory):
    library = Library(tmp_path_factory.mktemp("brief") / "library.db")
    import_clips(library, clips_from_inputs([str(SAMPLE)]), analyser=Analyser())
    yield library, brief_from_library(library)
    library.close()


def _section(brief: str) -> str:
    match = re.search(r"^## Who said what\n(.*?)(?=^## )", brief, re.S | re.M)
    assert match, brief
    return match.group(1)


def test_sample_brief_says_who_said_what(sample_brief):
    _library, brief = sample_brief
    section = _section(brief)
    for name in ("Maria Zakharova", "Vladimir Medinsky", "Sergey Lavrov", "Dmitry Peskov"):
        assert f"**{name}**" in section
    peskov = section.split("**Dmitry Peskov**")[1].split("\n- ")[0]
    assert "unconstructive" in peskov and "29 May 2025" in peskov
    # every quote line cites a footnote that the brief defines
    for line in section.splitlines():
        if line.startswith("  - "):
            (number,) = re.findall(r"\[\^(\d+)\]", line)
            assert f"\n[^{number}]: " in brief
    assert brief.index("## Who said what") < brief.index("## Sources")


def test_a_quote_marked_not_a_quote_leaves_the_brief(sample_brief):
    library, brief = sample_brief
    putin = next(q for q in actions.find_quotes(library) if q["person"] == "Vladimir Putin")
    assert "**Vladimir Putin**" in _section(brief)
    before = actions.mark_not_quote(library, putin["id"])
    try:
        assert "**Vladimir Putin**" not in _section(brief_from_library(library))
    finally:
        actions.restore_quote_correction(library, putin["id"], before)


def test_sample_chronology_names_who_he_is(sample_brief):
    _library, brief = sample_brief
    chronology = brief.split("## Chronology")[1].split("\n## ")[0]
    assert "on Wednesday, Vladimir Medinsky said he had called" in chronology
    assert "on Wednesday, he said" not in chronology


def test_bullet_names_the_speaker_of_a_bare_pronoun(sample_brief):
    library, _brief = sample_brief
    medinsky = next(q for q in actions.find_quotes(library)
                    if q["speaker"] == "he" and q["person"] == "Vladimir Medinsky")
    text = library.article(medinsky["article_id"])["text"]
    start = text.rfind("\n", 0, medinsky["speaker_start"]) + 1
    end = text.find(".", medinsky["speaker_end"]) + 1
    source = Source(medinsky["article_id"], "", None, None, start=start, end=end)
    named = name_speakers(text[start:end], source, [medinsky])
    assert named.count("Vladimir Medinsky") == text[start:end].count("Vladimir Medinsky") + 1
    assert re.search(r"\bhe\b", text[start:medinsky["speaker_end"]])
    # a reworded sentence is left alone rather than patched at the wrong place
    assert name_speakers("He went home.", source, [medinsky]) == "He went home."


def _quote(qid: int, person: str | None, words: str, direct: bool = True) -> dict:
    return {"id": qid, "article_id": 1, "person": person, "content_text": words,
            "direct": direct, "date": "2025-05-29", "date_from_text": qid % 2 == 0,
            "cue_start": qid, "cue": "said", "title": "T", "url": None, "published": None,
            "outlet": None}


def test_telling_prefers_direct_specific_and_distinct():
    quotes = [
        _quote(1, "A", "that it was fine", direct=False),
        _quote(2, "A", "“We will meet in Istanbul on 2 June with the full team”"),
        _quote(3, "A", "“We will meet in Istanbul on 2 June with the full team”"),
        _quote(4, "A", "“No”"),
    ]
    best = telling(quotes, limit=2)
    assert [q["id"] for q in best] == [2, 4]


def test_unnamed_speakers_get_no_section_and_ranking_follows_mentions():
    speakers = key_speakers([_quote(1, None, "“x”"), _quote(2, "B", "“y”"), _quote(3, "C", "“z”")],
                            {"B": 1, "C": 9})
    assert [s.name for s in speakers] == ["C", "B"]
    lines = who_said_what(speakers, lambda sources: "[^1]", md_escape)
    assert lines[0] == "## Who said what" and "(date of publication)" in "\n".join(lines)
