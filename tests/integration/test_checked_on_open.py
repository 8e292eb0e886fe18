"""The quick check on open is not repeated on a file nobody wrote since it passed, and damage
done after it passed is still refused."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import db.backup
from db import Library
from db.integrity import DamagedLibraryError
from tests.integration.test_backup_restore import damage, library_with


def settle(path: Path) -> None:
    """As if the library was last written a minute ago (a real one mostly was)."""
    past = time.time() - 60
    os.utime(path, (past, past))


@pytest.fixture
def checks(monkeypatch) -> list[Path]:
    """The files the quick check read, in order."""
    seen: list[Path] = []
    real = db.backup.connection_problems

    def counted(conn, *, quick=False):
        seen.append(Path(conn.execute("PRAGMA database_list").fetchone()[2]))
        return real(conn, quick=quick)

    monkeypatch.setattr(db.backup, "connection_problems", counted)
    return seen


def test_an_unchanged_library_is_checked_once(tmp_path, checks):
    path = library_with(tmp_path / "library.db", 20)
    settle(path)
    checks.clear()
    for _ in range(3):
        with Library(path) as library:
            assert library.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 20
    assert len(checks) == 1


def test_a_written_library_is_checked_again(tmp_path, checks):
    path = library_with(tmp_path / "library.db", 20)
    settle(path)
    checks.clear()
    with Library(path):
        pass
    with Library(path) as library:
        library.db.execute("UPDATE articles SET title = 'Renamed' WHERE id = 1")
    settle(path)  # written, then left alone
    with Library(path):
        pass
    assert len(checks) == 2


def test_damage_after_a_passing_check_is_refused(tmp_path):
    path = library_with(tmp_path / "library.db", 300)
    settle(path)
    with Library(path):
        pass  # passes, and is remembered as good
    damage(path)
    with pytest.raises(DamagedLibraryError):
        Library(path)


def test_a_library_written_just_now_is_not_remembered(tmp_path, checks):
    # Its modification time could not tell a write in the same clock tick apart.
    path = library_with(tmp_path / "library.db", 5)
    checks.clear()
    with Library(path):
        pass
    with Library(path):
        pass
    assert len(checks) == 2
