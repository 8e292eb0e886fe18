"""Start-up on a damaged library offers the newest good backup; the daily backup runs off-thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from db.backup import list_backups, make_backup
from db.integrity import DamagedLibraryError
from db.library import Library
from desktop.ui import tasks
from desktop.ui.app import open_library
from tests.conftest import article_record


def stories(path: Path, count: int) -> Path:
    with Library(path) as library:
        for i in range(count):
            text = f"Story {i}\nTalks resumed in Istanbul, round {i}."
            library.add_article(article_record(text))
    return path


def damage(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xff" * 4096 * 4)


def damaged_library_with_backup(tmp_path: Path) -> Path:
    path = stories(tmp_path / "library.db", 40)
    with Library(path) as library:
        make_backup(library, path)
    damage(path)
    return path


def test_damaged_library_is_replaced_by_its_backup_when_the_reporter_agrees(qapp, tmp_path, monkeypatch):
    path = damaged_library_with_backup(tmp_path)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    library = open_library(path, interactive=True)
    try:
        assert library.article_count() == 40
    finally:
        library.close()
    assert "damaged" in asked[0].lower() and ".db" in asked[0]
    assert list((tmp_path / "backups").glob("library-*-replaced.db"))  # the damaged file is kept


def test_damaged_library_is_left_alone_when_the_reporter_declines(qapp, tmp_path, monkeypatch):
    path = damaged_library_with_backup(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    with pytest.raises(DamagedLibraryError):
        open_library(path, interactive=True)
    assert path.read_bytes() == before


def test_without_a_person_to_ask_the_damage_is_reported_not_repaired(qapp, tmp_path):
    path = damaged_library_with_backup(tmp_path)
    with pytest.raises(DamagedLibraryError) as caught:
        open_library(path, interactive=False)
    assert caught.value.backup is not None


def test_daily_backup_is_made_once_a_day(tmp_path):
    path = stories(tmp_path / "library.db", 3)

    class State:
        cancelled = False

        def progress(self, done: int, total: int, message: str = "") -> None:
            pass

    assert tasks.daily_backup(path, State()).startswith("Backed up the library to ")
    assert tasks.daily_backup(path, State()) == ""
    assert len(list_backups(path)) == 1
