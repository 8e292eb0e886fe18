"""Disk full, read-only and locked libraries: a clear message, and nothing already stored lost.

Tests run as root, where chmod does not stop writes: read-only is simulated with
``PRAGMA query_only`` (and a ``?mode=ro`` connection), a full disk with a tiny
``PRAGMA max_page_count``, a lock with a second connection holding the write lock.
"""

from __future__ import annotations

import sqlite3

import pytest

from db import Library
from db.failures import describe_storage_error
from desktop.actions.analysing import ArticleAnalysis
from desktop.actions.importing import Clip, store_clips
from desktop.analysis.dates import Timex
from desktop.clipping.article import Article


def clip(i: int, size: int = 200) -> Clip:
    text = f"Story {i}: " + ("talks resumed in Istanbul and delegations met again. " * size)
    return Clip(f"item-{i}", Article(text=text, original=text, title=f"Story {i}"))


def stored_texts(library: Library) -> list[str]:
    return [r[0] for r in library.db.execute("SELECT title FROM articles ORDER BY id")]


def assert_sound(library: Library) -> None:
    assert library.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert library.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_full_disk_refuses_the_item_with_a_clear_message_and_keeps_the_rest(fresh_library):
    outcomes = list(store_clips(fresh_library, [clip(1), clip(2)]))
    assert [o.status for o in outcomes] == ["stored", "stored"]
    pages = fresh_library.db.execute("PRAGMA page_count").fetchone()[0]
    fresh_library.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    outcomes = list(store_clips(fresh_library, [clip(3, size=2000), clip(4, size=2000)]))
    assert [o.status for o in outcomes] == ["error", "error"]
    assert "disk is full" in outcomes[0].message and "nothing was stored" in outcomes[0].message
    assert stored_texts(fresh_library) == ["Story 1", "Story 2"]
    assert_sound(fresh_library)
    fresh_library.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    outcomes = list(store_clips(fresh_library, [clip(3, size=2000)]))
    assert outcomes[0].status == "stored"
    assert stored_texts(fresh_library) == ["Story 1", "Story 2", "Story 3"]


def test_a_full_disk_in_the_middle_of_an_articles_analysis_stores_neither(fresh_library):
    fresh_library.add_article({"text": "a", "original": "a", "sha256": "a", "title": "kept"})
    pages = fresh_library.db.execute("PRAGMA page_count").fetchone()[0]

    def analysis(db, article_id):
        db.execute(f"PRAGMA max_page_count = {pages}")
        rows = [{"article_id": article_id, "start": i, "end": i + 1, "text": "x" * 500,
                 "type": "DATE", "value": "2025"} for i in range(200)]
        db["timexes"].insert_all(rows)

    with pytest.raises(sqlite3.OperationalError) as caught:
        fresh_library.add_article({"text": "b", "original": "b", "sha256": "b", "title": "new"},
                                  write_with=analysis)
    assert "disk is full" in describe_storage_error(caught.value)
    assert stored_texts(fresh_library) == ["kept"]
    assert fresh_library.db["timexes"].count == 0
    assert_sound(fresh_library)


def test_a_read_only_library_refuses_writes_with_a_clear_message(fresh_library):
    list(store_clips(fresh_library, [clip(1)]))
    fresh_library.db.execute("PRAGMA query_only = ON")
    (outcome,) = store_clips(fresh_library, [clip(2)])
    assert outcome.status == "error" and "read-only" in outcome.message
    assert stored_texts(fresh_library) == ["Story 1"]


def test_a_library_opened_read_only_reads_but_never_writes(tmp_path):
    path = tmp_path / "library.db"
    with Library(path) as library:
        list(store_clips(library, [clip(1)]))
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("INSERT INTO tags (name) VALUES ('x')")
        assert "read-only" in describe_storage_error(caught.value)
    finally:
        conn.close()


def test_a_locked_library_says_busy_and_stores_the_item_once_free(fresh_library, tmp_path):
    list(store_clips(fresh_library, [clip(1)]))
    fresh_library.db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(tmp_path / "library.db")
    other.execute("BEGIN IMMEDIATE")
    try:
        (outcome,) = store_clips(fresh_library, [clip(2)])
    finally:
        other.rollback()
        other.close()
    assert outcome.status == "error" and "busy" in outcome.message
    (outcome,) = store_clips(fresh_library, [clip(2)])
    assert outcome.status == "stored"
    assert stored_texts(fresh_library) == ["Story 1", "Story 2"]


def _analysis() -> ArticleAnalysis:
    return ArticleAnalysis(dct="2025-01-01", timexes=[Timex(0, 1, "x", "DATE", "2025")])


class _PickyAnalyser:
    """Like spaCy on a text over its length limit: refuses a whole batch for one article."""

    def analyse(self, articles):
        if any("too long for the model" in a.text for a in articles):
            raise ValueError("[E088] Text of length 1852315 exceeds maximum of 1000000. The parser...")
        return [_analysis() for _ in articles]


def test_one_article_the_analysis_refuses_does_not_sink_its_batch(fresh_library):
    bad = Clip("bad", Article(text="too long for the model", original="bad", title="Bad"))
    outcomes = list(store_clips(fresh_library, [clip(1), bad, clip(2)], analyser=_PickyAnalyser()))
    assert [o.status for o in outcomes] == ["stored", "error", "stored"]
    assert "could not be analysed" in outcomes[1].message and "E088" in outcomes[1].message
    assert stored_texts(fresh_library) == ["Story 1", "Story 2"]
    # ... and what was stored has its analysis.
    assert fresh_library.db.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM timexes)"
    ).fetchone()[0] == 0


def test_an_article_stored_meanwhile_by_another_program_is_a_duplicate_not_a_crash(fresh_library, tmp_path):
    # Both importers checked "not here yet"; the other one committed first.
    other = Library(tmp_path / "library.db")
    try:
        checked = fresh_library.find_duplicate
        original = clip(1)
        calls: list[str] = []

        def not_yet_then_there(sha256, url):
            calls.append(sha256)
            if len(calls) == 1:
                other.add_article(original.article.as_dict())
            if len(calls) <= 2:  # the importer's check and add_article's own both miss it
                return None
            return checked(sha256, url)

        fresh_library.find_duplicate = not_yet_then_there  # type: ignore[method-assign]
        (outcome,) = store_clips(fresh_library, [original])
    finally:
        other.close()
    assert len(calls) == 3  # the insert hit the UNIQUE index, then it was looked up
    assert outcome.status == "duplicate" and outcome.article_id == 1
    assert stored_texts(fresh_library) == ["Story 1"]
