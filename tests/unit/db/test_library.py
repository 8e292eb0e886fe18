"""The library file: schema steps, refusing newer files, search, duplicates, delete + undo."""

from __future__ import annotations

import sqlite3

import pytest

from db import Library, LibraryError, NewerLibraryError
from db.library import normalise_url, to_fts_query
from tests.conftest import article_record as record


def test_new_library_has_plain_tables_anyone_can_open(fresh_library):
    names = set(fresh_library.db.table_names())
    assert {"articles", "tags", "article_tags", "articles_fts", "timexes"} <= names
    mode = fresh_library.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert fresh_library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_nothing_twice_and_keeps_articles(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as library:
        library.add_article(record("Talks resumed in Istanbul."))
    with Library(path) as library:
        assert library.article_count() == 1
        steps = [r[0] for r in library.db.execute("SELECT name FROM _sqlite_migrations")]
        assert len(steps) == len(set(steps))


def test_library_from_a_newer_clipline_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as library:
        library.add_article(record("An article."))
        library.db["_sqlite_migrations"].insert(
            {"migration_set": "clipline", "name": "9999_from_the_future", "applied_at": "2030"}
        )
    before = path.read_bytes()
    with pytest.raises(NewerLibraryError, match="newer version of Clipline"):
        Library(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_library_gets_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryError, match="not a Clipline library"):
        Library(path)


def test_search_ranks_and_snippets(memory_library):
    memory_library.add_article(record("Ceasefire\nA ceasefire was discussed briefly."))
    memory_library.add_article(record("Ceasefire talks\nCeasefire, ceasefire and again a ceasefire in Istanbul."))
    memory_library.add_article(record("Weather\nSunny all week."))
    results = memory_library.search("ceasefire")
    assert [r["title"] for r in results][0] == "Ceasefire talks"
    assert len(results) == 2
    assert "[Ceasefire]" in results[0]["snippet"] or "[ceasefire]" in results[0]["snippet"]


def test_search_survives_fts_syntax_in_the_query(memory_library):
    memory_library.add_article(record("Quote\nHe said \"no deal\" on Friday."))
    assert memory_library.search('"no deal') != []
    assert memory_library.search("AND OR NOT ( * :") == []
    assert to_fts_query('"no deal" friday') == '"no deal" "friday"*'


def test_search_follows_edits_and_deletes(memory_library):
    result = memory_library.add_article(record("Old title\nMemorandum text."))
    memory_library.update_article(result.article_id, text="Something else entirely.")
    assert memory_library.search("memorandum") == []
    assert memory_library.search("entirely")
    memory_library.delete_article(result.article_id)
    assert memory_library.search("entirely") == []


def test_same_content_or_same_url_is_a_duplicate(memory_library):
    first = memory_library.add_article(record("Story\nText.", url="https://example.org/a/"))
    again = memory_library.add_article(record("Story\nText."))
    same_url = memory_library.add_article(record("Story\nText, updated.", url="http://example.org/a#top"))
    assert (again.status, again.article_id) == ("duplicate", first.article_id)
    assert (same_url.status, same_url.article_id) == ("duplicate", first.article_id)
    assert memory_library.article_count() == 1


def test_normalise_url_ignores_scheme_fragment_and_trailing_slash():
    assert normalise_url("http://x.org/a/#b") == normalise_url("https://x.org/a")


def test_delete_takes_derived_rows_and_undo_restores_them(memory_library):
    result = memory_library.add_article(record("Story\nOn Thursday."), tags=["Ukraine talks"])
    db = memory_library.db
    db["timexes"].insert({"article_id": result.article_id, "start": 3, "end": 11, "text": "Thursday",
                          "type": "DATE", "value": "2025-05-29"})
    deleted = memory_library.delete_article(result.article_id)
    assert memory_library.article_count() == 0
    assert db["timexes"].count == 0 and db["article_tags"].count == 0
    memory_library.restore_article(deleted)
    assert memory_library.article(result.article_id)["tags"] == ["Ukraine talks"]
    assert db["timexes"].count == 1
    assert memory_library.search("thursday")[0]["id"] == result.article_id


def test_a_failed_write_leaves_nothing_behind(memory_library):
    def broken_analysis(db, article_id):
        db["timexes"].insert({"article_id": article_id, "start": 0, "end": 1, "text": "x",
                              "type": "DATE", "value": "2025"})
        raise sqlite3.OperationalError("database or disk is full")

    with pytest.raises(sqlite3.OperationalError):
        memory_library.add_article(record("Story\nText."), write_with=broken_analysis)
    assert memory_library.article_count() == 0
    assert memory_library.db["timexes"].count == 0


def test_tags_group_articles_into_stories(memory_library):
    a = memory_library.add_article(record("One\nText one."), tags=["Istanbul talks"]).article_id
    memory_library.add_article(record("Two\nText two."))
    assert [x["id"] for x in memory_library.articles(tag="Istanbul talks")] == [a]
    memory_library.untag_article(a, "Istanbul talks")
    assert memory_library.articles(tag="Istanbul talks") == []
    assert memory_library.tags() == [{"name": "Istanbul talks", "articles": 0}]


def test_an_upgraded_library_still_spots_its_old_pages_by_url(tmp_path):
    from sqlite_utils import Database

    from db.migrations import migrations

    path = tmp_path / "library.db"
    old = Database(path)
    migrations.apply(old, stop_before="0007_url_key")  # a library from before the URL key
    old["articles"].insert(record("Old story\nText.", url="http://x.org/a/#top") | {"clipped_at": "2025"})
    old.close()
    with Library(path) as library:
        assert library.db.execute("SELECT url_key FROM articles").fetchone()[0] == "https://x.org/a"
        assert library.find_duplicate("another sha", "https://x.org/a") == 1
        plan = " ".join(str(r) for r in library.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE url_key = ?", ["k"]))
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan


def test_a_changed_url_is_what_later_duplicates_are_checked_against(memory_library):
    article_id = memory_library.add_article(record("Story\nText.", url="https://x.org/old")).article_id
    memory_library.update_article(article_id, url="https://x.org/new/")
    assert memory_library.find_duplicate("another sha", "http://x.org/new") == article_id
    assert memory_library.find_duplicate("another sha", "https://x.org/old") is None


def test_tags_of_every_article_at_once(memory_library):
    first = memory_library.add_article(record("One\nText."), tags=["b story", "a story"]).article_id
    memory_library.add_article(record("Two\nText."))
    third = memory_library.add_article(record("Three\nText."), tags=["b story"]).article_id
    assert memory_library.tags_by_article() == {first: ["a story", "b story"], third: ["b story"]}
