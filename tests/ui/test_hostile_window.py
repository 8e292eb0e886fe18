"""Second hostile pass (issue #16), the window's part: each test names the defect it holds fixed."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from db import Library, LibraryError
from tests.conftest import article_record as record


@pytest.fixture
def locked_by_another_program(tmp_path, monkeypatch):
    """A library with a backup that another program holds an EXCLUSIVE lock on."""
    import db.integrity
    from db.backup import make_backup

    monkeypatch.setattr(db.integrity, "BUSY_TIMEOUT_SECONDS", 0.3)
    path = tmp_path / "library.db"
    with Library(path) as library:
        for i in range(4):
            library.add_article(record(f"Story {i}\nTalks resumed in Istanbul, round {i}."))
        make_backup(library, path)
    other = sqlite3.connect(path, timeout=0)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO tags (name) VALUES ('held')")
    yield path
    other.rollback()
    other.close()


def test_2_the_window_does_not_offer_a_restore_for_a_locked_library(qapp, locked_by_another_program,
                                                                    monkeypatch):
    from desktop.ui.app import open_library

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    with pytest.raises(LibraryError, match="busy"):
        open_library(locked_by_another_program, interactive=True)
    assert asked == []
    assert not any((locked_by_another_program.parent / "backups").glob("*-replaced*"))
