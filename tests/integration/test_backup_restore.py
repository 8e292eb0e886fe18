"""Backups (before upgrades, daily, on request), restore, and refusing a damaged library."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import Library, LibraryError
from db.backup import (
    KEEP,
    BackupError,
    backup_folder,
    backup_if_due,
    latest_good_backup,
    list_backups,
    make_backup,
    restore_backup,
)
from db.integrity import DamagedLibraryError, file_problems
from db.migrations import migrations
from tests.conftest import article_record as record


def library_with(path: Path, count: int) -> Path:
    with Library(path) as library:
        for i in range(count):
            library.add_article(record(f"Story {i}\nTalks resumed in Istanbul, round {i}."))
    return path


def count_in(path: Path) -> int:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk or a bad copy would."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xff" * 4096 * 4)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- making backups ---------------------------------------------------------------------------


def test_library_and_backups_are_readable_by_their_owner_only(tmp_path):
    path = library_with(tmp_path / "library.db", 2)
    assert mode(path) == 0o600
    with Library(path) as library:
        made = make_backup(library, path)
    assert made.parent == backup_folder(path) == tmp_path / "backups"
    assert mode(made) == 0o600
    assert mode(made.parent) == 0o700
    assert file_problems(made) == []
    assert count_in(made) == 2


def test_a_backup_taken_mid_session_holds_what_was_committed(tmp_path):
    path = tmp_path / "library.db"
    with Library(path) as library:
        library.add_article(record("One\nFirst."))
        first = make_backup(library, path)
        library.add_article(record("Two\nSecond."))
        second = make_backup(library, path)
    assert (count_in(first), count_in(second)) == (1, 2)
    assert [b.path for b in list_backups(path)] == [second, first]


def test_only_the_newest_backups_are_kept(tmp_path):
    path = library_with(tmp_path / "library.db", 1)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with Library(path) as library:
        made = [make_backup(library, path, now=start + timedelta(hours=i)) for i in range(KEEP + 3)]
    kept = [b.path for b in list_backups(path)]
    assert kept == made[::-1][:KEEP]
    assert not any(p.exists() for p in made[:3])


def test_a_new_empty_library_is_not_backed_up(tmp_path):
    path = tmp_path / "library.db"
    Library(path).close()
    assert list_backups(path) == []


def test_an_upgrade_is_preceded_by_a_backup_of_the_old_file(tmp_path):
    path = tmp_path / "library.db"
    last = migrations._migrations[-1].name
    old = Database(path)
    migrations.apply(old, stop_before=last)  # a library from the version before the last step
    old["articles"].insert(record("Old story\nKept through the upgrade.") | {"clipped_at": "2025"})
    old.close()
    with Library(path) as library:
        assert library.article_count() == 1
    (backup,) = list_backups(path)
    assert backup.reason == "before-upgrade"
    with sqlite3.connect(backup.path) as conn:
        steps = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
        assert last not in steps
        assert conn.execute("SELECT title FROM articles").fetchone()[0] == "Old story"


def test_no_upgrade_without_its_backup(tmp_path):
    path = tmp_path / "library.db"
    last = migrations._migrations[-1].name
    old = Database(path)
    migrations.apply(old, stop_before=last)
    old["articles"].insert(record("Old story\nText.") | {"clipped_at": "2025"})
    old.close()
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    with pytest.raises(BackupError, match="could not back up"):
        Library(path)
    with sqlite3.connect(path) as conn:
        steps = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
    assert last not in steps  # nothing was changed


def test_the_daily_backup_runs_once_a_day(tmp_path):
    path = library_with(tmp_path / "library.db", 1)
    now = datetime(2026, 3, 1, 9, tzinfo=UTC)
    with Library(path) as library:
        first = backup_if_due(library, tmp_path, now=now)
        assert first is not None and "daily" in first.name
        assert backup_if_due(library, tmp_path, now=now + timedelta(hours=23)) is None
        assert backup_if_due(library, tmp_path, now=now + timedelta(hours=25)) is not None
    assert len(list_backups(path)) == 2


def test_an_empty_library_needs_no_daily_backup(tmp_path):
    with Library(tmp_path / "library.db") as library:
        assert backup_if_due(library, tmp_path) is None


# -- damage and restore -----------------------------------------------------------------------


def test_a_damaged_library_is_refused_at_open_naming_the_latest_good_backup(tmp_path):
    path = library_with(tmp_path / "library.db", 300)
    with Library(path) as library:
        good = make_backup(library, path)
    damage(path)
    before = path.read_bytes()
    with pytest.raises(DamagedLibraryError) as caught:
        Library(path)
    assert caught.value.backup == good
    assert str(good) in str(caught.value) and "restore" in str(caught.value)
    assert path.read_bytes() == before  # refused, not written to


def test_a_file_that_is_not_sqlite_any_more_is_damaged_when_it_has_backups(tmp_path):
    path = library_with(tmp_path / "library.db", 2)
    with Library(path) as library:
        good = make_backup(library, path)
    path.write_bytes(b"\0" * 8192)
    with pytest.raises(DamagedLibraryError, match="damaged") as caught:
        Library(path)
    assert caught.value.backup == good


def test_restore_puts_the_backup_back_and_keeps_the_damaged_file(tmp_path):
    path = library_with(tmp_path / "library.db", 300)
    with Library(path) as library:
        good = make_backup(library, path)
    damage(path)
    damaged_bytes = path.read_bytes()
    restored = restore_backup(path)
    assert restored.backup == good
    assert restored.kept_as is not None and restored.kept_as.read_bytes() == damaged_bytes
    assert mode(path) == 0o600
    with Library(path) as library:
        assert library.article_count() == 300
    assert latest_good_backup(path) == good  # the set-aside file is not offered as a backup


def test_restore_skips_a_damaged_backup_for_the_newest_good_one(tmp_path):
    path = library_with(tmp_path / "library.db", 300)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with Library(path) as library:
        good = make_backup(library, path, now=start)
        newest = make_backup(library, path, now=start + timedelta(days=1))
    damage(newest)
    assert latest_good_backup(path) == good
    with pytest.raises(BackupError, match="damaged too"):
        restore_backup(path, newest)
    assert restore_backup(path).backup == good


def test_restore_takes_the_write_ahead_log_of_the_replaced_file_away(tmp_path):
    # A library that crashed with articles still in its -wal: restoring must not replay that
    # log onto the backup.
    live = tmp_path / "live"
    live.mkdir()
    path = library_with(live / "library.db", 1)
    with Library(path) as library:
        backup = make_backup(library, path)
        library.db.execute("PRAGMA wal_autocheckpoint = 0")
        for i in range(5):
            library.add_article(record(f"Later {i}\nOnly in the log."))
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for name in ("library.db", "library.db-wal"):
            shutil.copy(live / name, crashed / name)
    (crashed / "backups").mkdir()
    shutil.copy(backup, crashed / "backups" / backup.name)
    assert (crashed / "library.db-wal").stat().st_size > 0
    restored = restore_backup(crashed / "library.db")
    with Library(crashed / "library.db") as library:
        assert library.article_count() == 1
    # ... and what was in the log is kept with the replaced file, not lost.
    assert restored.kept_as is not None and count_in(restored.kept_as) == 6


def test_restore_is_refused_while_another_program_writes_the_library(tmp_path):
    path = library_with(tmp_path / "library.db", 1)
    with Library(path) as library:
        make_backup(library, path)
    writer = sqlite3.connect(path)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(BackupError, match="in use"):
            restore_backup(path)
    finally:
        writer.rollback()
        writer.close()


def test_restore_without_any_backup_says_so(tmp_path):
    path = library_with(tmp_path / "library.db", 1)
    with pytest.raises(LibraryError, match="no good backup"):
        restore_backup(path)


# -- the commands -----------------------------------------------------------------------------


def test_backup_check_and_restore_commands(cli, tmp_path):
    path = library_with(tmp_path / "library.db", 300)
    status, out, _ = cli("--library", path, "backup")
    assert status == 0 and "backed up" in out
    (made,) = list_backups(path)
    status, out, _ = cli("--library", path, "backup", "--list")
    assert status == 0 and str(made.path) in out
    status, out, _ = cli("--library", path, "check")
    assert status == 0 and out.startswith("ok")

    damage(path)
    status, out, err = cli("--library", path, "check")
    assert status == 1 and "problem:" in out and str(made.path) in err
    status, _, err = cli("--library", path, "articles")
    assert status == 2
    assert "damaged" in err and str(made.path) in err and "restore" in err

    status, out, _ = cli("--library", path, "restore")
    assert status == 0 and str(made.path) in out and "kept as" in out
    status, out, _ = cli("--library", path, "articles")
    assert status == 0 and "300 articles" in out


def test_check_reports_rows_pointing_at_missing_articles(cli, tmp_path):
    path = library_with(tmp_path / "library.db", 1)
    with sqlite3.connect(path) as conn:  # foreign keys are off on a plain connection
        conn.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (42, 1)")
    status, out, _ = cli("--library", path, "check")
    assert status == 1 and "article_tags" in out


def test_a_library_from_a_newer_clipline_is_refused_without_a_backup_or_a_change(cli, tmp_path):
    path = library_with(tmp_path / "library.db", 1)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('clipline', '9999_future', '2030')")
    before = path.read_bytes()
    status, _, err = cli("--library", path, "articles")
    assert status == 2 and "newer version of Clipline" in err
    assert path.read_bytes() == before and list_backups(path) == []
