"""The quick check on open is not repeated on a file nobody but Clipline wrote since it passed
(closed cleanly), and a write by another program, a session that never closed, or damage done
after it passed still get the check."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
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


def test_a_library_written_by_another_program_is_checked_again(tmp_path, checks):
    path = library_with(tmp_path / "library.db", 20)
    settle(path)
    checks.clear()
    with Library(path):
        pass
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE articles SET title = 'Renamed' WHERE id = 1")
    conn.close()
    settle(path)  # written, then left alone
    with Library(path):
        pass
    assert len(checks) == 2


def test_a_library_clipline_wrote_and_closed_is_not_checked_again(tmp_path, checks):
    path = library_with(tmp_path / "library.db", 20)
    checks.clear()
    with Library(path) as library:
        library.update_article(1, title="Renamed")
    for _ in range(2):  # right after the write (the same clock tick, maybe) and later
        with Library(path) as library:
            assert library.article(1)["title"] == "Renamed"
    assert checks == []  # library_with's writes were Clipline's, closed cleanly, too


def test_another_connection_writing_while_open_leaves_the_file_to_be_checked(tmp_path, checks):
    path = library_with(tmp_path / "library.db", 5)
    with Library(path):
        pass
    checks.clear()
    with Library(path):
        with sqlite3.connect(path) as conn:  # another program, while Clipline has it open
            conn.execute("UPDATE articles SET title = 'Renamed' WHERE id = 1")
        conn.close()
    with Library(path):
        pass
    assert len(checks) == 1


def test_a_session_killed_mid_write_leaves_the_file_to_be_checked(tmp_path, checks):
    path = library_with(tmp_path / "library.db", 5)
    with Library(path):
        pass  # remembered as good
    checks.clear()
    killed = subprocess.run([sys.executable, "-c", (
        "import os, sys\nfrom db import Library\nlibrary = Library(sys.argv[1])\n"
        "library.update_article(1, title='Renamed')\nos._exit(9)"), str(path)],
        cwd=Path(__file__).resolve().parents[2], check=False)
    assert killed.returncode == 9
    with Library(path):
        pass
    assert len(checks) == 1


def test_damage_right_after_a_clean_close_is_refused(tmp_path):
    path = library_with(tmp_path / "library.db", 300)
    with Library(path) as library:
        library.update_article(1, title="Renamed")
    damage(path)  # within moments of the close: the same clock tick, maybe
    with pytest.raises(DamagedLibraryError):
        Library(path)


def test_damage_after_a_passing_check_is_refused(tmp_path):
    path = library_with(tmp_path / "library.db", 300)
    settle(path)
    with Library(path):
        pass  # passes, and is remembered as good
    damage(path)
    with pytest.raises(DamagedLibraryError):
        Library(path)


def test_a_library_written_just_now_by_another_program_is_checked(tmp_path, checks):
    # Written moments after Clipline's clean close: its modification time still tells.
    path = library_with(tmp_path / "library.db", 5)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE articles SET title = 'Renamed' WHERE id = 1")
    conn.close()
    checks.clear()
    with Library(path):
        pass
    with Library(path):
        pass
    assert len(checks) == 1
