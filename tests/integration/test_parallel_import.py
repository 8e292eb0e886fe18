"""Imports analysed in worker processes store what one process stores, and stop on cancel."""

from __future__ import annotations

import multiprocessing

import pytest

from db import Library
from desktop.actions.analysing import Analyser
from desktop.actions.importing import clips_from_jsonl, store_clips
from tests.integration.test_crash_kill import write_batch

pytestmark = pytest.mark.slow

#: What an article's analysis leaves in the library, by article (row ids aside).
ANALYSIS = {
    "timexes": 'article_id, start, "end", text, type, value, anchor',
    "mentions": 'article_id, start, "end", text, name, label, role, person_id',
    "events": 'article_id, key, start, "end", text, date, date_first, date_last, planned',
    "event_people": "article_id, name",
    "people": "id, name, key",
}


def stored_analysis(library: Library) -> dict[str, list[tuple]]:
    return {table: library.db.execute(f"SELECT {columns} FROM {table} ORDER BY {columns}").fetchall()
            for table, columns in ANALYSIS.items()}


def test_two_workers_store_the_same_articles_and_analysis_as_one(tmp_path):
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, 70, seed=11)  # three batches: the workers analyse ahead
    results = {}
    for workers in (1, 2):
        with Library(tmp_path / f"workers-{workers}.db") as library:
            outcomes = list(store_clips(library, clips_from_jsonl(batch), analyser=Analyser(workers=workers)))
            assert [o.status for o in outcomes] == ["stored"] * 70
            texts = library.db.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
            results[workers] = texts, stored_analysis(library)
    assert results[2] == results[1]
    _, analysis = results[2]
    assert len({row[0] for row in analysis["timexes"]}) == 70  # every article has its dates
    assert analysis["people"]


def test_cancel_stops_an_import_with_workers_and_ends_them(tmp_path):
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, 200, seed=12)
    outcomes = []
    with Library(tmp_path / "library.db") as library:
        for outcome in store_clips(library, clips_from_jsonl(batch), analyser=Analyser(workers=2),
                                   cancelled=lambda: len(outcomes) >= 5):
            outcomes.append(outcome)
        stored = library.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        bare = library.db.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM timexes)"
        ).fetchone()[0]
    assert len(outcomes) == 5 and stored == 5 and bare == 0
    assert multiprocessing.active_children() == []  # the workers were stopped, not left running
