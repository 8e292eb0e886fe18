"""Quotes stored with the article's analysis; corrections that survive ``reanalyse``."""

from __future__ import annotations

import pytest

from db import Library
from db.quotes import QuoteError, list_quotes, write_quotes
from desktop.actions import quotes as actions
from desktop.actions.analysing import Analyser
from desktop.actions.importing import clips_from_inputs, import_clips
from desktop.actions.reanalysing import reanalyse_library
from desktop.timeline.filters import Filters
from tests.conftest import SAMPLE, article_record


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser()


@pytest.fixture
def sample_library(tmp_path, analyser):
    library = Library(tmp_path / "library.db")
    report = import_clips(library, clips_from_inputs([str(SAMPLE)]), analyser=analyser)
    assert report.stored
    yield library
    library.close()


def _by_words(library: Library, words: str) -> dict:
    found = [q for q in actions.find_quotes(library) if words in q["content_text"]]
    assert len(found) == 1, [q["content_text"] for q in actions.find_quotes(library)]
    return found[0]


def test_import_stores_quotes_with_speaker_person_and_date(sample_library):
    peskov = _by_words(sample_library, "unconstructive")
    assert peskov["person"] == "Dmitry Peskov" and peskov["person_id"] is not None
    assert peskov["date"] == "2025-05-29" and peskov["date_from_text"]
    assert peskov["title"].startswith("Russia reveals team")
    text = sample_library.article(peskov["article_id"])["text"]
    start, end = peskov["content"][0]
    assert "unconstructive" in text[start:end]
    assert text[peskov["speaker_start"]:peskov["speaker_end"]] == peskov["speaker"]


def test_a_pronoun_speaker_links_to_the_library_person(sample_library):
    medinsky = _by_words(sample_library, "exchange of memorandums")
    assert medinsky["speaker"] == "he" and medinsky["person"] == "Vladimir Medinsky"
    people = {r["name"]: r["id"] for r in sample_library.db.query("SELECT id, name FROM people")}
    assert medinsky["person_id"] == people["Vladimir Medinsky"]


def test_person_filter_takes_any_spelling_and_dates_bound(sample_library):
    by_surname = actions.find_quotes(sample_library, Filters.from_strings(person="lavrov"))
    assert by_surname and {q["person"] for q in by_surname} == {"Sergey Lavrov"}
    on_29 = actions.find_quotes(sample_library, Filters.from_strings(date_from="2025-05-29",
                                                                     date_to="2025-05-29"))
    assert on_29 and all(q["date"] == "2025-05-29" for q in on_29)


def test_reanalyse_recomputes_without_doubling_and_corrections_stick(sample_library, analyser):
    before = len(actions.find_quotes(sample_library))
    peskov = _by_words(sample_library, "unconstructive")
    putin = next(q for q in actions.find_quotes(sample_library) if q["person"] == "Vladimir Putin")
    actions.set_quote_speaker(sample_library, peskov["id"], "Sergey Lavrov")
    actions.mark_not_quote(sample_library, putin["id"])
    assert len(actions.find_quotes(sample_library)) == before - 1

    reanalyse_library(sample_library, analyser=analyser)

    assert len(actions.find_quotes(sample_library)) == before - 1
    moved = _by_words(sample_library, "unconstructive")
    assert moved["person"] == "Sergey Lavrov" and moved["corrected"]
    assert putin["content_text"] not in [q["content_text"] for q in actions.find_quotes(sample_library)]

    actions.undo_quote_correction(sample_library, moved["id"])
    assert _by_words(sample_library, "unconstructive")["person"] == "Dmitry Peskov"


def test_undo_puts_back_the_replaced_correction(sample_library):
    quote = _by_words(sample_library, "unconstructive")
    first = actions.set_quote_speaker(sample_library, quote["id"], "Sergey Lavrov")
    assert first is None
    second = actions.set_quote_speaker(sample_library, quote["id"], "Maria Zakharova")
    assert second is not None and second["person"] == "Sergey Lavrov"
    actions.restore_quote_correction(sample_library, quote["id"], second)
    assert actions.quote(sample_library, quote["id"])["person"] == "Sergey Lavrov"
    actions.restore_quote_correction(sample_library, quote["id"], first)
    assert actions.quote(sample_library, quote["id"])["person"] == "Dmitry Peskov"


def test_correcting_a_missing_quote_is_a_clear_error_and_changes_nothing(memory_library):
    with pytest.raises(QuoteError, match="no quote 99"):
        actions.set_quote_speaker(memory_library, 99, "Anyone")
    assert memory_library.db["quote_corrections"].count == 0


def _record(start: int, end: int, words: str) -> dict:
    return {"speaker_start": None, "speaker_end": None, "speaker": None, "cue_start": 0,
            "cue_end": 4, "cue": "said", "content": [(start, end)], "content_text": words,
            "direct": True, "person": None, "date": "2025-01-02", "date_from_text": False}


def test_writing_again_replaces_and_deleting_the_article_takes_its_quotes(memory_library):
    article_id = memory_library.add_article(article_record("said “hello there” and left")).article_id
    for _ in range(2):
        with memory_library.transaction() as db:
            write_quotes(db, article_id, [_record(5, 18, "“hello there”")])
    assert [q["content"] for q in list_quotes(memory_library.db)] == [[(5, 18)]]
    memory_library.delete_article(article_id)
    assert list_quotes(memory_library.db) == []
